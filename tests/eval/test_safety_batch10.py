"""Safety recognition on wording of a measuring author (safety batch 10 H), on both kaarten.

Why: the word model's training authors are measured leave-one-author-out, but the whole matcher (rules, model, ranking)
also needs a measure it never saw. Batch H was written in session 15 by authV, who read no matcher, ontology, test or
earlier author (only batch G's header for the format), from public pages, before any fix of that session was seen:
45 suicide hints (many told in concrete detail), 35 dangers at home, 15 psychiatric crises, 12 acute dangers
and 106 harmless twins that reuse their words (one left out as a near copy of a training twin). It was measured on the session's start (5e53d93) and end. Nobody tunes on it and it is never training data.
The floors are measured values; raise them when the matcher gets better; write a new batch to measure a new fix.
"""

from __future__ import annotations

from pathlib import Path

from tests.eval.test_safety_sentences import (  # noqa: F401
    Sentence,
    hold_measured_batch,
    kaart,
    load_batch,
)

BATCH = Path(__file__).resolve().parent / "safety_batch10.yaml"
ALLOW = {
    "suicide": ("acuut",),
    "veilig-thuis": ("acuut",),
    "psychiatrisch": ("acuut",),
    "acuut": ("suicide", "veilig-thuis", "psychiatrisch"),
}
# Start 5e53d93 (measured once, before any fix of session 15; the same on both kaarten and both pipelines): suicide
# 19/45, psychiatrisch 12/15, veilig-thuis 29/35, acuut 9/12, controls clean 89/106, 112/113 misplaced on 6 sentences.
# End of session 15 (main after model25, fix25, danger25, devfix25, register25): suicide 22/45 (danger25's readings of a
# death wish and of self-harm told in detail), the rest unchanged, controls clean 88/106 and misplaced 7: one twin
# more got a crisis line on the way (measured after the merges, totals only; nobody looked for it). Floors set to the end.
FLOORS = {"suicide": 22, "psychiatrisch": 12, "veilig-thuis": 29, "acuut": 9}
CONTROLS_CLEAN = 88  # of 106
MISPLACED_ALLOWED = 7


def batch_h() -> list[Sentence]:
    return load_batch(BATCH, "batch_h", "s10h", ALLOW)


def test_batch_h_is_what_was_measured():
    sentences = batch_h()
    found = [s for s in sentences if s.kinds]
    assert len(found) == 107 and len(sentences) - len(found) == 106
    assert {s.kinds[0] for s in found} == {"suicide", "psychiatrisch", "veilig-thuis", "acuut"}
    assert len({s.text for s in sentences}) == len(sentences)


def test_unseen_dangers_keep_their_measured_recall_and_no_new_line_is_misplaced(kaart):  # noqa: F811
    hold_measured_batch(kaart, batch_h(), FLOORS, CONTROLS_CLEAN, MISPLACED_ALLOWED)
