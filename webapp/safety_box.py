"""The safety box on a results page (partials/safety.html, ADR 0107): what fits the danger the question raised.

Why: the box listed 112, Veilig Thuis and 113 for every danger, so a woman afraid of her partner read "denkt u aan
zelfdoding" and a confused old neighbour got the alarm number first. Now each raised level (most urgent first)
shows its own line from ontology/safety.yaml `box`: Veilig Thuis for danger at home, 113 only for thoughts of
suicide, the huisarts and the huisartsenpost for a psychiatric crisis, advice for a professional's consultation
question; 112 as a line of its own only at the acute level, otherwise one short closing line, never for a
consultation question alone. The numbers are data (the national lines the kaart lists), never made up here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


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


def _line(level: str, cfg: dict[str, Any], joiner: str) -> BoxLine:
    numbers = tuple(
        Number(str(n), "".join(c for c in str(n) if c.isdigit())) for n in cfg.get("numbers") or ()
    )
    return BoxLine(level, str(cfg.get("text") or ""), numbers, str(cfg.get("after") or ""), joiner=joiner)


def box_lines(level_ids: list[str], safety: Any) -> list[BoxLine]:
    """The lines of the box for the raised levels (ids most urgent first, as MatchResult.safety_levels)."""
    box = getattr(safety, "box", None) or {}
    per_level = box.get("levels") or {}
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


def register(app: Any) -> None:
    """`veiligheidsvak(result)` in the templates: the box lines for a MatchResult."""

    def veiligheidsvak(result: Any) -> list[BoxLine]:
        from webapp.answer import get_matcher

        levels = list(getattr(result, "safety_levels", None) or [])
        return box_lines(levels, get_matcher().onto.safety) if levels else []

    app.jinja_env.globals["veiligheidsvak"] = veiligheidsvak
