"""`kaart eval`: search quality per kaart and split (dev / heldout) next to plain BM25 (ADR 0033).

Registered in webapp/cli.py with `cli.add_command(eval_command)`.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ingest.demo import DEMO_DIR, load_demo, load_hsds_kaart
from match.evaluate import evaluate, evaluate_questions, load_question_file

EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "eval"
EVAL_COLUMNS = (
    ("useful@3", "nuttig@3"),
    ("wrong_in_top3", "fout@3"),
    ("safety@3", "veilig@3"),
    ("over_escalation", "overesc"),
    ("empty", "leeg"),
    ("MRR", "MRR"),
    ("nDCG@5", "nDCG@5"),
    ("lighter_first", "licht>zwaar"),
    ("place", "plaats"),
    ("negation_errors", "ontkenfout"),
)


def load_kaart_for_eval(store, path: Path) -> dict:
    """Fill an empty store with one kaart for `kaart eval`: the Aalten demo with its networks, else plain HSDS.

    Lives here (not in match/) because loading is ingest's work and match may not import ingest.
    """
    if Path(path).resolve() == DEMO_DIR.resolve():
        return load_demo(store, path=DEMO_DIR)
    return load_hsds_kaart(store, Path(path))


def run_default_eval(split: str | None = None, kaart: str | None = None) -> dict:
    """The standard suite: the graded hulpvragen on both kaarten, plus the first 101 questions as dev set."""
    kaarten, questions = load_question_file(EVAL_DIR / "hulpvragen.yaml")
    synthetic = kaarten.get("synthetisch")
    if synthetic is not None and (EVAL_DIR / "questions.yaml").exists():
        _, older = load_question_file(EVAL_DIR / "questions.yaml", legacy_kaart=synthetic)
        for q in older:
            q.split = "dev"  # the first set was written while the matcher was tuned: development only
        questions += older
    return evaluate_questions(kaarten, questions, load_kaart_for_eval, split=split, only_kaart=kaart)


def _print_eval(result: dict, show_failures: bool) -> None:
    width = 12
    for k in result["kaarten"]:
        lat = k["latency_ms"]
        click.echo(f"\n== {k['kaart']} ({k['services']} diensten; p50 {lat['p50']} ms, p95 {lat['p95']} ms)")
        click.echo(f"{'':22s}" + "".join(f"{label:>{width}s}" for _, label in EVAL_COLUMNS))
        for split, per in k["splits"].items():
            for name in ("matcher", "bm25"):
                row = per[name]
                cells = "".join(
                    f"{'-' if row[c] is None else str(row[c]):>{width}s}" for c, _ in EVAL_COLUMNS
                )
                click.echo(f"{split + ' ' + name + ' (' + str(row['questions']) + ')':22s}{cells}")
            if show_failures:
                for f in per["failures"]:
                    click.echo(f"    - {f}")
                if per.get("hidden_failures"):
                    click.echo(
                        f"    ({per['hidden_failures']} fouten in {split}: niet getoond, deze vragen zijn niet om op te tunen)"
                    )
                    kinds = ", ".join(f"{kind} {n}" for kind, n in per.get("hidden_by_kind", {}).items())
                    if kinds:
                        click.echo(f"    per soort (zonder vraag-ids): {kinds}")
        if show_failures and k.get("dev_categories"):
            click.echo("  per categorie (dev, matcher): nuttig@3 / fout@3 / overesc / leeg")
            for cat, row in k["dev_categories"].items():
                click.echo(
                    f"    {cat:24s} {row['questions']:4d}  {row['useful@3']}  {row['wrong_in_top3']}"
                    f"  {row['over_escalation']}  {row['empty']}"
                )
    click.echo(
        "\nnuttig@3: een dienst met oordeel 1 of 2 in de top 3. fout@3: vragen met een fout beoordeelde dienst"
        " (verkeerde leeftijd of behoefte) in de top 3. veilig@3: de hulp voor dat gevaar in de top 3."
        " overesc: 112 of 113 in de top 3 zonder dat gevaar. leeg: geen enkel antwoord."
    )


@click.command("eval")
@click.argument("dataset", required=False, type=click.Path(exists=True, path_type=Path))
@click.argument("questions", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "heldout", "all"]), default="all", show_default=True)
@click.option("--kaart", "kaart_name", default=None, help="Alleen deze kaart (aalten-demo of synthetisch).")
@click.option("--json", "as_json", is_flag=True, help="Eén JSON-object voor machines.")
@click.option("--show-failures", is_flag=True, help="Noem per vraag-id wat misging (nooit de vraagtekst).")
def eval_command(
    dataset: Path | None,
    questions: Path | None,
    split: str,
    kaart_name: str | None,
    as_json: bool,
    show_failures: bool,
) -> None:
    """Meet de zoekkwaliteit per kaart en per split (dev / heldout), naast een gewone BM25-zoeker.

    Zonder argumenten: de beoordeelde hulpvragen (tests/eval/hulpvragen.yaml) op de demokaart Aalten en de
    synthetische regio. Met DATASET en QUESTIONS: één dataset en één vragenbestand.
    """
    if (dataset is None) != (questions is None):
        raise click.UsageError("geef DATASET en QUESTIONS allebei, of geen van beide")
    chosen = None if split == "all" else split
    if dataset is None:
        result = run_default_eval(chosen, kaart_name)
    else:
        result = evaluate(dataset, questions, load=load_kaart_for_eval, split=chosen)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    _print_eval(result, show_failures)
