"""The one command line: `kaart`. Every command prints counts; imports support --dry-run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import click
from werkzeug.serving import WSGIRequestHandler

from graph import ensure_schema
from graph.backup import backup as do_backup
from graph.backup import restore as do_restore
from graph.errors import GraphUnavailable
from ingest.demo import load_demo, load_hsds_kaart
from ingest.document import import_document
from ingest.hsds import import_hsds
from ingest.hsds_export import export_hsds
from ingest.netwerken import import_netwerken
from ingest.ontology_loader import load_ontology_into_graph
from ingest.registers import import_duo, import_lrk
from ingest.spreadsheet import import_spreadsheet
from match.derive import derive_themes
from match.evaluate import evaluate
from match.index import compare_with_graph, rebuild_index
from match.nlp import Analyzer
from match.parse import pipeline_problem, pipeline_summary
from ontology import load_gazetteer, load_ontology, validate
from webapp.answer import HulpvraagTooLong, answer_hulpvraag
from webapp.cli_users import command_app, user
from webapp.config import ConfigError, parse, settings
from webapp.db import get_store
from webapp.logs import configure_logging

_app = command_app


class _Commands(click.Group):
    """Every command: an unreachable graph is a clear message and exit code 3, not a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            click.echo(f"fout in de instellingen: {exc}\nZie README.md, Configuration.", err=True)
            ctx.exit(2)
        except GraphUnavailable as exc:
            click.echo(
                f"fout: {exc}\nWat al was opgeslagen, blijft heel bewaard. Draai het commando opnieuw zodra de"
                " graaf weer bereikbaar is (een import gaat dan verder waar hij was).",
                err=True,
            )
            ctx.exit(3)


