"""A young child's own crying or sleeplessness and the parents' fatigue are care, not danger at home (safety.yaml
`phrase_guards.young_care`, helper safety17, ADR 0154).

Why: "Onze baby van 3 maanden huilt uren achter elkaar, ook 's nachts. We zijn allebei uitgeput." got the chip
"Veilig zijn" and Veilig Thuis first (tester16 BROKEN 5): no word of the text tells harm, but the word model reads
danger at home into a baby, crying and exhaustion. A safety theme needs a harm act or a threat with an agent and a
victim. When the text tells a young child (ADR 0142's kind `jong-kind`: a baby word, an age under 6 in weeks, months
or years) as the one who cries (`acts`), and no harm verb, no act done to the child (`keep`: shaking, hitting,
"door elkaar", a threat, fear) and no person who harms anyone, the word model is not asked about danger at home.
The twin "ik ben zo moe dat ik de baby door elkaar heb geschud" keeps it: an act done to the baby.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.harm_reading import YOUNG, HarmReading
from match.words import folded_set as _set
from match.words import phrase_seqs


@dataclass(frozen=True)
class YoungCare:
    """The reading compiled once; `found` is pure."""

    acts: frozenset[str]
    keep: frozenset[str]
    young_words: frozenset[str]
    harm: HarmReading
    # "ik ben bang dat ik hem wakker maak": the writer's fear of an act of their own is no fear of a person (ADR 0161)
    own_fear: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None, harm: HarmReading) -> YoungCare:
        cfg = cfg or {}
        return cls(
            _set(cfg.get("acts")),
            _set(cfg.get("keep")),
            _set(cfg.get("young_words")),
            harm,
            phrase_seqs(cfg.get("own_fear")),
        )

    def found(self, words: list[str]) -> bool:
        """A young child cries (or does not sleep) in the text, and nothing tells harm: no harm verb, no `keep`."""
        if not self.acts or self.harm.harm_verbs(words):
            return False
        if any(w in self.keep and not self._own_fear(words, i) for i, w in enumerate(words)):
            return False
        return any(w in self.acts and self._young_agent(words, i) for i, w in enumerate(words))

    def _own_fear(self, words: list[str], i: int) -> bool:
        """The keep word at `i` is the writer's fear of an act of their own ("bang dat ik hem wakker maak")."""
        return any(tuple(words[i + 1 : i + 1 + len(p)]) == p for p in self.own_fear)

    def _young_agent(self, words: list[str], v: int) -> bool:
        """The one who cries is a young child: the harm reading's agent kind, or, with no agent read ("mijn
        dochtertje van 2 maanden blijft maar huilen"), a young child word or age earlier in the clause."""
        if self.harm.agent_kind(words, v) == YOUNG:
            return True
        if self.harm.agent(words, v) is not None:
            return False  # someone else cries ("mijn vrouw huilt"): no young child
        for i in range(v - 1, max(-1, v - REACH - 1), -1):
            if words[i] in _SENTENCE_END:
                break
            phrase = self.harm._phrase(words, i, v)
            if phrase is not None and (
                phrase.head in self.young_words or self.harm._kind(words, phrase) == YOUNG
            ):
                return True
        return False


REACH = 8  # words back from the verb where the young child may stand ("… van 2 maanden blijft maar huilen")
_SENTENCE_END = {".", "!", "?", ";", "\n"}
