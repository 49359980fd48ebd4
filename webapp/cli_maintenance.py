"""`kaart maintenance`: what has to happen on a schedule (cron or a systemd timer, see docs/security.md).

- expired sessions (idle or absolute time-out passed) and stale login counters are deleted;
- `--reencrypt`: every TOTP secret still in the clear, or sealed with an older key, is encrypted with the
  newest key of KAART_SECRET_ENCRYPTION_KEY (run it after putting a new key in front; then drop the old one);
- `--new-key`: print a fresh key for KAART_SECRET_ENCRYPTION_KEY and do nothing else;
- `--end-sessions`: log everybody out (every session ends; one account: `kaart user disable`).

Prints counts only (no e-mail addresses, no secrets).
"""

from __future__ import annotations

import json

import click

from graph.accounts import AccountRepository, SessionRepository
from webapp.accounts import SecretUnreadable, purge_expired, reseal_totp
from webapp.cli_users import command_app
from webapp.db import get_store


@click.command()
@click.option(
    "--reencrypt", is_flag=True, help="TOTP-geheimen (opnieuw) versleutelen met de nieuwste sleutel."
)
@click.option("--new-key", is_flag=True, help="Toon een nieuwe sleutel voor KAART_SECRET_ENCRYPTION_KEY.")
@click.option("--end-sessions", is_flag=True, help="Beëindig alle sessies: iedereen moet opnieuw inloggen.")
def maintenance(reencrypt: bool, new_key: bool, end_sessions: bool) -> None:
    """Onderhoud: verlopen sessies en inlogtellers opruimen; geheimen opnieuw versleutelen."""
    if new_key:
        from cryptography.fernet import Fernet

        click.echo(Fernet.generate_key().decode())
        return
    app = command_app()
    with app.app_context():
        store = get_store()
        counts = purge_expired(store, app.config)
        if end_sessions:
            counts["ended"] = SessionRepository(store).purge(idle_seconds=-1, absolute_seconds=-1)
        if reencrypt:
            counts["reencrypted"] = counts["unreadable"] = 0
            for account in AccountRepository(store).all():
                try:
                    counts["reencrypted"] += reseal_totp(store, account, app.config)
                except SecretUnreadable:
                    counts["unreadable"] += 1
    click.echo(json.dumps(counts))
    if counts.get("unreadable"):
        raise SystemExit(1)
