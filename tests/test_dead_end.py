"""Never a dead end (issue 12 point 6): whatever a resident or a professional types — nonsense, one word, only a
place, only stop words, a thousand characters, emoji, English, Turkish, Arabic, Polish — every way in (the public
page, the professional page, the embed, `POST /api/v1/match`, `kaart match`) answers with the gemeente's front
door and the honest why, never with an empty list."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from click.testing import CliRunner
from site_data import close_app, csrf_from, demo_app, public_page

from webapp.cli import cli

FRONT_DOOR = "svc-aalten-brede-intake"
HONEST = "Wij konden uw vraag niet plaatsen; hier kunt u altijd terecht"
HONEST_PRO = "Geen passende dienst gevonden: de voordeur van de gemeente"
# When only the word model guessed a need (ADR 0112; it guesses even on "blabla blabla …"), the cards under the
# door say "Wij denken dat uw vraag hierover gaat", so the door says what is true of it, that it helps with several
# things at once, not "niet zeker" under named themes (ADR 0121, 0138).
GUESSED = "Hier kunt u altijd terecht, ook met meer vragen tegelijk"
GUESSED_PRO = "De voordeur van de gemeente (brede intake), ook voor meer vragen tegelijk"


def _honest(text: str, pro: bool = False) -> bool:
    return any(line in text for line in ((HONEST_PRO, GUESSED_PRO) if pro else (HONEST, GUESSED)))


# Input nobody can place: the front door must come first, with the honest why.
UNPLACEABLE = {
    "nonsense": "asdfgh qwerty zxcv",
    "one word": "hallo",
    "only a place": "Bredevoort",
    "only a postcode": "7091",
    "only stop words": "de het een en of maar",
    "a thousand characters": ("blabla " * 150)[:1000],
    "emoji": "😢😢😢 🙏",
    "punctuation": "?!...",
    "English": "My neighbour's cat walks through our garden at night",  # lonely, old are read (ADR 0152)
    "Turkish": "Yalnızım ve kimse beni ziyaret etmiyor",
    "Arabic": "أنا وحيد ولا أحد يزورني",
    "Polish": "Jestem samotny i nikt mnie nie odwiedza",
}


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("dead-end"), EMBED_ORIGINS="https://www.aalten.nl")
    yield app
    close_app(app)


def _card_ids(html: str) -> list[str]:
    return re.findall(r'class="kaart-kaartje" id="dienst-([^"]+)"', html)


@pytest.mark.parametrize("text", UNPLACEABLE.values(), ids=UNPLACEABLE.keys())
def test_the_api_answers_the_front_door_with_the_honest_why(site, text):
    body = site.test_client().post("/api/v1/match", json={"text": text}).get_json()
    assert body["results"], "een leeg antwoord"
    first = body["results"][0]
    assert first["service_id"] == FRONT_DOOR and first["why"].startswith((HONEST, GUESSED))


@pytest.mark.parametrize("text", UNPLACEABLE.values(), ids=UNPLACEABLE.keys())
def test_the_public_page_shows_the_front_door_card(site, text):
    html = public_page(site, text)
    cards = _card_ids(html)
    assert cards and cards[0] == FRONT_DOOR
    assert _honest(html) and "We vonden geen hulp die past" not in html


@pytest.mark.parametrize("key", ["nonsense", "only a place", "emoji", "Arabic", "a thousand characters"])
def test_the_professional_page_shows_the_front_door_group(pro, key):
    page = pro.get("/professional/")
    resp = pro.post("/professional/", data={"situatie": UNPLACEABLE[key], "csrf_token": csrf_from(page.text)})
    html = unescape(resp.text)
    assert resp.status_code == 200
    assert "Geen passende dienst: de voordeur van de gemeente" in html
    assert _card_ids(html)[0] == FRONT_DOOR and _honest(html, pro=True)


@pytest.mark.parametrize("key", ["nonsense", "only stop words", "Turkish", "emoji"])
def test_the_embed_shows_the_front_door(site, key):
    client = site.test_client()
    stamp = re.search(r'name="formulier" value="([^"]+)"', client.get("/embed").text).group(1)
    resp = client.post("/embed/zoeken", data={"vraag": UNPLACEABLE[key], "formulier": stamp})
    html = unescape(resp.text)
    assert resp.status_code == 200
    assert f'href="/dienst/{FRONT_DOOR}"' in html and _honest(html)
    assert "We vonden geen hulp die past" not in html


def test_kaart_match_answers_the_front_door(site):
    env = {
        "KAART_GRAPH_URI": site.config["GRAPH_URI"],
        "KAART_DATA_DIR": site.config["DATA_DIR"],
        "KAART_INDEX_DIR": site.config["INDEX_DIR"],
    }
    for key in ("nonsense", "Polish"):
        out = CliRunner().invoke(cli, ["match", UNPLACEABLE[key], "--json"], env=env)
        assert out.exit_code == 0, out.output
        body = json.loads(out.output[out.output.index("{") :])
        assert body["results"][0]["service_id"] == FRONT_DOOR
        assert body["results"][0]["why"].startswith(HONEST)


@pytest.mark.parametrize("key", ["English", "Turkish", "Arabic", "Polish", "nonsense"])
def test_another_language_hears_that_the_kaart_reads_dutch(site, key):
    from webapp.answer import NOT_DUTCH

    body = site.test_client().post("/api/v1/match", json={"text": UNPLACEABLE[key]}).get_json()
    assert NOT_DUTCH in body["messages"]
    assert "Wij lezen alleen vragen in het Nederlands." in public_page(site, UNPLACEABLE[key])


@pytest.mark.parametrize(
    "text",
    [
        *(
            UNPLACEABLE[k]
            for k in ("one word", "only a place", "only stop words", "emoji", "a thousand characters")
        ),
        "ik zoek een leuke hobby voor mijn kat",
        "ik ben mantelzorgr voor mijn vader en het word me te zwaar",
    ],
)
def test_dutch_or_no_words_get_no_language_note(site, text):
    body = site.test_client().post("/api/v1/match", json={"text": text}).get_json()
    assert not [m for m in body["messages"] if "Nederlands" in m]
