"""The languages of the site's interface: Flask-Babel, a language switch that keeps the page, right-to-left.

Dutch is the source language (every msgid is Dutch B1) and the fallback: a text without a translation shows in
Dutch. The language of a request: `?lang=xx` (a choice, remembered in a functional cookie), else the cookie,
else the browser's Accept-Language among the languages this site offers (`KAART_LANGUAGES`), else Dutch; the
pages behind the login skip the browser's language (`STAFF_BLUEPRINTS`).
The matcher reads Dutch whatever the interface language (ADR 0084). The catalogues are committed, compiled
(.mo) too, so a fresh install and the tests need no build step and no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

import yaml
from flask import Flask, Response, request
from flask_babel import Babel, get_locale, get_translations
from flask_babel import gettext as _gettext
from jinja2 import Undefined
from markupsafe import Markup, escape
from werkzeug.datastructures import MultiDict

from ontology.inwoner import load_inwoner_labels

SOURCE = "nl"  # the language of the msgids and the fallback
COOKIE = "kaart_taal"
COOKIE_DAYS = 365
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANGUAGES_FILE = Path(__file__).resolve().parent.parent / "ontology" / "languages.yaml"
# Pages behind the login (logging in, the second factor and its set-up, the professional search, beheer): the tools of
# a Dutch gemeente's staff follow the visitor's own choice (`?lang=`, the cookie), else Dutch; never the browser's
# Accept-Language alone: a Dutch wijkcoach with an English operating system got an English set-up page.
STAFF_BLUEPRINTS = frozenset({"auth", "professional", "beheer"})
NOT_DUTCH_START = "Wij lezen alleen vragen in het Nederlands."  # webapp/answer.py NOT_DUTCH begins so


@dataclass(frozen=True)
class Language:
    """One interface language: its code (BCP 47), its own name and its writing direction."""

    code: str
    name: str
    dir: str = "ltr"


@cache
def known_languages() -> dict[str, Language]:
    """Every language the site has a catalogue for, from `ontology/languages.yaml`, in the file's order."""
    data = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    out = {}
    for row in data["languages"]:
        direction = row.get("dir", "ltr")
        if direction not in ("ltr", "rtl"):
            raise ValueError(f"{LANGUAGES_FILE.name}: dir of {row['code']} is ltr or rtl")
        out[row["code"]] = Language(code=row["code"], name=row["name"], dir=direction)
    return out


def offered(app: Flask) -> dict[str, Language]:
    """The languages this site offers (KAART_LANGUAGES), Dutch always among them."""
    return app.extensions["kaart_languages"]


def _choice(app: Flask) -> str | None:
    """The language the visitor chose: `?lang=` on this request, else the remembered choice."""
    langs = offered(app)
    asked = request.args.get("lang")
    if asked in langs:
        return asked
    kept = request.cookies.get(COOKIE)
    return kept if kept in langs else None


def select_locale() -> str:
    """The language of this request (see the module docstring)."""
    from flask import current_app

    chosen = _choice(current_app)
    if chosen:
        return chosen
    if request.blueprint in STAFF_BLUEPRINTS:
        return SOURCE  # the site's language, not the browser's (user test m12test7 F9, ADR 0121)
    langs = offered(current_app)
    return request.accept_languages.best_match(list(langs)) or SOURCE


def current_language() -> Language:
    """The interface language of this request (Dutch outside a request)."""
    from flask import current_app, has_request_context

    if not has_request_context():
        return known_languages()[SOURCE]
    locale = get_locale()
    code = str(locale.language) if locale else SOURCE
    return offered(current_app).get(code) or known_languages()[SOURCE]


def dutch_data(direction: bool = True) -> Markup:
    """` lang="nl" dir="ltr"` on an element that shows Dutch data (names, descriptions, theme labels) in a page
    in another language: a screen reader reads it as Dutch, and in Arabic it runs left to right. Empty in
    Dutch, so Dutch pages do not change. A list item takes `direction=False`: an ltr item in an rtl list puts
    its marker outside the list."""
    if current_language().code == SOURCE:
        return Markup("")
    return Markup(f' lang="{SOURCE}"' + (' dir="ltr"' if direction else ""))


