"""The theme word model says "none" to text that is not a hulpvraag (issue 12 point 4, ADR 0123).

Before ADR 0123 the model (match/themeclf.py) always named its likeliest theme, and only a low probability kept a
guess out: "blabla blabla blabla" got burenoverlast and "ik zoek een leuke hobby voor mijn kat" sociaal netwerk, a
resident's nonsense answered with "Misschien gaat uw vraag over …". It now has a rejection class trained on
ontology/offtopic-voorbeelden.yaml. The sentences below are a separate measuring set, written by helper learn6
BEFORE that training data and before any training (none of them is in the training file, a test checks it): off
topic requests, nonsense, greetings, single words, other languages; and on-topic lay questions the model must still
guess. The floors are what the model reaches (ADR 0123 has the numbers before and after).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from match import themeclf
from ontology import load_ontology

OFFTOPIC = [
    "blabla blabla blabla",
    "ik zoek een leuke hobby voor mijn kat",
    "hoe laat begint de wedstrijd van de graafschap vanavond",
    "wat voor weer wordt het morgen in aalten",
    "waar kan ik goedkope schoenen kopen",
    "mijn printer wil niet verbinden met de wifi",
    "welk recept is lekker voor een verjaardagstaart",
    "qwertyuiop asdfgh",
    "jjjjjjjj kkkkkk lllll",
    "test test test",
    "hoi",
    "goedemorgen allemaal",
    "bedankt voor de moeite",
    "fiets",
    "banaan",
    "where can I buy a cheap phone charger",
    "wo ist der nächste Bahnhof",
    "quel temps fait-il demain",
    "mijn hond eet zijn brokken niet meer",
    "wie wint het songfestival dit jaar",
    "hoeveel kost een kilo tomaten op de markt",
    "kan iemand een goede film aanraden voor zaterdagavond",
    "lorem ipsum dolor sit amet",
    "xyz 123 abc",
    "het scherm van mijn telefoon is gebarsten",
    "welke band speelt er op het dorpsfeest",
    "ajax heeft weer verloren",
    "wat is de hoofdstad van australie",
    "hoe maak ik een goed pizzadeeg",
    "mijn goudvis zwemt zo raar rondjes",
]

# (text, the theme a wijkcoach would give it): the model must still guess these (the rules may or may not).
ONTOPIC = [
    ("ik kan mijn rekeningen niet meer betalen", "schulden"),
    ("mijn moeder wordt steeds vergeetachtiger en verdwaalt", "dementie"),
    ("ik voel me zo alleen sinds mijn man er niet meer is", "eenzaamheid"),
    ("mijn zoon gaat al weken niet naar school", "schoolverzuim"),
    ("ik zoek een betaalde baan", "werk"),
    ("de buren maken elke nacht herrie", "burenoverlast"),
    ("ik kom niet rond van mijn uitkering", "armoede"),
    ("ik begrijp de brieven van de belastingdienst niet", "administratie"),
    ("we zoeken een groter huis voor ons gezin", "woning-zoeken"),
    ("ik wil graag vrijwilliger worden in het dorp", "vrijwilligerswerk"),
    ("mijn kind wordt op school steeds uitgescholden", "pesten"),
    ("ik wil beter leren lezen en schrijven", "laaggeletterdheid"),
    ("ik heb hulp nodig bij het schoonmaken van mijn huis", "huishouden"),
    ("mijn dochter van 16 blowt elke dag", "middelengebruik"),
    ("ik zorg al jaren voor mijn zieke vader en ben op", "mantelzorg"),
    ("ik zoek een hobby om nieuwe mensen te leren kennen", "sociaal-netwerk"),
    ("ik kan niet meer met de bus naar het ziekenhuis", "vervoer"),
    ("mijn man en ik hebben alleen nog maar ruzie", "relatieproblemen"),
    ("ik wil leren omgaan met de computer en internet", "digitale-vaardigheden"),
    ("ik slaap slecht en pieker de hele dag", "psychische-klachten"),
]

# What the model reaches (ADR 0123); before the rejection class: off-topic 21/30 rejected, on-topic 18/20.
# 28 on its branch; 27 after the merge with lay5 (ADR 0120), whose screen-time words (a child's phone, gaming) in
# the theme data the model trains on make "het scherm van mijn telefoon is gebarsten" lean to opvoeding. Not
# tuned away with a look-alike training sentence: this set measures, it does not train (lead, fifth session).
# Session 6 (ADR 0127): 27 -> 24. Three lay authors (~900 everyday hulpvragen) taught the model more everyday words
# (a pet that will not eat leans to a child's grief for a pet, "verloren" to grief, cheap shoes to armoede); an
# off-topic author's 285 examples did not win them back, at any threshold tried. Accepted: leave one author out, the
# model is right on 44-49 % of a new author's hulpvragen instead of 20-31 %, and a guess on off-topic text still
# puts the gemeente's front door first with "Hier kunt u altijd terecht, ook met meer vragen tegelijk" (ADR 0138).
OFFTOPIC_REJECTED_FLOOR = 24
ONTOPIC_FOUND_FLOOR = 19


@pytest.fixture(scope="module")
def setup():
    onto = load_ontology()
    anc = {t: set(onto.ancestors(t)) for t in onto.themes}
    return themeclf.model_for(onto), frozenset(onto.top_level()), anc


def _guess(setup, text: str) -> list[str]:
    model, roots, anc = setup
    return [g.theme_id for g in themeclf.model_themes(model, text, set(), set(), roots, anc)]


def test_off_topic_text_and_nonsense_get_no_guessed_need(setup):
    guessed = {t: _guess(setup, t) for t in OFFTOPIC}
    rejected = [t for t, g in guessed.items() if not g]
    assert len(rejected) >= OFFTOPIC_REJECTED_FLOOR, {t: g for t, g in guessed.items() if g}


@pytest.mark.parametrize("text", ["blabla blabla blabla", "ik zoek een leuke hobby voor mijn kat"])
def test_the_nonsense_of_the_issue_gets_no_guess(setup, text):
    assert _guess(setup, text) == []


def test_lay_questions_still_get_their_need_guessed(setup):
    _, _, anc = setup
    hits = [
        text
        for text, want in ONTOPIC
        if any(g == want or want in anc[g] or g in anc[want] for g in _guess(setup, text)[:1])
    ]
    assert len(hits) >= ONTOPIC_FOUND_FLOOR, sorted({t for t, _ in ONTOPIC} - set(hits))


def test_the_measuring_sentences_are_not_in_the_training_data():
    def texts(paths) -> set[str]:
        return {
            s["text"].lower()
            for path in paths
            for s in yaml.safe_load(Path(path).read_text(encoding="utf-8"))["sentences"]
        }

    assert not texts((*themeclf.OFFTOPIC_FILES, *themeclf.LAY_FILES)) & {t.lower() for t in OFFTOPIC}
    # the on-topic ones against the rejection class's files (one of them is a sentence of lay batch 1 itself)
    assert not texts(themeclf.OFFTOPIC_FILES) & {t.lower() for t, _ in ONTOPIC}


def test_the_rejection_class_is_no_theme(setup):
    model, _, _ = setup
    assert themeclf.NONE not in load_ontology().themes
    assert all(g.theme_id != themeclf.NONE for g in model.predict("hoe laat begint de wedstrijd"))


def test_nonsense_on_the_demo_kaart_gets_the_front_door_not_a_guessed_topic(demo):
    res = demo.match("blabla blabla blabla", limit=3)
    assert res.themes == [], "no need guessed"
    assert res.results and res.front_door, "never a dead end"
    assert res.results[0]["why"].startswith("Wij konden uw vraag niet plaatsen")
    assert not any(r["why"].startswith(themeclf.MODEL_WHY) for r in res.results)
