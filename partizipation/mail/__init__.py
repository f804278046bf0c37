"""The outbox: mail queued in the same transaction as the change, sent by a worker."""

from ..domains import Domain

DOMAIN = Domain("mail", personal=True)
