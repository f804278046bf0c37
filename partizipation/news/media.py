"""Pictures and video of a post: stored through uploads.py and images.py, never with metadata.
Files are written before the commit and removed by the caller after the commit that drops them."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from flask import current_app
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..uploads import MP4, VTT, WEBM, store_upload, upload_folder
from .images import store_image
from .models import Post, PostImage
from .permissions import EDITABLE

MAX_IMAGES = 12
CAPTIONS_MAX_BYTES = 512 * 1024


def folder() -> Path:
    return upload_folder("news")


def _editable(post: Post) -> None:
    if post.status not in EDITABLE:
        raise DomainError(_l("This post cannot be changed in its current state (%(status)s).",
                             status=post.status_label))


def add_image(session: Session, post: Post, stream: IO[bytes] | None, data: dict[str, Any], *,
              actor: User) -> PostImage:
    """Check the text alternative and the consent first, then the file; store it re-encoded."""
    _editable(post)
    if len(post.images) >= MAX_IMAGES:
        raise DomainError(_l("A post can have at most %(n)s pictures.", n=MAX_IMAGES), "file")
    alt = (data.get("alt") or "").strip()
    decorative = bool(data.get("is_decorative"))
    if not decorative and not alt:
        raise DomainError(_l("Describe what the picture shows, or mark it as decorative."),
                          "alt")
    shows_people = data.get("shows_people")
    if shows_people not in ("yes", "no"):
        raise DomainError(_l("Say whether people can be recognised in the picture."),
                          "shows_people")
    note = (data.get("consent_note") or "").strip()
    if shows_people == "yes":
        if not data.get("consent_confirmed"):
            raise DomainError(_l("Confirm that every person shown agreed to the publication."),
                              "consent_confirmed")
        if not note:
            raise DomainError(_l("Write how the consent was given, for example “in writing on "
                                 "12 March, form kept by the press office”."), "consent_note")
    if stream is None:
        raise DomainError(_l("Choose a picture (JPEG, PNG or WebP)."), "file")
    stored = store_image(stream, folder(), field="file")
    image = PostImage(
        stem=stored.stem, widths=",".join(str(w) for w in stored.widths), width=stored.width,
        height=stored.height, alt="" if decorative else alt, is_decorative=decorative,
        caption=(data.get("caption") or "").strip(), shows_people=shows_people == "yes",
        consent_note=note if shows_people == "yes" else "",
        consent_confirmed_at=utcnow() if shows_people == "yes" else None,
        consent_confirmed_by_id=actor.id if shows_people == "yes" else None,
    )
    post.images.append(image)
    post.updated_at = utcnow()
    session.flush()
    return image


def remove_image(session: Session, post: Post, image: PostImage) -> tuple[str, list[int]]:
    """Drop the picture; returns what the caller deletes from disk after the commit."""
    _editable(post)
    files = (image.stem, image.width_list)
    post.images.remove(image)
    session.flush()
    return files


def _check_captions(stream: IO[bytes]) -> None:
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    head = stream.read(CAPTIONS_MAX_BYTES + 1)
    stream.seek(0)
    if size > CAPTIONS_MAX_BYTES:
        raise DomainError(_l("The captions file can be at most 512 KB."), "captions")
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DomainError(_l("Save the captions file as UTF-8 text and choose it again."),
                          "captions") from error
    if not text.startswith("WEBVTT") or "-->" not in text:
        raise DomainError(_l("Choose a WebVTT captions file (it starts with “WEBVTT” and has "
                             "times like 00:00:01.000 --> 00:00:04.000)."), "captions")


def save_video(session: Session, post: Post, data: dict[str, Any], *, video: IO[bytes] | None,
               captions: IO[bytes] | None) -> list[str]:
    """Set the video (a file or a link) with its captions or transcript; returns replaced files."""
    _editable(post)
    url = (data.get("video_url") or "").strip()
    if url and not url.startswith(("https://", "http://")):
        raise DomainError(_l("Enter the link to the video starting with https://."), "video_url")
    if url and video is not None:
        raise DomainError(_l("Give either a video file or a link, not both."), "video_url")
    if video is None and not url and not post.has_video and not data.get("remove_video"):
        raise DomainError(_l("Choose a video file or enter a link to the video."), "video")
    if captions is not None:
        _check_captions(captions)
    replaced: list[str] = []
    if data.get("remove_video") and video is None and not url:
        replaced += [n for n in (post.video_name, post.captions_name) if n]
        post.video_name = post.video_mime = post.captions_name = None
        post.video_size = None
        post.video_url = ""
        post.transcript = ""
        session.flush()
        return replaced
    if video is not None:
        stored = store_upload(video, folder(), allowed=frozenset({MP4, WEBM}),
                              max_bytes=current_app.config["NEWS_VIDEO_MAX_BYTES"],
                              field="video")
        if post.video_name:
            replaced.append(post.video_name)
        post.video_name, post.video_mime, post.video_size = (stored.name, stored.mime_type,
                                                             stored.size)
        post.video_url = ""
    elif url:
        if post.video_name:
            replaced.append(post.video_name)
        post.video_name = post.video_mime = None
        post.video_size = None
        post.video_url = url
    if captions is not None:
        stored_captions = store_upload(captions, folder(), allowed=frozenset({VTT}),
                                       max_bytes=CAPTIONS_MAX_BYTES, field="captions")
        if post.captions_name:
            replaced.append(post.captions_name)
        post.captions_name = stored_captions.name
    post.transcript = (data.get("transcript") or "").strip()
    post.updated_at = utcnow()
    session.flush()
    return replaced
