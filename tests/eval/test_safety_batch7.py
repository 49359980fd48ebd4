"""Safety recognition on wording of a measuring author (safety batch 7 E), on both kaarten.

Why: every earlier batch showed that rules and the word model recognise the wording of the authors they were built
from (batch D: 7/35 on main). Session 6 trained the word model on three new authors (ADR 0124). Batch E was written
by a fourth author (helper measureE) from other sources, before any fix of that session was seen, and measured ONCE
on the session's start (dc6a736) and end versions. Nobody tunes on it. Start: 34/55 dangers (acuut 7, suicide 6,
psychiatrisch 6, consultatie 5, veilig-thuis 10), 24/25 controls clean, nothing misplaced; end (9974e33 and its
training-data clean-up): 37/55 (acuut 7, suicide 7, psychiatrisch 7, consultatie 5, veilig-thuis 11), 24/25, nothing
misplaced — the same on both kaarten and both pipelines. The floors are the end version's measured values: a change that loses recall on unseen wording, escalates another control or puts 112/113
on a sentence without that danger fails here. Raise a floor when the matcher gets better; write a new batch to
measure a new fix.
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

BATCH = Path(__file__).resolve().parent / "safety_batch7.yaml"
ALLOW = {"acuut": ("veilig-thuis", "suicide"), "consultatie": ("veilig-thuis",)}
# Session 7 end (7f4cf66, seven authors and the safety10 rules): 37 -> 40/55 (acuut 7 -> 9, suicide 7 -> 8).
FLOORS = {"acuut": 9, "suicide": 8, "psychiatrisch": 7, "consultatie": 5, "veilig-thuis": 11}
CONTROLS_CLEAN = 24  # of 25 (also at the start)
MISPLACED: set[tuple[str, str]] = set()


def batch_e() -> list[Sentence]:
    return load_batch(BATCH, "batch_e", "s7e", ALLOW)


def test_batch_e_is_what_was_measured():
    check_batch_shape(batch_e(), dangers=55, controls=25)


def test_unseen_dangers_keep_their_measured_recall_and_no_new_line_is_misplaced(kaart):  # noqa: F811
    hold_measured_batch(kaart, batch_e(), FLOORS, CONTROLS_CLEAN, len(MISPLACED))
