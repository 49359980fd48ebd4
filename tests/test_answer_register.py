"""One answer tells one story, and the resident page speaks to the asker as they are (user test m12test7, ADR 0121).

- F4: when only the word model guessed the need, the cards say "Wij denken dat uw vraag hierover gaat"; the front
  door then says it is not sure either, not "Wij konden uw vraag niet plaatsen". When nothing was recognised at
  all, no card claims a topic.
- F10: the place part of a resident's why-line starts with a capital on every card, the front door too.
- F8: a child or teenager who writes ("ik ben 13 …") is addressed with "je" in the why-lines, the line above the
  results and the safety box; adults and professionals keep "u".
"""

from __future__ import annotations

import re

import pytest
from site_data import close_app, demo_app, public_page, visible_main

from match.themeclf import MODEL_WHY
from ontology.inwoner import load_inwoner_labels

GUESSED = "Hier kunt u altijd terecht, ook met meer vragen tegelijk"  # not "niet zeker" (ADR 0138)
UNPLACED = "Wij konden uw vraag niet plaatsen; hier kunt u altijd terecht"
# A question the rules do not place and the word model does (financien, unsure which money need). Until session 6
# this was the tester's i14, "waar kan ik mijn rijbewijs verlengen" (vervoer 0.49 < 0.75 now: nothing on the kaart,
# and the door says so, which is right for it).
MODEL_ONLY = "ik ben de draad kwijt met mijn post"
THIRTEEN_HIT = "ik ben 13 en mijn stiefvader slaat mij als hij gedronken heeft"  # tester's s05
ELEVEN_ALONE = "ik ben 11 en heb geen vriendjes in de klas, in de pauze sta ik altijd alleen"  # tester's i22
U_WORDS = re.compile(r"\b(u|uw)\b")


def _whys(res) -> list[str]:
    return [r["why"] for r in res.results]


def test_a_guessed_need_gets_a_front_door_that_is_not_sure_either(demo):
    res = demo.match(MODEL_ONLY, near="Aalten", limit=5)
    assert res.front_door and all(t.get("found_by") == "model" for t in res.themes), "the model's guess only"
    door, *rest = _whys(res)
    assert door.startswith(GUESSED)
    assert any(w.startswith(MODEL_WHY) for w in rest), "the cards under the door say the need was guessed"
    assert not any("niet plaatsen" in w for w in _whys(res)), "no card says the question could not be placed"


def test_nothing_recognised_the_door_says_so_and_no_card_claims_a_topic(demo):
    res = demo.match("asdfgh qwerty zxcv", near="Aalten", limit=5)
    assert not res.themes and res.front_door
    door, *rest = _whys(res)
    assert door.startswith(UNPLACED)
    assert not any(w.startswith((MODEL_WHY, "Helpt bij", "Kan ook helpen bij")) for w in rest)


def test_the_professional_door_follows_the_same_story(demo):
    res = demo.match(MODEL_ONLY, limit=5, audience="professional")
    assert res.results[0]["why"].startswith("De voordeur van de gemeente (brede intake), ook voor meer")


def test_the_place_part_starts_with_a_capital_on_every_card_the_front_door_too(demo):
    res = demo.match(MODEL_ONLY, near="Aalten", limit=5)
    parts = [p for w in _whys(res) for p in w.split(" · ")]
    # (the demo's front door is only placed at the gemeente's centre: no kern claimed, ADR 0133)
    assert "In de gemeente Aalten" in res.results[0]["why"].split(" · "), res.results[0]["why"]
    assert "in de gemeente Aalten" not in parts  # one rule: never lower case on one card, capital on the next


