"""The OParl 1.1 endpoint: /oparl/v1.1/system and everything it links to. Read-only JSON (UTF-8),
`Access-Control-Allow-Origin: *` on every answer, errors as OParl error objects, stateless (no
cookie is read or set)."""

from __future__ import annotations

from datetime import datetime
from math import ceil
from typing import Any
from urllib.parse import urlencode

import orjson
from flask import Blueprint, Response, redirect, request, url_for
from werkzeug.exceptions import HTTPException, NotFound

from ..db import db
from ..templating import url_for_in_loop
from . import queries, serialize
from .queries import Filters, Kind

bp = Blueprint("oparl", __name__, url_prefix="/oparl/v1.1")

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")
# The external lists of the Body (spec: Body), by their name in the URL.
BODY_LISTS = {"organization": queries.ORGANIZATION, "person": queries.PERSON,
              "meeting": queries.MEETING, "agendaItem": queries.AGENDA_ITEM,
              "file": queries.FILE, "location": queries.LOCATION,
              "legislativeTerm": queries.TERM, "membership": queries.MEMBERSHIP,
              "paper": None}


class BadRequest(HTTPException):
    code = 400


def _json(data: Any, status: int = 200) -> Response:
    """UTF-8 JSON, written by orjson (several times faster than the json module at a meeting
    page's 150 KiB; the same content, without the spaces after separators)."""
    return Response(orjson.dumps(data), status=status,
                    content_type="application/json; charset=utf-8")


def error(status: int, message: str, debug: str = "") -> Response:
    return _json({"type": "https://schema.oparl.org/1.1/Error", "message": message,
                  "debug": debug}, status)


MESSAGES = {
    400: "Die Anfrage ist ungültig.",
    404: "Dieses Objekt gibt es hier nicht (oder es ist nicht öffentlich).",
    405: "Diese Schnittstelle kann nur gelesen werden (GET).",
    410: "Diese Datei wurde gelöscht.",
}


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException) -> Response:
    code = exc.code or 500
    return error(code, MESSAGES.get(code, "Die Anfrage konnte nicht bearbeitet werden."),
                 (exc.description or "") if code == 400 else "")


@bp.errorhandler(Exception)
def _unexpected(exc: Exception) -> Response:
    from flask import current_app

    current_app.logger.exception("OParl request failed")
    return error(500, "Die Anfrage konnte nicht bearbeitet werden.")


@bp.after_request
def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers.setdefault("Cache-Control", "public, max-age=60")
    response.vary.discard("Cookie")
    return response


# --- parameters --------------------------------------------------------------------------------


def _moment(name: str) -> datetime | None:
    raw = request.args.get(name)
    if raw is None:
        return None
    try:
        # A "+" that was not URL-encoded arrives as a space.
        value = datetime.fromisoformat(raw.strip().replace(" ", "+"))
    except ValueError:
        raise BadRequest(f"{name}: expected a date-time like 2026-01-31T12:00:00+01:00") from None
    if value.tzinfo is None:
        raise BadRequest(f"{name}: the date-time needs its offset, e.g. +01:00")
    return value


def _number(name: str, default: int, highest: int | None = None) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(f"{name}: expected a whole number from 1")
    return min(int(raw), highest) if highest else int(raw)


def _filters() -> Filters:
    return Filters(**{name: _moment(name) for name in FILTERS})


def _list(kind: Kind | None, endpoint: str, scope: tuple[str, int] | None = None,
          **values: Any) -> Response:
    filters = _filters()
    size = (_number("limit", kind.page_size, kind.max_page_size) if kind
            else _number("limit", DEFAULT_LIMIT, MAX_LIMIT))
    number = _number("page", 1)
    if kind is None:
        total, data = 0, []
    else:
        total, entries = queries.page(db.session, kind, filters, number=number, size=size,
                                      scope=scope)
        data = serialize.objects(db.session, kind, entries)
    pages = max(1, ceil(total / size))
    kept = {name: request.args[name] for name in (*FILTERS, "limit", "omit_internal")
            if name in request.args}

    base = url_for_in_loop(endpoint, _external=True, **values)

    def link(page_number: int) -> str:
        params = dict(sorted({**kept, **({"page": str(page_number)} if page_number > 1
                                         else {})}.items()))
        return f"{base}?{urlencode(params)}" if params else base

    links = {"first": link(1), "self": link(number), "last": link(pages)}
    if number > 1:
        links["prev"] = link(min(number - 1, pages))
    if number < pages:
        links["next"] = link(number + 1)
    return _json({"data": data,
                  "pagination": {"totalElements": total, "elementsPerPage": size,
                                 "currentPage": number, "totalPages": pages},
                  "links": links})


# --- routes ------------------------------------------------------------------------------------


@bp.get("/system")
def system() -> Response:
    return _json(serialize.system(db.session))


@bp.get("/body")
def bodies() -> Response:
    _filters()
    data = [serialize.body(db.session)]
    this = url_for("oparl.bodies", _external=True)
    return _json({"data": data,
                  "pagination": {"totalElements": 1, "elementsPerPage": DEFAULT_LIMIT,
                                 "currentPage": 1, "totalPages": 1},
                  "links": {"first": this, "self": this, "last": this}})


def _check_body(body_id: int) -> None:
    if body_id != serialize.BODY_ID:
        raise NotFound()


@bp.get("/body/<int:body_id>")
def body(body_id: int) -> Response:
    _check_body(body_id)
    return _json(serialize.body(db.session))


@bp.get("/body/<int:body_id>/<name>")
def body_list(body_id: int, name: str) -> Response:
    _check_body(body_id)
    if name not in BODY_LISTS:
        raise NotFound()
    return _list(BODY_LISTS[name], "oparl.body_list", body_id=body_id, name=name)


@bp.get("/organization/<int:object_id>/meeting")
def organization_meetings(object_id: int) -> Response:
    try:
        return _list(queries.MEETING, "oparl.organization_meetings", ("body_id", object_id),
                     object_id=object_id)
    except queries.Hidden:
        raise NotFound() from None


@bp.get("/<kind>/<int:object_id>")
def thing(kind: str, object_id: int) -> Response:
    found = queries.KINDS.get(kind)
    if found is None:
        raise NotFound()
    entry = queries.one(db.session, found, object_id)
    if entry is None:
        raise NotFound()
    return _json(serialize.objects(db.session, found, [entry])[0])


@bp.get("/")
def start() -> Response:
    """The endpoint is the System object (spec 2.10)."""
    return redirect(url_for("oparl.system", _external=True), 301)  # type: ignore[return-value]


@bp.get("/<path:rest>")
def unknown(rest: str) -> Response:
    raise NotFound()