def dutch_name(name: object) -> Markup:
    """A Dutch name inside a sentence of the interface language ("Van <a>113 Zelfmoordpreventie</a>"), isolated in
    a `<bdi lang="nl">`: in an Arabic sentence "113 Zelfmoordpreventie" no longer reads "Zelfmoordpreventie 113"
    (tester12 F9, ADR 0138). The plain name, escaped, on a Dutch page."""
    text = escape(str(name or ""))
    if current_language().code == SOURCE:
        return Markup(text)
    return Markup(f'<bdi lang="{SOURCE}">{text}</bdi>')


def asker_text(result: object = None) -> Markup:
    """` dir="auto"` on the asker's own words shown back (the question, the textarea), and ` lang="nl"` on a page in
    another language when the matcher read the words as Dutch: in an Arabic page a Dutch question then runs left to
    right from its first word, not cut at its start (tester12 F9, ADR 0138). A question in another language keeps
    its own direction (dir="auto") and no claimed language."""
    dutch = current_language().code != SOURCE and not not_dutch_notice(result)
    return Markup(' dir="auto"' + (f' lang="{SOURCE}"' if dutch else ""))


def addressed(text: str, result: object = None, **values: str) -> str:
    """A fixed text of the results page in the asker's register: "je" for a child or teenager (the matcher's
    `register`, ADR 0121), from labels-inwoner.yaml `registers.<name>.texts`, keyed by the Dutch msgid. Only on
    the Dutch interface: a translation keeps its own way of addressing. Applied after `_()`, so extraction and
    the catalogues stay as they are. `values`: the ones `_()` filled in ("%(name)s"), so that a msgid with a
    placeholder is found too (the front door's line on a "je" page, ADR 0140)."""
    # a page without a result (`result` undefined in Jinja): the default register
    name = "u" if isinstance(result, Undefined) else getattr(result, "register", None) or "u"
    if name == "u":
        return text
    texts = load_inwoner_labels().register(name).texts
    if current_language().code != SOURCE:
        return _addressed_translated(text, texts, values)
    if not values:
        return texts.get(str(text), text)
    for key, said in texts.items():
        if _fills(key, values) and str(Markup(key) % values) == str(text):
            return Markup(said) % values
    return text


def _fills(key: str, values: dict[str, str]) -> bool:
    """`values` are the placeholders of msgid `key`, no more and no fewer (several texts have placeholders)."""
    return set(re.findall(r"%\((\w+)\)s", key)) == set(values)


def _addressed_translated(text: str, texts: dict[str, str], values: dict[str, str]) -> str:
    """`addressed` on a page in another language: the translation of the "je" text where the catalogue has one
    (Turkish "sen", Ukrainian "ти": the informal register of a language that has one, ADR 0145); else `text`,
    the translation of the "u" text (English, Arabic and Polish say both alike)."""
    for key, said in texts.items():
        shown = _translated(key) if _fills(key, values) else None
        if shown is None or str(Markup(shown) % values if values else shown) != str(text):
            continue
        informal = _translated(said)
        if informal is None:
            return text
        return Markup(informal) % values if values else informal
    return text


def not_dutch_notice(result: object) -> str:
    """The message that the matcher reads Dutch only (webapp/answer.py NOT_DUTCH, which starts with
    `NOT_DUTCH_START`) when the result has it, else "": the page then says so once, in one notice in the
    interface language and in Dutch, instead of three stacked ones (user test m12test7 F9)."""
    messages = getattr(result, "messages", None) or ()
    return next((m for m in messages if m.startswith(NOT_DUTCH_START)), "")


# -- the matcher's why-line in the interface language (user test m12test7 F9, ADR 0121) ----------------------
# The matcher writes its why-lines in Dutch (the match JSON stays Dutch). On a page in another language the fixed
# parts are translated: the resident words of ontology/labels-inwoner.yaml, the doelgroepen's B1 labels and the
# front door lines of matching.yaml are msgids (`extract_resident_words`, babel.cfg), and these are the templates
# match/answer.py composes around them. A part that cannot be translated stays Dutch, marked lang="nl".
def N_(text: str) -> str:
    """Marks a msgid for `pybabel extract` (a default keyword) without translating it here."""
    return text


