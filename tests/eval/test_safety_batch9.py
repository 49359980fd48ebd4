"""Safety recognition on wording of a measuring author (safety batch 9 G), on both kaarten.

Why: the word model's training authors are measured leave-one-author-out, but the whole matcher (rules, model, ranking)
also needs a measure it never saw. Batch G was written in session 14 by authU, who read no matcher, ontology, test or
earlier author, from public pages (113, Veilig Thuis, psychosenet, heyhoegaathet), before any fix of that session was
seen: 45 suicide hints, 34 dangers at home (one left out as a near copy of a training sentence), 15 psychiatric crises and 95 harmless twins that reuse their words. It was
measured on the session's start (3085a57) and end. Nobody tunes on it and it is never training data. The floors are
measured values; raise them when the matcher gets better; write a new batch to measure a new fix.
"""

from __future__ import annotations

from pathlib import Path

from tests.eval.test_safety_sentences import (  # noqa: F401
    Sentence,
    hold_measured_batch,
    kaart,
    load_batch,
)

BATCH = Path(__file__).resolve().parent / "safety_batch9.yaml"
ALLOW = {"suicide": ("acuut",), "veilig-thuis": ("acuut",), "psychiatrisch": ("acuut",)}
# Start 3085a57 (measured once, before any fix of session 14; the same on both kaarten and both pipelines): suicide
# 27/45, psychiatrisch 11/15, veilig-thuis 29/34, controls clean 77/95, 112/113 misplaced on 9 sentences.
# End of session 14 (main 49bbd6d, after model23 put authI/authJ's indirect suicide in training): suicide 30/45, the rest
# unchanged (psychiatrisch 11, veilig-thuis 29, controls clean 77/95, misplaced 9). Floors set to the end.
# End of session 15 (main after model25, fix25, danger25, devfix25, register25): suicide 31/45, controls clean 78/95,
# misplaced 8, the rest unchanged. Floors raised to it.
FLOORS = {"suicide": 31, "psychiatrisch": 11, "veilig-thuis": 29}
CONTROLS_CLEAN = 78  # of 95
MISPLACED_ALLOWED = 8


def batch_g() -> list[Sentence]:
    return load_batch(BATCH, "batch_g", "s9g", ALLOW)


def test_batch_g_is_what_was_measured():
    sentences = batch_g()
    found = [s for s in sentences if s.kinds]
    assert len(found) == 94 and len(sentences) - len(found) == 95
    assert {s.kinds[0] for s in found} == {"suicide", "psychiatrisch", "veilig-thuis"}
    assert len({s.text for s in sentences}) == len(sentences)


def test_unseen_dangers_keep_their_measured_recall_and_no_new_line_is_misplaced(kaart):  # noqa: F811
    hold_measured_batch(kaart, batch_g(), FLOORS, CONTROLS_CLEAN, MISPLACED_ALLOWED)
