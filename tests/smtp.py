"""A real local SMTP server for mail tests (aiosmtpd). Owned by the mail/feedback work.

Fixture contract: `smtp_server` yields an object with `.port` and `.messages`
(a list of email.message.EmailMessage received so far). Point the app at it with
`smtp_server.config` (a dict for the `app_config` fixture):

    @pytest.fixture()
    def app_config(smtp_server):
        return smtp_server.config

`stop()` and `start()` take the server down and bring it back on the same port;
`reject_recipients(code)` makes it refuse every recipient with that SMTP code.
"""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Handler:
    def __init__(self, server: SMTPTestServer) -> None:
        self.server = server

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if self.server.refuse_code:
            return f"{self.server.refuse_code} Recipient refused (test)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.original_content, policy=default_policy)
        assert isinstance(message, EmailMessage)
        self.server.messages.append(message)
        self.server.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


class SMTPTestServer:
    """An aiosmtpd server on 127.0.0.1 that keeps every message it receives."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refuse_code: int | None = None
        self._controller: Controller | None = None

    @property
    def config(self) -> dict[str, Any]:
        return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": self.port, "SMTP_TIMEOUT": 5}

    def start(self) -> None:
        if self._controller is None:
            self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
            self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def reject_recipients(self, code: int = 550) -> None:
        self.refuse_code = code


@pytest.fixture()
def smtp_server() -> Iterator[SMTPTestServer]:
    server = SMTPTestServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
