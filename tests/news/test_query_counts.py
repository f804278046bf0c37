"""/neuigkeiten, a post page and the queue run a constant number of SQL statements, at 10 and at
1,000 posts with comments (make bench measures 100,000)."""

from __future__ import annotations

import pytest

from tests.conftest import login
from tests.helpers import count_statements

from .bulk import add_comments, add_posts
from .factories import create_post

TRANSACTION = ("SAVEPOINT", "RELEASE", "ROLLBACK")


def statements_for(client, engine, url):
    assert client.get(url).status_code == 200  # warm-up
    with count_statements(engine) as statements:
        response = client.get(url)
    assert response.status_code == 200
    return len([s for s in statements if not s.startswith(TRANSACTION)])


# (url, signed in as the editor, anonymous): a list's rows and their total in one statement and
# the shown posts' tags in one (the start page's few posts joined to their tags in one), a post
# with its tags, pictures and links in one; signed in, the session check is one more (a post page
# also shows the viewer's comments waiting for approval).
@pytest.mark.parametrize(("url", "expected", "anonymous"), [
    ("/neuigkeiten", 4, 3), ("/neuigkeiten?thema=Thema%201&seite=2", 4, 3),
    ("/neuigkeiten?bereich=culture", 4, 3), ("/post", 4, 2), ("/neuigkeiten/moderation", 3, None),
    ("/neuigkeiten/moderation/kommentare", 2, None), ("/neuigkeiten/feed.atom", 2, 1),
    ("/mein-bereich", 2, None), ("/", 5, 4),
])
def test_constant_number_of_statements(app, client, db_session, engine, cast, url, expected,
                                       anonymous):
    editor = cast.user("editor")
    post = create_post(db_session, editor, "published", tags=("Beirat",))
    url = f"/neuigkeiten/{post.slug}" if url == "/post" else url
    login(client, editor.email)
    member = cast.user("member").id
    add_posts(db_session, editor.id, 10, commenter_id=member)
    add_comments(db_session, post.id, member, 10)
    visitor = app.test_client()
    small = statements_for(client, engine, url)
    small_anonymous = anonymous and statements_for(visitor, engine, url)
    add_posts(db_session, editor.id, 990, commenter_id=member, comments_per_post=2)
    add_comments(db_session, post.id, member, 990)
    large = statements_for(client, engine, url)
    large_anonymous = anonymous and statements_for(visitor, engine, url)
    assert small == large, (url, small, large)
    assert small == expected, (url, small)
    assert small_anonymous == large_anonymous == anonymous, (url, small_anonymous)
