"""The platform's domains. A domain registers itself in one place: the `DOMAIN` in its package's
`__init__.py`, and its name in `PACKAGES` below (the order is the order of the menu, of the
sections in /mein-bereich and of the demo data).

By convention a domain package may have:
- `models.py` (imported so that the metadata is complete),
- a blueprint `bp` in `<blueprint>.py` (default `views.py`); other modules listed in `views` add
  routes to it (they import `bp` from that module and never import each other),
- `demo.py` with `seed(session, users) -> list[(role, email, password)]` (demo=True),
- `personal.py` with `export(session, user, person) -> dict` and `erase(session, user, person)`,
  its part of a person's data export and of the erasure after a deletion request (personal=True),
- `templates/<name>/_my_area.html`, its section of /mein-bereich (my_area=True),
- `dashboard.py` with `figures(user) -> {name: scalar subquery}`, what its section of
  /mein-bereich counts and lists, run with every other domain's as one SELECT
  (dashboard=True; see partizipation/dashboard.py),
- `templates/<name>/_home.html`, its section of the start page (home=True),
- `roles.py` with `scoped_roles(session, user_ids) -> {user_id: [label, …]}`: the powers its rows
  give accounts ("contact person for Kamen"), shown in the user list (roles=True),
- `templates/<name>/_person.html`, what it knows of a person, on the officer's person page
  (person=True; the template gets `person`),
- `templates/<name>/_manage.html`, its links on the management start page /verwaltung, shown
  only to those it gives a link (found by the file; the template checks the permissions),
- `translations/`, its German catalog (found by the folder).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

PACKAGES = (
    "core", "accounts", "people", "mail", "audit", "feedback", "bitv", "council",
    "municipalities", "facilitators", "meetings", "news", "decisions", "agreements", "milestones",
    "oparl",
)
ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: Any
    # "module:function" of a permission check taking the user, or None (shown to everyone).
    check: str | None = None
    # Items with a higher `order` come after the others (the management entry comes last).
    order: int = 0


@dataclass(frozen=True)
class Domain:
    name: str
    blueprint: str | None = "views"
    views: tuple[str, ...] = ()
    navigation: tuple[NavItem, ...] = ()
    demo: bool = False
    personal: bool = False
    my_area: bool = False
    dashboard: bool = False
    home: bool = False
    person: bool = False
    roles: bool = False

    def module(self, name: str) -> Any:
        return import_module(f"partizipation.{self.name}.{name}")

    @property
    def has_models(self) -> bool:
        return (ROOT / self.name / "models.py").exists()

    @property
    def catalog(self) -> Path | None:
        folder = ROOT / self.name / "translations"
        return folder if folder.is_dir() else None


@cache
def domains() -> tuple[Domain, ...]:
    """Every registered domain, in order."""
    return tuple(import_module(f"partizipation.{name}").DOMAIN for name in PACKAGES)


def blueprints() -> Iterator[Any]:
    """Each domain's blueprint, with the routes of all its view modules."""
    for domain in domains():
        if domain.blueprint is None:
            continue
        for name in domain.views:
            domain.module(name)
        yield domain.module(domain.blueprint).bp


def import_models() -> None:
    for domain in domains():
        if domain.has_models:
            domain.module("models")


def resolve(target: str) -> Callable[..., Any]:
    """A "package.module:function" reference, imported on use."""
    module, _, attribute = target.partition(":")
    return getattr(import_module(f"partizipation.{module}"), attribute)  # type: ignore[no-any-return]


def navigation() -> list[NavItem]:
    items = [item for domain in domains() for item in domain.navigation]
    return sorted(items, key=lambda item: item.order)


def my_area_sections() -> list[str]:
    return [f"{d.name}/_my_area.html" for d in domains() if d.my_area]


def scoped_roles(session: Any, user_ids: list[int]) -> dict[int, list[str]]:
    """Every domain's scoped powers of these accounts (one query per domain that has some)."""
    found: dict[int, list[str]] = {}
    for domain in domains():
        if domain.roles:
            for user_id, labels in domain.module("roles").scoped_roles(session, user_ids).items():
                found.setdefault(user_id, []).extend(labels)
    return found


def manage_sections() -> list[str]:
    """The domains' sections of the management start page, in menu order."""
    templates = ROOT.parent / "templates"
    return [f"{d.name}/_manage.html" for d in domains()
            if (templates / d.name / "_manage.html").exists()]


def person_sections() -> list[str]:
    return [f"{d.name}/_person.html" for d in domains() if d.person]


def home_sections() -> list[str]:
    return [f"{d.name}/_home.html" for d in domains() if d.home]


def with_demo() -> list[Domain]:
    return [d for d in domains() if d.demo]


def with_personal_data() -> list[Domain]:
    return [d for d in domains() if d.personal]
