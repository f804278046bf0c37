"""Every transition of a post and a comment, its history row, its mail, and the rules."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partizipation.domain import DomainError
from partizipation.mail.models import OutboxMessage
from partizipation.news import comments, services
from partizipation.news.models import CommentReport, Post
from partizipation.news.services import PostData

from .factories import add_image_row, create_post


def _data(**fields):
    values = {"title": "Neue Rampe am Kreishaus", "summary": "Endlich stufenlos.",
              "body": "Seit Montag gibt es eine Rampe.", "tags": "Mobilität, Kreishaus, mobilität"}
    values.update(fields)
    return PostData(**values)


def _mails(db_session, to=None):
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if to:
        query = query.where(OutboxMessage.to_address == to)
    return list(db_session.scalars(query))


def test_a_draft_gets_an_address_tags_and_history(app, db_session, cast):
    with app.test_request_context():
        post = services.create_post(db_session, _data(), actor=cast.user("author"))
        again = services.create_post(db_session, _data(), actor=cast.user("author"))
    assert post.slug == "neue-rampe-am-kreishaus" and again.slug == "neue-rampe-am-kreishaus-2"
    assert post.tag_names == ["Mobilität", "Kreishaus"] and post.status == "draft"
    assert [(e.action, e.actor_id) for e in post.events] == [("created", cast.user("author").id)]
    assert "<p>Seit Montag gibt es eine Rampe.</p>" == post.body_html


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"title": "  "}, "title", "Titel"),
    ({"summary": ""}, "summary", "Zusammenfassung"),
    ({"body": " \n "}, "body", "Text des Beitrags"),
    ({"tags": ",".join(f"t{i}" for i in range(9))}, "tags", "höchstens 8"),
    ({"tags": "x" * 41}, "tags", "40 Zeichen"),
    ({"component": "nonsense"}, "component", "Komponenten"),
    ({"easy_checked_by": "Prüfgruppe"}, "easy_checked_on", "beides"),
])
def test_bad_input_is_named_at_its_field(app, db_session, cast, fields, field, message):
    with app.test_request_context(), pytest.raises(DomainError) as error:
        services.create_post(db_session, _data(**fields), actor=cast.user("author"))
    assert error.value.field == field and message in str(error.value)


def test_the_whole_way_with_history_and_mail_in_each_locale(app, db_session, cast):
    author, editor, officer = cast.user("author"), cast.user("editor"), cast.user("officer")
    officer.locale = "en"
    with app.test_request_context():
        post = services.create_post(db_session, _data(), actor=author)
        services.submit_post(db_session, post, actor=author)
        assert post.status == "submitted"
        to_editor = _mails(db_session, editor.email)
        to_officer = _mails(db_session, officer.email)
        assert to_editor[-1].subject.startswith("Neuigkeit zur Moderation")
        assert to_officer[-1].subject.startswith("News to moderate")
        assert f"/neuigkeiten/beitrag/{post.id}" in to_editor[-1].body_text

        services.decide_post(db_session, post, "changes", "Bitte ein Foto ergänzen.",
                             actor=editor)
        assert post.status == "changes_requested"
        mail = _mails(db_session, author.email)[-1]
        assert "Bitte ein Foto ergänzen." in mail.body_text and mail.locale == "de"

        services.update_post(db_session, post, _data(title="Neue Rampe: jetzt mit Foto"),
                             actor=author)
        services.submit_post(db_session, post, actor=author)
        assert "erneut eingereicht" in _mails(db_session, editor.email)[-1].body_text
        services.decide_post(db_session, post, "publish", "", actor=editor)
        assert post.status == "published" and post.published_at is not None
        services.withdraw_post(db_session, post, "archive", "Veraltet.", actor=officer)
    assert [e.action for e in post.events] == [
        "created", "submitted", "changes_requested", "resubmitted", "published", "archived"]
    assert [e.note for e in post.events][2] == "Bitte ein Foto ergänzen."
    assert post.events[-1].actor_id == officer.id and post.status == "archived"


def test_a_rejection_needs_a_reason_which_is_mailed(app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "submitted")
    with app.test_request_context():
        with pytest.raises(DomainError) as error:
            services.decide_post(db_session, post, "reject", " ", actor=cast.user("editor"))
        assert error.value.field == "note"
        services.decide_post(db_session, post, "reject", "Kein Bezug zum Kreis.",
                             actor=cast.user("editor"))
    assert post.status == "rejected"
    assert "Kein Bezug zum Kreis." in _mails(db_session, cast.user("author").email)[-1].body_text


def test_a_moderator_action_in_the_wrong_state_is_refused_and_nothing_is_sent(
        app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "published")
    with app.test_request_context(), pytest.raises(DomainError, match="schneller"):
        services.decide_post(db_session, post, "publish", "", actor=cast.user("editor"))
    assert _mails(db_session) == [] and len(post.events) == 1


def test_a_double_submit_is_refused(app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "draft")
    with app.test_request_context():
        services.submit_post(db_session, post, actor=cast.user("author"))
        count = len(_mails(db_session))
        with pytest.raises(DomainError):
            services.submit_post(db_session, post, actor=cast.user("author"))
    assert len(_mails(db_session)) == count


def test_no_submission_without_consent_or_alt_text(app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "draft")
    add_image_row(db_session, post, shows_people=True, consent=False)
    with app.test_request_context(), pytest.raises(DomainError, match="eingewilligt"):
        services.submit_post(db_session, post, actor=cast.user("author"))
    post.images[0].consent_confirmed_at = post.images[0].created_at
    post.images[0].alt = ""
    with app.test_request_context(), pytest.raises(DomainError, match="Alternativtext"):
        services.submit_post(db_session, post, actor=cast.user("author"))


def test_a_video_without_captions_or_transcript_is_not_published(app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "submitted",
                       video_url="https://video.example.org/x")
    with app.test_request_context():
        with pytest.raises(DomainError, match="Untertitel") as error:
            services.decide_post(db_session, post, "publish", "", actor=cast.user("editor"))
        assert error.value.field == "decision" and post.status == "submitted"
        post.transcript = "Alles, was gesagt wird."
        services.decide_post(db_session, post, "publish", "", actor=cast.user("editor"))
    assert post.status == "published"


def test_comments_from_waiting_to_shown_hidden_and_withdrawn(app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "published")
    member, editor = cast.user("member"), cast.user("editor")
    with app.test_request_context():
        with pytest.raises(DomainError) as error:
            comments.add_comment(db_session, post, "  ", actor=member)
        assert error.value.field == "body"
        with pytest.raises(DomainError):
            comments.add_comment(db_session, post, "x" * 2001, actor=member)
        comment = comments.add_comment(db_session, post, "Sehr gut!", actor=member)
        assert comment.status == "pending"
        comments.approve_comment(db_session, comment, actor=editor)
        with pytest.raises(DomainError, match="schneller"):
            comments.reject_comment(db_session, comment, actor=editor)
        comments.report_comment(db_session, comment, "Unsachlich", actor=cast.user("author"))
        with pytest.raises(DomainError, match="bereits gemeldet"):
            comments.report_comment(db_session, comment, "Nochmal", actor=cast.user("author"))
        with pytest.raises(DomainError) as error:
            comments.hide_comment(db_session, comment, "", actor=editor)
        assert error.value.field == "reason"
        comments.hide_comment(db_session, comment, "Beleidigend", actor=editor)
        assert comment.status == "hidden" and comment.reason == "Beleidigend"
        assert db_session.scalars(select(CommentReport.handled_at)).one() is not None
        other = comments.add_comment(db_session, post, "Doch nicht.", actor=member)
        with pytest.raises(DomainError):
            comments.withdraw_comment(db_session, other, actor=cast.user("author"))
        comments.withdraw_comment(db_session, other, actor=member)
        assert other.status == "withdrawn"


def test_no_comment_on_a_post_that_is_not_published(app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "archived")
    with app.test_request_context(), pytest.raises(DomainError, match="veröffentlichten"):
        comments.add_comment(db_session, post, "Hallo", actor=cast.user("member"))


def test_reserved_addresses_are_never_taken(app, db_session, cast):
    with app.test_request_context():
        post = services.create_post(db_session, _data(title="Neu"), actor=cast.user("author"))
    assert post.slug == "neu-beitrag"
    assert db_session.get(Post, post.id) is post
