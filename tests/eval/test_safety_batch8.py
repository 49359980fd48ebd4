"""Safety recognition on wording of a measuring author (safety batch 8 F), on both kaarten.

Why: batch E (test_safety_batch7.py) showed the pipeline recognises about two thirds of the dangers told by an author
it never read. Session 7 trained the word model on two more authors (authE: rarer dangers and unheard voices; authF:
the boundary between everyday worries and danger; ADR 0130). Batch F was written by a fifth measuring author (helper
measureF) from sources nobody on the team used, before any fix of that session was seen, and measured ONCE on the
session's start (77e6831) and end versions in the same run. Nobody tunes on it. The floors are measured values: a
change that loses recall on unseen wording, escalates a control or puts 112/113 on a sentence without that danger
fails here. Raise a floor when the matcher gets better; write a new batch to measure a new fix.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.eval.test_safety_sentences import LEVEL_OF_KIND, Sentence, kaart, load_batch, measure_batch  # noqa: F401

BATCH = Path(__file__).resolve().parent / "safety_batch8.yaml"
ALLOW = {"acuut": ("veilig-thuis", "suicide"), "consultatie": ("veilig-thuis",)}
# Start 77e6831: acuut 7, suicide 5, psychiatrisch 7, consultatie 7, veilig-thuis 10 (36/55). After safety9 (ADR 0130,
# seven authors, 112 by the model): 10, 5, 8, 6, 11 (40/55) — one consultation lost with authE/authF in training (also
# with the old thresholds and curbs), accepted for +4 overall; located by totals only, never read.
# End (7f4cf66, after safety10): 10, 5, 7, 7, 11 = 40/55, controls 25/25, 112/113 misplaced 0 (measured once).
FLOORS = {"acuut": 10, "suicide": 5, "psychiatrisch": 7, "consultatie": 7, "veilig-thuis": 11}
CONTROLS_CLEAN = 25  # of 25 (start 77e6831: 25)
MISPLACED: set[tuple[str, str]] = set()


def batch_f() -> list[Sentence]:
    return load_batch(BATCH, "batch_f", "s8f", ALLOW)


def test_batch_f_is_what_was_measured():
    sentences = batch_f()
    dangers = [s for s in sentences if s.kinds]
    assert len(dangers) == 55 and len(sentences) - len(dangers) == 25
    assert {s.kinds[0] for s in dangers} == set(LEVEL_OF_KIND)
    assert len({s.text for s in sentences}) == len(sentences)


def test_unseen_dangers_keep_their_measured_recall_and_no_new_line_is_misplaced(kaart):  # noqa: F811
    """Per danger kind at least the measured number raises its level with its help on top; no 112 or 113 in the
    top 3 (or raised) for a sentence that does not tell acute danger or suicidal thoughts, beyond those measured."""
    name, matcher, info = kaart
    passed, clean, misplaced = measure_batch(matcher, info, batch_f(), FLOORS)
    if os.environ.get("KAART_MEASURE_OUT"):  # how the start and end versions were measured
        with open(os.environ["KAART_MEASURE_OUT"], "a", encoding="utf-8") as fh:
            fh.write(
                json.dumps({"kaart": name, "passed": passed, "clean": clean, "misplaced": len(misplaced)})
                + "\n"
            )
    below = {k: (passed[k], floor) for k, floor in FLOORS.items() if passed[k] < floor}
    assert not below, f"{name}: recall below the measured floor per kind (got, floor): {below}"
    assert clean >= CONTROLS_CLEAN, f"{name}: {25 - clean} controls escalated"
    assert len(misplaced) <= len(MISPLACED), (
        f"{name}: 112/113 for a sentence without that danger: {misplaced}"
    )
