"""A worry the word model must not read as danger: a hypothetical misfortune of the asker's own (safety.yaml
`second_opinion.hypothetical`, ADR 0136).

"wat als ik zelf ziek word en niemand voor de kinderen zorgt?" and "wat als mijn vrouw iets overkomt en ik alleen
voor de kinderen sta?" have enough content words for the word model (ADR 0134's evidence floor does not apply) and
read as neglect at home (0.77-0.94): "niemand", "kinderen", "zorgt". They ask what happens if an illness, a death,
a dismissal or a hospital stay comes: planning, not danger. A "what if" cue followed within a few words by a
misfortune is such a question. Danger told in a "what if" ("wat als hij me weer slaat") is raised by the rules,
which this never touches: it only keeps the word model's guess away.

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from typing import Any

from match.words import phrase_seqs as _phrases


def _at(words: list[str], i: int, parts: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(parts)]) == parts


class Hypothetical:
    """safety.yaml `second_opinion.hypothetical`: `cues` ("wat als", "stel dat"), `misfortune` words, `window`."""

    def __init__(self, cfg: dict[str, Any] | None) -> None:
        cfg = cfg or {}
        self.cues = _phrases(cfg.get("cues"))
        self.misfortune = _phrases(cfg.get("misfortune"))
        self.window = int(cfg.get("window", 8))

    def found(self, words: list[str]) -> bool:
        """A "what if" cue with a misfortune of the asker's or a relative's own within `window` words after it."""
        for i in range(len(words)):
            for cue in self.cues:
                if _at(words, i, cue):
                    lo = i + len(cue)
                    hi = min(len(words), lo + self.window)
                    if any(_at(words, j, m) for j in range(lo, hi) for m in self.misfortune):
                        return True
        return False