WHY_TEMPLATES = tuple(
    (re.compile(f"^{rx}$"), msgid)
    for rx, msgid in (
        # a service placed only at the gemeente's centre claims no kern (match/answer.py `_where`, ADR 0133)
        (r"Voor (?P<who>.+) in de gemeente (?P<place>[^·]+)", N_("Voor %(who)s in de gemeente %(place)s")),
        (r"In de gemeente (?P<place>.+)", N_("In de gemeente %(place)s")),
        (r"in de gemeente (?P<place>.+)", N_("in de gemeente %(place)s")),
        (r"Voor (?P<who>.+?) in (?P<place>[^·]+)", N_("Voor %(who)s in %(place)s")),
        # "Voor mensen die net in Nederland wonen in Aalten": the group's own "in" is not the place's
        (r"Voor (?P<who>.+) in (?P<place>[^·]+)", N_("Voor %(who)s in %(place)s")),
        (r"Voor (?P<who>.+)", N_("Voor %(who)s")),
        (r"In (?P<place>.+)", N_("In %(place)s")),
        (r"(?P<km>[0-9]+,[0-9] km) van (?P<place>.+)", N_("%(km)s van %(place)s")),
        # the professional why-line (ladder terms, theme labels of themes.yaml)
        (r"Past bij (?P<needs>.+)", N_("Past bij %(needs)s")),
        (r"Breder aanbod: (?P<need>.+)", N_("Breder aanbod: %(need)s")),
        (r"Raakt aan: (?P<need>.+)", N_("Raakt aan: %(need)s")),
        (r"voor (?P<who>.+)", N_("voor %(who)s")),
        (r"in (?P<place>.+)", N_("in %(place)s")),
        # a temporary status (match/statuses.py `why`, the words of ontology/statuses.yaml)
        (
            r"Let op: (?P<status>.+?) tot en met (?P<date>[0-9]{1,2} \w+ [0-9]{4})",
            N_("Let op: %(status)s tot en met %(date)s"),
        ),
        (r"Let op: (?P<status>.+)", N_("Let op: %(status)s")),
    )
)
FIXED_PARTS = (
    N_("Veiligheid gaat voor"),
    N_("Veiligheid voorop"),
    N_("Veiligheid gaat voor: dag en nacht bereikbaar"),
    N_("Veiligheid voorop: 24 uur per dag bereikbaar"),
    N_("Gevonden op woorden uit uw vraag"),
    N_("niet voor deze leeftijd"),
    N_("leeftijd past"),
)
TWO_GROUPS = N_("%(who)s en %(other)s")  # "Voor mensen die zorgen voor een naaste en vrijwilligers"
TWO_NEEDS = N_("%(need)s en bij %(other)s")  # "Helpt bij schulden en bij wonen"
TWO_ROUTES = N_("%(route)s of %(other)s")  # "via de huisarts of school"


def _translated(text: str) -> str | None:
    """`text` in the interface language, or None when the catalogue has no translation for it."""
    shown = _gettext(text)
    if shown != text:
        return shown
    return (
        shown if text in getattr(get_translations(), "_catalog", {}) else None
    )  # the same in English: "In %(place)s"


def _label(text: str) -> str | None:
    """A resident word or label, translated whatever the case of its first letter ("ouderen", "Ouderen")."""
    shown = _translated(text)
    if shown is None and text[:1].islower():
        shown = _translated(text[:1].upper() + text[1:])
        return shown[:1].lower() + shown[1:] if shown and shown[1:2].islower() else shown
    if shown is None and text[:1].isupper():
        shown = _translated(text[:1].lower() + text[1:])
        return shown[:1].upper() + shown[1:] if shown else None
    return shown


def _pattern(template: str) -> re.Pattern[str]:
    """ "Helpt bij {need}" -> a regex with a group per placeholder, the whole part."""
    out = re.escape(template)
    for name in re.findall(r"\\{(\w+)\\}", out):
        group = (
            ".*?" if name != "age" else f"(?:{re.escape(_for_age())})?"
        )  # "{need}{age}": "" or " voor deze leeftijd"
        out = out.replace(f"\\{{{name}\\}}", f"(?P<{name}>{group})")
    return re.compile(f"^{out}$")


@cache
def _resident_templates() -> list[tuple[re.Pattern[str], str]]:
    """(regex, msgid) for every template with a placeholder in the resident words, every register."""
    labels = load_inwoner_labels()
    door = (
        _data_templates()
    )  # the door lines for a need without a service (tester8 B5), groups, professionals
    out = []
    for words in (labels, *labels.registers.values()):
        for template in (*words.why.values(), words.via_template, *words.lines.values(), *door):
            if "{" in template:
                out.append((_pattern(template), re.sub(r"\{(\w+)\}", r"%(\1)s", template)))
    out.sort(key=lambda p: -len(p[1]))  # "Helpt bij {need} in het algemeen" before "Helpt bij {need}"
    return out


