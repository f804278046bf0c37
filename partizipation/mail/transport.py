"""SMTP delivery of one outbox row: the email it becomes, and the connection that sends it."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from .models import OutboxMessage


def _content_type(value: str) -> tuple[str, str, dict[str, str]]:
    """"text/calendar; method=REQUEST" → ("text", "calendar", {"method": "REQUEST"})."""
    kind, *parameters = (part.strip() for part in value.split(";"))
    maintype, _, subtype = kind.partition("/")
    params = {}
    for parameter in parameters:
        key, _, val = parameter.partition("=")
        if key and val:
            params[key.strip().lower()] = val.strip().strip('"')
    if not maintype or not subtype:
        raise ValueError(f"not a content type: {value!r}")
    return maintype, subtype, params


def build_message(row: OutboxMessage, mail_from: str) -> EmailMessage:
    """The email for an outbox row: plain text (with its attachments), same Message-ID on every
    attempt."""
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = row.to_address
    message["Subject"] = row.subject
    message["Message-ID"] = row.message_id
    message["Date"] = format_datetime(row.created_at)
    # Tells auto-responders not to answer (RFC 3834).
    message["Auto-Submitted"] = "auto-generated"
    if row.reply_to:
        message["Reply-To"] = row.reply_to
    message.set_content(row.body_text)
    for attachment in row.attachments:
        maintype, subtype, params = _content_type(attachment.content_type)
        message.add_attachment(attachment.content, maintype=maintype, subtype=subtype,
                               filename=attachment.filename, params=params)
    # Last: set_content and add_attachment move or drop the Content-* headers set before them.
    message["Content-Language"] = row.locale
    return message


class SMTPConnection:
    """One SMTP connection per round, opened on first use and reopened after a broken one."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.config = config
        self.smtp: smtplib.SMTP | None = None

    def send(self, message: EmailMessage) -> None:
        if self.smtp is None:
            self.smtp = self._open()
        try:
            self.smtp.send_message(message)
        except smtplib.SMTPResponseException as error:
            # The server answered: the connection is still good, only this message failed.
            if error.smtp_code in (421,):
                self.close()
            raise
        except (OSError, smtplib.SMTPException):
            self.close()
            raise

    def _open(self) -> smtplib.SMTP:
        config = self.config
        smtp = smtplib.SMTP(
            config["SMTP_HOST"], int(config["SMTP_PORT"]), timeout=config.get("SMTP_TIMEOUT", 10)
        )
        try:
            if config.get("SMTP_STARTTLS"):
                smtp.starttls(context=ssl.create_default_context())
            if config.get("SMTP_USERNAME"):
                smtp.login(config["SMTP_USERNAME"], config.get("SMTP_PASSWORD") or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None


def is_permanent(error: Exception) -> bool:
    """A 5xx answer about this message or its recipient: retrying will not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPSenderRefused | smtplib.SMTPDataError):
        return error.smtp_code >= 500
    return False