@pytest.mark.parametrize("text", [THIRTEEN_HIT, ELEVEN_ALONE], ids=["13, hit at home", "11, alone in class"])
def test_a_child_who_writes_is_addressed_with_je(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    assert res.register == "je"
    whys = _whys(res)
    assert not [w for w in whys if U_WORDS.search(w)], whys
    assert any(re.search(r"\bje\b", w) for w in whys), whys


def test_adults_and_professionals_keep_u(demo):
    adult = demo.match("ik ben 45 en heb schulden, de deurwaarder komt", near="Aalten", limit=5)
    assert adult.register == "u" and any(U_WORDS.search(w) for w in _whys(adult))
    pro = demo.match(THIRTEEN_HIT, near="Aalten", limit=5, audience="professional")
    assert pro.register == "u"
    # a parent who writes about their child of 13 is an adult
    parent = demo.match("mijn zoon van 13 wordt gepest, wat kan ik doen", near="Aalten", limit=5)
    assert parent.register == "u"


def test_the_je_register_is_data_and_complete_where_u_is_said():
    """Every theme word, access line and whole line that says "u"/"uw" has a "je" version in the register."""
    labels = load_inwoner_labels()
    je = labels.register("je")
    assert je is not labels
    with_u = {t: w for t, w in labels.themes.items() if U_WORDS.search(w)}
    assert with_u and not [t for t in with_u if U_WORDS.search(je.theme(t, ""))]
    lines = [
        *je.by_niveau.values(),
        *je.by_toegang.values(),
        je.unknown,
        je.via_template,
        *je.why.values(),
        *je.lines.values(),
    ]
    assert not [x for x in lines if U_WORDS.search(x)], lines


def test_every_page_text_in_the_je_register_is_a_text_of_the_site():
    """A `texts` key is a Dutch msgid exactly: reworded on the page, its "je" version would silently stop."""
    from babel.messages.pofile import read_po

    from webapp.i18n import TRANSLATIONS

    with (TRANSLATIONS / "messages.pot").open("rb") as fh:
        ids = {m.id for m in read_po(fh) if m.id}
    texts = load_inwoner_labels().register("je").texts
    safety = {"Denkt u aan zelfdoding", "(gratis, dag en nacht). U kunt", "Is iemand ernstig in de war"}
    from_the_page = [k for k in texts if not any(k.startswith(s) for s in safety)]
    assert not [k for k in from_the_page if k not in ids]
    assert not [v for v in texts.values() if U_WORDS.search(v)]


# --- the resident page ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("register"))
    yield app
    close_app(app)


_visible = visible_main


def test_the_results_page_of_a_13_year_old_says_je(site):
    html = public_page(site, THIRTEEN_HIT)
    text = _visible(html)
    assert "Hulp bij je vraag" in text and "Hulp bij uw vraag" not in text
    assert "Bovenaan staat de hulp die je zelf kunt vragen" in text
    assert "u kunt er zelf terecht" not in text and "u heeft een verwijzing nodig" not in text
    assert (
        "Je kunt altijd terecht bij:" in text and "U kunt altijd terecht bij:" not in text
    )  # a card's way in


def test_the_results_page_of_an_adult_keeps_u(site):
    text = _visible(public_page(site, "ik heb schulden en de deurwaarder komt"))
    assert "Hulp bij uw vraag" in text and "Bovenaan staat de hulp die u zelf kunt vragen" in text


def test_only_a_guess_the_page_says_misschien(site):
    text = _visible(public_page(site, MODEL_ONLY, "Aalten"))
    assert "Misschien gaat uw vraag over:" in text and GUESSED in text
    assert "Wij denken dat uw vraag gaat over:" not in text and "niet plaatsen" not in text


def test_a_teenager_with_thoughts_of_suicide_reads_je_in_the_safety_box(site):
    text = _visible(public_page(site, "ik ben 15 en ik wil niet meer leven"))
    assert "Denk je aan zelfdoding, of maak je je zorgen om iemand?" in text
    assert "Je kunt ook chatten via 113.nl." in text
    assert "Denkt u aan zelfdoding" not in text


def test_a_child_whose_question_is_not_placed_reads_je_above_the_results(site):
    text = _visible(public_page(site, "ik ben 12 en ik weet het niet meer hoor"))
    assert "Hulp bij je vraag" in text and "We konden niet goed zien waar je vraag over gaat" in text
    assert "We konden je vraag niet plaatsen; hier kun je altijd terecht" in text  # the front door
    assert "waar uw vraag over gaat" not in text and "U kunt ook" not in text


def test_a_school_year_says_the_asker_is_a_child(demo):
    assert demo.match("ik zit in groep 7 en word gepest", limit=3).register == "je"


@pytest.mark.parametrize(
    "text",
    [  # tester8 B1: children in their own words, no age typed
        "mijn papa en mama gaan scheiden en ik ben de hele tijd verdrietig",
        "ik heb echt geen zin meer in school en spijbel veel, mijn mentor zegt dat ik hulp moet zoeken",
        "mijn moeder drinkt heel veel en dan moet ik de hele tijd voor mijn broertje zorgen",
        "ik word elke dag gepest op school en in de groepsapp en ik wil er niet meer heen",
    ],
)
def test_a_child_in_its_own_words_is_addressed_with_je_without_an_age(demo, text):
    res = demo.match(text, near="Aalten", limit=5)
    whys = " ".join(_whys(res))
    assert res.register == "je", text
    assert not U_WORDS.search(whys), whys  # the door line for a need without a service too (tester8 J1)


@pytest.mark.parametrize(
    "text",
    [  # adults: a parent, a stated adult age, someone with a job
        "mijn dochter wordt gepest op school",
        "ik ben 45 en mijn papa is dement",
        "mijn papa is dement en ik zorg voor hem naast mijn werk",
    ],
)
def test_an_adult_who_says_papa_or_school_keeps_u(demo, text):
    assert demo.match(text, near="Aalten", limit=5).register == "u", text