@cache
def _for_age() -> str:
    """matching.yaml `uncovered_for_age` (" voor deze leeftijd"), the only value of a door line's `{age}`."""
    from ontology import load_ontology

    return load_ontology().matching.uncovered_for_age


@cache
def _data_templates() -> tuple[str, ...]:
    """The why-line templates kept as data outside labels-inwoner.yaml: the door lines for a need without a
    service (matching.yaml, both audiences) and a group the question does not name (words.yaml)."""
    from ontology import load_ontology

    matching = load_ontology().matching
    words = yaml.safe_load((LANGUAGES_FILE.parent / "words.yaml").read_text(encoding="utf-8"))
    groups = (words.get("doelgroep_why") or {}).values()
    return (matching.front_door_why_uncovered, matching.front_door_why_uncovered_professional, *groups)


def _dutch_date(value: str) -> str | None:
    """ "3 januari 2027" (match/statuses.py writes Dutch dates) in the interface language, else None."""
    from datetime import date

    from babel.dates import format_date, get_month_names

    day, month, year = value.split(" ")
    months = {name: n for n, name in get_month_names("wide", locale=SOURCE).items()}
    if month not in months:
        return None
    locale = get_locale()
    return format_date(date(int(year), months[month], int(day)), "d MMMM y", locale=str(locale or SOURCE))


def _argument(name: str, value: str) -> str | None:
    """A placeholder's value in the interface language: needs and routes (one or two), a doelgroep; a place
    name or a distance stays as it is."""
    if name in ("place", "km"):
        return value
    if name == "age":  # "" or " voor deze leeftijd" (matching.yaml `uncovered_for_age`), with its space
        return _translated(value) if value else ""
    if name == "needs":  # "Past bij schulden, wonen": up to three theme labels
        needs = [_label(v) for v in value.split(", ")]
        return ", ".join(needs) if all(needs) else None  # type: ignore[arg-type]
    if name == "date":
        return _dutch_date(value)
    if name in ("who", "groups") and _label(value) is None and " en " in value:  # two doelgroepen
        a, b = (_label(v) for v in value.split(" en ", 1))
        return _gettext(TWO_GROUPS, who=a, other=b) if a and b else None
    if name == "need" and " en bij " in value:
        a, b = (_label(v) for v in value.split(" en bij ", 1))
        return _gettext(TWO_NEEDS, need=a, other=b) if a and b else None
    if name == "routes":
        routes = [_label(v) for v in re.split(r", | of ", value)]
        if not all(routes):
            return None
        if len(routes) == 1:
            return routes[0]
        return _gettext(TWO_ROUTES, route=", ".join(routes[:-1]), other=routes[-1])  # type: ignore[arg-type]
    return _label(value)


def why_part(part: str) -> str | None:
    """One part of a why-line ("Helpt bij schulden", "In Aalten") in the interface language, else None."""
    fixed = _label(part)
    if fixed:
        return fixed
    for rx, msgid in (*_resident_templates(), *WHY_TEMPLATES):
        m = rx.match(part)
        if not m:
            continue
        args = {k: _argument(k, v) for k, v in m.groupdict().items()}
        shown = _translated(msgid)
        if shown and all(v is not None for v in args.values()):
            return shown % args
    return None


def why_shown(why: str) -> Markup:
    """The why-line on a page: as the matcher wrote it in Dutch; in another interface language each part that
    can be translated is, the others stay Dutch and are marked so (lang="nl" dir="ltr")."""
    if current_language().code == SOURCE:
        return Markup(escape(why))
    parts = []
    for part in why.split(" · "):
        shown = why_part(part)
        parts.append(escape(shown) if shown else _with_dutch_text(part))
    return Markup(" · ").join(parts)


def _with_dutch_text(part: str) -> Markup:
    """A part that cannot be translated, marked Dutch; "nu niet doorverwijzen: <the coördinator's reason>" (the
    status word, then free text) keeps its status word translated and marks only the reason."""
    head, sep, text = part.partition(": ")
    label = _label(head) if sep and text else None
    if label:
        return Markup(f"{escape(label)}: <span{dutch_data()}>{escape(text)}</span>")
    return Markup(f"<span{dutch_data()}>{escape(part)}</span>")


