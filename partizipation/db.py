"""SQLAlchemy 2.x set-up: the declarative base, UTC datetimes, and one session per request."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import (
    ColumnElement,
    DateTime,
    Engine,
    Integer,
    MetaData,
    any_,
    bindparam,
    cast,
    create_engine,
    event,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.types import NullType, TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite drops the offset otherwise).
    PostgreSQL connections run in UTC (`make_engine`), and psycopg then gives every value with
    `datetime.UTC` already: read as it comes, without a Python call per value."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use datetime.now(UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        if dialect.name == "postgresql":
            return None
        return super().result_processor(dialect, coltype)


class _IdArray(TypeDecorator[list[int]]):
    """Ids sent as one PostgreSQL array literal ('{1,2,3}'), a string: psycopg adapts a list
    parameter item by item in Python (about 3 µs an id, a millisecond for a meeting page's
    agenda), a string at once.

    The parameter carries no type of its own (NullType: no `::VARCHAR` written after it), so
    PostgreSQL reads it as the INTEGER[] it is cast to, once, when the statement is bound. Sent
    as VARCHAR, the cast to an array (a stable function, never folded) was parsed again for
    every row a sequential scan tested: a membership list of 215 rows took 0.9 ms for what
    takes 0.05 ms so, and small tables are scanned, not searched by index."""

    impl = NullType
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str:
        return "{" + ",".join(map(str, map(int, value))) + "}"


def any_of(column: Any, name: str, dialect: str) -> ColumnElement[bool]:
    """`column` is one of the ids given as the parameter `name` (a list): on PostgreSQL one
    string cast to an array (`= ANY(CAST(:name AS INTEGER[]))`), elsewhere an expanding IN. A
    statement run often with hundreds of ids costs a fraction of the CPU so: no placeholder per
    id to render and parse, no adapting id by id."""
    if dialect == "postgresql":
        return column == any_(cast(bindparam(name, type_=_IdArray()),  # type: ignore[no-any-return]
                                   ARRAY(Integer)))
    return column.in_(bindparam(name, expanding=True))  # type: ignore[no-any-return]


def dialect_name(session: Session) -> str:
    return session.get_bind().dialect.name


def utcnow() -> datetime:
    """The current time as an aware UTC datetime (the platform's clock, see clock.py)."""
    from .clock import now

    return now()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Database:
    """One app's engine; hands out one session per application context (request or command).

    Each app gets its own instance (in `app.extensions["db"]`): several apps in one process, as in
    the tests, never share an engine. Code uses the module-level `db`, which finds the current one.
    """

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self._factory: sessionmaker[Session] | None = None

    def init_app(self, app: Flask) -> None:
        url = app.config["SQLALCHEMY_DATABASE_URI"]
        self.engine = make_engine(url)
        self._factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        app.extensions["db"] = self
        app.teardown_appcontext(self._close)

    def bind_to(self, connection: Connection) -> None:
        """Run every session inside `connection`'s transaction (tests roll it back)."""
        self._factory = sessionmaker(
            bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )

    @property
    def session(self) -> Session:
        if "db_session" not in g:
            assert self._factory is not None, "Database.init_app was not called"
            g.db_session = self._factory()
        return g.db_session  # type: ignore[no-any-return]

    def _close(self, exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is None:
            return
        if exc is None and _only_read(session):
            # The same for the data as a rollback, but psycopg forgets every statement it has
            # prepared on the server when a transaction rolls back: a page's statements are
            # parsed and planned again on every request unless a reading request commits.
            try:
                session.commit()
            except SQLAlchemyError:
                pass  # close() rolls back
        session.close()


def _only_read(session: Session) -> bool:
    """Whether the session's transaction on PostgreSQL ran only SELECTs and holds no unsaved
    change (`_note_writes` keeps the mark; other databases are never marked as reading)."""
    if not session.in_transaction() or session.new or session.dirty or session.deleted:
        return False
    # The connection it used (none yet: nothing to end), without checking one out for this.
    used = session.info.get("connection_info")
    return used is not None and used.get("writes", True) is False


@event.listens_for(Session, "after_begin")
def _remember_connection(session: Session, _transaction: Any, connection: Connection) -> None:
    session.info["connection_info"] = connection.info


def _writing_request() -> bool:
    return has_request_context() and request.method not in {"GET", "HEAD", "OPTIONS"}


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            if ":memory:" not in url:
                # Readers do not block the writer, nor the writer the readers.
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()
            # pysqlite's own transaction handling breaks SAVEPOINTs (a released savepoint
            # commits for good); let SQLAlchemy emit BEGIN itself, as its docs recommend.
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            # A request that may write takes the write lock at once (BEGIN IMMEDIATE): two writing
            # transactions then run one after the other, and a rule checked inside one holds
            # (see locking.py). A deferred BEGIN would let both read, and the second writer would
            # fail with "database is locked" instead of waiting.
            immediate = conn.get_execution_options().get("sqlite_immediate", _writing_request())
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    # The session's time zone UTC, whatever the server's default: psycopg gives timestamps in
    # it, with datetime.UTC for "UTC" (UTCDateTime reads them as they come).
    # A random page read priced at 1.1 sequential ones (PostgreSQL's default of 4 is for disks
    # that seek), as PostgreSQL's manual suggests for data held in memory or on SSD: the
    # platform's tables are small enough to be. At 4 the planner scanned and hashed whole
    # small tables rather than look up a page's hundred rows by index: the OParl person and
    # agenda item lists at a district's size took 2.0 and 2.2 ms in the server instead of 0.9,
    # `/mein-bereich` 0.6 ms more. At the bench's large size `/` is 4–9 % faster; `/sitzungen`
    # was 4–6 % slower while it counted all 2,000 coming meetings (by index, not by bitmap),
    # and is not since it counts only up to 500.
    engine = create_engine(url, connect_args={
        "options": f"-c TimeZone=UTC -c random_page_cost={RANDOM_PAGE_COST}"})
    _ping_after_idle(engine)
    _note_writes(engine)
    _planned_each_time(engine)
    return engine


RANDOM_PAGE_COST = 1.1

# A statement's execution option: never prepared on the server (see `_planned_each_time`).
UNPREPARED = {"unprepared": True}


def _planned_each_time(engine: Engine) -> None:
    """psycopg prepares a statement on the server once it has run a few times, and PostgreSQL
    then may plan it once for any parameters (a generic plan), when that plan looks cheaper.
    For a statement whose best plan depends on its values (one person's invitations: a few, or
    one per meeting for years), `.execution_options(**UNPREPARED)` has it planned for its
    values on every run."""

    @event.listens_for(engine, "do_execute")
    def _execute(cursor: Any, statement: str, parameters: Any, context: Any) -> bool | None:
        if context.execution_options.get("unprepared"):
            cursor.execute(statement, parameters, prepare=False)
            return True
        return None


def _note_writes(engine: Engine) -> None:
    """Mark a connection's transaction as writing when it runs anything but a SELECT (compiled
    from SQLAlchemy's `select()`, never a text or driver statement), so that `Database._close`
    commits only transactions that read."""

    @event.listens_for(engine, "begin")
    def _begun(conn: Connection) -> None:
        conn.info["writes"] = False

    @event.listens_for(engine, "before_cursor_execute")
    def _executing(conn: Connection, _cursor: Any, _statement: str, _parameters: Any,
                   context: Any, _executemany: bool) -> None:
        compiled = context.compiled if context is not None else None
        if compiled is None or not getattr(compiled.statement, "is_select", False):
            conn.info["writes"] = True


PING_AFTER_IDLE = 1.0  # seconds


def _ping_after_idle(engine: Engine) -> None:
    """Check a pooled connection before use if it has lain idle for more than a second, and
    take a fresh one if the server dropped it (a restart, an idle timeout): SQLAlchemy's
    `pool_pre_ping`, minus the round trip for a connection that answered a moment ago. Under
    load a worker takes the same connection back within milliseconds, and the ping was one of a
    page's four or five round trips to the server; on a quiet site every request still pings."""
    from time import monotonic

    from sqlalchemy import exc

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or monotonic() - since <= PING_AFTER_IDLE:
            return  # new, or used within the second
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            # The pool drops this connection and checks out another (a new one if need be).
            raise exc.DisconnectionError() from error


class _CurrentDatabase:
    """`db.session` and `db.engine` of the current app's Database."""

    @property
    def session(self) -> Session:
        return current_app.extensions["db"].session  # type: ignore[no-any-return]

    @property
    def engine(self) -> Engine:
        return current_app.extensions["db"].engine  # type: ignore[no-any-return]

    def init_app(self, app: Flask) -> Database:
        database = Database()
        database.init_app(app)
        return database


db = _CurrentDatabase()


def session() -> Session:
    """The session of the current application context."""
    return current_app.extensions["db"].session  # type: ignore[no-any-return]
