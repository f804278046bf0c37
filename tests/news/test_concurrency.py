"""Two moderators at once, in two real sessions on separate connections (PostgreSQL in CI; on
SQLite the writers run one after the other): one wins, the other is told, one mail is sent."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from partizipation.accounts.models import User
from partizipation.domain import DomainError
from partizipation.mail.models import OutboxMessage
from partizipation.news import comments, services
from partizipation.news.models import Comment, Post, PostEvent
from tests.conftest import make_test_app
from tests.factories import create_user

from .factories import create_comment, create_post


@pytest.fixture()
def committed(engine, database_url):
    """An author, two moderators and a submitted post, committed for real; removed afterwards."""
    with Session(engine) as session:
        author = create_user(session, email="race.autor@example.org")
        first = create_user(session, role="editor", email="race.presse@example.org")
        second = create_user(session, role="officer", email="race.inklusion@example.org")
        post = create_post(session, author, "submitted", slug="wettlauf-beitrag")
        comment = create_comment(session, create_post(session, author, "published",
                                                      slug="wettlauf-kommentar"),
                                 author, "pending")
        ids = {"author": author.id, "moderators": [first.id, second.id], "post": post.id,
               "comment": comment.id}
        session.commit()
    yield ids
    with Session(engine) as session:
        session.execute(delete(OutboxMessage).where(
            OutboxMessage.to_address.like("race.%@example.org")))
        session.execute(delete(Comment).where(Comment.author_id == ids["author"]))
        session.execute(delete(PostEvent).where(PostEvent.actor_id.in_(
            [ids["author"], *ids["moderators"]])))
        session.execute(delete(Post).where(Post.author_id == ids["author"]))
        session.execute(delete(User).where(User.id.in_([ids["author"], *ids["moderators"]])))
        session.commit()


def _race(engine, database_url, actions):
    app = make_test_app(database_url)
    barrier = threading.Barrier(len(actions))
    results: list[str] = []

    def run(action):
        # As a writing request does (db.py): on SQLite the transaction takes the write lock.
        writer = engine.execution_options(sqlite_immediate=True)
        with app.app_context(), Session(writer, expire_on_commit=False) as session:
            barrier.wait()
            try:
                action(session)
                session.commit()
                results.append("won")
            except DomainError as error:
                session.rollback()
                results.append(f"told: {error}")

    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    app.extensions["db"].engine.dispose()
    return results


def test_two_moderators_decide_the_same_post_at_once(engine, database_url, committed):
    def decide(moderator_id, decision):
        def action(session):
            post = session.get(Post, committed["post"])
            services.decide_post(session, post, decision, "Notiz",
                                 actor=session.get(User, moderator_id))
        return action

    first, second = committed["moderators"]
    results = _race(engine, database_url, [decide(first, "publish"), decide(second, "reject")])
    assert sorted(r.split(":")[0] for r in results) == ["told", "won"], results
    assert "Es wurde nichts geändert" in next(r for r in results if r.startswith("told"))
    with Session(engine) as session:
        post = session.get(Post, committed["post"])
        assert post.status in ("published", "rejected")
        decisions = session.scalars(select(PostEvent).where(
            PostEvent.post_id == post.id, PostEvent.action.in_(("published", "rejected")))).all()
        assert len(decisions) == 1
        mails = session.scalars(select(OutboxMessage).where(
            OutboxMessage.to_address == "race.autor@example.org")).all()
        assert len(mails) == 1


def test_two_moderators_approve_and_reject_a_comment_at_once(engine, database_url, committed):
    def act(moderator_id, verb):
        def action(session):
            comment = session.get(Comment, committed["comment"])
            verb(session, comment, actor=session.get(User, moderator_id))
        return action

    first, second = committed["moderators"]
    results = _race(engine, database_url, [act(first, comments.approve_comment),
                                           act(second, comments.reject_comment)])
    assert sorted(r.split(":")[0] for r in results) == ["told", "won"], results
