"""The word model for themes (match/themeclf.py, ADR 0112): it recognises lay wordings no phrase list knows, only
where the rules found no need, never raises safety, never brings back a denied need, and claims no more than it
found. Measured per lay batch against the matcher without it (the batches it was not trained on)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from match import themeclf
from ontology import load_ontology

# Wordings no phrase of the ontology catches (checked: the rules give no theme), of needs the model knows.
# Session 6: "mijn buurvrouw is 90 en heeft niemand meer" was the example here until a lay author's hoarding neighbours
# made the model unsure of it; "heeft niemand meer" is a lay phrase of eenzaamheid now (tests/test_ontology.py).
UNSEEN = [("mijn moeder is 86 en de dagen duren voor haar eindeloos lang", "eenzaamheid")]


@pytest.fixture(scope="module")
def model():
    return themeclf.model_for(load_ontology())


def test_the_model_is_built_at_start_up_within_a_second():
    onto = load_ontology()
    # CPU seconds of this process, not wall time: a shared CI machine under load (a fresh-clone run next to five
    # helpers took 1.23 s wall) must not fail a bound meant for the model's own cost.
    t0 = time.process_time()
    model = themeclf.build(onto)
    assert time.process_time() - t0 < 1.0
    assert len(model.vocab) < 50_000, "small: words and 4-grams of the ontology and lay batch 1"


def test_the_model_never_has_a_safety_theme(model):
    onto = load_ontology()
    signal = {t.id for t in onto.themes.values() if t.signal}
    assert signal and not signal & set(model.classes)
    guesses = model.predict("mijn man slaat me en ik ben bang dat hij de kinderen iets aandoet")
    assert not {g.theme_id for g in guesses} & signal


def test_a_denied_or_already_found_need_is_never_added(model):
    onto = load_ontology()
    anc = {t: set(onto.ancestors(t)) for t in onto.themes}
    roots = frozenset(onto.top_level())
    text = "ik voel me zo alleen, niemand komt ooit bij mij langs"
    assert themeclf.model_themes(model, text, set(), set(), roots, anc)[0].theme_id == "eenzaamheid"
    assert themeclf.model_themes(model, text, set(), {"eenzaamheid"}, roots, anc) == []
    assert themeclf.model_themes(model, text, {"schulden"}, set(), roots, anc) == [], "rules found a need"
    assert themeclf.model_themes(model, "hallo, goedemiddag", set(), set(), roots, anc) == [], "not confident"


def test_the_threshold_is_the_one_cross_validation_chose():
    """Lay batch 1 and the off-topic examples, each predicted by a model trained without it (ADR 0123): the
    threshold is at or above the lowest at which guesses are right often enough and off-topic text seldom gets
    one (0.6; kept at 0.65, see match/themeclf.py)."""
    points = themeclf.cross_validate(load_ontology())
    assert sum(not off for off, _ in points) >= 250 and sum(off for off, _ in points) >= 150
    assert themeclf.choose_threshold(points) <= themeclf.THRESHOLD


def test_close_sibling_themes_give_their_leefgebied_not_a_coin_toss(model, monkeypatch):
    """Two sub-themes of one leefgebied nearly as likely: naming either is a guess, the leefgebied is not.
    (Session 6: with a second lay author the model became sure of "ik wil overdag iets nuttigs doen" (dagbesteding),
    so the probabilities of that old example are set here instead of hoping a text keeps them.)"""
    onto = load_ontology()
    anc = {t: set(onto.ancestors(t)) for t in onto.themes}
    roots = frozenset(onto.top_level())
    col = {c: i for i, c in enumerate(model.classes)}
    p = np.zeros(len(model.classes))
    p[col["vrijwilligerswerk"]], p[col["dagbesteding"]], p[col["werk-dagbesteding"]] = 0.51, 0.26, 0.23
    monkeypatch.setattr(model, "probabilities", lambda text: p)
    first, second = model.predict("ik wil overdag iets nuttigs doen")[:2]
    assert second.probability >= themeclf.SIBLING_SHARE * first.probability
    [guess] = themeclf.model_themes(model, "ik wil overdag iets nuttigs doen", set(), set(), roots, anc)
    assert guess.theme_id == "werk-dagbesteding" and guess.probability >= themeclf.THRESHOLD


def test_an_unsure_need_backs_off_to_its_leefgebied_when_the_family_is_sure(model, monkeypatch):
    """No sub-theme is sure, the money family together is: the model names financien. (Probabilities set as the
    model gave them for "mijn geld is op en er komen brieven" before session 6's lay authors made it less sure.)"""
    onto = load_ontology()
    anc = {t: set(onto.ancestors(t)) for t in onto.themes}
    col = {c: i for i, c in enumerate(model.classes)}
    p = np.zeros(len(model.classes))
    p[col["schulden"]], p[col["administratie"]], p[col["armoede"]], p[col["financien"]] = (
        0.35,
        0.25,
        0.15,
        0.1,
    )
    monkeypatch.setattr(model, "probabilities", lambda text: p)
    text = "mijn geld is op en er komen brieven"
    assert model.predict(text)[0].probability < themeclf.THRESHOLD, "no sub-theme is sure"
    [guess] = themeclf.model_themes(model, text, set(), set(), frozenset(onto.top_level()), anc)
    assert guess.theme_id == "financien"
    rules_found = themeclf.model_themes(model, text, {"financien"}, set(), frozenset(onto.top_level()), anc)
    assert rules_found == [], "the leefgebied the rules found already is not added again"


@pytest.mark.parametrize("text,theme", UNSEEN)
def test_unseen_lay_wording_finds_its_theme_through_the_model(demo, text, theme):
    model = demo.theme_model
    try:
        demo.theme_model = None
        assert not demo.match(text, limit=3).themes, "the rules alone find nothing here"
    finally:
        demo.theme_model = model
    res = demo.match(text, limit=3)
    assert [t["id"] for t in res.themes] == [theme]
    assert res.themes[0]["found_by"] == "model"
    assert res.results and not res.signals["veiligheid"] and not res.signals["crisis"]
    assert res.front_door, "a guessed need keeps the gemeente's front door first"
    # one story (ADR 0121): not "Wij konden uw vraag niet plaatsen", nor "niet zeker" under named themes (ADR 0138)
    assert res.results[0]["why"].startswith("Hier kunt u altijd terecht, ook met meer vragen tegelijk")
    guessed = [r for r in res.results[1:] if r["why"].startswith(themeclf.MODEL_WHY)]
    assert guessed, "the services for the guessed need say that the need was guessed"


def test_a_leefgebied_alone_gets_its_specific_need_from_the_model(demo):
    res = demo.match("ik wil aan de slag maar niemand neemt me aan", limit=3)
    found = {t["id"]: t.get("found_by") for t in res.themes}
    assert found == {"werk-dagbesteding": None, "werk": "model"}
