"""What the safety word model may raise, measured across authors (ADR 0124).

Issue 12 point 5: a model trained on one team's sentences recognised 7 of 35 dangers by a new author. Leave-one-
author-out (train on every author but one, read the one left out) is the measure of a voice the model never read;
its numbers decide the model's thresholds and which levels it may raise: Veilig Thuis or the consultation level,
the psychiatric-crisis level (the huisarts and the crisisdienst), since ADR 0130 112, since ADR 0165 113.
"""

from __future__ import annotations

import pytest

from match import safety_model as sm
from match.safety_thresholds import APART

# rules raise nothing for these; the model reads a psychosis or a mania (the huisarts, not 112)
PSYCHOSIS = "mijn zoon van 20 praat in zichzelf, lacht om niks en zegt dat de tv hem opdrachten geeft"
MANIA = "mijn man is sinds een week heel druk, slaapt nauwelijks en heeft drie auto's besteld op krediet"


@pytest.fixture(scope="module")
def loao() -> list[sm.Point]:
    return sm.leave_one_author_out()


def test_a_sentence_is_read_by_a_model_that_never_read_its_author():
    """The author's own words are what the model must not have seen: a word only one author uses teaches nothing
    about that author's sentences."""
    docs = [sm.Example("a", "de zorgvlinder fladdert binnen", "veilig-thuis")] * 3 + [
        sm.Example("b", "het regent vandaag in de tuin", "geen"),
        sm.Example("b", "de buurman maait het gras", "geen"),
        sm.Example("c", "hij slaat mij elke avond", "veilig-thuis"),
        sm.Example("c", "wij gaan morgen naar de markt", "geen"),
    ]
    by_author = {p.author: p for p in sm.leave_one_author_out(docs)}
    assert by_author["a"].kind != "veilig-thuis" or by_author["a"].probability < 0.5


def test_the_thresholds_keep_their_precision_on_authors_the_model_never_read(loao):
    """Across authors the model's raises are right at least as often as its targets, per class, with the shipped
    thresholds; at most 2.5 % of the controls raised (2.1 % measured, ADR 0124; lay batch 1 counts a voice hearing
    sister and "ik zie het allemaal niet meer zitten" as everyday questions). authH (ADR 0165) is a kind of control no
    other author wrote (shame, a secret, an old parent short of money: tester19's false raises of Veilig Thuis);
    left out, the model raises 9 of its 50 as danger at home — the failure its file was written to teach — so its
    raises and controls are counted on their own, and may not grow worse."""
    table = sm.loao_table(loao)
    for group, target in sm.TARGETS.items():
        raised = [p for p in loao if sm.raise_of(p) and sm.group_of(p.kind) == group and p.author != "authH"]
        right = [p for p in raised if sm.right_level(sm.raise_of(p) or "", p.gold)]
        assert raised and len(right) / len(raised) >= target, (group, len(right), len(raised))
    others = [p for p in loao if p.gold == "geen" and p.author != "authH"]
    assert sum(1 for p in others if sm.raise_of(p)) <= 0.025 * len(others), table["all"]
    # authH left out: 36 of 45 raises right, 9 of its 50 controls raised (ADR 0165)
    assert table["authH"]["raises"][0] >= 36 and table["authH"]["controls raised"][0] <= 9, table["authH"]


def test_the_model_raises_113_and_112_never_for_a_sentence_without_danger(loao):
    """Suicide stayed below a precision of 0.98 with no control raised across four authors (ADR 0124); with ten
    (authG: suicide told indirectly and its everyday twins, ADR 0164/0165) it reads 0.98 at its threshold with no
    control of any author raised as suicide. Acute danger, with seven authors, reached a precision of 0.99 with no
    control read as acute (ADR 0130). Both: never for a sentence without danger across authors — but a control kind
    only one author wrote (`APART`, authH's shame and secrets) counts on its own, at most `CONTROLS_CAP` of that
    author's controls (ADR 0182: with authI's and authJ's suicide in training one of authH's 50, a dismissal told
    to nobody, reads 0.98 as suicide; counted with all it held 113 at 0.99 for every author)."""
    assert set(sm.RAISES.values()) == {
        "onveilig-thuis",
        "consultatie",
        "psychische-crisis",
        "acuut-gevaar",
        "suicide",
    }
    assert not any(
        sm.raise_of(p) in ("suicide", "acuut-gevaar")
        for p in loao
        if p.gold == "geen" and p.author not in APART
    )
    for author in APART:
        own = [p for p in loao if p.gold == "geen" and p.author == author]
        high = [p for p in own if sm.raise_of(p) in ("suicide", "acuut-gevaar")]
        assert len(high) <= sm.CONTROLS_CAP * len(own), (author, len(high), len(own))
    raised = [p for p in loao if sm.raise_of(p) == "suicide"]
    right = [p for p in raised if p.gold == "suicide"]
    told = [p for p in loao if p.gold == "suicide"]
    assert len(right) >= 0.98 * len(raised) and len(right) >= 0.3 * len(told), (
        len(right),
        len(raised),
        len(told),
    )


def test_a_psychosis_or_mania_the_rules_miss_gets_the_huisarts_as_an_uncertain_guess(demo):
    """The psychiatric-crisis level, its help (the huisarts) first; a guess, so no crisis signal."""
    for text in (PSYCHOSIS, MANIA):
        res = demo.match(text, limit=3)
        assert res.safety_levels == ["psychische-crisis"], (text, res.safety_levels)
        assert res.results[0]["service_id"] == "svc-huisartsen-poh", (text, res.results[:1])
        assert res.signals == {"veiligheid": True, "crisis": False}, (text, res.signals)


def test_a_level_the_question_explains_otherwise_is_no_guess_of_the_models():
    """safety.py passes the levels no other theme explains (dementia suppresses the psychiatric crisis, ADR 0106):
    the model's guess of that level raises nothing, and leaves the question's themes alone."""
    from ontology import load_ontology

    onto = load_ontology()
    model = sm.model_for(onto)
    tokens = PSYCHOSIS.split()
    raised: dict[str, set[str]] = {}
    weights: dict[str, float] = {}
    level = sm.second_opinion(model, tokens, False, onto.safety, raised, weights, {"onveilig-thuis"})
    assert level is None and not raised and not weights
    level = sm.second_opinion(model, tokens, False, onto.safety, raised, weights, None)
    assert level == "psychische-crisis" and raised == {"psychische-crisis": {"psychische-crisis"}}