def chip_shown(chip: str) -> Markup:
    """A theme chip ("Schulden") in the interface language, else in Dutch marked lang="nl"."""
    if current_language().code == SOURCE:
        return Markup(escape(chip))
    shown = _label(chip)
    return Markup(escape(shown)) if shown else Markup(f"<span{dutch_data()}>{escape(chip)}</span>")


# -- the safety box and notices of ontology/safety.yaml (user test m12test11 B3, ADR 0133) ------------------
def _box_texts(cfg: object) -> list[str]:
    """The words of one box line of safety.yaml (`text`, `after`)."""
    cfg = cfg if isinstance(cfg, dict) else {}
    return [str(cfg[k]) for k in ("text", "after") if has_words(cfg.get(k))]


def has_words(value: object) -> bool:
    """Letters in it: punctuation alone ("." after 112) is no msgid."""
    return isinstance(value, str) and any(c.isalpha() for c in value)


def safety_msgids(data: dict) -> list[str]:
    """Every Dutch text of ontology/safety.yaml that a resident reads: each level's `notice`, the box lines
    (`box.levels`, `box.direct_line`), the joiner between two numbers, the prefix of an uncertain notice and the
    wandering message.
    The extractor of babel.cfg reads these as msgids; the tests ask for a translation of each in every
    interface language."""
    box = data.get("box") or {}
    out = [str(lv["notice"]) for lv in data.get("levels") or () if has_words(lv.get("notice"))]
    levels = (
        *(box.get("levels") or {}).values(),
        *(box.get("for_child") or {}).values(),  # ADR 0143
        *(box.get("for_unsure") or {}).values(),  # ADR 0189
    )
    for cfg in (*levels, box.get("direct_line")):
        out += _box_texts(cfg)
    out += [str(v) for v in (box.get("joiner"), data.get("uncertain_prefix")) if has_words(v)]
    out += [m for m in [wandering_message(data)] if has_words(m)]  # an old person lost outside (ADR 0183)
    return list(dict.fromkeys(out))


def wandering_message(data: dict) -> str:
    """The message of safety.yaml `phrase_guards.wandering` (match/safety_wandering.py, ADR 0183): a message of
    the answer, not a box line, read from the data so that its msgid and its form (webapp/notices.py) are one."""
    guards = data.get("phrase_guards") or {}
    return str((guards.get("wandering") or {}).get("message") or "")


