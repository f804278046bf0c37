"""BITV 2.0 pages: start page, Leichte Sprache, sign language, statement, feedback, imprint, privacy.

Placeholder views until the pages get their stored, editable content.
"""

from flask import Blueprint, render_template

bp = Blueprint("bitv", __name__)


def _page(title: str):  # type: ignore[no-untyped-def]
    return render_template("bitv/placeholder.html", page_title=title)


@bp.get("/")
def home():  # type: ignore[no-untyped-def]
    return _page("Start")


@bp.get("/leichte-sprache")
def easy_language():  # type: ignore[no-untyped-def]
    return _page("Leichte Sprache")


@bp.get("/gebaerdensprache")
def sign_language():  # type: ignore[no-untyped-def]
    return _page("Gebärdensprache")


@bp.get("/barrierefreiheit")
def statement():  # type: ignore[no-untyped-def]
    return _page("Barrierefreiheit")


@bp.get("/impressum")
def imprint():  # type: ignore[no-untyped-def]
    return _page("Impressum")


@bp.get("/datenschutz")
def privacy():  # type: ignore[no-untyped-def]
    return _page("Datenschutz")
