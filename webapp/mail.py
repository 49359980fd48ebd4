"""E-mail for beheer ("verzoek om controle"): SMTP when `KAART_SMTP_HOST` is set, otherwise `mailto:` links that a
coördinator sends by hand.

Nothing about a message is logged except how many went out and how many failed: a message body holds a
personal partner link, and the SMTP password is a secret. Errors are reported per recipient, by type only.

Header values pass the input boundary (graph/input.py): a line break in an organisation name becomes a space
in the subject, and a recipient that is not one plain address (`x@y.nl?cc=…`, two addresses, a line break) is
not sent to. Every message gets its own outcome: one that fails (a refused recipient, a dropped connection,
a header the mail library refuses) does not stop the others, and a dropped connection is made again once.
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

from graph.input import InputRejected, check_email, one_line

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
    subject = one_line(message.subject, 250)  # no line break in a header, also not via a mail program
    return f"mailto:{quote(message.to, safe='@')}?subject={quote(subject)}&body={quote(body)}"


class Unsendable(ValueError):
    """A message that cannot be sent as it is (its reason is for the coördinator, in Dutch)."""


def _email(config: Mapping[str, Any], message: Message) -> EmailMessage:
    sender = one_line((config.get("SMTP_FROM") or "").strip()) or "sociale-kaart@localhost"
    try:
        to = check_email(message.to)
    except InputRejected:
        raise Unsendable("Het e-mailadres is ongeldig. Verbeter het bij de organisatie.") from None
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = one_line(message.subject, 250)
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
                email = _email(config, m)
            except Unsendable as exc:
                outcomes.append(Outcome(m, False, str(exc)))
                continue
            except Exception as exc:  # noqa: BLE001 - a header the mail library refuses: this one only
                log.warning("E-mail: een bericht kon niet worden opgesteld (%s)", type(exc).__name__)
                outcomes.append(Outcome(m, False, "Het bericht kon niet worden opgesteld."))
                continue
            try:
                server.send_message(email)
                outcomes.append(Outcome(m, True))
            except smtplib.SMTPServerDisconnected:
                # the server hung up: connect again once for this and the remaining messages
                try:
                    server = _connect(config)
                    server.send_message(email)
                    outcomes.append(Outcome(m, True))
                except Exception as exc:  # noqa: BLE001
                    log.warning("E-mail: een bericht is niet verstuurd (%s)", type(exc).__name__)
                    outcomes.append(Outcome(m, False, "De mailserver verbrak de verbinding."))
            except Exception as exc:  # noqa: BLE001 - refused recipient, bad data: this message only
                log.warning("E-mail: een bericht is niet verstuurd (%s)", type(exc).__name__)
                outcomes.append(Outcome(m, False, "De mailserver nam het bericht niet aan."))
    finally:
        with contextlib.suppress(Exception):
            server.quit()
    sent = sum(o.sent for o in outcomes)
    log.info("E-mail: %d verstuurd, %d mislukt", sent, len(outcomes) - sent)
    return outcomes
