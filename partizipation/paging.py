"""Lists that page and search. Every list shows one page of rows with one statement (the rows
and their count), whatever the number of rows; the page number and the search come from the query
string (`?seite=2&suche=…`).

A list that can hold very many rows (the news, the moderation queue) counts only up to a limit
(`count_limit`): past it the page says "of more than 500" instead of counting every row on every
request, and the count costs the same however many rows there are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from flask import request
from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session
from wtforms import SearchField
from wtforms.validators import Length

from .forms import Form
from .i18n import _l

T = TypeVar("T")
PER_PAGE = 25
# `count_limit` of the long lists: "of more than 500".
COUNT_LIMIT = 500
PAGE_ARG = "seite"
SEARCH_ARG = "suche"


@dataclass
class Page(Generic[T]):
    items: Sequence[T]
    number: int
    per_page: int
    total: int
    # True when the rows were counted only up to a limit: there are more than `total`.
    more: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.more or self.number < self.pages

    @property
    def first(self) -> int:
        """Position of the first row shown (1-based; 0 when empty)."""
        return 0 if not self.total else (self.number - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return min(self.number * self.per_page, self.total)

    def __iter__(self) -> Any:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


def page_number() -> int:
    """The page asked for in the query string (1 when missing or not a number)."""
    number = request.args.get(PAGE_ARG, type=int) or 1
    return max(1, number)


def paginate(session: Session, query: Select[Any], *, number: int | None = None,
             per_page: int = PER_PAGE, scalars: bool = True,
             count_limit: int | None = None, total: Any = None,
             params: dict[str, Any] | None = None) -> Page[Any]:
    """One page of `query`'s rows and their total in one statement (the count in a CTE the
    database computes once); a page past the end shows the last page (the offset is clamped in
    SQL). With `count_limit` the rows are counted only up to that many (or up to the page asked
    for, if it lies further): the page then knows there are more without counting them all.
    With `total` (a count the database keeps: a number, or a scalar subquery read in the same
    statement) the rows are not counted at all.

    `params` are the values of the query's bound parameters. Passing them (even empty) says that
    `query` and `total` are built once per process (the same objects on every request): the
    paged statement is then built once too. Building a statement and its cache key on every
    request cost about a third of a millisecond, a tenth of a list page."""
    asked = number or page_number()
    limit = None if total is not None or count_limit is None else max(count_limit,
                                                                      asked * per_page)
    known = isinstance(total, int)
    shape = (per_page, count_limit is not None, asked > 1)
    if params is None:
        limited = _paged(query, total, *shape)
    else:
        key = (id(query), "known" if known else id(total), *shape)
        kept = _PAGED.get(key)
        if kept is None:
            if len(_PAGED) >= 1_000:  # a query built per request passed by mistake: bounded
                _PAGED.clear()
            # The query and total are kept with it: their ids stay theirs.
            kept = _PAGED[key] = (query, total, _paged(query, total, *shape))
        limited = kept[2]
    values = dict(params or {})
    values.update(paging_count_to=(limit or 0) + 1, paging_wanted=(asked - 1) * per_page)
    if known:
        values["paging_known_total"] = total
    result = session.execute(limited, values)
    frozen = (result.unique() if scalars else result).freeze()  # joined collections repeat rows
    width = len(frozen.metadata.keys)
    shown = frozen().columns(*range(width - 1))
    rows = list(shown.scalars() if scalars else shown)
    counted = int(frozen().columns(width - 1).scalar() or 0) if rows else 0
    more = limit is not None and counted > limit
    if limit is not None:
        counted = min(counted, limit)
    number = min(asked, max(1, -(-counted // per_page)))
    return Page(items=rows, number=number, per_page=per_page, total=counted, more=more)


# Paged statements of queries built once per process (see `paginate`'s `params`).
_PAGED: dict[tuple[Any, ...], tuple[Any, Any, Select[Any]]] = {}


def _paged(query: Select[Any], total: Any, per_page: int, count_limited: bool,
           later: bool) -> Select[Any]:
    """`query` with its total as a last column, one page long; the numbers that depend on the
    request are parameters: `paging_count_to`, `paging_wanted`, `paging_known_total`; the page's
    length, the same on every request, is written into the SQL (`written`)."""
    if total is None:
        if count_limited:
            # Counted in the list's own order, so the database walks the list's index and stops.
            counted = query.with_only_columns(literal(1)).limit(
                bindparam("paging_count_to", type_=Integer)).subquery()
        else:
            counted = query.order_by(None).subquery()
        total_cte = select(func.count().label("n")).select_from(counted).cte("paging_total")
        total = select(total_cte.c.n).scalar_subquery()
    elif isinstance(total, int):
        total = bindparam("paging_known_total", type_=Integer)
    limited = query.add_columns(total.label("paging_total")).limit(written(per_page))
    if later:
        wanted = bindparam("paging_wanted", type_=Integer)
        last = (total - 1) // per_page * per_page
        limited = limited.offset(case((total > wanted, wanted), (total > 0, last), else_=0))
    return limited


def written(number: int) -> Any:
    """A number written into the SQL, not sent as a parameter: for a LIMIT that is the same on
    every request.

    PostgreSQL keeps one generic plan of a prepared statement when it looks no dearer than
    planning the statement for its values each time. For a LIMIT sent as a parameter it assumes
    a tenth of the rows, so at large data many a list looked dearer with one plan, and the
    server planned it afresh on every request (the news of a topic: 0.37 ms a request against
    0.17 with one plan)."""
    return literal_column(str(int(number)), Integer)


def search_terms() -> str:
    return (request.args.get(SEARCH_ARG) or "").strip()[:100]


def matches(text: str, *columns: Any) -> ColumnElement[bool]:
    """Rows where every word of `text` occurs in one of `columns` (case-insensitive)."""
    conditions = []
    for word in text.split():
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(or_(*(func.lower(c).like(pattern.lower(), escape="\\")
                                for c in columns)))
    return and_(true(), *conditions)


class SearchForm(Form):
    """The search box of a list (a GET form: no CSRF token, nothing changes)."""

    class Meta:
        csrf = False

    suche = SearchField(_l("Search"), validators=[Length(max=100)])


def search_form(label: Any = None) -> SearchForm:
    form = SearchForm(request.args)
    if label is not None:
        form.suche.label.text = str(label)
    return form
