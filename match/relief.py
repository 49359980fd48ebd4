"""Relief help after the ordinary first stop, unless the parent shows strain (ontology/relief.yaml, helper fix20,
ADR 0172; tester21 B6/B13).

Steungezin, Home-Start and the JGZ all exist for "opvoeding" and scored the same for "mijn peuter wil niet slapen";
the service id broke the tie, so the help that relieves a family under strain (a curated side theme
`sociaal-netwerk`: people around the family) came above the consultatiebureau. Among services the score cannot tell
apart, one with a relief side theme the question does not ask goes after one without it for an ordinary question,
and before it when the text shows strain (a strain theme read, or a strain phrase: alone, no network, "ik trek het
niet meer"). Scores are unchanged; a safety service never moves. Relief help is help for parents (`doelgroepen`):
youth work that also touches a network is a young writer's own help and keeps its place (lay13, lay19 tests).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold, has_phrase, phrase_seqs

RELIEF_FILE = Path(__file__).resolve().parents[1] / "ontology" / "relief.yaml"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Relief:
    """The reading compiled once; `order` is pure."""

    side_themes: frozenset[str]
    strain_themes: frozenset[str]
    strain: tuple[tuple[str, ...], ...]
    tie: float = 0.01
    doelgroepen: frozenset[str] = frozenset()  # relief help is for these groups (parents); empty: any

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None = None) -> Relief:
        """From `cfg`, or the `relief` section of ontology/relief.yaml."""
        if cfg is None:
            cfg = (yaml.safe_load(RELIEF_FILE.read_text(encoding="utf-8")) or {}).get("relief") or {}
        return cls(
            frozenset(str(t) for t in cfg.get("side_themes") or ()),
            frozenset(str(t) for t in cfg.get("strain_themes") or ()),
            phrase_seqs(cfg.get("strain")),
            float(cfg.get("tie", 0.01)),
            frozenset(str(d) for d in cfg.get("doelgroepen") or ()),
        )

    def strained(self, text: str, weights: Mapping[str, float]) -> bool:
        """Does the writer show strain: a strain theme read, or a strain phrase in the text?"""
        if self.strain_themes.intersection(weights):
            return True
        return has_phrase([fold(w) for w in _WORD.findall(text)], self.strain)

    def order(self, best: list[Any], text: str, weights: Mapping[str, float]) -> list[Any]:
        """`best` (Scored, in the order shown) with relief help after (ordinary question) or before (strain) the
        services it ties with; other entries keep their places."""
        if not self.side_themes or not weights:
            return best
        strained = self.strained(text, weights)
        asked = self.side_themes.intersection(weights)

        def relief(s: Any) -> bool:
            for_group = not self.doelgroepen or bool(s.cand.doelgroepen & self.doelgroepen)
            return for_group and bool((s.cand.incidental & self.side_themes) - asked)

        out, i = list(best), 0
        while i < len(out):
            j = i + 1
            while j < len(out) and _ties(out[i], out[j], self.tie):
                j += 1
            if j - i > 1 and not out[i].top:
                run = out[i:j]
                out[i:j] = sorted(run, key=lambda s: (not relief(s)) if strained else relief(s))
            i = j
        return out


def _ties(a: Any, b: Any, tie: float) -> bool:
    """Two fits the score cannot tell apart (never a safety service)."""
    return not a.top and not b.top and a.fit > 0 and b.fit > 0 and abs(a.score - b.score) <= tie


@cache
def relief() -> Relief:
    """The reading of ontology/relief.yaml, once."""
    return Relief.from_config()
