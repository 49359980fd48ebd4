"""tester14 t14-30 (docs/usertest/m12test14.md, finding 10; ADR 0145): on the English page an English question got
the notice "Wij lezen alleen vragen in het Nederlands. Schrijf uw vraag in het Nederlands, …" in Dutch, and in the
Dutch interface the matcher's message was Dutch with an English tail.

Every message the matcher returns for the page (which place it used, a place it does not know, that it reads Dutch
only) is now shown in the interface language and in the asker's register (webapp/notices.py); the API keeps its
Dutch messages, without the English tail. The questions and places here are our own, written for this test.
"""

from __future__ import annotations

import ast
import re
from html import unescape
from pathlib import Path

import pytest
from site_data import close_app, demo_app, public_page

from webapp.notices import MESSAGES, message_form

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("en", "ar", "tr", "pl", "uk")

# Not Dutch: our own questions, each in the language of an interface (and one in a language without one)
NOT_DUTCH_QUESTIONS = {
    "en": "We just arrived from Spain and need a doctor for our little boy who has a fever, who do we call?",
    "ar": "أنا جديد في هذه البلدة وأبحث عن مساعدة في الرسائل الرسمية من البلدية",
    "tr": "Kocam hastanede yatıyor ve faturaları ödeyemiyorum, kime başvurabilirim?",
    "pl": "Pracuję w Aalten od miesiąca i szukam kogoś, kto pomoże mi z listem od gminy.",
    "uk": "Ми з донькою нещодавно приїхали з Харкова, потрібна допомога з житлом і школою.",
}
# the same need, a second English wording of our own (the tester's was about a midwife)
ENGLISH_AGAIN = "Hello, my mother is getting forgetful and lives alone in Bredevoort, where can I get advice?"

# (text, place field) -> the message each gives on the demo kaart: our own questions
PLACE_CASES = [
    ("hulp bij het invullen van formulieren", "7100"),  # a postcode the gazetteer does not know, no PDOK
    ("hulp bij het invullen van formulieren", "Kerkstraat"),  # a street alone
    ("ik zoek een maatje om mee te wandelen", "Bredevort"),  # a typo in the field
    ("ik zoek een maatje om mee te wandelen", "7121"),  # a postcode of a kern
    ("ik zoek een maatje om mee te wandelen", "Dinxperlo centrum"),  # a place inside what was typed
    ("ik woon in Dinxperlo en zoek een maatje", "Bredevoort"),  # field and text differ
    ("een maatje in IJzerlo of in Lintelo", ""),  # two places in the text
    (
        "ik woon in 7121 en ook vaak in Dinxperlo, wie helpt met post",
        "",
    ),  # a postcode and a place in the text
    ("ik woon in Dinxperlo en zoek een maatje", "Kerkstraat"),  # the field unknown, the text's place used
    ("wij wonen in Breedevoort en zoeken hulp bij de post", ""),  # a typo in the text
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("fix14-notice"))
    yield app
    close_app(app)


def _match(site, text: str, near: str = ""):
    from webapp.answer import answer_hulpvraag

    with site.test_request_context("/"):
        return answer_hulpvraag(text, near=near or None)


def _main(site, text: str, lang: str | None, place: str = "") -> str:
    html = public_page(site, text, place, lang)
    return unescape(html[html.index("<main") : html.index("</main>")])


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- the notice that the kaart reads Dutch ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_not_dutch_notice_is_in_the_interface_language(site, lang):
    main = _main(site, NOT_DUTCH_QUESTIONS[lang], lang)
    assert "Wij lezen alleen vragen in het Nederlands" not in main
    assert "We can only read questions in Dutch" not in main or lang == "en"
    assert "Schrijf uw vraag" not in main


def test_a_second_english_wording_gets_the_english_notice_once(site):
    main = _text(_main(site, ENGLISH_AGAIN, "en"))
    assert main.count("We can only read questions in Dutch. Write your question in Dutch") == 1
    assert "Wij lezen" not in main and "voordeur hieronder" not in main


