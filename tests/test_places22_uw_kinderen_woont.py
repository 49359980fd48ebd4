"""m12test20 "Place messages" (t20-28, issue 12 point 8; ADR 0175): the note about a relative who lives outside the
gemeente said "Uw kinderen **woont** in Utrecht". A plural relative ("kinderen", "ouders", "zoons", "broers") gets a
plural verb in the note ("Uw kinderen wonen in …"), on the API, on the Dutch page, in the "je" register and in every
interface language; a single relative keeps "woont". Sentences of our own, written before the change was made.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_data import close_app, demo_app, public_page

from webapp.i18n import load_inwoner_labels
from webapp.notices import message_form

LANGS = ("en", "ar", "tr", "pl", "uk")
ROOT = Path(__file__).resolve().parents[1]

# (text, the relative as written, the town): the need is theirs, the town outside the gemeente
PLURAL = [
    ("Mijn kinderen wonen in Utrecht en hebben allebei schulden, wie kan hen helpen?", "kinderen", "Utrecht"),
    ("mijn ouders wonen in Winterswijk en kunnen niet meer alleen douchen", "ouders", "Winterswijk"),
    ("Onze zoons wonen in Arnhem. Ze gokken veel en hebben schulden, wie helpt hen?", "zoons", "Arnhem"),
    ("mn broers wonen in Doetinchem en kunnen hun huur niet meer betalen", "broers", "Doetinchem"),
    ("Mijn dochters wonen in Nijmegen en zijn erg somber, waar kunnen zij terecht?", "dochters", "Nijmegen"),
    (
        "m'n kleinkinderen wonen in Groenlo en worden gepest op school. wie helpt ze?",
        "kleinkinderen",
        "Groenlo",
    ),
    (
        "Mijn schoonouders wonen in Lichtenvoorde en kunnen het huishouden niet meer aan.",
        "schoonouders",
        "Lichtenvoorde",
    ),
]
# the harmless twins: one relative, "woont"
SINGULAR = [
    ("Mijn dochter woont in Winterswijk en heeft schulden, wie kan haar helpen?", "dochter", "Winterswijk"),
    ("mijn zus woont in Doetinchem en kan haar huur niet meer betalen", "zus", "Doetinchem"),
    ("Onze zoon woont in Arnhem. Hij gokt veel en heeft schulden, wie helpt hem?", "zoon", "Arnhem"),
    ("mijn moeder woont in Groenlo en kan niet meer alleen douchen", "moeder", "Groenlo"),
    ("Mijn vader woont in Nijmegen en is erg somber, waar kan hij terecht?", "vader", "Nijmegen"),
    ("mn broer woont in Lichtenvoorde en kan het huishouden niet meer aan", "broer", "Lichtenvoorde"),
]


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("places22-plural"))
    yield app
    close_app(app)


def _api(site, text: str, near: str = "") -> dict:
    body = {"text": text} | ({"near": near} if near else {})
    resp = site.test_client().post("/api/v1/match", json=body)
    assert resp.status_code == 200
    return resp.get_json()


def notes_on_page(html: str) -> str:
    """The place notes of a results page: the matcher's messages and the box for a place outside the gemeente
    (never the form, which repeats the question)."""
    out = []
    for marker in ('class="kaart-meldingen"', "kaart-buiten-gemeente"):
        at = html.find(marker)
        if at >= 0:
            out.append(html[at : html.find("</div>", at)])
    return "\n".join(out)


def _note(messages: list[str], town: str) -> list[str]:
    return [m for m in messages if m.startswith("Uw ") and f" in {town}, buiten de gemeente" in m]


@pytest.mark.parametrize(("text", "who", "town"), PLURAL)
def test_plural_relatives_get_a_plural_verb_on_the_api(site, text, who, town):
    said = _note(_api(site, text)["messages"], town)
    assert said == [said[0]] and said[0].startswith(
        f"Uw {who} wonen in {town}, buiten de gemeente Aalten."
    ), said


@pytest.mark.parametrize(("text", "who", "town"), SINGULAR)
def test_twin_a_single_relative_keeps_woont(site, text, who, town):
    said = _note(_api(site, text)["messages"], town)
    assert said and said[0].startswith(f"Uw {who} woont in {town}, buiten de gemeente Aalten."), said


def test_the_plural_note_on_the_dutch_page(site):
    notes = notes_on_page(public_page(site, PLURAL[0][0]))
    assert "Uw kinderen wonen in Utrecht" in notes and "kinderen woont" not in notes


@pytest.mark.parametrize("lang", LANGS)
def test_the_plural_note_in_every_interface_language(site, lang):
    notes = notes_on_page(public_page(site, PLURAL[1][0], lang=lang))
    assert "Winterswijk" in notes, (lang, notes)
    assert "wonen in Winterswijk" not in notes and "woont in Winterswijk" not in notes, (lang, notes)
    plural = message_form(
        "Uw ouders wonen in Winterswijk, buiten de gemeente Aalten. Voor hulp in Winterswijk "
        "kunt u ook kijken bij de gemeente Winterswijk."
    )
    assert plural is not None and plural[1]["who"] == "ouders"


@pytest.mark.parametrize(
    "msgid",
    [
        "Uw %(who)s wonen in %(place)s, buiten de gemeente %(gemeente)s. Voor hulp in %(place)s kunt u ook kijken bij "
        "de gemeente %(other)s.",
        "Uw %(who)s wonen in %(place)s, buiten de gemeente %(gemeente)s. Voor hulp in %(place)s kunt u ook kijken bij "
        "de gemeente daar.",
    ],
)
def test_the_plural_forms_have_a_je_text_and_translations(msgid):
    je = load_inwoner_labels().register("je").texts
    assert je.get(msgid, "").startswith("Je %(who)s wonen in"), msgid
    for lang in LANGS:
        po = (ROOT / "webapp" / "translations" / lang / "LC_MESSAGES" / "messages.po").read_text(
            encoding="utf-8"
        )
        assert _unwrapped(msgid) in _unwrapped(po), lang


def _unwrapped(po: str) -> str:
    """A catalogue with its wrapped msgid lines joined."""
    return po.replace('"\n"', "")
