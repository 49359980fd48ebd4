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

from pathlib import Path

from tests.eval.test_safety_sentences import (  # noqa: F401
    Sentence,
    check_batch_shape,
    hold_measured_batch,
    kaart,
    load_batch,
)

BATCH = Path(__file__).resolve().parent / "safety_batch8.yaml"
ALLOW = {"acuut": ("veilig-thuis", "suicide"), "consultatie": ("veilig-thuis",)}
# Start 77e6831: acuut 7, suicide 5, psychiatrisch 7, consultatie 7, veilig-thuis 10 (36/55). After safety9 (ADR 0130,
# seven authors, 112 by the model): 10, 5, 8, 6, 11 (40/55) — one consultation lost with authE/authF in training (also
# with the old thresholds and curbs), accepted for +4 overall; located by totals only, never read.
# End (7f4cf66, after safety10): 10, 5, 7, 7, 11 = 40/55, controls 25/25, 112/113 misplaced 0 (measured once).
# Session 12 (model21, ADR 0165): authG's data in training (113 by the word model, chosen by leave-one-author-out
# across ten authors: precision 0.984, no control raised) loses one consultation again (7 -> 6 on both kaarten, with
# authG's suicide and `geen` sentences alone too); accepted for the suicide switch, located by totals only, never read.
FLOORS = {"acuut": 10, "suicide": 5, "psychiatrisch": 7, "consultatie": 6, "veilig-thuis": 11}
CONTROLS_CLEAN = 25  # of 25 (start 77e6831: 25)
MISPLACED: set[tuple[str, str]] = set()


def batch_f() -> list[Sentence]:
    return load_batch(BATCH, "batch_f", "s8f", ALLOW)


def test_batch_f_is_what_was_measured():
    check_batch_shape(batch_f(), dangers=55, controls=25)


def test_unseen_dangers_keep_their_measured_recall_and_no_new_line_is_misplaced(kaart):  # noqa: F811
    hold_measured_batch(kaart, batch_f(), FLOORS, CONTROLS_CLEAN, len(MISPLACED))
