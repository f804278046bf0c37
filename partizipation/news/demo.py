"""Demo news (German; every person in it is invented and says so): five published posts — one
with a picture (alt text, recorded consent), one with a Leichte Sprache version, one with a
captioned video link —, one waiting in the queue, one with changes requested, and comments in
every state."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..db import utcnow
from .images import store_image
from .markdown import render_markdown
from .media import folder
from .models import (
    Comment,
    CommentReport,
    CommentStatus,
    Post,
    PostAction,
    PostEvent,
    PostImage,
    PostStatus,
    PostTag,
)

FACILITATOR_EMAIL = "begleitung.unna@example.org"
REVIEWERS = "Prüfgruppe Leichte Sprache des Inklusionsbeirats (erfunden)"

POSTS: list[dict[str, Any]] = [
    {
        "slug": "inklusionsbeirat-tagt-im-kreishaus",
        "title": "Der Inklusionsbeirat tagt zum ersten Mal im Kreishaus",
        "summary": "Zwölf Mitglieder, zwei Gebärdensprachdolmetscherinnen und ein volles "
                   "Programm: ein Bericht von der ersten Sitzung.",
        "body": "Am Dienstag kam der Inklusionsbeirat des Kreises Unna zu seiner ersten Sitzung "
                "zusammen. Alle Personen in diesem Beitrag sind erfunden.\n\n"
                "## Was besprochen wurde\n\n"
                "- die Geschäftsordnung des Beirats\n- der Zeitplan für die Satzung nach "
                "§ 13 BGG NRW\n- die Wahl des Vorsitzes\n\n"
                "Die nächste Sitzung ist im Frühjahr. Die Tagesordnung steht rechtzeitig auf "
                "dieser Seite.",
        "tags": ["Beirat", "Sitzung"], "component": "structure", "author": "editor",
        "image": True, "days": 2,
    },
    {
        "slug": "was-ist-partizipation",
        "title": "Was heißt eigentlich Partizipation?",
        "summary": "Mitbestimmen, mitreden, mitentscheiden: was der Kreis mit dem Projekt "
                   "„In Zukunft inklusiv“ vorhat.",
        "body": "Partizipation heißt: Menschen mit Behinderungen reden bei Entscheidungen mit, "
                "die sie betreffen. Der Kreis Unna arbeitet dafür mit dem Projekt „In Zukunft "
                "inklusiv“ zusammen.\n\n## Drei Komponenten\n\n1. **Struktur**: Gremien und "
                "feste Wege der Beteiligung\n2. **Kultur**: eine Haltung in Politik und "
                "Verwaltung\n3. **Aktivität**: politische Arbeit der Selbstvertretung",
        "easy": "# Partizipation\n\nPartizipation ist ein schweres Wort.\n\nEs bedeutet: "
                "**mit·bestimmen**.\n\nMenschen mit Behinderungen sollen mit·reden.\n\n"
                "Zum Beispiel im Kreis·haus.\n\nDann entscheidet die Politik besser.",
        "tags": ["Leichte Sprache", "Projekt"], "component": "culture", "author": "officer",
        "days": 9,
    },
    {
        "slug": "video-zukunftswerkstatt",
        "title": "Video: So war die Zukunftswerkstatt in Kamen",
        "summary": "Drei Minuten Film über einen Tag voller Ideen – mit Untertiteln im "
                   "Transkript.",
        "body": "Bei der Zukunftswerkstatt haben 40 Menschen Ideen für einen inklusiven Kreis "
                "gesammelt. Das Video zeigt die wichtigsten Ergebnisse.",
        "video_url": "https://video.example.org/kreis-unna/zukunftswerkstatt",
        "transcript": "[Musik]\n\nSprecherin (erfunden): Willkommen zur Zukunftswerkstatt in "
                      "Kamen.\n\nTeilnehmer (erfunden): Ich wünsche mir, dass alle Busse "
                      "barrierefrei sind.\n\n[Beifall]",
        "tags": ["Video", "Zukunftswerkstatt"], "component": "activity", "author": "editor",
        "days": 16,
    },
    {
        "slug": "interview-partizipationsbegleitung-unna",
        "title": "Interview: Ein Jahr Partizipationsbegleitung in Unna",
        "summary": "Jonas Probe (erfunden) erzählt, wie er Menschen mit Behinderungen bei der "
                   "Beteiligung in seiner Stadt unterstützt.",
        "body": "**Herr Probe, was machen Sie als Partizipationsbegleiter?**\n\n"
                "Ich helfe Menschen, ihre Anliegen in die Politik zu tragen. Ich bin "
                "erfunden, die Aufgabe aber nicht.\n\n**Was war Ihr schönstes Erlebnis?**\n\n"
                "Als der Rat einen Antrag des Beirats einstimmig angenommen hat.",
        "tags": ["Interview", "Partizipationsbegleitung"], "component": "activity",
        "author": "facilitator", "days": 23,
    },
    {
        "slug": "aufruf-pruefgruppe-leichte-sprache",
        "title": "Aufruf: Mitmachen in der Prüfgruppe Leichte Sprache",
        "summary": "Wir suchen Menschen, die Texte in Leichter Sprache prüfen. Die Pressestelle "
                   "freut sich auf Ihre Nachricht.",
        "body": "Texte in Leichter Sprache gelten erst, wenn eine Prüfgruppe sie gelesen hat. "
                "Dafür suchen wir Verstärkung.\n\nSchreiben Sie uns über das Formular "
                "„Barriere melden“ oder sprechen Sie uns bei der nächsten Sitzung an.",
        "tags": ["Leichte Sprache", "Mitmachen"], "component": "culture", "author": "editor",
        "days": 30,
    },
]


def _demo_picture() -> io.BytesIO:
    """An invented picture: a table, chairs and a banner (drawn, nobody real is shown)."""
    image = Image.new("RGB", (1200, 800), (225, 236, 244))
    draw = ImageDraw.Draw(image)
    draw.rectangle((150, 420, 1050, 520), fill=(120, 84, 52))
    for x in (200, 380, 560, 740, 920):
        draw.ellipse((x, 300, x + 80, 380), fill=(60, 90, 150))
        draw.rectangle((x + 10, 380, x + 70, 430), fill=(60, 90, 150))
    draw.rectangle((300, 80, 900, 180), fill=(0, 94, 107))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    buffer.seek(0)
    return buffer


def _post(session: Session, data: dict[str, Any], author: User, status: PostStatus,
          moderator: User, days: int) -> Post:
    now = utcnow()
    post = Post(slug=data["slug"], title=data["title"], summary=data["summary"],
                body_markdown=data["body"], body_html=render_markdown(data["body"]),
                easy_markdown=data.get("easy", ""), easy_html=render_markdown(data.get("easy")),
                component=data.get("component"), status=status.value, author_id=author.id,
                video_url=data.get("video_url", ""), transcript=data.get("transcript", ""),
                created_at=now - timedelta(days=days + 1), updated_at=now - timedelta(days=days))
    if data.get("easy"):
        post.easy_checked_by, post.easy_checked_on = REVIEWERS, date(2025, 10, 1)
    post.tags = [PostTag(tag=tag) for tag in data.get("tags", [])]
    post.events.append(PostEvent(actor_id=author.id, action=PostAction.CREATED.value,
                                 to_status=PostStatus.DRAFT.value, created_at=post.created_at))
    post.events.append(PostEvent(actor_id=author.id, action=PostAction.SUBMITTED.value,
                                 from_status=PostStatus.DRAFT.value,
                                 to_status=PostStatus.SUBMITTED.value, created_at=post.created_at))
    if status == PostStatus.PUBLISHED:
        post.published_at = now - timedelta(days=days)
        post.events.append(PostEvent(actor_id=moderator.id, action=PostAction.PUBLISHED.value,
                                     from_status=PostStatus.SUBMITTED.value,
                                     to_status=status.value, created_at=post.published_at))
    session.add(post)
    return post


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    editor, officer, member = users["editor"], users["officer"], users["member"]
    facilitator = session.scalar(select(User).where(User.email == FACILITATOR_EMAIL)) or member
    authors = {"editor": editor, "officer": officer, "facilitator": facilitator}
    published = []
    for data in POSTS:
        post = _post(session, data, authors[data["author"]], PostStatus.PUBLISHED, editor,
                     data["days"])
        if data.get("image"):
            stored = store_image(_demo_picture(), folder())
            post.images.append(PostImage(
                stem=stored.stem, widths=",".join(map(str, stored.widths)), width=stored.width,
                height=stored.height, shows_people=True,
                alt="Fünf Beiratsmitglieder (gezeichnet) sitzen an einem langen Tisch unter "
                    "einem Banner.",
                caption="Die erste Sitzung des Inklusionsbeirats (Zeichnung, erfunden).",
                consent_note="Schriftlich am 3. November, Einwilligungen liegen der Pressestelle "
                             "vor (erfunden).",
                consent_confirmed_at=utcnow(), consent_confirmed_by_id=editor.id))
        published.append(post)

    waiting = _post(session, {
        "slug": "barrierefreie-haltestellen-bergkamen",
        "title": "Barrierefreie Haltestellen in Bergkamen: eine Bestandsaufnahme",
        "summary": "Wir haben 20 Haltestellen mit dem Rollstuhl getestet (erfundene Ergebnisse).",
        "body": "Von 20 Haltestellen waren 12 ohne Hilfe nutzbar. Die Liste folgt.",
        "tags": ["Mobilität"], "component": "activity",
    }, member, PostStatus.SUBMITTED, editor, 1)
    changes = _post(session, {
        "slug": "sprechstunde-partizipationsbegleitung",
        "title": "Neue Sprechstunde der Partizipationsbegleitung",
        "summary": "Ab sofort jeden ersten Montag im Monat.",
        "body": "Die Sprechstunde findet im Rathaus statt.",
        "tags": ["Partizipationsbegleitung"],
    }, facilitator, PostStatus.CHANGES_REQUESTED, editor, 3)
    changes.events.append(PostEvent(
        actor_id=editor.id, action=PostAction.CHANGES_REQUESTED.value,
        from_status=PostStatus.SUBMITTED.value, to_status=PostStatus.CHANGES_REQUESTED.value,
        note="Bitte nennen Sie die Uhrzeit und den Raum und sagen Sie, ob der Raum "
             "stufenlos erreichbar ist."))
    del waiting
    session.flush()

    first, second = published[0], published[1]
    states = [
        (first, member, CommentStatus.APPROVED, "Toll, dass der Beirat jetzt loslegt!", ""),
        (first, officer, CommentStatus.APPROVED, "Danke für den Bericht. Die Unterlagen "
         "folgen nächste Woche.", ""),
        (first, facilitator, CommentStatus.PENDING, "Gibt es die Tagesordnung auch in "
         "Leichter Sprache?", ""),
        (second, member, CommentStatus.REJECTED, "Werbung für meinen Laden: www.example.org",
         ""),
        (second, facilitator, CommentStatus.WITHDRAWN, "Ich habe mich verschrieben.", ""),
        (second, member, CommentStatus.HIDDEN, "Ein Beitrag mit einer Beleidigung (erfunden).",
         "Beleidigend gegenüber einer Person."),
    ]
    rows = []
    for post, author, status, body, reason in states:
        comment = Comment(post_id=post.id, author_id=author.id, body=body, status=status.value,
                          reason=reason)
        if status != CommentStatus.PENDING:
            comment.decided_at = utcnow()
            comment.decided_by_id = author.id if status == CommentStatus.WITHDRAWN else editor.id
        rows.append(comment)
    session.add_all(rows)
    session.flush()
    session.add(CommentReport(comment_id=rows[0].id, reporter_id=facilitator.id,
                              reason="Bitte prüfen: Das ist doch nicht ernst gemeint (erfunden)."))
    session.flush()
    return []
