"""Soft hyphens at the seams of long Dutch compounds in names shown as headings.

"Mantelzorgondersteuning" or "Jeugdgezondheidszorg" is wider than a phone at heading size, and Chromium on Linux
ships no Dutch hyphenation dictionary, so `hyphens: auto` cannot help and the browser broke the word at a random
letter ("…ondersteunin / g", tester16). A soft hyphen (U+00AD) where the compound joins lets the browser break at
"Mantelzorg-/ondersteuning" and shows nothing when the word fits. The seams come from the same common-word list
the matcher splits compounds with (ontology/woorden-nl.tsv.gz); a word without a clear seam is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from match.compounds import common_words

SHY = "\u00ad"
LONG = 13  # shorter words fit a 320 px phone at heading size
PART = 4  # both sides of a seam at least this long: no "ge-", "on-" or "-ing" seams
LINKS = ("s", "en", "e")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _words() -> dict[str, float]:
    return common_words()


@lru_cache(maxsize=4096)
def _seams(word: str) -> tuple[int, ...]:
    """Offsets in `word` where a soft hyphen goes: the most even split into two common words (a linking s, e or
    en stays with the first part), then the same inside each part while it is still long."""
    if len(word) < LONG:
        return ()
    low, words, best = word.lower(), _words(), None
    for at in range(PART, len(low) - PART + 1):
        head, tail = low[:at], low[at:]
        if tail not in words:
            continue
        bases = (head[: len(head) - len(k)] for k in ("", *LINKS) if head.endswith(k))
        base = next((b for b in bases if b in words), None)
        if base is None or len(base) < PART:
            continue
        if best is None or abs(len(low) / 2 - at) < abs(len(low) / 2 - best):
            best = at
    if best is None:
        return ()
    left, right = _seams(word[:best]), _seams(word[best:])
    return (*left, best, *(best + r for r in right))


def soft_hyphens(text: str | None) -> str:
    """`text` with soft hyphens at the seams of its long compounds (a Jinja filter for names in headings)."""
    if not text:
        return text or ""

    def mark(m: re.Match[str]) -> str:
        word, out, last = m.group(0), [], 0
        for at in _seams(word):
            out += [word[last:at], SHY]
            last = at
        return "".join([*out, word[last:]])

    return _WORD.sub(mark, text)
