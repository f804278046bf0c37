"""`make bench`: speed, SQL statements and memory of the busiest pages, at small and large data,
measured in one run and reported as figures and ratios (never asserted as timings in tests).

    python tools/bench.py [--database-url URL] [--requests N]

Default database: a fresh SQLite file. For PostgreSQL pass a URL of an empty scratch database
(its schema is dropped and rebuilt).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from sqlalchemy import event, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partizipation.db import make_engine  # noqa: E402
from partizipation.migrations import upgrade  # noqa: E402
from tests.conftest import make_test_app  # noqa: E402
from tests.council.factories import create_body, create_membership, create_person, create_term  # noqa: E402
from tests.factories import TEST_PASSWORD, create_user  # noqa: E402
from tests.helpers import csrf_token  # noqa: E402
from tests.municipalities.factories import create_facilitator, create_municipality  # noqa: E402
from tests.news.bulk import add_comments, add_posts  # noqa: E402
from tests.news.factories import create_post  # noqa: E402

# (council members, facilitators, news posts with a comment each)
SIZES = {"small": (10, 10, 10), "large": (500, 400, 100_000)}


def build(url: str, members: int, facilitators: int, posts: int):  # type: ignore[no-untyped-def]
    engine = make_engine(url)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(connection=conn)
    engine.dispose()
    app = make_test_app(url)
    with app.app_context():
        session = app.extensions["db"].session
        officer = create_user(session, role="officer", email="officer@example.org")
        council = create_body(session, name="Inklusionsbeirat")
        term = create_term(session, council)
        for number in range(members):
            create_membership(session, term, create_person(session, listed=number % 3 != 0))
        towns = [create_municipality(session) for _ in range(10)]
        for number in range(facilitators):
            create_facilitator(session, towns[number % 10], status="active",
                               trained_on=date(2025, 3, 1) if number % 2 else None)
        editor = create_user(session, role="editor", email="presse@example.org")
        post = create_post(session, editor, "published", tags=("Beirat",), slug="bench-beitrag")
        add_posts(session, editor.id, posts, commenter_id=officer.id)
        add_comments(session, post.id, officer.id, min(posts, 1000))
        session.commit()
        ids = {"body": council.id, "officer": officer.email, "post": post.slug}
    return app, ids


def measure(app, ids, requests: int) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    client = app.test_client()
    page = client.get("/anmelden")
    client.post("/anmelden", data={"email": ids["officer"], "password": TEST_PASSWORD,
                                   "csrf_token": csrf_token(page)})
    engine = app.extensions["db"].engine
    pages = ["/", "/beirat", "/kommunen", f"/verwaltung/gremien/{ids['body']}",
             "/verwaltung/netzwerk", "/neuigkeiten", "/neuigkeiten?thema=Thema%201&seite=3",
             f"/neuigkeiten/{ids['post']}", "/neuigkeiten/moderation",
             "/neuigkeiten/feed.atom"]
    results: dict[str, dict[str, float]] = {}
    for url in pages:
        for _ in range(2):
            assert client.get(url).status_code == 200, url
        statements: list[str] = []

        def count(*args, _s=statements):  # type: ignore[no-untyped-def]
            _s.append(args[2])

        event.listen(engine, "before_cursor_execute", count)
        client.get(url)
        event.remove(engine, "before_cursor_execute", count)
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        tracemalloc.start()
        client.get(url)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        results[url] = {"median_ms": statistics.median(times),
                        "p95_ms": sorted(times)[int(0.95 * (len(times) - 1))],
                        "statements": len(statements), "peak_kib": peak / 1024}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url")
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size, (members, facilitators, posts) in SIZES.items():
            url = args.database_url or f"sqlite:///{tmp}/bench-{size}.sqlite"
            app, ids = build(url, members, facilitators, posts)
            figures[size] = measure(app, ids, args.requests)
            app.extensions["db"].engine.dispose()
    print(f"Pages at small {SIZES['small']} and large {SIZES['large']} data "
          f"(council members, facilitators, news posts); {args.requests} requests each, "
          "one process.")
    header = (f"{'page':40} {'median ms':>17} {'ratio':>6} {'p95 ms':>15} {'SQL':>9} "
              f"{'peak KiB':>17}")
    print(header)
    print("-" * len(header))
    for url in figures["small"]:
        s, large = figures["small"][url], figures["large"][url]
        print(f"{url[:40]:40} {s['median_ms']:8.1f} {large['median_ms']:8.1f} "
              f"{large['median_ms'] / s['median_ms']:6.1f} "
              f"{s['p95_ms']:7.1f} {large['p95_ms']:7.1f} "
              f"{s['statements']:4.0f} {large['statements']:4.0f} "
              f"{s['peak_kib']:8.0f} {large['peak_kib']:8.0f}")
    from argon2 import PasswordHasher

    hasher = PasswordHasher()
    start = time.perf_counter()
    stored = hasher.hash("a long secret password")
    hasher.verify(stored, "a long secret password")
    elapsed_ms = (time.perf_counter() - start) * 1000
    print(f"\nargon2id hash + verify at production cost: {elapsed_ms:.0f} ms")
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max resident memory of this process: {max_rss:.0f} MiB")


if __name__ == "__main__":
    main()
