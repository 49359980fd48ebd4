"""Who is typing (issue 12 points 1 and 9): a child or teenager gets "je", an adult keeps "u".

Lay batch 6 (tests/eval/lay_sentences.yaml, session 7, helper measureL6) gives each sentence its `writer`: kind,
tiener, volwassene or oudere. 35 are written by children and teenagers who do NOT state their age, 15 by adults about a
child on the same topics. The batch was measured once on the session's start (77e6831) and end versions; nobody tunes
on it. The floors are the measured values: a change that addresses fewer young writers as "je", or an adult as "je",
fails here.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.eval.test_lay_sentences import BATCHES

SENTENCES = Path(__file__).resolve().parent / "lay_sentences.yaml"
FIRST_BATCH = 256  # lay batch 1 lives in ontology/lay-voorbeelden.yaml (BATCHES counts it first)
YOUNG_JE_FLOOR = 21  # of 35 (start 77e6831: 11; end 7f4cf66: 21, the writer model of ADR 0131)
ADULT_U_FLOOR = 64  # of 65 (start 77e6831: 64; end 7f4cf66: 64)


def batch_6() -> list[dict]:
    raw = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))["sentences"]
    lo, hi = BATCHES[6]
    return raw[lo - FIRST_BATCH : hi - FIRST_BATCH]


def test_batch_6_is_what_was_measured():
    rows = batch_6()
    assert len(rows) == 100 and all(r.get("writer") for r in rows)
    assert sum(r["writer"] in ("kind", "tiener") for r in rows) == 35


def test_young_writers_get_je_and_adults_keep_u(demo):
    young = adult = 0
    for row in batch_6():
        register = demo.match(row["text"], limit=3).register
        if row["writer"] in ("kind", "tiener"):
            young += register == "je"
        else:
            adult += register == "u"
    assert young >= YOUNG_JE_FLOOR, f"young writers addressed as 'je': {young}/35"
    assert adult >= ADULT_U_FLOOR, f"adults addressed as 'u': {adult}/65"
