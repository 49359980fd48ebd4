"""What kind of card is in the top 3 of the DEV questions about everyday worries told in strong words (ADR 0185).

    python tools/calm_measure.py            # both kaarten, totals per category
    python tools/calm_measure.py --json     # the same as one JSON object

Why: the largest held-out miss is an over-escalation control where the crisis line is rightly kept out but nothing
useful is left in the top 3, then young children's parenting and school. `kaart eval` says *that* a question failed;
this says *what* stands in its place: for the dev questions of the categories `over-escalatie`, `opvoeden-jong`
and `jeugd-school` on both kaarten, each top-3 card is counted as one kind: `graded2`, `graded1` (the grader's
useful help), `wrong` (judged wrong age or need), `crisis` (a crisis-level service: 112, 113, Veilig Thuis, a
crisis team), `door` (the kaart's front door), `filler` (a card whose only reason is words of the question) or
`other` (ungraded, with a reason). Per category also how many questions have nothing useful in the top 3 and how
many have a crisis card there.

Only the dev split is answered: held-out entries are dropped unread (their split is the one field looked at). No
text of a question is printed or stored: totals per category only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVAL = ROOT / "tests" / "eval"
CATEGORIES = ("over-escalatie", "opvoeden-jong", "jeugd-school")
KINDS = ("graded2", "graded1", "wrong", "crisis", "door", "filler", "other")
FILLER_WHY = "Gevonden met woorden uit"


def _kind(result: dict, q, door: tuple[str, ...]) -> str:
    sid = result["service_id"]
    grade = q.grades.get(sid, 0)
    if grade >= 2:
        return "graded2"
    if grade == 1:
        return "graded1"
    if sid in q.wrong:
        return "wrong"
    if result.get("niveau") == "crisis":
        return "crisis"
    if sid in door:
        return "door"
    if FILLER_WHY in (result.get("why") or ""):
        return "filler"
    return "other"


def measure() -> dict[str, dict[str, dict[str, int]]]:
    """Per kaart, per category: card kinds in the top 3, questions, nothing useful, crisis in top 3."""
    from match.evaluate import kaart_matcher, load_question_file
    from webapp.cli_eval import load_kaart_for_eval

    kaarten, questions = load_question_file(EVAL / "hulpvragen.yaml")
    chosen = [q for q in questions if q.split == "dev" and q.category in CATEGORIES]
    out: dict[str, dict[str, dict[str, int]]] = {}
    for name, kaart in kaarten.items():
        qs = [q for q in chosen if q.kaart == name]
        if not qs:
            continue
        with kaart_matcher(kaart, load_kaart_for_eval) as (_, matcher, _):
            per: dict[str, Counter[str]] = {}
            for q in qs:
                res = matcher.match(q.text, near=q.near, audience=q.audience, limit=10)
                top = res.results[:3]
                kinds = [_kind(r, q, kaart.front_door) for r in top]
                c = per.setdefault(q.category, Counter())
                c["questions"] += 1
                c.update(kinds)
                c["nothing_useful"] += not any(k in ("graded2", "graded1") for k in kinds)
                c["crisis_in_top3"] += "crisis" in kinds
        out[name] = {cat: dict(sorted(c.items())) for cat, c in sorted(per.items())}
    return out


def main() -> None:
    """Print the totals (a table, or JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure()
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
        return
    cols = ("questions", "nothing_useful", "crisis_in_top3", *KINDS)
    print(f"{'kaart/category':34s}" + "".join(f"{c[:9]:>10s}" for c in cols))
    for kaart, cats in result.items():
        for cat, c in cats.items():
            print(f"{kaart + '/' + cat:34s}" + "".join(f"{c.get(k, 0):>10d}" for k in cols))


if __name__ == "__main__":
    main()
