"""The tag filter's choices come from the tag counts the database keeps (news_tag_counts,
migration 0019): right after a post is published, unpublished or archived, after its tags were
changed and it was published again, after it was deleted, and with two moderators at once."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from partizipation.accounts.models import User
from partizipation.news import queries, services
from partizipation.news.models import Post, PostEvent, PostStatus, PostTag, TagCount
from tests.concurrency import race
from tests.factories import create_user

from .factories import create_post


def cloud(session: Session) -> dict[str, int]:
    return dict(queries.tag_cloud(session))


def recounted(session: Session) -> dict[str, int]:
    """The counts computed from the posts themselves."""
    return dict(session.execute(
        select(PostTag.tag, func.count()).join(Post, Post.id == PostTag.post_id)
        .where(Post.status == PostStatus.PUBLISHED.value).group_by(PostTag.tag)).all())


def stored(session: Session) -> dict[str, int]:
    return dict(session.execute(select(TagCount.tag, TagCount.posts)).all())


def filter_choices(client: Any) -> list[str]:
    html = client.get("/neuigkeiten").get_data(as_text=True)
    select_html = re.search(r'<select[^>]*name="thema".*?</select>', html, re.S)
    assert select_html, "no tag filter"
    return [value for value in re.findall(r'<option[^>]*value="([^"]*)"', select_html.group(0))
            if value]


def publish(session: Session, post: Post, moderator: User) -> None:
    services.decide_post(session, post, services.Decision.PUBLISH, "", actor=moderator)


def withdraw(app: Any, session: Session, post: Post, action: str, moderator: User) -> None:
    with app.test_request_context():
        services.withdraw_post(session, post, action, "Veraltet", actor=moderator)


def test_publishing_offers_the_posts_tags_in_the_filter(app, client, db_session, cast):
    moderator = cast.user("editor")
    first = create_post(db_session, cast.user("author"), "submitted", tags=("Beirat", "Bus"))
    second = create_post(db_session, cast.user("author"), "submitted", tags=("Beirat",))
    create_post(db_session, cast.user("author"), "draft", tags=("Entwurfsthema",))
    assert "Beirat" not in filter_choices(client)
    with app.test_request_context():
        publish(db_session, first, moderator)
        publish(db_session, second, moderator)
    assert cloud(db_session) == {"Beirat": 2, "Bus": 1}
    assert filter_choices(client) == ["Beirat", "Bus"]
    assert stored(db_session) == recounted(db_session)


@pytest.mark.parametrize("action", ["unpublish", "archive"])
def test_a_post_taken_back_no_longer_counts(app, client, db_session, cast, action):
    moderator = cast.user("editor")
    kept = create_post(db_session, cast.user("author"), "published", tags=("Beirat",))
    taken = create_post(db_session, cast.user("author"), "published", tags=("Beirat", "Bus"))
    assert cloud(db_session) == {"Beirat": 2, "Bus": 1}
    withdraw(app, db_session, taken, action, moderator)
    assert cloud(db_session) == {"Beirat": 1}
    assert filter_choices(client) == ["Beirat"]
    withdraw(app, db_session, kept, action, moderator)
    assert cloud(db_session) == {}
    assert stored(db_session) == recounted(db_session) == {}


def test_changed_tags_count_once_the_post_is_published_again(app, db_session, cast):
    author, moderator = cast.user("author"), cast.user("editor")

    def data(tags: str) -> services.PostData:
        return services.PostData(title="Neuer Bus", summary="Kurz", body="Text", tags=tags)

    with app.test_request_context():
        post = services.create_post(db_session, data("Bus, Beirat"), actor=author)
        services.submit_post(db_session, post, actor=author)
        publish(db_session, post, moderator)
        assert cloud(db_session) == {"Beirat": 1, "Bus": 1}
        services.withdraw_post(db_session, post, "unpublish", "Bitte ergänzen", actor=moderator)
        services.update_post(db_session, post, data("Bus, Mobilität"), actor=author)
        assert cloud(db_session) == {}
        services.submit_post(db_session, post, actor=author)
        assert cloud(db_session) == {}
        publish(db_session, post, moderator)
    assert cloud(db_session) == {"Bus": 1, "Mobilität": 1}
    assert stored(db_session) == recounted(db_session)


def test_a_deleted_post_no_longer_counts(db_session, cast):
    author = cast.user("author")
    by_orm = create_post(db_session, author, "published", tags=("Beirat", "Bus"))
    by_sql = create_post(db_session, author, "published", tags=("Beirat", "Rampe"))
    draft = create_post(db_session, author, "draft", tags=("Beirat",))
    create_post(db_session, author, "published", tags=("Beirat",))
    assert cloud(db_session) == {"Beirat": 3, "Bus": 1, "Rampe": 1}
    db_session.delete(by_orm)  # its tags first, then the post
    db_session.flush()
    assert cloud(db_session) == {"Beirat": 2, "Rampe": 1}
    # A DELETE of the row: its tags go through the foreign key's cascade.
    db_session.execute(delete(PostEvent).where(PostEvent.post_id == by_sql.id))
    db_session.execute(delete(Post).where(Post.id == by_sql.id))
    assert cloud(db_session) == {"Beirat": 1}
    db_session.execute(delete(PostEvent).where(PostEvent.post_id == draft.id))
    db_session.execute(delete(Post).where(Post.id == draft.id))
    assert cloud(db_session) == {"Beirat": 1}
    assert stored(db_session) == recounted(db_session)


def test_the_filter_offers_the_most_used_tags(db_session, cast):
    """TAG_CLOUD tags: the most used first, equal counts by name."""
    author = cast.user("author")
    names = [f"Thema {n:02d}" for n in range(queries.TAG_CLOUD + 2)]
    create_post(db_session, author, "published", tags=tuple(names))
    create_post(db_session, author, "published", tags=tuple(names[:queries.TAG_CLOUD - 2]))
    create_post(db_session, author, "published", tags=(names[-1],))
    offered = cloud(db_session)
    # 29 tags are used twice; of the three used once, the first by name.
    assert sorted(offered) == names[:queries.TAG_CLOUD - 1] + [names[-1]]
    assert offered[names[-1]] == 2 and offered[names[queries.TAG_CLOUD - 2]] == 1


# ---------------------------------------------------------------- two moderators at once


@pytest.fixture()
def race_world(race_engine) -> Any:
    from tests.conftest import make_test_app

    app = make_test_app(race_engine.url.render_as_string(hide_password=False))
    with Session(race_engine) as session:
        first = create_user(session, role="editor", email="race.tags1@example.org")
        second = create_user(session, role="officer", email="race.tags2@example.org")
        author = create_user(session, email="race.tags3@example.org")
        session.commit()
        ids = {"moderators": [first.id, second.id], "author": author.id}
    yield app, ids
    with Session(race_engine) as session:
        session.execute(delete(PostEvent))
        session.execute(delete(Post))
        session.execute(delete(User).where(User.email.like("race.tags%")))
        session.commit()
        assert stored(session) == {}


def _posts(engine, author_id: int, *specs: tuple[str, tuple[str, ...]]) -> list[int]:
    with Session(engine) as session:
        author = session.get(User, author_id)
        assert author is not None
        ids = [create_post(session, author, status, tags=tags).id for status, tags in specs]
        session.commit()
    return ids


def _publish(post_id: int, moderator_id: int):
    def action(session: Session) -> None:
        publish(session, session.get(Post, post_id), session.get(User, moderator_id))
    return action


def _unpublish(post_id: int, moderator_id: int):
    def action(session: Session) -> None:
        services.withdraw_post(session, session.get(Post, post_id), "unpublish", "Veraltet",
                               actor=session.get(User, moderator_id))
    return action


def test_two_moderators_publish_posts_with_the_same_tags_at_once(race_engine, race_world):
    app, ids = race_world
    first, second = ids["moderators"]
    one, two = _posts(race_engine, ids["author"], ("submitted", ("Beirat", "Bus")),
                      ("submitted", ("Bus", "Beirat", "Rampe")))
    outcomes = race(race_engine, app, _publish(one, first), _publish(two, second))
    assert [kind for kind, _ in outcomes] == ["ok", "ok"], outcomes
    with Session(race_engine) as session:
        assert cloud(session) == {"Beirat": 2, "Bus": 2, "Rampe": 1}
        assert stored(session) == recounted(session)


def test_one_post_published_while_another_is_taken_back(race_engine, race_world):
    app, ids = race_world
    first, second = ids["moderators"]
    waiting, shown = _posts(race_engine, ids["author"], ("submitted", ("Beirat", "Bus")),
                            ("published", ("Beirat", "Bus")))
    outcomes = race(race_engine, app, _publish(waiting, first), _unpublish(shown, second))
    assert [kind for kind, _ in outcomes] == ["ok", "ok"], outcomes
    with Session(race_engine) as session:
        assert cloud(session) == {"Beirat": 1, "Bus": 1}
        assert stored(session) == recounted(session)


def test_a_tag_filtered_page_gives_the_exact_total_past_the_counting_limit(client, db_session,
                                                                            cast):
    """The news filtered by a tag take their total from the tag's kept count: exact, where the
    walked count stopped at "more than 500"."""
    from tests.helpers import page_text

    from .bulk import add_posts

    create_post(db_session, cast.user("author"), "published", tags=("Thema 1",))
    add_posts(db_session, cast.user("author").id, 4000, commenter_id=cast.user("member").id,
              comments_per_post=0)
    total = recounted(db_session)["Thema 1"]
    assert total > queries.COUNT_LIMIT
    text = page_text(client.get("/neuigkeiten?thema=Thema%201&seite=3")).replace("\xa0", " ")
    shown = f"{total:,}".replace(",", ".")
    assert f"Einträge 21 bis 30 von {shown}" in text
    last = -(-total // 10)
    text = page_text(client.get(f"/neuigkeiten?thema=Thema%201&seite={last + 3}"))
    assert f"Seite {last} von {last}" in text.replace("\xa0", " ")
