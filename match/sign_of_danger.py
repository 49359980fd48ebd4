"""A need named in the words of a danger hit is a sign of that danger, not a question (ontology/
everyday-twins.yaml `welfare_sign`, helper safety21, ADR 0170).

Why: "De oude buurman komt al dagen zijn huis niet uit, de post stapelt zich op en ik hoor hem soms roepen" got no
safety box and the chip "Post, brieven en formulieren", then the Sociaal raadslid and the Bijzondere bijstand
(tester20 BROKEN B1). The signal rules now read the frame (someone not seen for days, heard calling or not opening:
112 first, safety.yaml `niet-gezien-en-roept`); the post that piles up is then one of the frame's own words: it tells
that nobody has been at the door, it asks nothing about letters. A hit of a sign theme (`welfare_sign`: danger theme
-> need themes) that shares words with a hit of its danger theme is taken out, and is thereby denied to the
word models too (the phrase guard's `guarded`). One's own pile of post ("de post stapelt zich op bij mij thuis, ik
open mijn brieven niet meer") has no danger hit around it and stays paperwork.

Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.care_act import twins_config


@dataclass(frozen=True)
class WelfareSign:
    """danger theme -> the need themes whose hits sharing words with its hit are its signs; `signs` is pure."""

    signs_of: dict[str, frozenset[str]]

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None = None) -> WelfareSign:
        """From `cfg`, or the `welfare_sign` section of ontology/everyday-twins.yaml."""
        cfg = twins_config().get("welfare_sign") or {} if cfg is None else cfg
        return cls({str(k): frozenset(str(t) for t in v or ()) for k, v in cfg.items()})

    def signs(self, spans: list[Any]) -> list[Any]:
        """The spans (`label_`, `start`, `end`) of `spans` that are signs: they share words with a danger hit."""
        out = []
        for s in spans:
            shares = any(
                d is not s
                and s.label_ in self.signs_of.get(d.label_, ())
                and s.start < d.end
                and d.start < s.end
                for d in spans
            )
            if shares:
                out.append(s)
        return out
