"""The safety box follows the writer, not the theme: a child hit at home who writes in a child's words reads the
child's line (safety.yaml `box.child_writer`, helper safety17, ADR 0154).

Why: "als papa gedronken heeft moet ik me verstoppen onder mijn bed want anders slaat hij mij" read the adult's box
"Niet veilig thuis, of zorgen over een kind of een oudere? … voor advies of een melding" (tester16 BROKEN 4): the
page's register (the writer model, match/writer.py) read an adult, and the box took its line from that. A child's
words (`words`: papa, mama, the juf, school, "onder mijn bed"), the writer as the one hurt (a harm verb of the harm
reading with "me"/"mij" after it) and no word of an adult's life (`adult`: a partner, an ex, "de kinderen", work)
say a child writes; the box then uses `box.for_child`. A word of an adult's life with the writer hit ("mijn vriend
slaat me en zegt dat de kinderen …") keeps the adult's line also where the page says "je". The rest of the page keeps
the writer model's register.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.harm_reading import HarmReading
from match.words import fold, has_phrase
from match.words import phrase_seqs as _seqs

CHILD, ADULT = "kind", "volwassene"


@dataclass(frozen=True)
class ChildWriter:
    """The reading compiled once; `writer` is pure."""

    words: tuple[tuple[str, ...], ...]
    adult: tuple[tuple[str, ...], ...]
    me: frozenset[str]
    harm: HarmReading

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None, harm: HarmReading) -> ChildWriter:
        cfg = cfg or {}
        return cls(
            _seqs(cfg.get("words")),
            _seqs(cfg.get("adult")),
            frozenset(fold(str(w)) for w in cfg.get("writer") or ()),
            harm,
        )

    def writer(self, words: list[str]) -> str:
        """Who writes, for the box, when the writer is the one a harm verb hits ("slaat hij mij"): CHILD (a child's
        words, no adult's), ADULT (a word of an adult's life: "mijn vriend slaat me … de kinderen") or "" (the
        page's register decides)."""
        if not self.words or not any(self._hits_writer(words, v) for v in self.harm.harm_verbs(words)):
            return ""
        if has_phrase(words, self.adult):
            return ADULT
        return CHILD if has_phrase(words, self.words) else ""

    def _hits_writer(self, words: list[str], v: int) -> bool:
        _, hi = self.harm._clause(words, v)
        return bool(self.me.intersection(words[v + 1 : hi]))
