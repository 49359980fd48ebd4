"""The matcher's messages on a page: in the interface language and in the asker's register (ADR 0145).

Why a module of its own: the matcher writes its messages in Dutch and in "u" ("De afstand is gemeten vanaf
Dinxperlo, de plaats in uw vraag.", match/places.py; "Wij lezen alleen vragen in het Nederlands. …",
webapp/answer.py), because the match JSON, the API and `kaart match` stay Dutch (ADR 0084). A page in English
showed them in Dutch, and a teenager read "uw vraag" in them (tester14 t14-30, ADR 0145). Each message form is
written here once: a pattern over the Dutch text and its msgid. On a page the message is shown from the msgid,
in the register of the asker (labels-inwoner.yaml `registers.je.texts`, through `webapp.i18n.addressed`) and in
the interface language. A message without a form here stays Dutch, marked lang="nl";
tests/test_fix14_english_notice_untranslated.py checks that every message match/places.py and webapp/answer.py
can write has a form.

The front door's own text for a young asker (the row field `door_text`, ADR 0145) is shown here too.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from flask_babel import gettext as _gettext
from markupsafe import Markup, escape

from webapp.answer import NOT_DUTCH_EN
from webapp.i18n import (
    N_,
    SOURCE,
    _translated,
    addressed,
    current_language,
    dutch_data,
    dutch_name,
    wandering_message,
)

# The values a message names: places and what the asker typed, never translated (isolated on a page in another
# language). `examples` is ", zoals Aalten of Dinxperlo" (match/places.py `_examples`) without its opening.
NAMES = r"(?P<{}>.+?)"
EXAMPLES_JOINED = N_("%(one)s of %(other)s")  # "Aalten of Dinxperlo" in a message's examples


def _form(pattern: str, msgid: str) -> tuple[re.Pattern[str], str]:
    """A message form: `pattern` is the msgid with its %(name)s as named groups."""
    return re.compile(f"^{pattern}$"), msgid


def _rx(msgid: str) -> str:
    """The msgid as a pattern: every %(name)s a non-greedy group (a repeated name must be the same text)."""
    out, seen = re.escape(msgid), set()
    for name in re.findall(r"%\\\((\w+)\\\)s", out):
        group = f"(?P={name})" if name in seen else NAMES.format(name)
        out = out.replace(f"%\\({name}\\)s", group, 1)
        seen.add(name)
    return out


MESSAGES = tuple(
    _form(_rx(msgid), msgid)
    for msgid in (
        # match/places.py `resolve_place`
        N_("De afstand is gemeten vanaf %(place)s, de plaats in uw vraag."),
        N_(
            "U noemt %(text_place)s in uw vraag; de afstand is gemeten vanaf %(place)s uit het veld "
            "Woonplaats of postcode."
        ),
        # `text_place_of`
        N_("U noemt ook %(others)s; de afstand is gemeten vanaf %(place)s, de postcode in uw vraag."),
        N_("U noemt ook %(others)s; de afstand is gemeten vanaf %(place)s, de eerste plaats in uw vraag."),
        # match/lives_now.py (ADR 0175): "van Winterswijk naar Aalten verhuisd"
        N_("U noemt ook %(others)s; de afstand is gemeten vanaf %(place)s, waar u nu woont."),
        # match/place_of_need.py (ADR 0191): "zij woont in Dinxperlo, ik in Zwolle"
        N_(
            "U noemt ook %(others)s; de afstand is gemeten vanaf %(place)s, waar degene woont voor wie u "
            "hulp zoekt."
        ),
        # `relatives_elsewhere` (ADR 0163)
        N_(
            "Uw %(who)s woont in %(place)s, buiten de gemeente %(gemeente)s. Voor hulp in %(place)s kunt u ook "
            "kijken bij de gemeente %(other)s."
        ),
        N_(
            "Uw %(who)s woont in %(place)s, buiten de gemeente %(gemeente)s. Voor hulp in %(place)s kunt u ook "
            "kijken bij de gemeente daar."
        ),
        # match/place_notes.py: several relatives (ADR 0175)
        N_(
            "Uw %(who)s wonen in %(place)s, buiten de gemeente %(gemeente)s. Voor hulp in %(place)s kunt u ook "
            "kijken bij de gemeente %(other)s."
        ),
        N_(
            "Uw %(who)s wonen in %(place)s, buiten de gemeente %(gemeente)s. Voor hulp in %(place)s kunt u ook "
            "kijken bij de gemeente daar."
        ),
        # `unknown_postcode`, `almost_postcode` (ADR 0175)
        N_(
            "De postcode %(postcode)s ligt niet in de gemeente %(gemeente)s, of wij kennen hem niet. Vul uw "
            "woonplaats in, zoals %(examples)s."
        ),
        N_(
            "De postcode %(postcode)s ligt niet in de gemeente %(gemeente)s, of wij kennen hem niet. Vul uw "
            "woonplaats in."
        ),
        N_(
            "'%(typed)s' is geen goede postcode. Een postcode heeft vier cijfers en twee letters. Wij hebben "
            "%(digits)s gebruikt: dat is %(place)s."
        ),
        N_(
            "'%(typed)s' is geen goede postcode. Een postcode heeft vier cijfers en twee letters. Vul uw postcode "
            "of woonplaats in, zoals %(examples)s."
        ),
        N_(
            "'%(typed)s' is geen goede postcode. Een postcode heeft vier cijfers en twee letters. Vul uw postcode "
            "of woonplaats in."
        ),
        # match/kern_note.py (ADR 0184): the named kern has no help for this question
        N_(
            "In %(place)s zelf staat voor deze vraag nog geen hulp op de kaart; de dichtstbijzijnde hulp is in "
            "%(nearest)s."
        ),
        # `field_place_of`
        N_(
            "De postcode %(postcode)s ligt in %(place)s; de afstand is gemeten vanaf het midden van %(place)s."
        ),
        N_(
            "De postcode %(postcode)s kunnen we nu niet opzoeken (de landelijke adresservice PDOK is niet "
            "bereikbaar). Vul uw woonplaats in, zoals %(examples)s."
        ),
        N_(
            "De postcode %(postcode)s kunnen we nu niet opzoeken (de landelijke adresservice PDOK is niet "
            "bereikbaar). Vul uw woonplaats in."
        ),
        N_("De plaats '%(typed)s' kennen we niet; wij hebben %(place)s gebruikt."),
        N_(
            "De plaats '%(typed)s' kennen we niet. Vul uw woonplaats in, zoals %(examples)s, of uw postcode. "
            "Een straatnaam alleen kunnen we niet opzoeken."
        ),
        N_(
            "De plaats '%(typed)s' kennen we niet. Vul uw woonplaats in, of uw postcode. Een straatnaam alleen "
            "kunnen we niet opzoeken."
        ),
        N_("De plaats '%(typed)s' kennen we niet."),
        N_("Wij hebben %(place)s gebruikt uit wat u invulde ('%(typed)s')."),
        # `close_place_in_words`
        N_("U schreef '%(typed)s' in uw vraag; wij hebben %(place)s gebruikt."),
        # webapp/answer.py NOT_DUTCH
        N_(
            "Wij lezen alleen vragen in het Nederlands. Schrijf uw vraag in het Nederlands, kies een onderwerp, "
            "of neem contact op met de voordeur hieronder."
        ),
    )
)


def _safety_forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The message of an old person lost outside (safety.yaml `phrase_guards.wandering`, ADR 0183): its msgid is
    the data's text (extracted with the safety texts, webapp/i18n.py `safety_msgids`)."""
    path = Path(__file__).resolve().parents[1] / "ontology" / "safety.yaml"
    message = wandering_message(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return (_form(_rx(message), message),) if message else ()


MESSAGES += _safety_forms()
# The longest form first: "… kennen we niet; wij hebben …" before "… kennen we niet."
MESSAGES = tuple(sorted(MESSAGES, key=lambda f: -len(f[1])))


def message_form(message: str) -> tuple[str, dict[str, str]] | None:
    """(msgid, values) of a Dutch message of the matcher, or None when it has no form here."""
    for rx, msgid in MESSAGES:
        m = rx.match(message)
        if m:
            return msgid, m.groupdict()
    return None


def _value(name: str, value: str) -> Markup:
    """A value inside a translated message: a Dutch name isolated (bdi lang="nl"); examples joined in the
    interface language ("Aalten or Dinxperlo")."""
    if name == "examples" and " of " in value and current_language().code != SOURCE:
        one, other = value.rsplit(" of ", 1)
        return Markup(_gettext(EXAMPLES_JOINED)) % {"one": dutch_name(one), "other": dutch_name(other)}
    return dutch_name(value)


def message_shown(message: str, result: object = None) -> Markup:
    """One message of the matcher on a page: in the interface language and the asker's register ("je vraag" for
    a teenager), its names as typed; a message without a form or a translation stays Dutch, marked lang="nl"."""
    form = message_form(message)
    dutch = current_language().code == SOURCE
    if form is None or not (dutch or _translated(form[0])):
        return (
            Markup(f"<span{dutch_data()}>{escape(message)}</span>") if not dutch else Markup(escape(message))
        )
    msgid, values = form
    shown = {k: _value(k, v) for k, v in values.items()}
    text = Markup(_gettext(msgid)) % shown  # our own words, as Jinja's `_()` gives them
    return Markup(addressed(text, result, **shown))


def door_text_shown(text: str) -> Markup:
    """The front door's own text for a young asker (the row field `door_text`: the gemeente profile's
    `front_door.description_je`) in the interface language; Dutch, marked lang="nl", without a translation."""
    if current_language().code == SOURCE:
        return Markup(escape(text))
    shown = _translated(text)
    return Markup(escape(shown)) if shown else Markup(f"<span{dutch_data()}>{escape(text)}</span>")


def init_notices(app: object) -> None:
    """The page helpers of this module in Jinja."""
    app.jinja_env.globals["melding"] = message_shown  # type: ignore[attr-defined]
    app.jinja_env.globals["voordeur_tekst"] = door_text_shown  # type: ignore[attr-defined]
    app.jinja_env.globals["niet_nl_en"] = NOT_DUTCH_EN  # type: ignore[attr-defined]
