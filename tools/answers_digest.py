"""Did any answer change? The full match result of every dev question, safety sentence and lay sentence, on both
kaarten, as one hash per answer (ADR 0168: memory work that must change no answer).

    python tools/answers_digest.py write before.json     # on the code before the change
    python tools/answers_digest.py compare before.json   # on the code after: counts only

What is answered: the dev questions of tests/eval/hulpvragen.yaml on their own kaart (held-out entries are dropped
unread), and on both kaarten every sentence of tests/eval/safety_sentences.yaml (with its audience) and lay batches
1-3 (ontology/lay-voorbeelden.yaml and the first 80 of tests/eval/lay_sentences.yaml; the measured batches 4-6
are never read). Each answer is the whole MatchResult but its timings, as canonical JSON, hashed: the file holds
keys such as `aalten-demo/lay/12` and hashes, never a text, and the comparison prints counts only.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVAL = ROOT / "tests" / "eval"
LAY_BATCH_1 = ROOT / "ontology" / "lay-voorbeelden.yaml"
LAY_BATCHES_2_3 = 80  # tests/eval/lay_sentences.yaml: batch 2 (50) and 3 (30); 4-6 are measuring sets


def _texts(kaart: str) -> list[tuple[str, str, dict]]:
    """(set, text, match keywords) for one kaart, in file order."""
    import yaml

    from match.evaluate import load_question_file

    _, questions = load_question_file(EVAL / "hulpvragen.yaml")
    out = [
        ("dev", q.text, {"near": q.near, "audience": q.audience, "limit": 10})
        for q in questions
        if q.split == "dev" and q.kaart == kaart
    ]
    safety = yaml.safe_load((EVAL / "safety_sentences.yaml").read_text(encoding="utf-8"))
    for group in safety["groups"]:
        out += [
            ("safety", t, {"audience": group.get("audience", "public"), "limit": 10})
            for t in group["sentences"]
        ]
    lay = yaml.safe_load(LAY_BATCH_1.read_text(encoding="utf-8"))["sentences"]
    lay += yaml.safe_load((EVAL / "lay_sentences.yaml").read_text(encoding="utf-8"))["sentences"][
        :LAY_BATCHES_2_3
    ]
    out += [("lay", s["text"], {"limit": 10}) for s in lay]
    return out


def _digest(result) -> str:
    data = dataclasses.asdict(result)
    data.pop("timings", None)
    return hashlib.sha256(
        json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()


def answer_digests() -> dict[str, str]:
    """Every answer of both kaarten as `kaart/set/n` -> hash of the whole result."""
    from match.evaluate import kaart_matcher, load_question_file
    from webapp.cli_eval import load_kaart_for_eval

    kaarten, _ = load_question_file(EVAL / "hulpvragen.yaml")
    out: dict[str, str] = {}
    for name, kaart in kaarten.items():
        with kaart_matcher(kaart, load_kaart_for_eval) as (_, matcher, _):
            counts: dict[str, int] = {}
            for kind, text, kwargs in _texts(name):
                n = counts[kind] = counts.get(kind, 0) + 1
                out[f"{name}/{kind}/{n}"] = _digest(matcher.match(text, **kwargs))
    return out


def compare(before: dict[str, str], after: dict[str, str]) -> dict[str, dict[str, int]]:
    """Per kaart and set: how many answers are the same, differ, or exist on one side only."""
    table: dict[str, dict[str, int]] = {}
    for key in sorted(set(before) | set(after)):
        row = table.setdefault(
            key.rsplit("/", 1)[0], {"same": 0, "changed": 0, "only_before": 0, "only_after": 0}
        )
        if key not in after:
            row["only_before"] += 1
        elif key not in before:
            row["only_after"] += 1
        else:
            row["same" if before[key] == after[key] else "changed"] += 1
    return table


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "compare"):
        print(__doc__)
        return 2
    os.environ.setdefault("KAART_SEARCH_BACKEND", "whoosh")
    digests = answer_digests()
    path = Path(argv[1])
    if argv[0] == "write":
        path.write_text(json.dumps(digests, indent=0, sort_keys=True))
        print(json.dumps({"answers": len(digests)}))
        return 0
    table = compare(json.loads(path.read_text()), digests)
    for key, row in table.items():
        print(f"{key:28s} " + " ".join(f"{k} {v}" for k, v in row.items()))
    changed = sum(r["changed"] + r["only_before"] + r["only_after"] for r in table.values())
    print(f"answers {sum(sum(r.values()) for r in table.values())}, changed or missing {changed}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
