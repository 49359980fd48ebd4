"""The main need of a long everyday story, and the carer next to the person cared for (issue 12 points 2 and 4;
tester10 classes C2 and C3; ADR 0132). Sentences of our own on the Aalten demo kaart, each class with a control.
"""

from __future__ import annotations

from match import clauses, story, themeclf
from ontology import load_ontology

WORK = {"svc-aalten-participatieconsulent", "svc-werkcentrum-achterhoek", "svc-laborijn-dienstverlening"}
MANTELZORG_SUPPORT = {"svc-figulus-mantelzorgondersteuning", "svc-academie-vrijwilligers-mantelzorgers"}

# The setting first (a job on the side, the family), the need at the end.
TEEN_STORY = (
    "ik ben 16 en woon bij mijn moeder in aalten, ik zit op het mbo en heb een bijbaantje bij de supermarkt. mijn "
    "vader woont in duitsland. eigenlijk gaat alles wel oke, maar ik word al een half jaar online gepest door "
    "mensen van mijn oude school, ze sturen nare berichten en foto's. wat kan ik doen?"
)
# The rules read school and children in the setting, nothing in the part that asks: the word model reads that part.
POST_STORY = (
    "Wij zijn drie jaar geleden uit Eritrea gekomen, mijn kinderen gaan naar school en mijn man heeft werk bij een "
    "fabriek. Ik ben thuis met de baby. Wij krijgen veel brieven van de belasting en de gemeente en ik begrijp ze "
    "niet, ik ben bang dat we een boete krijgen. Wie kan mij helpen met de post?"
)


def _ids(res, n: int = 3) -> list[str]:
    return [r["service_id"] for r in res.results[:n]]


def _themes(res) -> set[str]:
    return {t["id"] for t in res.themes}


def test_a_story_is_read_from_the_sentence_that_asks():
    span = clauses.focus(POST_STORY)
    assert span is not None
    part = POST_STORY[span[0] : span[1]]
    assert part.strip().startswith("Ik ben thuis met de baby") and part.endswith("met de post?")
    assert "Eritrea" not in part, "the setting is outside the focus"


def test_a_question_is_no_story_and_is_read_whole():
    assert clauses.focus("ik heb schulden en weet niet waar ik moet beginnen, wie kan mij helpen?") is None
    weights = {"schulden": 1.0, "werk": 1.0}
    assert (
        story.weigh_story(None, load_ontology(), "ik heb schulden en geen werk", [], weights, set()) == set()
    )
    assert weights == {"schulden": 1.0, "werk": 1.0}


def test_a_clause_that_says_something_is_fine_is_setting():
    text = "Werk heb ik gelukkig wel, het gaat goed met mijn werk en ik ben eenzaam. Ik ben niet tevreden."
    settled = [text[a:b].strip() for a, b in clauses.settled_spans(text)]
    assert settled == ["Werk heb ik gelukkig wel", "het gaat goed met mijn werk"]


def test_a_side_job_in_the_setting_does_not_bring_work_help_first(demo):
    res = demo.match(TEEN_STORY, limit=5)
    assert "pesten" in _themes(res)
    assert not set(_ids(res)) & WORK, _ids(res)


def test_the_part_that_asks_is_read_by_the_word_model_when_the_rules_read_nothing_there(demo):
    res = demo.match(POST_STORY, limit=5)
    assert "administratie" in _themes(res)
    assert "svc-sensire-sociaal-raadslid" in _ids(res), _ids(res)


def test_a_story_setting_word_keeps_its_weight_as_evidence_in_the_word_model():
    """A word a long training story names in passing ("werk" of the husband) does not make the word less telling
    for the theme that is about it: the idf counts where a word is told as the need."""
    onto = load_ontology()
    short = [("ik zoek werk", 2.0, ("werk",)), ("ik heb schulden", 2.0, ("schulden",))]
    long_story = (
        "Mijn man heeft werk in de fabriek en de kinderen gaan naar school, dat loopt allemaal wel. Mijn moeder "
        "woont sinds haar val bij ons in huis. Ik was haar elke ochtend, geef haar pillen en breng haar naar de "
        "dokter en naar de fysio. s Nachts roept ze me drie keer. Ik ben zo moe. Wie kan het af en toe van mij "
        "overnemen?"
    )
    alone = themeclf.ThemeModel(onto, short)
    with_story = themeclf.ThemeModel(
        onto, [*short, (long_story, themeclf.example_weight(long_story), ("mantelzorg",))]
    )
    word = "w:werk"
    assert with_story.idf[with_story.vocab[word]] == alone.idf[alone.vocab[word]]
    assert themeclf.example_weight(long_story) < themeclf.W_EXAMPLE, "a story weighs as one example, not six"


# C2: the carer's exhaustion and the need of the person cared for.
def test_the_person_cared_for_keeps_a_service_next_to_the_carers_support(demo):
    res = demo.match("mijn man heeft parkinson en ik kan het niet meer aan, ik ben zo moe", limit=5)
    top = _ids(res)
    assert "mantelzorg" in _themes(res)
    assert set(top) & MANTELZORG_SUPPORT, top
    assert "svc-wijkverpleging" in top, top


def test_an_illness_of_someone_who_died_makes_no_carer(demo):
    res = demo.match("mijn broer is vorig jaar gestorven aan kanker en ik kan het niet meer aan", limit=5)
    assert "mantelzorg" not in _themes(res)
    assert _ids(res)[0] not in MANTELZORG_SUPPORT
    assert "svc-willem-levensvragen" in _ids(res), "grief help"


def test_a_living_parent_cared_for_keeps_the_carer_when_the_other_parent_died(demo):
    res = demo.match(
        "mijn moeder heeft dementie en mijn vader is net overleden, ik kan het niet meer aan", limit=5
    )
    assert "mantelzorg" in _themes(res)
    assert "svc-casemanager-dementie" in _ids(res)


def test_a_long_carers_story_keeps_the_carers_support_next_to_the_dementia_help(demo):
    text = (
        "Mijn moeder van 85 woont nog alleen in Bredevoort. Ze vergeet steeds meer en de huisarts zegt dat het "
        "dementie is. Elke dag na mijn werk ga ik langs, ik doe haar boodschappen en haar administratie. Ik slaap "
        "slecht en mijn eigen gezin schiet erbij in. Wie kan ons helpen?"
    )
    top = _ids(demo.match(text, limit=5))
    assert "svc-casemanager-dementie" in top, top
    assert set(top) & MANTELZORG_SUPPORT, top


def test_the_illness_someone_died_of_is_no_need_the_grief_is(demo):
    res = demo.match("mijn moeder is overleden aan alzheimer en ik ben zo moe", limit=5)
    assert not {"dementie", "mantelzorg"} & _themes(res)
    assert _ids(res)[0] == "svc-willem-levensvragen"
