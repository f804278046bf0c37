"""The files behind OParl's File objects: `accessUrl` shows the file (never as an attachment),
`downloadUrl` downloads it with its file name (spec 2.7). Only public documents; a document that
is no longer public or was removed answers 410 Gone, an unknown one 404."""

from __future__ import annotations

from flask import Response, abort, send_from_directory
from sqlalchemy import select

from ..db import db
from ..meetings.agenda import document_folder
from ..meetings.models import Document
from . import queries, serialize
from .views import bp


def _send(object_id: int, *, download: bool) -> Response:
    document = db.session.scalar(select(Document).where(Document.id == object_id,
                                                        queries.document_public()))
    if document is None:
        abort(410 if queries.one(db.session, queries.FILE, object_id) else 404)
    response = send_from_directory(
        document_folder(), document.stored_name, mimetype=document.mime_type, conditional=True,
        max_age=3600, as_attachment=download, download_name=serialize.file_name(document))
    response.headers["X-Content-Type-Options"] = "nosniff"
    if not download:
        # Shown, never run: a file type a browser cannot show is handed to another program.
        response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@bp.get("/file/<int:object_id>/access")
def file_access(object_id: int) -> Response:
    return _send(object_id, download=False)


@bp.get("/file/<int:object_id>/download")
def file_download(object_id: int) -> Response:
    return _send(object_id, download=True)
