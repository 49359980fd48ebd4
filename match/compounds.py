"""Splitting Dutch compounds ("mantelzorgstress", "geldzorgen", "schuldenberg") into words the thesaurus knows.

Dutch writes compounds as one word, so a hulpvraag with "mantelzorgstress" shares no word with the thesaurus
entry "mantelzorg". A word the thesaurus does not know is split in two when both parts are common Dutch words
(Zipf >= 3 in the wordfreq word list, `ontology/woorden-nl.tsv.gz`, ADR 0030) and at least one part is a
thesaurus word; a linking "s" or "e(n)" after the first part is allowed ("veiligheidsplan"). The split is a
spaCy retokenisation before the normaliser, so the theme patterns see "mantelzorg" + "stress".
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

WORDLIST = Path(__file__).resolve().parent.parent / "ontology" / "woorden-nl.tsv.gz"
PART_ZIPF = 3.0  # both parts must be at least this common
WHOLE_ZIPF = 3.0  # a word this common is a word of its own, not split ("huisarts", "kinderopvang")
MIN_WORD, MIN_HEAD, MIN_MODIFIER = 7, 4, 3
LINKS = ("s", "en", "e")


# Every use of the list asks "at least this common" (PART_ZIPF, WHOLE_ZIPF, match/nlp.py REAL_WORD_ZIPF): a rarer
# word answers exactly as a word not in the list, so a process keeps only these (29 000 of 56 000 words).
COMMON_ZIPF = 3.0
assert min(PART_ZIPF, WHOLE_ZIPF) >= COMMON_ZIPF


@lru_cache(maxsize=2)
def load_wordlist(path: Path = WORDLIST, min_zipf: float = 0.0) -> dict[str, float]:
    """Word -> Zipf frequency (words at least `min_zipf`); an empty list when the file is missing (no
    splitting then). One float object per distinct value (412 of them), not one per word."""
    values: dict[str, float] = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = (line.rstrip("\n").split("\t") for line in fh if "\t" in line)
            return {w: f for w, z in rows if (f := values.setdefault(z, float(z))) >= min_zipf}
    except FileNotFoundError:
        return {}


def common_words() -> dict[str, float]:
    """The words at least COMMON_ZIPF common: all the matcher reads (ADR 0094)."""
    return load_wordlist(WORDLIST, COMMON_ZIPF)


class Decompounder:
    """Splits a folded word into (modifier, head) surface parts, or returns None."""

    def __init__(
        self,
        known: Callable[[str], bool],
        words: dict[str, float] | None = None,
        protected: frozenset[str] = frozenset(),
    ) -> None:
        self.words = common_words() if words is None else words
        self.known = known  # is this (folded) word, or its lemma, a thesaurus word?
        self.protected = protected  # never split these (place names: "Bredevoort" is not "brede" + "voort")

    def common(self, word: str) -> bool:
        return self.words.get(word, 0.0) >= PART_ZIPF

    @lru_cache(maxsize=20_000)  # noqa: B019 - one Decompounder per process, words only (never a whole text)
    def split(self, word: str) -> tuple[str, str] | None:
        if len(word) < MIN_WORD or not word.isalpha() or word in self.protected or self.known(word):
            return None
        if self.words.get(word, 0.0) >= WHOLE_ZIPF:
            return None
        best: tuple[float, tuple[str, str]] | None = None
        for i in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
            left, head = word[:i], word[i:]
            if not self.common(head):
                continue
            stems = [left] + [left[: -len(x)] for x in LINKS if left.endswith(x) and len(left) - len(x) >= 3]
            for stem in stems:
                if not self.common(stem):
                    continue
                if not (self.known(stem) or self.known(head)):
                    continue
                score = min(self.words[stem], self.words[head]) + (1.0 if self.known(head) else 0.0)
                if best is None or score > best[0]:
                    best = (score, (left, head))
        return best[1] if best else None


_decompounders: dict[int, Decompounder] = {}


def install(nlp: Language, decompounder: Decompounder) -> None:
    """Add the splitter as the first component of `nlp` (before the normaliser and any tagger/parser)."""
    register_factory()
    _decompounders[id(nlp)] = decompounder
    nlp.add_pipe("kaart_decompounder", first=True)


def register_factory() -> None:
    """Register `kaart_decompounder` with spaCy (on the first pipeline: importing this module imports no spaCy)."""
    from spacy.language import Language

    if not Language.has_factory("kaart_decompounder"):
        Language.factory("kaart_decompounder", default_config={}, func=make_decompounder)


def pieces(splitter: Decompounder, text: str) -> list[str] | None:
    """The surface pieces of one token, or None to leave it whole: a compound in two ("mantelzorgstress"), or a
    hyphenated word the thesaurus does not know whole in its parts and hyphens, each part split again
    ("taal-spraakachterstand" -> taal, -, spraak, achterstand) when one of them is a thesaurus word."""
    if "-" in text.strip("-") and len(text) >= MIN_WORD and not splitter.known(text.lower()):
        parts = text.split("-")
        if all(p.isalpha() for p in parts) and text.lower() not in splitter.protected:
            out: list[str] = []
            for i, part in enumerate(parts):
                if i:
                    out.append("-")
                out.extend(pieces(splitter, part) or [part])
            words = [w.lower() for w in out if w != "-"]
            return out if any(splitter.known(w) for w in words) else None
        return None
    if len(text) < MIN_WORD or not text.isalpha():
        return None
    parts = splitter.split(text.lower())
    if not parts:
        return None
    cut = len(parts[0])
    return [text[:cut], text[cut:]]


def make_decompounder(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def decompound(doc: Doc) -> Doc:
        splitter = _decompounders.get(id(nlp))
        if splitter is None:
            return doc
        splits = [(token, orths) for token in doc if (orths := pieces(splitter, token.text))]
        if splits:
            with doc.retokenize() as retokenizer:
                for token, orths in splits:
                    last = len(orths) - 1
                    retokenizer.split(token, orths, heads=[(token, last)] * len(orths))
        return doc

    return decompound
