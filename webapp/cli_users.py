"""`kaart user add|disable|enable|reset-mfa|list`: accounts from the command line (the first admin, operations).

Register in webapp/cli.py with `cli.add_command(user)` (`from webapp.cli_users import user`).
"""

from __future__ import annotations

import click
from flask import Flask

from graph import ConstraintViolation
from graph.accounts import ROLES, AccountRepository
from webapp import create_app
from webapp.accounts import PasswordRejected, create_account, reset_mfa, set_disabled
from webapp.config import Settings
from webapp.db import get_store


def command_app() -> Flask:
    """The app on the settings the `kaart` command parsed once at its start (webapp.cli.cli)."""
    ctx = click.get_current_context(silent=True)
    settings = ctx.find_object(Settings) if ctx is not None else None
    return create_app(settings=settings)


_app = command_app


def _find(repo: AccountRepository, email: str):
    account = repo.by_email(email)
    if account is None:
        raise click.ClickException(f"geen account met e-mailadres {email}")
    return account


@click.group()
def user() -> None:
    """Accounts: toevoegen, blokkeren, tweestapsverificatie opnieuw instellen."""


@user.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="professional", show_default=True)
@click.option("--name", default=None, help="Naam zoals die op de site staat.")
@click.option(
    "--password",
    prompt="Wachtwoord (minstens 12 tekens)",
    hide_input=True,
    confirmation_prompt="Nog een keer",
    envvar="KAART_NEW_PASSWORD",
    help="Liever niet op de opdrachtregel: wordt gevraagd, of uit KAART_NEW_PASSWORD gelezen.",
)
def add(email: str, role: str, name: str | None, password: str) -> None:
    """Maak een account. Bij de eerste keer inloggen stelt de gebruiker de authenticator-app in."""
    app = _app()
    with app.app_context():
        try:
            account = create_account(get_store(), email, password, role, name)
        except PasswordRejected as exc:
            raise click.ClickException(str(exc)) from exc
        except ConstraintViolation as exc:
            raise click.ClickException(f"er is al een account met e-mailadres {email}") from exc
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(
        f"account {account.email} ({account.role}) gemaakt; tweestapsverificatie wordt bij inloggen ingesteld"
    )


@user.command("disable")
@click.argument("email")
def disable(email: str) -> None:
    """Blokkeer een account en beëindig zijn sessies."""
    app = _app()
    with app.app_context():
        store = get_store()
        set_disabled(store, _find(AccountRepository(store), email), True)
    click.echo(f"account {email} geblokkeerd; sessies beëindigd")


@user.command("enable")
@click.argument("email")
def enable(email: str) -> None:
    """Deblokkeer een account."""
    app = _app()
    with app.app_context():
        store = get_store()
        set_disabled(store, _find(AccountRepository(store), email), False)
    click.echo(f"account {email} gedeblokkeerd")


@user.command("reset-mfa")
@click.argument("email")
def reset_mfa_command(email: str) -> None:
    """Wis de authenticator-app en herstelcodes; bij de volgende login stelt de gebruiker ze opnieuw in."""
    app = _app()
    with app.app_context():
        store = get_store()
        reset_mfa(store, _find(AccountRepository(store), email))
    click.echo(f"tweestapsverificatie van {email} gewist; sessies beëindigd")


@user.command("list")
def list_command() -> None:
    """Toon alle accounts (zonder geheimen)."""
    app = _app()
    with app.app_context():
        accounts = AccountRepository(get_store()).all()
    for a in accounts:
        state = (
            "geblokkeerd" if a.disabled else ("actief" if a.mfa_enrolled else "tweestaps nog niet ingesteld")
        )
        click.echo(f"{a.email}\t{a.role}\t{state}")
