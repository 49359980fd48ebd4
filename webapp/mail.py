"""E-mail for beheer ("verzoek om controle"): SMTP when `KAART_SMTP_HOST` is set, otherwise `mailto:` links that a
coördinator sends by hand.

Nothing about a message is logged except how many went out and how many failed: a message body holds a
personal partner link, and the SMTP password is a secret. Errors are reported per recipient, by type only.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any
from urllib.parse import quote

log = logging.getLogger(__name__)

SECURITY = ("starttls", "ssl", "none")


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


@dataclass(frozen=True)
class Outcome:
    message: Message
    sent: bool
    error: str | None = None  # a short Dutch reason, never the server's full answer


def smtp_configured(config: Mapping[str, Any]) -> bool:
    return bool((config.get("SMTP_HOST") or "").strip())


def mailto(message: Message) -> str:
    """A `mailto:` link with subject and body filled in (RFC 6068: percent-encoded, CRLF line breaks)."""
    body = message.body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{quote(message.to, safe='@')}?subject={quote(message.subject)}&body={quote(body)}"


def _email(config: Mapping[str, Any], message: Message) -> EmailMessage:
    sender = (config.get("SMTP_FROM") or "").strip() or "sociale-kaart@localhost"
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = message.to
    msg["Subject"] = message.subject
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1] or None)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(message.body)
    return msg


def _connect(config: Mapping[str, Any]) -> smtplib.SMTP:
    host = str(config.get("SMTP_HOST")).strip()
    security = str(config.get("SMTP_SECURITY") or "starttls").strip().lower()
    if security not in SECURITY:
        raise ValueError(f"KAART_SMTP_SECURITY moet een van {', '.join(SECURITY)} zijn")
    default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
    port = int(config.get("SMTP_PORT") or default_port)
    timeout = float(config.get("SMTP_TIMEOUT") or 15)
    if security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        server = smtplib.SMTP(host, port, timeout=timeout)
        if security == "starttls":
            server.starttls(context=ssl.create_default_context())
    user = (config.get("SMTP_USER") or "").strip()
    if user:
        server.login(user, str(config.get("SMTP_PASSWORD") or ""))
    return server


def send(config: Mapping[str, Any], messages: Sequence[Message]) -> list[Outcome]:
    """Send over one SMTP connection. Never raises for a mail problem: every message gets an outcome."""
    if not messages:
        return []
    try:
        server = _connect(config)
    except (OSError, smtplib.SMTPException, ValueError) as exc:
        log.warning("E-mail: geen verbinding met de mailserver (%s)", type(exc).__name__)
        reason = "De mailserver was niet bereikbaar."
        return [Outcome(m, False, reason) for m in messages]
    outcomes = []
    try:
        for m in messages:
            try:
                server.send_message(_email(config, m))
                outcomes.append(Outcome(m, True))
            except (OSError, smtplib.SMTPException) as exc:
                log.warning("E-mail: een bericht is niet verstuurd (%s)", type(exc).__name__)
                outcomes.append(Outcome(m, False, "De mailserver nam het bericht niet aan."))
    finally:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            server.quit()
    sent = sum(o.sent for o in outcomes)
    log.info("E-mail: %d verstuurd, %d mislukt", sent, len(outcomes) - sent)
    return outcomes
