"""The theme ruler's token matcher: thesaurus phrases found from their first word (ADR 0100, ADR 0118).

spaCy's `Matcher` starts every one of its patterns at every token of a text: with the ~4 800 thesaurus phrases
that was most of the Dutch analysis. Every thesaurus phrase is a few fixed words (`{"NORM": word}`) with up to two
optional filler words between them (`{"NORM": {"IN": fillers}, "OP": "{0,2}"}`: "ik voel me (heel erg) alleen"),
so a phrase can only match from a token with its first NORM. ADR 0100 ran a few hundred small spaCy `Matcher`s by
their first word; that still was the largest part of the analysis (0.7 of 1.9 ms CPU). `FirstWordMatcher` now
matches such phrases itself: per token, the phrases of its NORM, each word of the phrase after 0 to `max` fillers.
That is the set of matches the spaCy `Matcher` gives for these patterns (its optional tokens explore both
branches; it deduplicates (key, start, end)); the `SpanRuler` deduplicates and sorts them, so their order does
not matter (tests/test_speed_analysis.py compares the two on every sentence we have). A pattern of any other
shape still goes to a spaCy `Matcher` that runs on every text.
"""

from __future__ import annotations

from typing import Any

# A gap between two words of a phrase: (the filler NORMs that may stand there, how many at most).
Gap = tuple[frozenset[str], int]
Phrase = tuple[int, tuple[str, ...], tuple[Gap, ...]]


class FirstWordMatcher:
    """A drop-in for the `matcher` of a spaCy `SpanRuler` (set before `add_patterns`): `add` and `__call__`."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        # first NORM -> (match ids of the one-word phrases, {gap after the first word: {second NORM: phrases}}),
        # a phrase as (match id, the words after the second, the gap before each of them): a token tries only the
        # phrases whose second word is within reach, not every phrase starting with "ik" or "mijn"
        self.phrases: dict[str, tuple[list[int], dict[Gap, dict[str, list[Phrase]]]]] = {}
        self.always: Any = None  # a spaCy Matcher for patterns of another shape
        self.keys: set[str] = set()
        self._gaps: dict[tuple[int, int], Gap] = {}  # one Gap object per filler list (patterns share it)

    def add(self, key: str, patterns: list[list[dict[str, Any]]], **kwargs: Any) -> None:
        match_id = self.vocab.strings.add(key)
        for pattern in patterns:
            shape = None if kwargs else self._shape(pattern)
            if shape is None:
                if self.always is None:
                    from spacy.matcher import Matcher  # spaCy is imported with the pipeline, not here

                    self.always = Matcher(self.vocab)
                self.always.add(key, [pattern], **kwargs)
                continue
            first, words, gaps = shape
            singles, by_gap = self.phrases.setdefault(first, ([], {}))
            if not words:
                singles.append(match_id)
                continue
            by_second = by_gap.setdefault(gaps[0], {})
            by_second.setdefault(words[0], []).append((match_id, words[1:], gaps[1:]))
        self.keys.add(key)

    def _shape(self, pattern: list[dict[str, Any]]) -> tuple[str, tuple[str, ...], tuple[Gap, ...]] | None:
        """(first word, next words, gaps) of a phrase of fixed NORMs with optional fillers between them, or None."""
        words: list[str] = []
        gaps: list[Gap] = []
        gap: Gap | None = None
        for spec in pattern:
            norm = _fixed_norm(spec)
            if norm is not None:
                if words:
                    gaps.append(gap or (frozenset(), 0))
                elif gap is not None:
                    return None  # a filler before the first word
                words.append(norm)
                gap = None
                continue
            filler = self._filler(spec)
            if filler is None or gap is not None or not words:
                return None  # another kind of token, two filler specs in a row, or a filler first
            gap = filler
        if not words or gap is not None:
            return None  # empty, or a filler last
        return words[0], tuple(words[1:]), tuple(gaps)

    def _filler(self, spec: dict[str, Any]) -> Gap | None:
        """`{"NORM": {"IN": [...]}, "OP": "{0,k}"}`: up to k of these words."""
        norm, op = spec.get("NORM"), spec.get("OP")
        if set(spec) != {"NORM", "OP"} or not isinstance(norm, dict) or set(norm) != {"IN"}:
            return None
        words = norm["IN"]
        if not isinstance(op, str) or not op.startswith("{0,") or not op.endswith("}"):
            return None
        most = op[3:-1]
        if not most.isdigit() or not isinstance(words, list | tuple | set | frozenset):
            return None
        key = (id(words), int(most))
        if key not in self._gaps:
            self._gaps[key] = (frozenset(words), int(most))
        return self._gaps[key]

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    def __call__(self, doc: Any, **kwargs: Any) -> list[Any]:
        """(match id, start, end) of every pattern that matches `doc`, as spaCy's `Matcher` gives them (order
        aside)."""
        out: list[Any] = []
        if self.always is not None:
            out.extend(self.always(doc, **kwargs))
        norms = [token.norm_ for token in doc]
        size = len(norms)
        for i, norm in enumerate(norms):
            entry = self.phrases.get(norm)
            if entry is None:
                continue
            singles, by_gap = entry
            out.extend((match_id, i, i + 1) for match_id in singles)
            for (fillers, most), by_second in by_gap.items():
                for q in range(i + 1, min(i + most + 2, size)):  # the second word after 0 to `most` fillers
                    for match_id, words, gaps in by_second.get(norms[q], ()):
                        ends: tuple[int, ...] = (q + 1,)
                        for word, (more, at_most) in zip(words, gaps, strict=True):
                            ends = _next(norms, size, ends, word, more, at_most)
                            if not ends:
                                break
                        out.extend((match_id, i, end) for end in ends)
                    if norms[q] not in fillers:
                        break
        return list(dict.fromkeys(out))  # one (key, start, end) however it was reached, as spaCy gives it


def _next(
    norms: list[str], size: int, ends: tuple[int, ...], word: str, fillers: frozenset[str], most: int
) -> tuple[int, ...]:
    """Where the phrase ends after `word`, from each of `ends`, with 0 to `most` fillers before it."""
    found: list[int] = []
    for p in ends:
        for q in range(p, min(p + most + 1, size)):
            if norms[q] == word and q + 1 not in found:
                found.append(q + 1)
            if norms[q] not in fillers:
                break
    return tuple(found)


def _fixed_norm(spec: dict[str, Any]) -> str | None:
    """The NORM a token spec requires, when it requires exactly one and nothing else (not optional)."""
    if set(spec) != {"NORM"} or not isinstance(spec["NORM"], str):
        return None
    return spec["NORM"]
