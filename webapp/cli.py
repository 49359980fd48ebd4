"""The one command line: `kaart`. Every command prints counts; imports support --dry-run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
from werkzeug.serving import WSGIRequestHandler

from graph import ensure_schema
from graph.accounts import AccountRepository
from graph.backup import backup as do_backup
from graph.backup import restore as do_restore
from graph.errors import GraphUnavailable
from ingest.base import FileRejected, Report
from ingest.demo import load_demo
from ingest.document import import_document
from ingest.hsds import NotHsds, import_hsds
from ingest.hsds_export import created_now, export_hsds
from ingest.netwerken import import_netwerken
from ingest.ontology_loader import load_ontology_into_graph
from ingest.registers import import_duo, import_lrk
from ingest.spreadsheet import import_spreadsheet
from ingest.writer import Mapped
from match import artefact, word_models
from match.derive import derive_themes
from match.index import compare_with_graph, rebuild
from match.nlp import Analyzer
from match.parse import BLANK, pipeline_choice, pipeline_problem, pipeline_summary
from ontology import load_gazetteer, load_ontology, validate
from webapp.answer import HulpvraagTooLong, answer_hulpvraag
from webapp.check_text import CheckFacts, human_lines, verdict
from webapp.cli_eval import eval_command
from webapp.cli_maintenance import maintenance
from webapp.cli_models import models_command
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
        except Exception:
            # In a new or empty data dir a command may fail deep down (e.g. no search index yet): say what to
            # do instead of showing a traceback. Any other error is a real bug and keeps its traceback.
            hint = _hint_if_not_ready()
            if hint is None:
                raise
            click.echo(hint, err=True)
            ctx.exit(1)


# --- a new or empty data dir: say what to do (kaart init, kaart demo) ----------------------------------------


def _kaart_state(store) -> str:
    """`ok` (there are services), `empty` (initialised, no services yet) or `new` (no ontology loaded)."""
    from graph.repositories import ServiceRepository, ThemeRepository

    if ServiceRepository(store).count() > 0:
        return "ok"
    return "empty" if ThemeRepository(store).count() > 0 else "new"


def _what_to_do(app, state: str) -> str:
    where = str(app.config.get("GRAPH_URI") or "").split("?")[0]
    if state == "new":
        return (
            f"De kaart is nog niet ingericht ({where}).\n"
            "Begin zo:\n"
            "  kaart init    maakt het schema en laadt de ontologie\n"
            "  kaart demo    laadt de voorbeelddata van Aalten (of importeer: kaart ingest <bron> <pad>)"
        )
    return (
        f"De kaart is nog leeg: er staan nog geen diensten in ({where}).\n"
        "Laad de voorbeelddata met `kaart demo`, of importeer met `kaart ingest <bron> <pad>`."
    )


def _hint_if_not_ready() -> str | None:
    try:
        app = _app()
        with app.app_context():
            state = _kaart_state(get_store())
    except Exception:  # noqa: BLE001 - diagnosing must never hide the original error
        return None
    return None if state == "ok" else _what_to_do(app, state)


def _require(app, store, *, services: bool, initialised: bool = True) -> None:
    """Stop with what to do when the kaart is not initialised (or, with `services`, has no services yet);
    otherwise an empty kaart is only mentioned (on stderr, so output stays machine-readable)."""
    state = _kaart_state(store)
    if state == "ok":
        return
    if (state == "new" and initialised) or services:
        click.echo(_what_to_do(app, state), err=True)
        raise SystemExit(1)
    click.echo(_what_to_do(app, state), err=True)


@click.group(cls=_Commands)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Sociale kaart: graaf, import, export, zoeken en de website."""
    settings, _ = parse()
    # A command prints its own counts; its log shows warnings unless KAART_LOG_LEVEL asks for more.
    # `kaart serve` logs at the configured level (INFO by default), like gunicorn via webapp.wsgi.
    configure_logging(settings.log_level if "KAART_LOG_LEVEL" in os.environ else "WARNING")
    artefact.configure(
        settings.model_dir
    )  # the trained word models: loaded from here, trained once (ADR 0146)
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
            sys.executable, "-m", "gunicorn", "-c", "python:webapp.gunicorn_conf",
            "--workers", str(workers), "--bind", f"{host}:{port}",
            "--access-logfile", "-", "--access-logformat", '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(L)s',
            "webapp.wsgi:app",
        ]  # fmt: skip
        proc = subprocess.Popen(cmd)
        # `kill`/systemd stop the parent: pass it on so gunicorn stops its workers (each releases the graph).
        signal.signal(signal.SIGTERM, lambda *_: proc.send_signal(signal.SIGTERM))
        raise SystemExit(proc.wait())
    # SIGTERM ends the built-in server like Ctrl+C: exit handlers run and the last user of the embedded graph
    # stops its server (graph/embedded.py release), instead of leaving redis-server running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    click.echo(f"Sociale kaart op http://{host}:{port}/")
    with app.app_context():
        if _kaart_state(get_store()) != "ok":  # the site runs, but say how to fill it
            click.echo(_what_to_do(app, _kaart_state(get_store())), err=True)
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
        # no path when the request line could not be parsed (then the server answers 400 without one)
        path = (getattr(self, "path", None) or "-").split("?", 1)[0]
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
        backend = app.config["SEARCH_BACKEND"]
        counts = load_demo(get_store(), lambda store: rebuild(backend, store, index_dir), if_empty=if_empty)
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

    \b
    Exitcodes (ook bij --dry-run), bruikbaar in cron:
      0  alles geïmporteerd
      1  sommige rijen afgewezen; de rest is geïmporteerd (het rapport zegt welke)
      2  niets geschreven: het bestand is afgewezen, of elke rij is afgewezen
    """

    if source in {"lrk", "duo"} and not gemeente:
        reason = f"{source}: geef --gemeente (of zet KAART_GEMEENTE); het landelijke bestand is te groot"
        if report_path:  # a cron job reads the report: it says why nothing was imported
            refused = Report(source=source_name or source, dry_run=dry_run)
            refused.reject(path.name, 0, None, reason)
            refused.write(report_path)
        raise click.UsageError(reason)
    app = _app()
    with app.app_context():
        store = get_store()
        ensure_schema(store)
        try:
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
        except (NotHsds, FileRejected) as exc:  # the whole input refused: say why, in Dutch, write nothing
            reason = exc.reason if isinstance(exc, FileRejected) else str(exc)
            if report_path:
                refused = Report(source=source_name or source, dry_run=dry_run)
                refused.reject(getattr(exc, "file", "") or path.name, 0, None, reason)
                refused.write(report_path)
            click.echo(f"{path}: {reason}\nNiets geïmporteerd.", err=True)
            raise SystemExit(2) from None
        file_refused = report.file_rejection() if source != "hsds" else None
        if not dry_run and not no_index and source != "document" and file_refused is None:
            _reindex(app, store)
    if report_path:
        report.write(report_path)
    counts = report.summary()
    click.echo(" ".join(f"{k}={v}" for k, v in counts.items()) + (" (dry-run)" if dry_run else ""))
    whole_file = [i for i in report.issues if i.row == 0]  # always shown (PDOK unreachable, …)
    rows = [i for i in report.issues if i.row != 0]
    for issue in whole_file + rows[:20]:
        click.echo(
            f"  {issue.file}:{issue.row} {issue.record_id or '-'} {issue.outcome}: {issue.reason}", err=True
        )
    more = len(rows) - 20 + report.not_detailed()  # beyond the report's detail limit: only counted
    if more > 0:
        click.echo(f"  … en {more} meer (gebruik --report)", err=True)
    code = ingest_exit_code(report, source)
    if code:
        raise SystemExit(code)


WRITTEN = (
    "created",
    "updated",
    "unchanged",
    "proposals",
    *Mapped().counts(),
)  # any of these: something written


def ingest_exit_code(report: Report, source: str) -> int:
    """0 all imported, 1 some rows rejected (the rest imported), 2 nothing written: the file was rejected,
    or every row was (0 imported and >0 rejected, also with --dry-run: nothing would be written).

    Importers raise FileRejected for a refused file; netwerken and document still report it as a row-0
    rejection, which means the same (HSDS may refuse one table of several, so there it stays 1)."""
    if source != "hsds" and report.file_rejection() is not None:
        return 2
    if not report.counts.get("rejected", 0):
        return 0
    return 1 if any(report.counts.get(k, 0) for k in WRITTEN) else 2


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
@click.option(
    "--public",
    is_flag=True,
    help="Open data: zonder gegevens die alleen voor professionals zijn (directe lijnen, vertrouwelijke "
    "locaties, wie iets wijzigde) en zonder diensten die de openbare site niet toont.",
)
def export_hsds_command(directory: Path, no_validate: bool, public: bool) -> None:
    """Schrijf een HSDS 3.0 tabular datapackage (CSV + datapackage.json) naar DIRECTORY.

    Streng geldig volgens het officiële HSDS 3.0-datapakket: ids zijn UUID's (steeds dezelfde, afgeleid van
    de leesbare ids; die staan er ook in, zodat `kaart ingest hsds` ze terugvindt). Exitcode 1 als de
    controle problemen vindt."""
    app = _app()
    with app.app_context():
        _require(app, get_store(), services=False)
        # `created` as the site's zip has it; everything else stays byte-stable between re-exports
        result = export_hsds(
            get_store(), directory, validate=not no_validate, public=public, created=created_now()
        )
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
    n = rebuild(app.config["SEARCH_BACKEND"], store, Path(app.config["INDEX_DIR"]))
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
        _require(app, get_store(), services=False)
        if if_stale:
            try:
                current = compare_with_graph(
                    get_store(), Path(app.config["INDEX_DIR"]), backend=app.config["SEARCH_BACKEND"]
                ).current
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
    """Controleer dat graaf en index overeenkomen en dat de ontologie klopt (met een eindoordeel; exit 1 bij problemen)."""
    app = _app()
    onto = load_ontology()
    index: list[str] = []
    graph_count = indexed = 0
    with app.app_context():
        _require(app, get_store(), services=False)
        try:
            result = compare_with_graph(
                get_store(), Path(app.config["INDEX_DIR"]), onto, backend=app.config["SEARCH_BACKEND"]
            )
        except FileNotFoundError as exc:
            index.append(str(exc))
        else:
            graph_count, indexed = result.graph, result.indexed
            for ids, what in (
                (result.missing, "staan niet in de index"),
                (result.extra, "in de index bestaan niet meer in de graaf"),
                (result.changed, "zijn veranderd sinds de index is gebouwd"),
            ):
                if ids:
                    index.append(
                        f"{len(ids)} diensten {what} (bv. {', '.join(map(str, ids[:3]))}); draai `kaart reindex`"
                    )
    nlp_problem = pipeline_problem()
    models = word_models.status(onto)  # the trained word models this checkout loads (ADR 0146)
    facts = CheckFacts(
        graph_count,
        indexed,
        pipeline_summary(),
        pipeline_choice() == BLANK,
        tuple((f.name, bool(f.current)) for f in models),
        tuple(validate(onto)),
        tuple(index),
        (nlp_problem,) if nlp_problem else (),
    )
    # the key=value lines are for tools and stay as they were; the Dutch lines and the verdict are for people
    click.echo(f"services_graph={graph_count} services_index={indexed} problems={len(facts.problems)}")
    click.echo(f"nlp_pipeline={facts.pipeline}")
    for f in models:
        state = (
            "actueel"
            if f.current
            else "ontbreekt: wordt bij eerste gebruik getraind, of draai `kaart models`"
        )
        click.echo(f"word_model_{f.name}={f.path} ({state})")
    for line in human_lines(facts):
        click.echo(line)
    click.echo(verdict(facts))
    if facts.problems:
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
        _require(app, get_store(), services=True)
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
    for message in result.messages:
        click.echo(f"Let op: {message}")
    for n, r in enumerate(result.results, 1):
        dist = f" ({r['distance_km']} km)" if r["distance_km"] is not None else ""
        click.echo(f"{n:2d}. {r['name']}{dist} — {r['why']}")
        if r.get("door_text"):  # the front door's own words for a young asker (ADR 0145)
            click.echo(f"    {r['door_text']}")


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup(path: Path) -> None:
    """Maak een volledige backup (kaart, accounts, audit, voorstellen) als .jsonl.gz."""
    app = _app()
    with app.app_context():
        store = get_store()
        state = _kaart_state(store)
        if state != "ok" and not AccountRepository(store).all():  # nothing anyone would miss: no backup
            click.echo(_what_to_do(app, state) + "\nGeen backup gemaakt: er staat nog niets in.", err=True)
            raise SystemExit(1)
        _require(app, store, services=False, initialised=False)  # accounts are worth a backup too
        counts = do_backup(store, path)
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
cli.add_command(eval_command)
cli.add_command(maintenance)
cli.add_command(models_command)


def main() -> None:  # pragma: no cover - console entry
    cli()


if __name__ == "__main__":  # pragma: no cover
    cli(prog_name=Path(sys.argv[0]).name)
