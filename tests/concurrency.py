"""Two people at once: run actions in threads, each with its own session on its own connection,
released together by a barrier, each committing for real. Used with the `race_engine` fixture."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from partizipation.db import make_engine


def separate_database(base_url: str, suffix: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    if not base_url.startswith("postgresql"):
        return f"sqlite:///{tmp_path_factory.mktemp(suffix) / f'{suffix}.sqlite'}"
    url = make_url(base_url)
    name = f"{url.database}_{suffix}"
    admin = make_engine(url.set(database="postgres").render_as_string(hide_password=False))
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def race(engine: Engine, app: Any, *actions: Callable[[Session], Any]) -> list[tuple[str, Any]]:
    """Run `actions` at the same moment; each gets its own session and commits on success.

    Returns ("ok", result) or ("error", exception) per action, in the order given."""
    barrier = threading.Barrier(len(actions))
    outcomes: list[tuple[str, Any]] = [("error", RuntimeError("did not run"))] * len(actions)

    def run(index: int, action: Callable[[Session], Any]) -> None:
        with app.test_request_context(), Session(engine, expire_on_commit=False) as session:
            try:
                # Released together. (Beginning the transactions before the barrier would
                # deadlock on SQLite, whose writers wait for each other at BEGIN IMMEDIATE.)
                barrier.wait(timeout=30)
                result = action(session)
                session.commit()
                outcomes[index] = ("ok", result)
            except Exception as error:  # noqa: BLE001 - the outcome is what the test checks
                session.rollback()
                outcomes[index] = ("error", error)

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes
