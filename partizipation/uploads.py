"""Uploaded files: checked by their content (never by name or the browser's claim), limited in
size, stored under a random name with their SHA-256, served with `nosniff` and as an attachment
unless they are safe to show inline. Every domain that takes files uses this module.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from flask import Response, current_app, send_from_directory
from flask_babel import format_decimal

from .domain import DomainError
from .i18n import _l

PDF = "application/pdf"
ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PNG, JPEG, WEBP = "image/png", "image/jpeg", "image/webp"
MP4, WEBM = "video/mp4", "video/webm"
VTT = "text/vtt"  # WebVTT captions of a video

# What each type is called in a link text ("Einladung (PDF, 240 KB)") and its file extension.
TYPES: dict[str, tuple[str, str]] = {
    PDF: ("PDF", "pdf"), ODT: ("ODT", "odt"), DOCX: ("Word", "docx"),
    PNG: ("PNG", "png"), JPEG: ("JPEG", "jpg"), WEBP: ("WebP", "webp"),
    MP4: ("MP4", "mp4"), WEBM: ("WebM", "webm"), VTT: ("WebVTT", "vtt"),
}
DOCUMENTS = frozenset({PDF, ODT, DOCX, PNG, JPEG, WEBP})
# Shown in the browser; everything else is downloaded.
INLINE = frozenset({PDF, PNG, JPEG, WEBP, MP4, WEBM, VTT})
HEAD_BYTES = 8192


@dataclass(frozen=True)
class StoredFile:
    name: str  # random, with the extension of the type found in the content
    size: int
    sha256: str
    mime_type: str
    sha512: str = ""


def sniff(stream: IO[bytes]) -> str | None:
    """The type the content really has (None when unknown), read from its first bytes."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if len(head) < 4:
        return None
    import filetype  # only an upload needs it: a worker that serves pages does not load it

    kind = filetype.guess(head)
    if kind is None and head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        return VTT  # a text format filetype does not know; its first word says what it is
    return kind.mime if kind is not None else None


def _size(stream: IO[bytes]) -> int:
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    return size


def check_upload(stream: IO[bytes], *, allowed: frozenset[str], max_bytes: int,
                 field: str) -> str:
    """The file's type, or a DomainError at `field` saying what to choose instead."""
    size = _size(stream)
    if size == 0:
        raise DomainError(_l("The file is empty. Choose another file."), field)
    if size > max_bytes:
        raise DomainError(_l("The file is larger than %(size)s. Choose a smaller file.",
                             size=format_size(max_bytes)), field)
    mime = sniff(stream)
    if mime not in allowed:
        names = ", ".join(sorted(TYPES[m][0] for m in allowed))
        raise DomainError(_l("This file is not of an accepted type. Choose a file of one of these "
                             "types: %(types)s.", types=names), field)
    return mime


def store_upload(stream: IO[bytes], folder: Path, *, allowed: frozenset[str], max_bytes: int,
                 field: str) -> StoredFile:
    """Check the file, then write it under a random name in `folder`."""
    mime = check_upload(stream, allowed=allowed, max_bytes=max_bytes, field=field)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.{TYPES[mime][1]}"
    digest, digest512 = hashlib.sha256(), hashlib.sha512()
    size = 0
    stream.seek(0)
    with (folder / name).open("wb") as target:
        while chunk := stream.read(1024 * 1024):
            digest.update(chunk)
            digest512.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return StoredFile(name=name, size=size, sha256=digest.hexdigest(), mime_type=mime,
                      sha512=digest512.hexdigest())


def upload_folder(part: str) -> Path:
    """The folder of one domain's files inside the configured UPLOAD_FOLDER."""
    return Path(current_app.config["UPLOAD_FOLDER"]) / part


def remove_stored(folder: Path, name: str | None) -> None:
    """Delete a stored file (call after the commit that dropped its row)."""
    if name:
        (folder / name).unlink(missing_ok=True)


def send_stored(folder: Path, name: str, mime_type: str, download_name: str,
                max_age: int = 3600) -> Response:
    """Serve a stored file: its own type, never sniffed, downloaded unless safe to show."""
    response = send_from_directory(
        folder, name, mimetype=mime_type, conditional=True, max_age=max_age,
        as_attachment=mime_type not in INLINE, download_name=download_name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def format_size(size: int) -> str:
    """A file size as people read it, in the current language: "240 KB", "1,2 MB"."""
    if size < 1024:
        return f"{format_decimal(size)} B"
    if size < 1024 * 1024:
        return f"{format_decimal(round(size / 1024))} KB"
    return f"{format_decimal(round(size / (1024 * 1024), 1))} MB"


def type_name(mime_type: str) -> str:
    return TYPES.get(mime_type, (mime_type, ""))[0]


def describe(mime_type: str, size: int) -> Any:
    """The part of a link text that says what the file is: "PDF, 240 KB"."""
    return f"{type_name(mime_type)}, {format_size(size)}"


def link_text(document: Any) -> str:
    """A document's link text: "Einladung (PDF, 240 KB)" for a stored file, the title for a link
    (a document with `title`, `mime_type`, `size` and, where it may be a link, `stored_name`)."""
    if getattr(document, "stored_name", True):
        return f"{document.title} ({describe(document.mime_type, document.size)})"
    return str(document.title)
