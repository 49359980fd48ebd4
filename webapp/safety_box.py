"""The safety box on a results page (partials/safety.html, ADR 0107): what fits the danger the question raised.

Why: the box listed 112, Veilig Thuis and 113 for every danger, so a woman afraid of her partner read "denkt u aan
zelfdoding" and a confused old neighbour got the alarm number first. Now each raised level (most urgent first)
shows its own line from ontology/safety.yaml `box`: Veilig Thuis for danger at home, 113 only for thoughts of
suicide, the huisarts and the huisartsenpost for a psychiatric crisis, advice for a professional's consultation
question; 112 as a line of its own only at the acute level, otherwise one short closing line, never for a
consultation question alone. The numbers are data (the national lines the kaart lists), never made up here.

In another interface language the lines are translated through the Babel catalogues: their Dutch texts are
msgids (webapp/i18n.py `safety_msgids`, read by the resident-word extractor of babel.cfg), so a level added or
reworded without a translation in every language fails the tests (m12test11 B3, ADR 0133). The numbers are never part of a text:
they are the same links in every language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

UNSURE = (
    "onbekend"  # the box's register when the writer's age is untold (safety.yaml `box.for_unsure`, ADR 0189)
)


@dataclass(frozen=True)
class Number:
    label: str  # as written ("0800-2000")
    tel: str  # for a tel: link ("08002000")


@dataclass(frozen=True)
class BoxLine:
    level: str  # the safety level id, or "direct" for the closing 112 line
    text: str
    numbers: tuple[Number, ...] = ()
    after: str = ""
    first: bool = False  # the help for the most urgent danger: shown large
    joiner: str = "of"  # between two numbers ("113 of 0800-0113"), Dutch as the data
    dutch: bool = False  # shown in Dutch on a page in another language (no translation yet): marked lang="nl"


def _line(level: str, cfg: dict[str, Any], joiner: str) -> BoxLine:
    numbers = tuple(
        Number(str(n), "".join(c for c in str(n) if c.isdigit())) for n in cfg.get("numbers") or ()
    )
    return BoxLine(level, str(cfg.get("text") or ""), numbers, str(cfg.get("after") or ""), joiner=joiner)


def box_lines(level_ids: list[str], safety: Any, register: str = "u") -> list[BoxLine]:
    """The lines of the box for the raised levels (ids most urgent first, as MatchResult.safety_levels). For a
    child or teenager who writes (`register` "je"), a level's line for a child where the data has one
    (safety.yaml `box.for_child`, ADR 0143): "praat met iemand die je vertrouwt", not the adult's "zorgen over
    een kind?". For a writer whose age nothing tells (`UNSURE`), the line for both (`box.for_unsure`, ADR 0189)."""
    box = getattr(safety, "box", None) or {}
    per_level = dict(box.get("levels") or {})
    if register == "je":
        per_level.update(box.get("for_child") or {})
    elif register == UNSURE:
        per_level.update(box.get("for_unsure") or {})  # the age untold (ADR 0189)
    joiner = str(box.get("joiner") or "of")
    out = [_line(lv, per_level[lv], joiner) for lv in level_ids if lv in per_level]
    if out:
        out[0] = replace(out[0], first=True)
    quiet = set(box.get("no_direct_line") or ())
    if (
        out
        and box.get("direct_line")
        and not set(level_ids) & {"acuut-gevaar"}
        and not set(level_ids) <= quiet
    ):
        out.append(_line("direct", box["direct_line"], joiner))
    return out


def _translated(text: str) -> bool:
    from webapp.i18n import _translated as in_catalogue
    from webapp.i18n import has_words

    return not has_words(text) or in_catalogue(text) is not None


def in_language(lines: list[BoxLine]) -> list[BoxLine]:
    """The lines marked `dutch` where the interface language has no translation of their words (the
    template translates them with `_()`; a line left Dutch is marked lang="nl" for screen readers)."""
    from webapp.i18n import SOURCE, current_language

    if current_language().code == SOURCE:
        return lines
    return [
        replace(line, dutch=not all(_translated(t) for t in (line.text, line.after, line.joiner)))
        for line in lines
    ]


def notice_shown(notice: str, safety: Any) -> tuple[str, bool]:
    """The notice of the raised levels (MatchResult.notice, the box of a level without a line of its own) in
    the interface language, and whether it stays Dutch: it is made of the levels' notices and the uncertain
    prefix (match/safety.py), each a msgid; a notice with any other part stays Dutch, whole."""
    from flask_babel import gettext

    from webapp.i18n import SOURCE, current_language

    if current_language().code == SOURCE or not notice:
        return notice, False
    parts = [lv.notice for lv in getattr(safety, "levels", ()) if lv.notice]
    parts.append(getattr(safety, "uncertain_prefix", "") or "")
    shown, rest = notice, notice
    for part in sorted((p for p in parts if p), key=len, reverse=True):
        if part in rest:
            if not _translated(part):
                return notice, True
            rest = rest.replace(part, "")
            shown = shown.replace(part, gettext(part))
    return (shown, False) if not rest.strip() else (notice, True)


def register(app: Any) -> None:
    """`veiligheidsvak(result)` in the templates: the box lines for a MatchResult; `veiligheidsmelding(result)`:
    its notice in the interface language."""

    def veiligheidsvak(result: Any) -> list[BoxLine]:
        from webapp.answer import get_matcher

        levels = list(getattr(result, "safety_levels", None) or [])
        register = str(getattr(result, "register", None) or "u")
        writer = getattr(result, "box_writer", "")  # the box follows who writes, hit at home (ADR 0154)
        register = "je" if writer == "kind" else "u" if writer == "volwassene" else register
        if register == "u" and not writer and getattr(result, "age_untold", False):
            register = UNSURE  # nothing tells the age: words for both (ADR 0189)
        return in_language(box_lines(levels, get_matcher().onto.safety, register)) if levels else []

    def veiligheidsmelding(result: Any) -> tuple[str, bool]:
        from webapp.answer import get_matcher

        return notice_shown(str(getattr(result, "notice", None) or ""), get_matcher().onto.safety)

    app.jinja_env.globals["veiligheidsvak"] = veiligheidsvak
    app.jinja_env.globals["veiligheidsmelding"] = veiligheidsmelding
