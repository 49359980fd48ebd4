"""The one command line: `kaart`. Every command prints counts; imports support --dry-run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from webapp import create_app


def _app():
    return create_app()


@click.group()
def cli() -> None:
    """Sociale kaart: graaf, import, export, zoeken en de website."""


@cli.command()
def init() -> None:
    """Maak schema, constraints en indexen; laad de ontologie. Kan vaker draaien."""
    from graph import ensure_schema
    from ingest.ontology_loader import load_ontology_into_graph
    from webapp.db import get_store

    app = _app()
    with app.app_context():
        store = get_store()
        ensure_schema(store)
        counts = load_ontology_into_graph(store)
    click.echo(f"schema klaar op {app.config['GRAPH_URI'].split('?')[0]}")
    click.echo(" ".join(f"{k}={v}" for k, v in counts.items()))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=0, type=int, help="Aantal gunicorn-workers (0: ingebouwde server).")
def serve(host: str, port: int, workers: int) -> None:
    """Start de website."""
    app = _app()
    if workers > 0:
        import subprocess

        cmd = [
            sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind", f"{host}:{port}",
            "--access-logfile", "-", "--access-logformat", '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(L)s',
            "webapp.wsgi:app",
        ]  # fmt: skip
        raise SystemExit(subprocess.call(cmd))
    click.echo(f"Sociale kaart op http://{host}:{port}/")
    app.run(host=host, port=port, debug=False, threaded=True, use_reloader=False)


@cli.command()
@click.option("--if-empty", is_flag=True, help="Alleen laden als de graaf nog leeg is (make run).")
def demo(if_empty: bool) -> None:
    """Laad de Aalten-demodata (afgeleid van openbare documenten)."""
    from ingest.demo import load_demo

    app = _app()
    with app.app_context():
        from webapp.db import get_store

        counts = load_demo(get_store(), app.config, if_empty=if_empty)
    click.echo(json.dumps(counts, ensure_ascii=False))


def main() -> None:  # pragma: no cover - console entry
    cli()


if __name__ == "__main__":  # pragma: no cover
    cli(prog_name=Path(sys.argv[0]).name)