def test_the_dutch_page_says_it_in_dutch_and_gives_english_a_line_of_its_own(site):
    main = _main(site, ENGLISH_AGAIN, "nl")
    assert "Wij lezen alleen vragen in het Nederlands." in main
    assert "(We can only read" not in main  # no English tail inside the Dutch sentence
    assert re.search(r'<p class="utrecht-paragraph" lang="en">We can only read questions in Dutch\.', main)


@pytest.mark.parametrize("text", [*NOT_DUTCH_QUESTIONS.values(), ENGLISH_AGAIN])
def test_the_api_message_is_dutch_without_an_english_tail(site, text):
    body = site.test_client().post("/api/v1/match", json={"text": text}).get_json()
    said = [m for m in body["messages"] if m.startswith("Wij lezen")]
    assert said and all("We can" not in m and "(" not in m for m in said), body["messages"]


# --- every message the matcher writes has a form, and each form a translation --------------------------------


def test_every_message_on_the_demo_kaart_has_a_form(site):
    seen = set()
    for text, near in PLACE_CASES:
        res = _match(site, text, near)
        for m in res.messages:
            form = message_form(m)
            assert form is not None, m
            seen.add(form[0])
    assert len(seen) >= 8  # the reachable place forms (the others need a kaart without kernen or analyzer)


def _message_fstrings() -> list[str]:
    """Every f-string of match/places.py that is a message (a sentence about a place), with sample values."""
    tree = ast.parse((ROOT / "match" / "places.py").read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        variants = [""]
        for part in node.values:
            if isinstance(part, ast.Constant):
                variants = [v + str(part.value) for v in variants]
                continue
            value = part.value  # type: ignore[attr-defined]
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "_examples":
                variants = [v + x for v in variants for x in ("", ", zoals Aalten of Dinxperlo")]
            elif isinstance(value, ast.Name) and value.id == "which":
                variants = [
                    v + x
                    for v in variants
                    for x in ("de postcode in uw vraag", "de eerste plaats in uw vraag")
                ]
            else:
                variants = [v + "Lintelo" for v in variants]
        out += [v for v in variants if v.endswith(".") and " " in v]
    return out


def test_every_message_match_places_can_write_has_a_form():
    """A new message in match/places.py without a form in webapp/notices.py would show Dutch on every page."""
    written = _message_fstrings()
    assert len(written) >= 10
    assert not [m for m in written if message_form(m) is None]


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_form_and_its_je_form_is_translated(lang):
    from babel.messages.pofile import read_po

    from ontology.inwoner import load_inwoner_labels

    with (ROOT / "webapp" / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        cat = read_po(fh, locale=lang)
    je = load_inwoner_labels().register("je").texts
    ids = [msgid for _, msgid in MESSAGES]
    missing = [i for i in [*ids, *(je[i] for i in ids if i in je)] if i not in cat or not cat[i].string]
    assert not missing, missing
    assert all(i in je for i in ids if " uw " in i or i.startswith("U ") or " u " in i)


# --- the place messages on a page in each language ----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("text", "near"), [PLACE_CASES[2], PLACE_CASES[5], PLACE_CASES[9]])
def test_a_place_message_is_in_the_interface_language(site, lang, text, near):
    main = _text(_main(site, text, lang, near))
    for dutch in ("de afstand is gemeten", "kennen we niet", "wij hebben", "in uw vraag", "U schreef"):
        assert dutch not in main, (lang, dutch)


def test_a_place_message_in_english_keeps_the_names_as_typed(site):
    main = _main(site, PLACE_CASES[2][0], "en", "Bredevort")
    said = r"We do not know the place '<bdi lang=\"nl\">Bredevort</bdi>'; we used <bdi lang=\"nl\">Bredevoort</bdi>\."
    assert re.search(said, main), _text(main)
