"""/neuigkeiten, a post page and the queue run a constant number of SQL statements, at 10 and at
1,000 posts with comments (make bench measures 100,000)."""

from __future__ import annotations

import pytest

from tests.conftest import login
from tests.helpers import count_statements

from .bulk import add_comments, add_posts
from .factories import create_post


def statements_for(client, engine, url):
    assert client.get(url).status_code == 200  # warm-up
    with count_statements(engine) as statements:
        response = client.get(url)
    assert response.status_code == 200
    return len(statements)


@pytest.mark.parametrize("url", [
    "/neuigkeiten", "/neuigkeiten?thema=Thema%201&seite=2", "/neuigkeiten?bereich=culture", "/post",
    "/neuigkeiten/moderation", "/neuigkeiten/moderation/kommentare", "/neuigkeiten/feed.atom",
    "/mein-bereich", "/",
])
def test_constant_number_of_statements(client, db_session, engine, cast, url):
    editor = cast.user("editor")
    post = create_post(db_session, editor, "published", tags=("Beirat",))
    url = f"/neuigkeiten/{post.slug}" if url == "/post" else url
    login(client, editor.email)
    member = cast.user("member").id
    add_posts(db_session, editor.id, 10, commenter_id=member)
    add_comments(db_session, post.id, member, 10)
    small = statements_for(client, engine, url)
    add_posts(db_session, editor.id, 990, commenter_id=member, comments_per_post=2)
    add_comments(db_session, post.id, member, 990)
    large = statements_for(client, engine, url)
    assert small == large, (url, small, large)
    assert small <= 14, small
