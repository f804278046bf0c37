"""Who may change the BITV content pages and the sign-language videos."""

from __future__ import annotations

from typing import Any

from ..permissions import is_officer_or_admin


def can_edit_pages(user: Any) -> bool:
    """The officer writes the statement and the texts; the admin may stand in for her.

    Editors (press office) may not: the statement, imprint and privacy notice are legal texts
    of the district, not news.
    """
    return is_officer_or_admin(user)


def can_manage_sign_videos(user: Any) -> bool:
    """Upload and delete sign-language videos: the same people who edit the pages."""
    return can_edit_pages(user)
