"""A real local SMTP server for mail tests (aiosmtpd). Owned by the mail/feedback work.

Fixture contract: `smtp_server` yields an object with `.port` and `.messages`
(a list of email.message.EmailMessage received so far).
"""
