"""Other languages for the site (issue 16, ADR 0084): every interface text through gettext, English complete,
Arabic right-to-left, a language switch that keeps the page, Dutch the default and the fallback, and the
matcher still reading Dutch."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from site_data import PLANTED_SERVICE, add_account, close_app, csrf_from, demo_app, login
from untranslated import check_all, untranslated

from webapp.i18n import COOKIE, known_languages

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "webapp" / "translations"
LANGS = list(known_languages())


@pytest.fixture(scope="module")
def site(falkor_server, tmp_path_factory):
    app = demo_app(falkor_server, tmp_path_factory.mktemp("i18n"))
    yield app
    close_app(app)


@pytest.fixture
def web(site):
    return site.test_client()


def _html_tag(html: str) -> tuple[str, str]:
    m = re.search(r'<html lang="([^"]+)" dir="([^"]+)">', html)
    assert m, "no <html lang dir>"
    return m.group(1), m.group(2)


def test_dutch_is_the_default_without_a_choice_or_accept_language(web):
    resp = web.get("/")
    assert _html_tag(resp.text) == ("nl", "ltr")
    assert "Waar zoekt u hulp bij?" in resp.text
    assert COOKIE not in (resp.headers.get("Set-Cookie") or "")  # no choice made: nothing remembered
    assert "Accept-Language" in resp.headers["Vary"]


def test_accept_language_picks_the_language_when_no_choice_is_made(web):
    assert _html_tag(web.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text) == ("en", "ltr")
    assert _html_tag(web.get("/", headers={"Accept-Language": "ar"}).text) == ("ar", "rtl")
    # A language the site does not have: Dutch.
    assert _html_tag(web.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).text) == ("nl", "ltr")


def test_the_switch_keeps_the_page_and_remembers_the_choice(web):
    page = web.get("/kaart?thema=financien&kern=aalten")
    links = dict(
        (m.group(2), unescape(m.group(1)))
        for m in re.finditer(r'<a class="utrecht-link" href="([^"]+)" lang="([a-z]+)" hreflang', page.text)
    )
    assert set(links) == set(LANGS) - {"nl"}  # the current language is not a link
    for name in ("English", "العربية", "Türkçe", "Polski", "Українська"):
        assert f">{name}</a>" in page.text
    assert (
        '<span class="kaart-talen__huidig" lang="nl" dir="ltr" aria-current="true">Nederlands</span>'
        in page.text
    )
    assert page.headers["Content-Language"] == "nl"
    en = links["en"]
    assert en.startswith("/kaart?") and "thema=financien" in en and "kern=aalten" in en and "lang=en" in en
    resp = web.get(en)
    assert _html_tag(resp.text) == ("en", "ltr") and resp.headers["Content-Language"] == "en"
    assert f"{COOKIE}=en" in resp.headers["Set-Cookie"] and "HttpOnly" in resp.headers["Set-Cookie"]
    # The choice is remembered on the next page, over the browser's language; no login needed.
    assert _html_tag(web.get("/", headers={"Accept-Language": "ar"}).text) == ("en", "ltr")
    assert _html_tag(web.get("/?lang=nl").text) == ("nl", "ltr")
    assert _html_tag(web.get("/").text) == ("nl", "ltr")


def test_the_switch_on_a_results_page_keeps_the_results_and_never_carries_the_question(web):
    """The hulpvraag travels only in the POST body: on a results page each language is a small POST form
    whose URL is the path with `?lang=`; it sends the same question again and the results come back in that
    language (a GET to /zoeken would only lead back to the empty search page)."""
    secret = "buurman Zebedeus heeft schulden"
    html = _search(web, secret).text
    assert f'id="dienst-{PLANTED_SERVICE}"' in html
    urls = [unescape(u) for u in re.findall(r'(?:href|action)="([^"]*)"', html)]
    assert urls and not any("Zebedeus" in u for u in urls), urls
    forms = re.findall(
        r'<form class="kaart-talen__formulier" method="post" action="([^"]+)">(.*?)</form>', html
    )
    assert {unescape(action) for action, _ in forms} == {f"/zoeken?lang={c}" for c in LANGS if c != "nl"}
    action, body = next((unescape(a), b) for a, b in forms if a.endswith("lang=en"))
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
    assert unescape(fields["vraag"]) == secret and fields["csrf_token"]
    resp = web.post(action, data={k: unescape(v) for k, v in fields.items()})
    assert resp.status_code == 200 and _html_tag(resp.text) == ("en", "ltr")
    assert "Help with your question" in resp.text and f'id="dienst-{PLANTED_SERVICE}"' in resp.text
    assert secret in resp.text  # shown back in the question box, in the body only
    cookie = resp.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    assert cookie == "en"  # the cookie holds a language code, nothing else
    web.get("/?lang=nl")


def test_the_switch_on_a_professional_results_page_keeps_the_results(site):
    web = site.test_client()
    login(web, add_account(site))
    pro = web.get("/professional/")
    html = web.post(
        "/professional/",
        data={"situatie": "schulden en aanmaningen", "plaats": "", "csrf_token": csrf_from(pro.text)},
    ).text
    forms = re.findall(
        r'<form class="kaart-talen__formulier" method="post" action="([^"]+)">(.*?)</form>', html
    )
    action, body = next((unescape(a), b) for a, b in forms if a.endswith("lang=en"))
    assert action == "/professional/?lang=en"
    fields = {
        k: unescape(v) for k, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body)
    }
    found = web.post(action, data=fields).text
    assert _html_tag(found) == ("en", "ltr") and f"/professional/dienst/{PLANTED_SERVICE}" in found


def test_an_unknown_lang_parameter_is_ignored(web):
    resp = web.get("/?lang=xx")
    assert _html_tag(resp.text) == ("nl", "ltr")
    assert COOKIE not in (resp.headers.get("Set-Cookie") or "")


def test_the_site_offers_only_the_configured_languages(falkor_server, tmp_path):
    app = demo_app(falkor_server, tmp_path, LANGUAGES="en")
    try:
        html = app.test_client().get("/", headers={"Accept-Language": "ar"}).text
        assert _html_tag(html) == ("nl", "ltr")  # Arabic not offered: Dutch
        assert ">English</a>" in html and "العربية" not in html
    finally:
        close_app(app)


def test_an_unknown_language_setting_stops_the_start(tmp_path):
    from webapp.config import ConfigError, parse

    with pytest.raises(ConfigError, match="KAART_LANGUAGES|LANGUAGES.*onbekende taal xx"):
        parse({"DATA_DIR": str(tmp_path), "LANGUAGES": "en,xx"})


# --- every interface language renders the resident's and the professional's pages ------------------------


def _search(web, text: str):
    token = csrf_from(web.get("/").text)
    return web.post("/zoeken", data={"vraag": text, "plaats": "", "csrf_token": token})


@pytest.mark.parametrize("lang", LANGS)
def test_home_results_service_and_professional_search_render_in_each_language(site, lang):
    web = site.test_client()
    want = (lang, known_languages()[lang].dir)
    assert _html_tag(web.get(f"/?lang={lang}").text) == want  # the choice is now in the cookie
    results = _search(web, "ik heb schulden en kom niet rond")
    assert results.status_code == 200 and _html_tag(results.text) == want
    assert f'id="dienst-{PLANTED_SERVICE}"' in results.text  # the matcher still reads the Dutch question
    service = web.get(f"/dienst/{PLANTED_SERVICE}")
    assert service.status_code == 200 and _html_tag(service.text) == want
    login(web, add_account(site))
    pro = web.get("/professional/")
    assert pro.status_code == 200 and _html_tag(pro.text) == want
    found = web.post(
        "/professional/",
        data={"situatie": "schulden en aanmaningen", "plaats": "", "csrf_token": csrf_from(pro.text)},
    )
    assert found.status_code == 200 and _html_tag(found.text) == want
    assert f"/professional/dienst/{PLANTED_SERVICE}" in found.text


def test_english_pages_are_in_english(site):
    web = site.test_client()
    home = web.get("/?lang=en").text
    assert "What do you need help with?" in home and "Waar zoekt u hulp bij?" not in home
    assert 'lang="en"' in home and "Skip to content" in home and "Log in for professionals" in home
    results = _search(web, "ik heb schulden en kom niet rond").text
    assert "Help with your question" in results and "Hulp bij uw vraag" not in results
    service = web.get(f"/dienst/{PLANTED_SERVICE}").text
    assert "What is it?" in service and "How do you get this help?" in service
    assert "Wat is het?" not in service
    # Dutch data (names, descriptions) is marked as Dutch: read in Dutch, left to right in Arabic.
    assert '<h1 class="utrecht-heading-1" lang="nl" dir="ltr">' in service
    assert '<h1 class="utrecht-heading-1">' in site.test_client().get(f"/dienst/{PLANTED_SERVICE}").text
    missing = web.get("/bestaat-niet").text
    assert "Page not found" in missing


def test_in_another_language_the_search_says_dutch_words_work_best_and_offers_the_tiles(site):
    web = site.test_client()
    dutch = web.get("/").text
    assert "nederlands-uitleg" not in dutch  # Dutch residents are not told to use Dutch
    home = web.get("/?lang=en").text
    assert "Searching works best with Dutch words" in home
    assert 'aria-describedby="vraag-uitleg nederlands-uitleg"' in home
    assert 'href="/kaart?thema=financien"' in home  # the theme tiles, a way in without words
    results = _search(web, "my landlord wants me out").text  # English words the matcher cannot read
    assert "Searching works best with Dutch words" in results
    assert 'href="/kaart?thema=financien"' in results and "Or choose a topic" in results
    arabic = web.get("/?lang=ar").text
    assert 'id="nederlands-uitleg"' in arabic and 'href="/kaart?thema=financien"' in arabic


def test_a_language_without_a_translation_falls_back_to_dutch(site):
    """Polish is partly translated: what has no translation shows in Dutch, never empty."""
    web = site.test_client()
    html = web.get("/kaart?lang=pl").text
    assert _html_tag(html) == ("pl", "ltr")
    found = re.search(r'id="aantal" role="status">\s*([^<]+)', html)
    # a plural form of Polish (the count is translated since i18n7), never an empty string
    assert found and re.match(r"Znaleziono \d+ form", found.group(1).strip()), found


def test_dates_and_distances_follow_the_language(site):
    from datetime import date

    from webapp.site import datum

    datum_filter, km = site.jinja_env.filters["datum"], site.jinja_env.filters["km"]
    with site.test_request_context("/?lang=en"):
        assert datum_filter(date(2026, 3, 12)) == "12 March 2026"
        assert km(2.5) == "2.5 km"
        assert datum(date(2026, 3, 12)) == "12 maart 2026"  # e-mails and beheer texts stay Dutch
    with site.test_request_context("/"):
        assert datum_filter(date(2026, 3, 12)) == "12 maart 2026"
        assert km(2.5) == "2,5 km"


# --- the catalogues ---------------------------------------------------------------------------------------


def _extracted() -> dict:
    """Every msgid in the code and templates now (what `make translations` would extract)."""
    method_map = [("webapp/**.py", "python"), ("webapp/templates/**.html", "jinja2")]
    options = {"webapp/templates/**.html": {"trimmed": "true"}}
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
    out = {}
    for _, _, msgid, _, _ in extract_from_dir(str(ROOT), method_map, options_map=options, keywords=keywords):
        out[msgid if isinstance(msgid, str) else tuple(msgid)] = True
    return out


def _key(value):
    return value if isinstance(value, str) else tuple(value)


def _filled(string) -> bool:
    return bool(string) and (isinstance(string, str) or all(string))


def _catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def test_every_text_in_the_code_has_an_english_translation():
    """Fails when a new text is not in the English catalogue yet (run `make translations`, then translate)."""
    catalogue = {(m.id if isinstance(m.id, str) else tuple(m.id)): m for m in _catalogue("en") if m.id}
    missing = []
    for msgid in _extracted():
        m = catalogue.get(msgid)
        strings = [] if m is None else (list(m.string) if isinstance(m.string, (tuple, list)) else [m.string])
        if m is None or m.fuzzy or not strings or not all(strings):
            missing.append(msgid)
    assert not missing, f"{len(missing)} texts without English: {missing[:10]}"


def test_the_english_catalogue_check_sees_a_missing_translation(tmp_path):
    catalogue = _catalogue("en")
    catalogue.get("Zoek hulp").string = ""
    assert not all(m.string for m in catalogue if m.id)


@pytest.mark.parametrize("lang", [code for code in LANGS if code != "nl"])
def test_a_translation_keeps_the_placeholders_and_the_mo_is_compiled(lang):
    """A translation with other `%(name)s` placeholders would break the page; a stale .mo hides changes."""
    import gettext

    from babel.messages.mofile import read_mo

    catalogue = _catalogue(lang)
    wrong = []
    for m in catalogue:
        if not m.id or not m.string or m.fuzzy:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else [s for s in m.string if s]
        want = set(re.findall(r"%\((\w+)\)s", " ".join(ids)))
        for text in strings:
            if set(re.findall(r"%\((\w+)\)s", text)) - want:
                wrong.append((m.id, text))
    assert not wrong, wrong[:5]
    mo = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.mo"
    with mo.open("rb") as fh:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(fh) if m.id}
    usable = {_key(m.id): _key(m.string) for m in catalogue if m.id and not m.fuzzy and _filled(m.string)}
    assert compiled == usable, f"{mo} is not compiled from its .po: run `make translations`"
    # and no plural without all its forms: it would show as nothing instead of Dutch
    with mo.open("rb") as fh:
        translations = gettext.GNUTranslations(fh)
    assert all(v for v in translations._catalog.values() if v != translations._catalog.get(""))


# --- the untranslated-template checker --------------------------------------------------------------------


def test_no_template_has_text_outside_gettext():
    assert check_all() == {}


def test_the_checker_sees_untranslated_text_and_allows_what_is_translated():
    assert untranslated("<p>Zoek hulp</p>") == ["Zoek hulp"]
    assert untranslated('<nav aria-label="Hoofdmenu"></nav>') == ["Hoofdmenu"]
    assert untranslated("<p>{{ n }} resultaten gevonden</p>") == ["resultaten gevonden"]
    assert untranslated('<p>{{ text or "Probeer het later opnieuw." }}</p>') == ["Probeer het later opnieuw."]
    assert untranslated('<p>{{ p.name or "Locatie" }}</p>') == ["Locatie"]
    assert untranslated("{% block title %}Inloggen — {{ site_name }}{% endblock %}") == ["Inloggen —"]
    assert untranslated('<p>{{ _("Zoek hulp") }}</p>') == []
    assert untranslated("<p>{% trans n=x %}Hulp in {{ n }}{% endtrans %}</p>") == []
    assert untranslated('<p>{{ ngettext("%(num)s vorm", "%(num)s vormen", n) }}</p>') == []
    assert untranslated('<a class="x" href="{{ url }}">{{ name }}</a> — 112') == []
    assert untranslated("<p>Veilig Thuis</p>") == []  # a name, the same in every language
    assert untranslated('<p class="{{ "dicht" if s.status == "temporarily closed" }}"></p>') == []
    assert untranslated("<script>var a = 'Zoek hulp';</script>") == []


def test_no_template_assigns_the_gettext_name():
    """`{% set _ = … %}` hides `_()` for the rest of the template (a 500 on the beheer form)."""
    for path in (ROOT / "webapp" / "templates").rglob("*.html"):
        assert not re.search(r"\{%-?\s*set\s+_\s*=", path.read_text()), path


# --- right to left ------------------------------------------------------------------------------------------

PHYSICAL = re.compile(
    r"(?<![\w-])(margin|padding|border)-(left|right)\b|(?<![\w-])(left|right)\s*:|text-align\s*:\s*(left|right)"
    r"|float\s*:\s*(left|right)|border-(top|bottom)-(left|right)-radius"
)


def test_the_stylesheets_use_logical_properties():
    """Arabic runs right to left: our CSS says inline-start/-end, so the layout mirrors by itself."""
    sheets = [
        *(ROOT / "webapp" / "static" / "css").glob("*.css"),
        ROOT / "webapp/templates/beheer/beheer.css",
    ]
    found = [
        f"{path.name}: {line.strip()}"
        for path in sheets
        for line in path.read_text().splitlines()
        if PHYSICAL.search(line)
    ]
    assert not found, found


def test_the_physical_property_check_sees_one():
    assert PHYSICAL.search(".x { margin-left: 1rem }") and PHYSICAL.search(".x { text-align: right; }")
    assert not PHYSICAL.search(".x { margin-inline-start: 1rem; inset-inline-end: 0 }")


def test_opening_hours_and_wachttijd_lines_follow_the_language(site):
    """The generated lines a resident acts on, in the interface language (day names from CLDR)."""
    from datetime import datetime

    from graph import schedules as sched
    from graph.models import Schedule
    from webapp.hours_text import hours_lines, hours_status, wachttijd_text

    week = (
        Schedule(id="a", kind="openingstijden", byday="MO,TU,WE,TH,FR", opens_at="09:00", closes_at="17:00"),
        Schedule(id="b", kind="inloop", byday="TU,TH", opens_at="10:00", closes_at="12:00"),
    )
    monday = datetime(2026, 12, 7, 10, 0, tzinfo=sched.TZ)
    with site.test_request_context("/?lang=en"):
        assert hours_status(week, monday) == "open now · today until 17.00"
        assert hours_lines(week, monday) == ["open Mon–Fri 9.00–17.00", "walk-in Tue and Thu 10.00–12.00"]
        assert wachttijd_text("6 weken", "2026-11-20", today=monday.date()).startswith("waiting time about")
    with site.test_request_context("/?lang=pl"):
        assert hours_lines(week, monday) == [
            "otwarte pon.–pt. 9.00–17.00",
            "bez umawiania wt. i czw. 10.00–12.00",
        ]
    with site.test_request_context("/"):
        assert hours_status(week, monday) == "nu open · vandaag tot 17.00"


# --- interface wording that comes from vocabularies (issue 16 retest) ---------------------------------------


def test_every_niveau_has_its_interface_wording():
    from ontology import load_niveaus
    from webapp.site import NIVEAU_SHOWN

    assert set(NIVEAU_SHOWN) == {n.id for n in load_niveaus()}


def test_niveau_badges_are_in_english_on_an_english_page(site):
    web = site.test_client()
    service = web.get(f"/dienst/{PLANTED_SERVICE}?lang=en").text
    results = _search(web, "ik heb schulden en kom niet rond").text
    for page in (service, results):
        assert not re.search(
            r'class="kaart-niveau[^"]*">(Lokaal team|Vrij toegankelijk|Maatwerk|Specialist)', page
        )
    assert re.search(
        r'class="kaart-niveau[^"]*">(Local team|Open access|Tailored|Specialist help|Crisis)', results
    )


def test_the_beheer_navigation_and_service_form_are_in_english(site):
    from site_data import PLANTED_SERVICE as SVC

    web = site.test_client()
    login(web, add_account(site, "coordinator"))
    form = web.get(f"/beheer/dienst/{SVC}?lang=en").text
    nav = form.split('class="beheer-subnav"', 1)[1].split("</nav>", 1)[0]
    for english in ("Overview", "Organisations", "Proposals", "Statuses", "Coverage"):
        assert f">{english}</a>" in nav, english
    assert 'href="/beheer/statussen"' in nav
    assert "Name of the service" in form and "Naam van de dienst" not in form
    assert "Waiting time" in form and "Wachttijd doorgegeven op" not in form
    # the stored values stay the ids: the options keep their values
    assert 'value="lokaal-team"' in form and 'value="verwijzing"' in form


@pytest.mark.parametrize(
    ("lang", "tile"),
    [
        ("nl", "Geld en rekeningen"),
        ("en", "Money and bills"),
        ("ar", "المال والفواتير"),
        ("uk", "Гроші та рахунки"),
    ],
)
def test_the_topic_tiles_of_the_home_page_are_in_the_interface_language(web, lang, tile):
    """tester13: in English and Arabic the topic tiles stayed Dutch, while the notice for newcomers points to them."""
    html = unescape(web.get(f"/?lang={lang}").text)
    tiles = re.findall(
        r'<span class="kaart-tegel__titel">(.*?)</span>\s*<span class="kaart-tegel__aantal">', html, re.S
    )
    assert len(tiles) >= 10
    assert any(tile in t for t in tiles), tiles
    if lang != "nl":
        assert not any("Geld en rekeningen" in t for t in tiles)
    web.get("/?lang=nl")
