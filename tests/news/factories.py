"""Factories of the news domain. Each flushes; the test's transaction is rolled back."""

from __future__ import annotations

import io
import itertools
from datetime import timedelta
from typing import Any

from PIL import Image
from sqlalchemy.orm import Session

from partizipation.accounts.models import User
from partizipation.db import utcnow
from partizipation.news.markdown import render_markdown
from partizipation.news.models import Comment, Post, PostEvent, PostImage, PostTag

_counter = itertools.count(1)


def create_post(session: Session, author: User, status: str = "draft", *,
                tags: tuple[str, ...] = (), body: str = "Ein **Text** (erfunden).",
                **fields: Any) -> Post:
    number = next(_counter)
    fields.setdefault("title", f"Beitrag {number} (erfunden)")
    fields.setdefault("slug", f"beitrag-{number}-test")
    fields.setdefault("summary", "Eine kurze Zusammenfassung.")
    if status in ("published", "archived"):
        fields.setdefault("published_at", utcnow() - timedelta(minutes=number))
    post = Post(author_id=author.id, status=status, body_markdown=body,
                body_html=render_markdown(body), **fields)
    post.tags = [PostTag(tag=tag) for tag in tags]
    post.events.append(PostEvent(actor_id=author.id, action="created", to_status=status))
    session.add(post)
    session.flush()
    return post


def create_comment(session: Session, post: Post, author: User, status: str = "approved",
                   body: str = "Ein Kommentar (erfunden).") -> Comment:
    comment = Comment(post_id=post.id, author_id=author.id, body=body, status=status)
    session.add(comment)
    session.flush()
    return comment


def add_image_row(session: Session, post: Post, *, shows_people: bool = False,
                  consent: bool = True, alt: str = "Ein Bild") -> PostImage:
    image = PostImage(stem=f"{next(_counter):032x}", widths="480", width=480, height=320,
                      alt=alt, shows_people=shows_people,
                      consent_note="schriftlich" if shows_people and consent else "",
                      consent_confirmed_at=utcnow() if shows_people and consent else None)
    post.images.append(image)
    session.flush()
    return image


def jpeg_bytes(size: tuple[int, int] = (1200, 800), *, gps: bool = False) -> io.BytesIO:
    """A JPEG photo; with `gps`, it carries EXIF with a camera and a GPS position."""
    image = Image.new("RGB", size, (200, 120, 40))
    buffer = io.BytesIO()
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "Testkamera GmbH"  # Make
        exif[0x0110] = "Modell 7"  # Model
        gps_ifd = {1: "N", 2: (51.0, 32.0, 10.0), 3: "E", 4: (7.0, 41.0, 20.0)}
        exif[0x8825] = gps_ifd
        image.save(buffer, "JPEG", exif=exif.tobytes())
    else:
        image.save(buffer, "JPEG")
    buffer.seek(0)
    return buffer
