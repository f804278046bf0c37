"""`paginate`: one statement for a page of rows and their total, at any page and size; a page
past the end shows the last page."""

from __future__ import annotations

from sqlalchemy import bindparam, insert, select

from partizipation.paging import paginate
from partizipation.people.models import Person
from tests.helpers import count_statements


def _persons(db_session, count: int) -> None:
    if count:
        db_session.execute(insert(Person), [{"name": f"Person {n:03d}"} for n in range(count)])
    db_session.flush()


def _queries(seen: list[str]) -> list[str]:
    return [s for s in seen if not s.startswith(("SAVEPOINT", "RELEASE"))]


def _page(db_session, number: int, **options):
    query = select(Person).order_by(Person.name)
    with count_statements(db_session.get_bind()) as seen:
        page = paginate(db_session, query, number=number, per_page=25, **options)
    assert len(_queries(seen)) == 1, seen
    return page


def test_a_page_and_its_total_in_one_statement(db_session):
    _persons(db_session, 60)
    page = _page(db_session, 2)
    assert [p.name for p in page] == [f"Person {n:03d}" for n in range(25, 50)]
    assert (page.number, page.total, page.pages, page.first, page.last) == (2, 60, 3, 26, 50)
    assert page.has_previous and page.has_next


def test_a_page_past_the_end_shows_the_last_page(db_session):
    _persons(db_session, 60)
    page = _page(db_session, 9)
    assert [p.name for p in page] == [f"Person {n:03d}" for n in range(50, 60)]
    assert (page.number, page.total, page.first, page.last) == (3, 60, 51, 60)
    _persons(db_session, 15)  # 75 rows: three full pages
    page = _page(db_session, 5)
    assert (page.number, page.total, len(page), page.has_next) == (3, 75, 25, False)


def test_an_empty_list(db_session):
    for number in (1, 3):
        page = _page(db_session, number)
        assert (list(page), page.number, page.total, page.pages, page.first) == ([], 1, 0, 1, 0)


def test_rows_of_columns_keep_their_names(db_session):
    _persons(db_session, 3)
    query = select(Person.id, Person.name.label("who")).order_by(Person.name)
    with count_statements(db_session.get_bind()) as seen:
        page = paginate(db_session, query, number=1, per_page=2, scalars=False)
    assert len(_queries(seen)) == 1
    assert [row.who for row in page] == ["Person 000", "Person 001"]
    assert [len(row) for row in page] == [2, 2] and page.total == 3


# A query built once, its values as parameters (`params`): the paged statement is built once
# too, and each request's values and page numbers still decide what is shown.
_PREFIXED = (select(Person).where(Person.name.like(bindparam("prefix")))
             .order_by(Person.name))


def test_a_query_built_once_pages_with_each_requests_values(db_session):
    db_session.execute(insert(Person), [{"name": f"{letter} {n:03d}"}
                                        for letter in "AB" for n in range(30)])
    db_session.flush()
    shown = []
    for prefix, number, options in [
            ("A%", 1, {}), ("B%", 2, {}), ("A%", 9, {}),  # past the end: the last page
            ("B%", 2, {"count_limit": 25}), ("A%", 1, {"count_limit": 25}),
            ("B%", 2, {"total": 31}), ("A%", 3, {"total": 12})]:
        with count_statements(db_session.get_bind()) as seen:
            page = paginate(db_session, _PREFIXED, number=number, per_page=10,
                            params={"prefix": prefix}, **options)
        assert len(_queries(seen)) == 1
        literal_query = select(Person).where(Person.name.like(prefix)).order_by(Person.name)
        expected = paginate(db_session, literal_query, number=number, per_page=10, **options)
        assert [p.name for p in page] == [p.name for p in expected]
        assert (page.number, page.total, page.more) == (expected.number, expected.total,
                                                         expected.more)
        shown.append((page.number, page.total, page.more, page.items[0].name))
    assert shown == [(1, 30, False, "A 000"), (2, 30, False, "B 010"), (3, 30, False, "A 020"),
                     (2, 25, True, "B 010"), (1, 25, True, "A 000"),
                     (2, 31, False, "B 010"), (2, 12, False, "A 010")]


def test_the_page_length_is_written_into_the_statement(db_session):
    """The length of a page is the same on every request: it is part of the SQL, not a
    parameter, so PostgreSQL can keep one plan of the statement (`paging.written`); the page
    asked for stays a parameter."""
    _persons(db_session, 30)
    query = select(Person).order_by(Person.name)
    for number in (1, 2):
        with count_statements(db_session.get_bind()) as seen:
            page = paginate(db_session, query, number=number, per_page=25, params={})
        statement = _queries(seen)[0]
        assert statement.rstrip().split("LIMIT")[-1].split()[0] == "25", statement
        assert len(page.items) == (25 if number == 1 else 5)
