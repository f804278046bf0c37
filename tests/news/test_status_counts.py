"""The moderation's figures come from the counts the database keeps (news_status_counts,
migration 0021): right after posts and comments are created one by one or in bulk, change their
state through the services or an UPDATE of many rows, and are deleted (a post with its comments
through the foreign key's cascade)."""

from __future__ import annotations

import re

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from partizipation.accounts.models import User
from partizipation.news import comments, queries, services
from partizipation.news.models import Comment, Post, PostEvent, StatusCount
from tests.concurrency import race
from tests.conftest import login
from tests.factories import create_user

from .bulk import add_comments, add_posts
from .factories import create_comment, create_post


def recounted(session: Session) -> dict[tuple[str, str], int]:
    """The counts computed from the posts and comments themselves."""
    found = {("post", status): n for status, n in session.execute(
        select(Post.status, func.count()).group_by(Post.status))}
    found.update({("comment", status): n for status, n in session.execute(
        select(Comment.status, func.count()).group_by(Comment.status))})
    return found


def stored(session: Session) -> dict[tuple[str, str], int]:
    return {(kind, status): n for kind, status, n in session.execute(
        select(StatusCount.kind, StatusCount.status, StatusCount.n)) if n}


def test_created_posts_and_comments_are_counted_by_state(db_session, cast):
    author = cast.user("author")
    before = stored(db_session)
    post = create_post(db_session, author, "published")
    create_post(db_session, author, "submitted")
    create_comment(db_session, post, author, "pending")
    create_comment(db_session, post, author, "approved")
    after = stored(db_session)
    assert after.get(("post", "submitted"), 0) == before.get(("post", "submitted"), 0) + 1
    assert after.get(("comment", "pending"), 0) == before.get(("comment", "pending"), 0) + 1
    assert after == recounted(db_session)


def test_changes_of_state_move_the_counts(app, db_session, cast):
    author, moderator = cast.user("author"), cast.user("editor")
    waiting = create_post(db_session, author, "submitted")
    with app.test_request_context():
        start = queries.status_counts(db_session)
        services.decide_post(db_session, waiting, services.Decision.PUBLISH, "", actor=moderator)
        comment = comments.add_comment(db_session, waiting, "Gut so.", actor=author)
        assert queries.status_counts(db_session)["comments_pending"] == \
            start["comments_pending"] + 1
        comments.approve_comment(db_session, comment, actor=moderator)
        services.withdraw_post(db_session, waiting, "archive", "Veraltet", actor=moderator)
        counts = queries.status_counts(db_session)
    assert counts["submitted"] == start["submitted"] - 1
    assert counts["archived"] == start["archived"] + 1
    assert counts["published"] == start["published"]
    assert counts["comments_pending"] == start["comments_pending"]
    assert stored(db_session) == recounted(db_session)


def test_bulk_inserts_updates_and_deletes_are_counted(db_session, cast):
    author = cast.user("author")
    post = create_post(db_session, author, "published")  # before the bulk rows' explicit ids
    add_posts(db_session, author.id, 30, commenter_id=author.id, comments_per_post=2)
    add_comments(db_session, post.id, author.id, 12)
    assert stored(db_session) == recounted(db_session)
    db_session.execute(update(Post).where(Post.status == "draft").values(status="submitted"))
    db_session.execute(update(Comment).where(Comment.status == "pending")
                       .values(status="rejected"))
    # A statement that changes no state leaves the counts as they are.
    db_session.execute(update(Post).values(title=Post.title + " (geändert)"))
    assert stored(db_session) == recounted(db_session)
    # A deleted post takes its comments with it (the foreign key's cascade).
    db_session.execute(delete(PostEvent).where(PostEvent.post_id == post.id))
    db_session.execute(delete(Post).where(Post.id == post.id))
    db_session.execute(delete(Comment).where(Comment.status == "approved"))
    assert stored(db_session) == recounted(db_session)


def test_the_moderation_page_shows_exact_counts_past_the_old_limit(db_session, client, cast):
    """Above 500 the page used to say "more than 500"; the kept counts give the number."""
    moderator = cast.user("editor")
    add_posts(db_session, cast.user("author").id, 1210, commenter_id=moderator.id,
              comments_per_post=0)
    submitted = recounted(db_session)[("post", "submitted")]
    assert submitted > 120
    login(client, moderator.email)
    html = client.get("/neuigkeiten/moderation").get_data(as_text=True)
    published = recounted(db_session)[("post", "published")]
    assert published > 500
    shown = re.sub(r"\D", "", re.search(r"Veröffentlichte Beiträge</dt><dd>([^<]*)<",
                                         html).group(1))
    assert int(shown) == published
    last = client.get(f"/neuigkeiten/moderation?seite={submitted // 25 + 5}")
    assert f"Seite {-(-submitted // 25)} von {-(-submitted // 25)}" in \
        last.get_data(as_text=True).replace("\xa0", " ")



def test_two_moderators_at_once_lose_no_change(race_engine):
    """One publishes a post while another takes a published one back: both change the count
    of published posts; each change is kept."""
    from tests.conftest import make_test_app

    app = make_test_app(race_engine.url.render_as_string(hide_password=False))
    with Session(race_engine) as session:
        first = create_user(session, role="editor", email="race.states1@example.org")
        second = create_user(session, role="officer", email="race.states2@example.org")
        waiting = create_post(session, first, "submitted")
        shown = create_post(session, first, "published")
        session.commit()
        ids = (first.id, second.id, waiting.id, shown.id)

    def publish(session: Session) -> None:
        services.decide_post(session, session.get(Post, ids[2]), services.Decision.PUBLISH, "",
                             actor=session.get(User, ids[0]))

    def unpublish(session: Session) -> None:
        services.withdraw_post(session, session.get(Post, ids[3]), "unpublish", "Veraltet",
                               actor=session.get(User, ids[1]))

    try:
        outcomes = race(race_engine, app, publish, unpublish)
        assert [kind for kind, _ in outcomes] == ["ok", "ok"], outcomes
        with Session(race_engine) as session:
            assert stored(session) == recounted(session)
            assert stored(session)[("post", "published")] == recounted(session)[
                ("post", "published")] == 1
    finally:
        with Session(race_engine) as session:
            session.execute(delete(PostEvent))
            session.execute(delete(Post))
            session.execute(delete(User).where(User.email.like("race.states%")))
            session.commit()
            assert stored(session) == recounted(session) == {}
