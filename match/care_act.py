"""A parent's fear of hurting a young child while caring for it is a fear of an accident, not of an impulse
(ontology/everyday-twins.yaml `care_act`, helper safety21, ADR 0170).

Why: "Ik ben bang dat ik mijn baby pijn doe als ik zijn nageltjes knip" got the red box, Veilig Thuis and the Raad
voor de Kinderbescherming (tester20 BROKEN B6): the rule of a parent afraid of harming a crying baby (ADR 0161) reads
fear, "ik", a harm and a baby, and cutting nails, bathing, brushing teeth or a vaccination tell the same four. What
tells them apart is what is feared: pain as a side effect of a care act, or the writer's own impulse. A hit whose
harm is only pain (`accident`, no `intent` word such as "iets aandoe", "door elkaar schudden"), in a text that names
a care act (`care`) and no word of losing control or of anger at the crying (`keep`), is dropped. "ik ben bang dat
ik mijn baby iets aandoe als hij blijft huilen" and a care act told with anger ("als ik zijn nagels knip en hij
blijft krijsen … ik word zo boos") keep Veilig Thuis. The dropped hit names the young child's care instead
(`need`), so the parent finds the JGZ, not only the front door.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

TWINS_FILE = Path(__file__).resolve().parents[1] / "ontology" / "everyday-twins.yaml"


def _seqs(items: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(str(p)).split()) for p in items or () if p)


def _found(words: list[str], seqs: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(words[i : i + len(p)]) == p for p in seqs for i in range(len(words) - len(p) + 1))


@cache
def twins_config() -> dict[str, Any]:
    """ontology/everyday-twins.yaml, read once."""
    return yaml.safe_load(TWINS_FILE.read_text(encoding="utf-8")) or {}


@dataclass(frozen=True)
class CareAct:
    """The reading compiled once; `drops` is pure."""

    themes: frozenset[str]
    accident: tuple[tuple[str, ...], ...]
    intent: tuple[tuple[str, ...], ...]
    care: tuple[tuple[str, ...], ...]
    keep: tuple[tuple[str, ...], ...]
    need: str = ""  # the young child's care, named instead ("opvoeding": the JGZ, Home-Start)

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None = None) -> CareAct:
        """From `cfg`, or the `care_act` section of ontology/everyday-twins.yaml."""
        cfg = twins_config().get("care_act") or {} if cfg is None else cfg
        return cls(
            frozenset(str(t) for t in cfg.get("themes") or ()),
            _seqs(cfg.get("accident")),
            _seqs(cfg.get("intent")),
            _seqs(cfg.get("care")),
            _seqs(cfg.get("keep")),
            str(cfg.get("need") or ""),
        )

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """The hit (`label`, words `start`..`end`) fears only pain, and the text names a care act and no loss of
        control: an accident of the care, no danger."""
        if label not in self.themes:
            return False
        hit = words[start:end]
        if not _found(hit, self.accident) or _found(hit, self.intent):
            return False
        return _found(words, self.care) and not _found(words, self.keep)

    def need_spans(self, doc: Any, themes: list[Any], kept: list[Any]) -> list[Any]:
        """For a hit dropped as a care act feared, the young child's care as the question's need (one span over the
        hit, labelled `need`), unless a kept span already names it."""
        if not self.need or any(s.label_ == self.need for s in kept):
            return []
        from spacy.tokens import Span  # here, not at import: the matcher loads no NLP before it analyses

        words = [fold(t.text) for t in doc]
        for s in themes:
            if s not in kept and self.drops(words, s.label_, s.start, s.end):
                return [Span(doc, s.start, s.end, label=self.need)]
        return []