@click.group(cls=_Commands)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Sociale kaart: graaf, import, export, zoeken en de website."""
    settings, _ = parse()
    # A command prints its own counts; its log shows warnings unless KAART_LOG_LEVEL asks for more.
    # `kaart serve` logs at the configured level (INFO by default), like gunicorn via webapp.wsgi.
    configure_logging(settings.log_level if "KAART_LOG_LEVEL" in os.environ else "WARNING")
    ctx.obj = settings


@cli.command()
def init() -> None:
    """Maak schema, constraints en indexen; laad de ontologie. Kan vaker draaien."""
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
    configure_logging(app.config["LOG_LEVEL"])
    if workers > 0:
        cmd = [
            sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind", f"{host}:{port}",
            "--access-logfile", "-", "--access-logformat", '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(L)s',
            "webapp.wsgi:app",
        ]  # fmt: skip
        raise SystemExit(subprocess.call(cmd))
    click.echo(f"Sociale kaart op http://{host}:{port}/")
    app.run(
        host=host,
        port=port,
        debug=False,
        threaded=True,
        use_reloader=False,
        request_handler=_RequestLogWithoutQuery,
    )


class _RequestLogWithoutQuery(WSGIRequestHandler):
    """The built-in server's request log without the query string (like the gunicorn format of `serve
    --workers`): a search text in a URL must never reach a log."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = self.path.split("?", 1)[0]
        self.log("info", '"%s %s" %s %s', self.command, path, getattr(code, "value", code), size)


@cli.command()
@click.option("--if-empty", is_flag=True, help="Alleen laden als de graaf nog leeg is (make run).")
def demo(if_empty: bool) -> None:
    """Laad de Aalten-demodata (afgeleid van openbare documenten)."""
    app = _app()
    if if_empty and not settings(app).demo_on_start:
        click.echo(json.dumps({"skipped": "KAART_DEMO_ON_START=0"}))
        return
    with app.app_context():
        index_dir = Path(app.config["INDEX_DIR"])
        counts = load_demo(get_store(), lambda store: rebuild_index(store, index_dir), if_empty=if_empty)
    click.echo(json.dumps(counts, ensure_ascii=False))


SOURCES = ("hsds", "csv", "xlsx", "lrk", "duo", "netwerken", "document")


@cli.command()
@click.argument("source", type=click.Choice(SOURCES))
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Alleen controleren; niets schrijven.")
@click.option(
    "--report", "report_path", type=click.Path(path_type=Path), help="Rapport per rij (.csv of .json)."
)
@click.option(
    "--gemeente",
    default=None,
    envvar="KAART_GEMEENTE",
    help="lrk/duo: alleen deze gemeente (standaard KAART_GEMEENTE).",
)
@click.option(
    "--soort", type=click.Choice(["po", "vo"]), default=None, help="duo: primair of voortgezet onderwijs."
)
@click.option(
    "--mapping",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="csv/xlsx: kolomnamen (YAML).",
)
@click.option("--sheet", default=None, help="xlsx: naam van het werkblad (standaard het eerste).")
@click.option(
    "--name", "source_name", default=None, help="Id van de bron (standaard uit soort en bestandsnaam)."
)
@click.option(
    "--no-index", is_flag=True, help="De zoekindex niet bijwerken (doe dat later met kaart reindex)."
)
def ingest(
    source: str,
    path: Path,
    dry_run: bool,
    report_path: Path | None,
    gemeente: str | None,
    soort: str | None,
    mapping: Path | None,
    sheet: str | None,
    source_name: str | None,
    no_index: bool,
) -> None:
    """Importeer een bron in de graaf. Toont aantallen: created, updated, unchanged, rejected, proposals.

    Bronnen: hsds (HSDS 3.0 datapakket of JSON), csv/xlsx (spreadsheet), lrk (Landelijk Register
    Kinderopvang), duo (scholen PO/VO), netwerken (YAML/CSV), document (tekst/PDF: alleen voorstellen).
    """

    if source in {"lrk", "duo"} and not gemeente:
        raise click.UsageError(
            f"{source}: geef --gemeente (of zet KAART_GEMEENTE); het landelijke bestand is te groot"
        )
    app = _app()
    with app.app_context():
        store = get_store()
        ensure_schema(store)
        report = _run_import(
            store,
            source,
            path,
            dry_run=dry_run,
            gemeente=gemeente,
            soort=soort,
            mapping=mapping,
            sheet=sheet,
            name=source_name,
        )
        if not dry_run and not no_index and source != "document":
            _reindex(app, store)
    if report_path:
        report.write(report_path)
    counts = report.summary()
    click.echo(" ".join(f"{k}={v}" for k, v in counts.items()) + (" (dry-run)" if dry_run else ""))
    for issue in report.issues[:20]:
        click.echo(
            f"  {issue.file}:{issue.row} {issue.record_id or '-'} {issue.outcome}: {issue.reason}", err=True
        )
    if len(report.issues) > 20:
        click.echo(f"  … en {len(report.issues) - 20} meer (gebruik --report)", err=True)


def _run_import(store, source: str, path: Path, *, dry_run: bool, gemeente, soort, mapping, sheet, name):
    if source == "hsds":
        return import_hsds(store, path, dry_run=dry_run, source=name)
    if source in {"csv", "xlsx"}:
        return import_spreadsheet(store, path, dry_run=dry_run, source=name, mapping=mapping, sheet=sheet)
    if source == "lrk":
        return import_lrk(store, path, gemeente=gemeente, dry_run=dry_run, source=name)
    if source == "duo":
        return import_duo(store, path, gemeente=gemeente, soort=soort, dry_run=dry_run, source=name)
    if source == "netwerken":
        return import_netwerken(store, path, dry_run=dry_run, source=name)
    return import_document(store, path, dry_run=dry_run, source=name)


@cli.group()
def export() -> None:
    """Exporteer de kaart."""


@export.command("hsds")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--no-validate", is_flag=True, help="Niet controleren tegen de HSDS-schema's.")
def export_hsds_command(directory: Path, no_validate: bool) -> None:
    """Schrijf een HSDS 3.0 tabular datapackage (CSV + datapackage.json) naar DIRECTORY."""
    app = _app()
    with app.app_context():
        result = export_hsds(get_store(), directory, validate=not no_validate)
    click.echo(
        " ".join(f"{k}={v}" for k, v in result.counts.items() if v) + f" problems={len(result.problems)}"
    )
    for problem in result.problems[:20]:
        click.echo(f"  {problem}", err=True)
    if result.problems:
        raise SystemExit(1)


def _reindex(app, store) -> dict[str, int]:
    analyzer = Analyzer(load_ontology(), load_gazetteer())
    derived = derive_themes(store, analyzer)
    n = rebuild_index(store, Path(app.config["INDEX_DIR"]))
    return {"indexed": n, "derived": len(derived)}


@cli.command()
@click.option(
    "--if-stale",
    is_flag=True,
    help="Alleen als de index niet meer klopt met de graaf (voor cron, bv. elke 5 minuten na bewerkingen).",
)
def reindex(if_stale: bool) -> None:
    """Bouw de zoekindex opnieuw op uit de graaf (in een tijdelijke map, daarna omgewisseld)."""
    app = _app()
    t0 = time.perf_counter()
    with app.app_context():
        if if_stale:
            try:
                current = compare_with_graph(get_store(), Path(app.config["INDEX_DIR"])).current
            except FileNotFoundError:
                current = False
            if current:
                click.echo(f"index is actueel; niets gedaan seconds={time.perf_counter() - t0:.2f}")
                return
        counts = _reindex(app, get_store())
    click.echo(
        f"indexed={counts['indexed']} derived_themes={counts['derived']} seconds={time.perf_counter() - t0:.2f}"
    )


@cli.command()
def check() -> None:
    """Controleer dat graaf en index overeenkomen en dat de ontologie klopt."""
    app = _app()
    onto = load_ontology()
    problems: list[str] = list(validate(onto))
    graph_count = indexed = 0
    with app.app_context():
        try:
            result = compare_with_graph(get_store(), Path(app.config["INDEX_DIR"]), onto)
        except FileNotFoundError as exc:
            problems.append(str(exc))
        else:
            graph_count, indexed = result.graph, result.indexed
            for ids, what in (
                (result.missing, "staan niet in de index"),
                (result.extra, "in de index bestaan niet meer in de graaf"),
                (result.changed, "zijn veranderd sinds de index is gebouwd"),
            ):
                if ids:
                    problems.append(f"{len(ids)} diensten {what} (bv. {ids[:3]}); draai `kaart reindex`")
    if nlp_problem := pipeline_problem():
        problems.append(nlp_problem)
    click.echo(f"services_graph={graph_count} services_index={indexed} problems={len(problems)}")
    click.echo(f"nlp_pipeline={pipeline_summary()}")
    for p in problems:
        click.echo(f"  - {p}")
    if problems:
        raise SystemExit(1)


@cli.command()
@click.argument("text")
@click.option("--near", default=None, help="Plaatsnaam of 'lat,lon'.")
@click.option(
    "--audience", type=click.Choice(["public", "professional"]), default="public", show_default=True
)
@click.option("--limit", default=10, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True, help="Eén JSON-object (het contract uit de brief).")
def match(text: str, near: str | None, audience: str, limit: int, as_json: bool) -> None:
    """Wie kan hier helpen? Zoek diensten bij een hulpvraag (de tekst wordt nergens bewaard)."""
    app = _app()
    with app.app_context():
        try:
            result = answer_hulpvraag(text, near=near, audience=audience, limit=limit)
        except HulpvraagTooLong as exc:
            raise click.UsageError(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result.as_contract(), ensure_ascii=False))
        return
    if result.notice:
        click.echo(f"!! {result.notice}")
    click.echo("Thema's: " + (", ".join(t["label"] for t in result.themes) or "geen herkend"))
    if result.place:
        click.echo(f"Plaats: {result.place['name']}")
    for n, r in enumerate(result.results, 1):
        dist = f" ({r['distance_km']} km)" if r["distance_km"] is not None else ""
        click.echo(f"{n:2d}. {r['name']}{dist} — {r['why']}")


@cli.command("eval")
@click.argument("dataset", type=click.Path(exists=True, path_type=Path))
@click.argument("questions", type=click.Path(exists=True, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "heldout", "all"]), default="all", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.option("--show-failures", is_flag=True)
def eval_command(dataset: Path, questions: Path, split: str, as_json: bool, show_failures: bool) -> None:
    """Meet de zoekkwaliteit (hit@1, hit@5, MRR, safety@3, ontkenningsfouten) naast een BM25-basislijn."""
    result = evaluate(dataset, questions, load=load_hsds_kaart, split=None if split == "all" else split)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    cols = ["hit@1", "hit@5", "MRR", "safety@3", "negation_errors", "lighter_first", "place"]
    click.echo(
        f"{result['matcher']['questions']} vragen ({result['split']}); p50 {result['latency_ms']['p50']} ms, p95 {result['latency_ms']['p95']} ms"
    )
    click.echo(f"{'':10s}" + "".join(f"{c:>16s}" for c in cols))
    for name in ("matcher", "bm25"):
        row = result[name]
        click.echo(f"{name:10s}" + "".join(f"{str(row[c]):>16s}" for c in cols))
    if show_failures:
        for f in result["failures"]:
            click.echo(f"  - {f}")


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup(path: Path) -> None:
    """Maak een volledige backup (kaart, accounts, audit, voorstellen) als .jsonl.gz."""
    app = _app()
    with app.app_context():
        counts = do_backup(get_store(), path)
    click.echo(f"nodes={counts.get('nodes', 0)} relationships={counts.get('relationships', 0)} file={path}")


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Niet vragen: de huidige graaf wordt vervangen.")
def restore(path: Path, yes: bool) -> None:
    """Zet een backup terug: vervangt de hele graaf en bouwt de zoekindex opnieuw."""
    if not yes:
        click.confirm("De huidige graaf wordt vervangen. Doorgaan?", abort=True)
    app = _app()
    with app.app_context():
        store = get_store()
        counts = do_restore(store, path)
        indexed = _reindex(app, store)
    click.echo(
        f"nodes={counts['nodes']} relationships={counts['relationships']} indexed={indexed['indexed']}"
    )


cli.add_command(user)


def main() -> None:  # pragma: no cover - console entry
    cli()


if __name__ == "__main__":  # pragma: no cover
    cli(prog_name=Path(sys.argv[0]).name)
