"""Account actions. Services flush and queue mail; the view commits."""

from __future__ import annotations

import secrets
from typing import Any

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..mail.services import queue_mail
from ..permissions import Role
from .models import User
from .officers import active_officers
from .passwords import hash_password, needs_rehash, verify_password
from .permissions import (
    can_assign_role,
    can_change_role,
    can_deactivate_user,
    can_reactivate_user,
)
from .tokens import Purpose, make_token, max_age

LOCALES = ("de", "en")
_NOTICE_SUBJECTS = {
    "role": _l("A role was changed at %(site_name)s"),
    "invitation": _l("An invitation was sent at %(site_name)s"),
}
# Higher number, more power: re-inviting an account never lowers its role.
_ROLE_RANK = {Role.MEMBER: 0, Role.EDITOR: 1, Role.OFFICER: 2, Role.ADMIN: 3}




def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == normalize_email(email)))


def _check_role(role: str) -> None:
    if role not in {r.value for r in Role}:
        raise DomainError(
            str(_l("Choose one of the roles: admin, officer, editor, member.")), "role"
        )


def _check_locale(locale: str) -> None:
    if locale not in LOCALES:
        raise DomainError(str(_l("Choose German or English.")), "locale")


def create_user(
    session: Session,
    *,
    email: str,
    display_name: str,
    role: str = Role.MEMBER.value,
    password: str | None = None,
    locale: str = "de",
) -> User:
    """Create an account; raises DomainError for an unknown role or a taken email address."""
    _check_role(role)
    if find_user_by_email(session, email) is not None:
        raise DomainError(str(_l("An account with this email address already exists.")), "email")
    user = User(
        email=normalize_email(email),
        display_name=display_name.strip(),
        role=role,
        locale=locale,
        password_hash=hash_password(password) if password else None,
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The user with these credentials, or None (same answer for every failure)."""
    user = find_user_by_email(session, email)
    if not verify_password(user.password_hash if user else None, password):
        return None
    assert user is not None
    if user.password_hash and needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    return user


def generate_password() -> str:
    """A random password for generated demo and command-line accounts."""
    return secrets.token_urlsafe(12)


# --- links -----------------------------------------------------------------------------------


def absolute_url(endpoint: str, **values: Any) -> str:
    """An absolute link for mail, from BASE_URL (works outside a request, too)."""
    path = current_app.url_map.bind("localhost").build(endpoint, values)
    return current_app.config["BASE_URL"].rstrip("/") + path


def invite_link(user: User) -> str:
    """The absolute link with which `user` accepts the invitation and sets a password."""
    return absolute_url("accounts.accept_invitation", token=make_token(user, Purpose.INVITE))


def _days(purpose: Purpose) -> int:
    return max(1, max_age(purpose) // 86400)


def _hours(purpose: Purpose) -> int:
    return max(1, max_age(purpose) // 3600)


# --- invitations -----------------------------------------------------------------------------


def invite_user(
    session: Session,
    *,
    email: str,
    display_name: str,
    role: str = "member",
    locale: str = "de",
    actor: User,
    scope: Any = None,
) -> User:
    """Create (or reuse) an account without a password and queue the invitation mail;
    `scope` (a lazy string: "contact person for Kamen") says what the person is invited as."""
    _check_role(role)
    _check_locale(locale)
    if role != Role.MEMBER and not can_assign_role(actor, role):
        raise DomainError(str(_l("You cannot give this role. Choose another role.")), "role")
    user = find_user_by_email(session, email)
    if user is not None and user.password_hash:
        raise DomainError(
            str(_l("This person already has an account. Change their role in the user list.")),
            "email",
        )
    if user is not None and not user.is_active:
        raise DomainError(
            str(_l("This account has been deactivated. Reactivate it in the user list first.")),
            "email",
        )
    if user is None:
        user = create_user(
            session, email=email, display_name=display_name, role=role, locale=locale
        )
    else:
        from ..people.privacy import health_data_guard, person_of_user

        health_data_guard(session, person_of_user(session, user), actor)
        user.display_name = display_name.strip() or user.display_name
        user.locale = locale
        if _ROLE_RANK[Role(role)] > _ROLE_RANK[Role(user.role)]:
            user.role = role
        # A new link replaces the earlier ones: the fingerprint in them no longer matches.
        user.session_version += 1
        session.flush()
    record_event(session, user, "invited", {"role": [None, user.role]}, actor=actor)
    notify_officers(session, "invitation", user, actor=actor, new_role=user.role)
    queue_mail(
        session,
        to=user.email,
        subject=_l("Your invitation to %(site_name)s"),
        template="accounts/mail/invitation.txt",
        locale=user.locale,
        site_name=current_app.config["SITE_NAME"],
        display_name=user.display_name,
        inviter=actor.display_name,
        scope=scope,
        link=invite_link(user),
        days=_days(Purpose.INVITE),
    )
    return user


def accept_invitation(session: Session, user: User, *, display_name: str, password: str) -> None:
    """Set the invited person's name and first password (which makes the link used)."""
    user.display_name = display_name.strip()
    _set_password(user, password)
    session.flush()


# --- passwords -------------------------------------------------------------------------------


def _end_sessions(user: User) -> None:
    from sqlalchemy.orm import object_session

    from . import sessions

    session = object_session(user)
    if session is not None and user.id is not None:
        sessions.end_all(session, user)


def _set_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    # Ends every other session and makes every link sent before unusable.
    user.session_version += 1
    _end_sessions(user)


def request_password_reset(session: Session, email: str) -> None:
    """Queue a reset link when an active account has this address; silent otherwise."""
    user = find_user_by_email(session, email)
    if user is None or not user.is_active:
        return
    queue_mail(
        session,
        to=user.email,
        subject=_l("Set a new password for %(site_name)s"),
        template="accounts/mail/password_reset.txt",
        locale=user.locale,
        site_name=current_app.config["SITE_NAME"],
        display_name=user.display_name,
        link=absolute_url("accounts.reset_password", token=make_token(user, Purpose.RESET)),
        hours=_hours(Purpose.RESET),
    )


def send_signin_link(session: Session, email: str) -> None:
    """Mail a one-time sign-in link to the owner of an account whose password sign-in is
    paused after many failures from several addresses; silent for unknown addresses."""
    user = find_user_by_email(session, email)
    if user is None or not user.is_active or not user.password_hash:
        return
    queue_mail(
        session,
        to=user.email,
        subject=_l("Your sign-in link for %(site_name)s"),
        template="accounts/mail/signin_link.txt",
        locale=user.locale,
        site_name=current_app.config["SITE_NAME"],
        display_name=user.display_name,
        link=absolute_url("accounts.signin_link", token=make_token(user, Purpose.SIGNIN)),
        hours=_hours(Purpose.SIGNIN),
    )


def sign_in_by_link(session: Session, user: User) -> None:
    """Signing in uses the link up (its fingerprint holds the time of the last sign-in)."""
    user.last_login_at = utcnow()
    session.flush()


def reset_password(session: Session, user: User, *, password: str) -> None:
    """Set a new password from a reset link."""
    _set_password(user, password)
    session.flush()


def _check_current_password(user: User, password: str) -> None:
    if not verify_password(user.password_hash, password):
        raise DomainError(
            str(_l("The current password is wrong. Enter the password you sign in with.")),
            "current_password",
        )


def change_password(
    session: Session, user: User, *, current_password: str, new_password: str
) -> None:
    """Change the password; the current one must be right."""
    _check_current_password(user, current_password)
    _set_password(user, new_password)
    session.flush()


# --- profile ---------------------------------------------------------------------------------


def update_profile(session: Session, user: User, *, display_name: str, locale: str) -> None:
    """Change the name and the language."""
    _check_locale(locale)
    user.display_name = display_name.strip()
    user.locale = locale
    session.flush()


def request_email_change(
    session: Session, user: User, *, new_email: str, current_password: str
) -> None:
    """Send a confirmation link to the new address; nothing changes until it is opened."""
    _check_current_password(user, current_password)
    new_email = normalize_email(new_email)
    if new_email == user.email:
        raise DomainError(str(_l("This is already your email address. Enter a new one.")), "email")
    if find_user_by_email(session, new_email) is not None:
        raise DomainError(
            str(_l("Another account uses this email address. Enter a different one.")), "email"
        )
    token = make_token(user, Purpose.EMAIL, e=new_email)
    queue_mail(
        session,
        to=new_email,
        subject=_l("Confirm your new email address for %(site_name)s"),
        template="accounts/mail/email_confirm.txt",
        locale=user.locale,
        site_name=current_app.config["SITE_NAME"],
        display_name=user.display_name,
        link=absolute_url("accounts.confirm_email", token=token),
        hours=_hours(Purpose.EMAIL),
    )


def confirm_email_change(session: Session, user: User, *, new_email: str) -> None:
    """Change the address (which makes the link used) and tell the old address."""
    if find_user_by_email(session, new_email) is not None:
        raise DomainError(
            str(_l("Another account uses this email address by now. Choose a different one.")),
            "email",
        )
    old_email = user.email
    user.email = normalize_email(new_email)
    session.flush()
    queue_mail(
        session,
        to=old_email,
        subject=_l("Your email address for %(site_name)s was changed"),
        template="accounts/mail/email_changed.txt",
        locale=user.locale,
        site_name=current_app.config["SITE_NAME"],
        display_name=user.display_name,
        new_email=user.email,
        officer_email=current_app.config.get("OFFICER_EMAIL") or "",
    )


# --- user administration ---------------------------------------------------------------------


def change_role(session: Session, target: User, role: str, *, actor: User) -> None:
    """Give `target` another role."""
    _check_role(role)
    if not can_change_role(actor, target, role):
        raise DomainError(str(_l("You cannot give this role. Choose another role.")), "role")
    old_role = target.role
    target.role = role
    session.flush()
    if old_role != role:
        notify_officers(session, "role", target, actor=actor, old_role=old_role, new_role=role)


def set_active(session: Session, target: User, active: bool, *, actor: User) -> None:
    """Deactivate (ends all sessions at once) or reactivate an account; never deletes it."""
    check = can_reactivate_user if active else can_deactivate_user
    if not check(actor, target):
        raise DomainError(str(_l("You cannot change this account.")))
    target.is_active = active
    if not active:
        target.session_version += 1
        _end_sessions(target)
    session.flush()


# --- notices to the officers ----------------------------------------------------------------


def record_event(session: Session, user: User, action: str, changes: dict[str, Any], *,
                 actor: User | None) -> None:
    """A change-log row for something that changes no column (an invitation sent)."""
    from ..audit.models import AuditEntry

    session.add(AuditEntry(actor_id=actor.id if actor else None, table_name="users",
                           row_id=user.id, action=action, changes=changes))
    session.flush()


def notify_officers(session: Session, kind: str, target: User, *, actor: User | None,
                    new_role: str, old_role: str = "") -> None:
    """Mail every officer about a role change or an invitation (issue 12.1)."""
    from .forms import ROLE_LABELS

    link = absolute_url("accounts.user_detail", user_id=target.id)
    for officer in active_officers(session):
        with force_locale(officer.locale):
            old_label, new_label = str(ROLE_LABELS.get(old_role, old_role)), str(
                ROLE_LABELS.get(new_role, new_role))
        queue_mail(
            session, to=officer.email, subject=_NOTICE_SUBJECTS[kind],
            template="accounts/mail/officer_notice.txt", locale=officer.locale,
            site_name=current_app.config["SITE_NAME"], display_name=officer.display_name,
            kind=kind, actor=actor.display_name if actor else "–",
            target_name=target.display_name, target_email=target.email,
            old_role=old_label, new_role=new_label, link=link,
        )
