"""One need named once in a why-line (tester25 N-S, ADR 0189).

Why: "Helpt bij opvoeden en opgroeien en bij opvoeden" glued the area (opvoeden-opgroeien) and the need inside it
(opvoeding): two labels that say nearly the same. A reader learns nothing from the second and wonders what the
difference is. The need inside the area is the more precise reason, so the area goes when one of its own needs is
named too; and a need whose words are all said already by a need before it (another tree, the same words) is left
out as well.

Privacy: only theme ids and their labels are read; no text of a hulpvraag.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

_WORD = re.compile(r"\w+")
# Small words that do not make two labels different ("opvoeden en opgroeien" and "opvoeden"): the content words
# decide. Grammar, not vocabulary of the domain.
_GLUE = frozenset({"en", "of", "bij", "van", "met", "voor", "een", "de", "het", "je", "u", "uw", "in", "op"})


def _content(label: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(label.lower()) if w not in _GLUE)


def distinct_needs(
    theme_ids: Sequence[str], label_of: Callable[[str], str], ancestors: Mapping[str, set[str]]
) -> list[str]:
    """The ids of `theme_ids`, in order, without an area whose own need is in the list too, and without a need
    whose content words an earlier kept need already says ("opvoeden" after "opvoeden en opgroeien")."""
    listed = set(theme_ids)
    precise = [t for t in theme_ids if not any(t in ancestors.get(o, set()) for o in listed if o != t)]
    kept: list[str] = []
    said: list[frozenset[str]] = []
    for tid in precise:
        words = _content(label_of(tid))
        if words and any(words <= s or s <= words for s in said):
            continue
        kept.append(tid)
        said.append(words)
    return kept