def extract_resident_words(fileobj, keywords, comment_tags, options):  # type: ignore[no-untyped-def]
    """Babel extractor (babel.cfg) for the words the matcher shows residents, kept as data: every word of
    labels-inwoner.yaml (not its jargon list, phrases, page texts or the cues of a child writing), the doelgroepen's B1 labels, the front
    door lines of matching.yaml, the theme labels and ladder terms of the professional why-line, the status words
    of statuses.yaml, the group line of words.yaml, the lines of publiek.yaml and the safety box and notices of
    safety.yaml (ADR 0133). `{need}` becomes `%(need)s`, as in the templates above."""
    data = yaml.safe_load(fileobj) or {}
    found: list[str] = []

    def walk(value: object, key: str = "") -> None:
        if key == "texts" and isinstance(
            value, dict
        ):  # a register's page texts: the "je" text is a msgid too,
            found.extend(str(v) for v in value.values())  # in the informal register of tr and uk (ADR 0145)
            return
        if key in ("jargon", "phrases", "niveau_explanation_needs_data", "far_km", "child_speaker"):
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, str(k))
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and value.strip():
            found.append(re.sub(r"\{(\w+)\}", r"%(\1)s", value))

    if (
        isinstance(data, list) and data and "matcher" in data[0]
    ):  # statuses.yaml: "Let op: tijdelijk gesloten"
        found += [str(k["why"]) for k in data if isinstance(k, dict) and k.get("why")]
    elif isinstance(data, dict) and "doelgroep_why" in data:  # words.yaml: only the why-line of a group
        walk(data["doelgroep_why"])
    elif isinstance(data, dict) and "resident_why" in data:  # publiek.yaml: what the matcher says (ADR 0116)
        walk({k: v for k, v in data.items() if k.endswith("_why")})
    elif isinstance(data, dict) and "box" in data and "levels" in data:  # safety.yaml: the box (ADR 0133)
        found += safety_msgids(data)
    elif isinstance(data, list) and data and "short_label" in data[0]:  # niveaus.yaml: the ladder term
        found += [str(n["short_label"]) for n in data if isinstance(n, dict) and n.get("short_label")]
    elif isinstance(data, list) and data and "parents" in data[0]:  # themes.yaml: the label ("Past bij …")
        found += [str(t["label"]) for t in data if isinstance(t, dict) and t.get("label")]
        # and the B1 label of a top theme: the home page's topic tiles (tester13: Dutch tiles in en and ar)
        found += [
            str(t["b1_label"])
            for t in data
            if isinstance(t, dict) and t.get("b1_label") and not t.get("parents")
        ]
    elif isinstance(data, list):  # doelgroepen.yaml: only the B1 labels a why-line names ("Voor ouderen")
        found += [str(g["b1_label"]) for g in data if isinstance(g, dict) and g.get("b1_label")]
    elif "front_door" in data and "kernen" in data:  # a gemeente profile: the door's own text for the young
        found += (
            [str(data["front_door"]["description_je"])] if data["front_door"].get("description_je") else []
        )
        # and the cards' texts in "je" (ADR 0189), as ontology/gemeente.py reads them: whitespace made single
        found += [" ".join(str(v).split()) for v in (data.get("cards_je") or {}).values() if v]
    elif "front_door_why" in data:
        walk({k: v for k, v in data.items() if k.startswith("front_door_why") or k == "uncovered_for_age"})
    else:
        walk(data)
    for text in dict.fromkeys(found):
        yield 0, "gettext", text, []


def switch_url(code: str) -> str:
    """This page (same path, same query string) in another language: `?lang=` replaced, nothing else."""
    args = MultiDict(request.args)
    args.setlist("lang", [code])
    return f"{request.path}?{urlencode(list(args.items(multi=True)))}"


def _languages_setting(app: Flask) -> dict[str, Language]:
    codes = app.config.get("LANGUAGES") or tuple(known_languages())
    known = known_languages()
    langs = {c: known[c] for c in codes if c in known}
    langs.setdefault(SOURCE, known[SOURCE])
    # Dutch first: the switch lists the source language first, the others in the configured order.
    return {SOURCE: langs.pop(SOURCE), **langs}


def init_i18n(app: Flask) -> None:
    """Flask-Babel with our locale selector, the switch helpers in Jinja, and the remembered choice."""
    app.extensions["kaart_languages"] = _languages_setting(app)
    Babel(
        app,
        locale_selector=select_locale,
        default_locale=SOURCE,
        default_translation_directories=str(TRANSLATIONS),
        default_timezone="Europe/Amsterdam",
    )
    # `{% trans %}` blocks are whitespace-normalised, as `pybabel extract` (babel.cfg) reads them.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.globals["current_language"] = current_language
    app.jinja_env.globals["language_switch_url"] = switch_url
    app.jinja_env.globals["site_languages"] = lambda: list(offered(app).values())
    app.jinja_env.globals["nl"] = dutch_data
    app.jinja_env.globals["nl_name"] = dutch_name
    app.jinja_env.globals["eigen_tekst"] = asker_text
    app.jinja_env.filters["aanspreken"] = addressed
    app.jinja_env.globals["niet_nederlands"] = not_dutch_notice
    app.jinja_env.globals["waarom"] = why_shown
    app.jinja_env.globals["chip"] = chip_shown

    @app.after_request
    def remember(resp: Response) -> Response:
        """A `?lang=` choice is kept in a functional cookie (no login, no tracking); a page whose language
        followed the browser says so to caches."""
        asked = request.args.get("lang")
        if asked in offered(app) and request.cookies.get(COOKIE) != asked:
            resp.set_cookie(
                COOKIE,
                asked,
                max_age=COOKIE_DAYS * 24 * 3600,
                httponly=True,
                samesite="Lax",
                secure=bool(app.config.get("SESSION_COOKIE_SECURE")),
            )
        if resp.mimetype == "text/html":
            resp.vary.add("Accept-Language")
            resp.vary.add("Cookie")
            resp.headers.setdefault("Content-Language", current_language().code)
        return resp
