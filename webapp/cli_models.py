"""`kaart models`: train the matcher's word models now and keep them as artefacts (ADR 0146).

Why a command: a process loads the theme, safety and writer models from their artefacts in KAART_MODEL_DIR in a
fraction of a second; without them the first process trains them (~6 s) and writes them. Run it after an update
(or let the first start do it); the Dockerfile runs it at image build, so a container starts warm.
Registered in webapp/cli.py with `cli.add_command(models_command)`.
"""

from __future__ import annotations

import click

from match import artefact, word_models
from ontology import load_ontology


@click.command("models")
@click.option(
    "--check", "only_check", is_flag=True, help="Niets trainen: zeg alleen of elk model actueel is."
)
def models_command(only_check: bool) -> None:
    """Train de woordmodellen (thema's, veiligheid, wie typt) en bewaar ze in KAART_MODEL_DIR."""
    onto = load_ontology()
    click.echo(f"model_dir={artefact.folder()}")
    if only_check:
        files = word_models.status(onto)
        for f in files:
            click.echo(f"model={f.name} file={f.path} current={'ja' if f.current else 'nee'}")
        raise SystemExit(0 if all(f.current for f in files) else 1)
    files = word_models.build(onto)
    for f in files:
        click.echo(f"model={f.name} file={f.path} how={f.how.replace(' ', '_')} seconds={f.seconds:.2f}")
    if not all(f.current for f in files):
        click.echo("fout: niet elk model kon worden bewaard (kan de map beschreven worden?)", err=True)
        raise SystemExit(1)
