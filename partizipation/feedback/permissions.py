"""Who may do what with barrier reports.

Anyone may report a barrier, without an account. Only the inclusion officer reads the reports:
they hold names, email addresses and often details of a person's disability (health data, Art. 9
GDPR), and answering them is her legal task. The technical admin does not need them to run the
site, so data minimisation keeps the admin out; an admin who must can give an account the officer
role, which is recorded.
"""

from __future__ import annotations

from typing import Any

from ..permissions import is_officer


def can_report_barrier(user: Any) -> bool:
    """Everybody, signed in or not (BITV 2.0 feedback mechanism)."""
    return True


def can_view_barrier_reports(user: Any) -> bool:
    """The officer's inbox of barrier reports."""
    return is_officer(user)


def can_manage_barrier_report(user: Any, report: Any = None) -> bool:
    """Change a report's status and internal note."""
    return is_officer(user)
