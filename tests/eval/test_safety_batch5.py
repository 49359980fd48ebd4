"""Safety recognition on wording written after the fixes were frozen (safety batch 5 B, ADR 0117), on both kaarten.

Why: the team's own safety sentences all pass, yet held-out safety@3 stayed at 0.80-0.86: rules fitted to our own
sentences do not carry over. Batch B was written by a new author after the word model and the rule data of ADR 0117
were frozen, from other sources than the sentences they were built from, and measured once. These floors are the
measured values: a change that loses recall on unseen wording, or escalates a control, fails here. Raise a floor when
the matcher gets better; never tune on these sentences (write a new batch instead).
"""

from __future__ import annotations

from pathlib import Path

from tests.eval.test_safety_sentences import LEVEL_OF_KIND, Sentence, kaart, load_batch, measure_batch  # noqa: F401

BATCH = Path(__file__).resolve().parent / "safety_batch5.yaml"
ALLOW = {"acuut": ("veilig-thuis", "suicide"), "consultatie": ("veilig-thuis",)}
# measured once (commit of this file), the same on both kaarten and both pipelines
# veilig-thuis 18 -> 17 in session 6 (ADR 0127): 10 training sentences that were near copies of measured sentences
# (3 of this batch) were removed; cross-validation then chose the model's threshold 0.76 instead of 0.70, which
# loses one sentence here. The removal alone loses none.
# Raised in session 6 to main after the safety model learned from four new authors (ADR 0124, 0127): 34 -> 43/50
# (veilig-thuis 20, consultatie 10, suicide 4, psychiatrisch 5, acuut 4); nobody read this batch to get there.
# Then 43 -> 41 (veilig-thuis 19, consultatie 9): the word model needs 0.98 where the rules placed a worry in an
# everyday need (ADR 0129) — the price of no Veilig Thuis first for a grandmother whose grandson is bullied, a
# truant's family note or a divorce; measured as totals, nothing read.
FLOORS = {"veilig-thuis": 19, "consultatie": 9, "suicide": 4, "psychiatrisch": 5, "acuut": 4}
CONTROLS_CLEAN = 29  # of 30: "mijn zus heeft ooit een psychose gehad, ze is nu stabiel …" raises the huisarts


def batch_b() -> list[Sentence]:
    return load_batch(BATCH, "batch_b", "s5b", ALLOW)


def test_batch_b_is_what_was_measured():
    sentences = batch_b()
    dangers = [s for s in sentences if s.kinds]
    assert len(dangers) == 50 and len(sentences) - len(dangers) == 30
    assert {s.kinds[0] for s in dangers} == set(LEVEL_OF_KIND)
    assert len({s.text for s in sentences}) == len(sentences)


def test_unseen_dangers_keep_their_measured_recall_and_nothing_is_misplaced(kaart):  # noqa: F811
    """Per danger kind at least the measured number raises its level with its help on top; no 112 or 113 in the
    top 3 (or raised) for a sentence that does not tell acute danger or suicidal thoughts."""
    name, matcher, info = kaart
    passed, clean, misplaced = measure_batch(matcher, info, batch_b(), FLOORS)
    below = {k: (passed[k], floor) for k, floor in FLOORS.items() if passed[k] < floor}
    assert not below, f"{name}: recall below the measured floor per kind (got, floor): {below}"
    assert clean >= CONTROLS_CLEAN, f"{name}: {30 - clean} controls escalated (measured 1)"
    assert not misplaced, f"{name}: 112/113 for a sentence without that danger: {sorted(misplaced)}"


def test_the_model_raises_only_above_the_threshold_cross_validation_chose():
    """The word model's thresholds are the ones cross-validation on its training sentences chooses for their
    precision targets (ADR 0117; since ADR 0124 leave-one-author-out, a threshold per class): new training
    sentences mean a new choice, not a threshold tuned on a test batch."""
    from match.safety_model import CHOSEN_BEFORE, RAISES, THRESHOLDS, example_files
    from match.safety_thresholds import choose_thresholds, cross_validate
    from match.themeclf import author_of

    # 113 since ADR 0165: its threshold is the one cross-validation chooses across all authors
    assert choose_thresholds(cross_validate())["suicide"] == THRESHOLDS["suicide"]
    # the other classes keep the thresholds chosen with the authors of ADR 0134 (ADR 0165: with authG and authH
    # the crisis threshold fell 0.83 -> 0.69 and broke safety18's postnatal tests; measured, not chosen)
    eight = [f for f in example_files() if author_of(f) not in CHOSEN_BEFORE]
    chosen = choose_thresholds(cross_validate(eight))
    assert {g: chosen[g] for g in ("home", "psychiatrisch", "acuut")} == {
        g: THRESHOLDS[g] for g in ("home", "psychiatrisch", "acuut")
    }
    # the crisisdienst level since ADR 0124, 112 since ADR 0130, 113 since ADR 0165 (their precision across authors)
    assert set(RAISES.values()) <= {
        "onveilig-thuis",
        "consultatie",
        "psychische-crisis",
        "acuut-gevaar",
        "suicide",
    }
