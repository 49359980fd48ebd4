"""Safety recognition on wording written after the fixes of ADR 0122 were frozen (safety batch 6 D), on both kaarten.

Why: batch C (tests/eval/safety_sentences.yaml groups s6c-*) was written by a new author for four weak classes and
fixed as classes: 26/55 -> 52/55. Batch D was written after those fixes were frozen (commit e2a257f), from other
sources, and measured once: 7/35 dangers, the same as main before the fixes. The rules recognise the wording they
were written for, not the next author's. These floors are the measured values: a change that loses recall on unseen
wording, escalates another control or puts 112/113 on another sentence without that danger fails here. Raise a floor
when the matcher gets better; never tune on these sentences (write a new batch instead).
"""

from __future__ import annotations

from pathlib import Path

from tests.eval.test_safety_sentences import LEVEL_OF_KIND, Sentence, kaart, load_batch, measure_batch  # noqa: F401

BATCH = Path(__file__).resolve().parent / "safety_batch6.yaml"
ALLOW = {"acuut": ("veilig-thuis", "suicide"), "consultatie": ("veilig-thuis",)}
# measured once (commit of this file), the same on both kaarten and both pipelines, and the same on main 83c2492
# Raised in session 6 to main after the safety model learned from four new authors (ADR 0124, 0127): 7 -> 10/35.
FLOORS = {"acuut": 0, "suicide": 2, "psychiatrisch": 5, "consultatie": 0, "veilig-thuis": 3}
CONTROLS_CLEAN = 14  # of 15: "ik hoor stemmen op de achtergrond als ik bel …" raises the huisarts.
# Measured 13 with one misplaced line: "ik ben een last kwijt sinds mijn schulden zijn afgelost" raised 113 (on main
# as well). The lead fixed that real over-escalation AFTER this batch was measured (a phrase guard, with sentences
# of its own in tests/test_safety_lead5.py), so this one control is no longer unseen wording; said in the issue note.
MISPLACED: set[tuple[str, str]] = set()


def batch_d() -> list[Sentence]:
    return load_batch(BATCH, "batch_d", "s6d", ALLOW)


def test_batch_d_is_what_was_measured():
    sentences = batch_d()
    dangers = [s for s in sentences if s.kinds]
    assert len(dangers) == 35 and len(sentences) - len(dangers) == 15
    assert {s.kinds[0] for s in dangers} == set(LEVEL_OF_KIND)
    assert len({s.text for s in sentences}) == len(sentences)


def test_unseen_dangers_keep_their_measured_recall_and_no_new_line_is_misplaced(kaart):  # noqa: F811
    """Per danger kind at least the measured number raises its level with its help on top; no 112 or 113 in the
    top 3 (or raised) for a sentence that does not tell acute danger or suicidal thoughts, beyond the one measured."""
    name, matcher, info = kaart
    passed, clean, misplaced = measure_batch(matcher, info, batch_d(), FLOORS)
    below = {k: (passed[k], floor) for k, floor in FLOORS.items() if passed[k] < floor}
    assert not below, f"{name}: recall below the measured floor per kind (got, floor): {below}"
    assert clean >= CONTROLS_CLEAN, (
        f"{name}: {15 - clean} controls escalated (measured 2, then 1 after the fix)"
    )
    assert misplaced <= MISPLACED, (
        f"{name}: 112/113 for a sentence without that danger: {misplaced - MISPLACED}"
    )
