"""Every answer of the matcher on a fixed set of texts, as one JSON line each: a pure performance change must
leave this file byte for byte the same (ADR 0118). Texts: the dev questions of hulpvragen.yaml and questions.yaml,
the lay and safety sentences of our own (never the held-out split), on both eval kaarten, public and professional.

Usage: python bench/match_golden.py OUT.jsonl
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import yaml  # noqa: E402


def texts() -> list[str]:
    ev = ROOT / "tests" / "eval"
    out = []
    for path in (ev / "hulpvragen.yaml", ev / "questions.yaml"):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for q in raw["questions"] if isinstance(raw, dict) else raw:
            if q.get("split", "dev") == "dev":  # never the held-out split
                out.append(q["text"])
    for path in (ROOT / "ontology" / "lay-voorbeelden.yaml", ev / "lay_sentences.yaml"):
        out += [s["text"] for s in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]]
    for g in yaml.safe_load((ev / "safety_sentences.yaml").read_text(encoding="utf-8"))["groups"]:
        out += list(g["sentences"])
    return list(dict.fromkeys(out))


def main() -> int:
    from graph import ensure_schema
    from graph.store import connect
    from match.derive import derive_themes
    from match.engine import Matcher
    from match.evaluate import _gemeente_profile, load_question_file
    from match.index import rebuild
    from webapp.cli_eval import EVAL_DIR, load_kaart_for_eval

    kaarten, _ = load_question_file(EVAL_DIR / "hulpvragen.yaml")
    all_texts = texts()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for name, kaart in kaarten.items():
            with tempfile.TemporaryDirectory() as tmp, _gemeente_profile(kaart.gemeente_profile):
                store = connect(f"falkordb://{tmp}/graph")
                ensure_schema(store)
                load_kaart_for_eval(store, kaart.path)
                rebuild("whoosh", store, Path(tmp) / "index")
                matcher = Matcher(store, Path(tmp) / "index")
                derive_themes(store, matcher.analyzer)
                rebuild("whoosh", store, Path(tmp) / "index")
                matcher.refresh(force=True)
                for i, text in enumerate(all_texts):
                    for audience in ("public", "professional"):
                        near = "Aalten" if i % 7 == 0 else None
                        res = dataclasses.asdict(matcher.match(text, audience=audience, near=near))
                        res.pop("timings")
                        out.write(json.dumps([name, audience, text, res], ensure_ascii=False, sort_keys=True))
                        out.write("\n")
                matcher.close()
                store.close()
    print(len(all_texts), "texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
