"""The theme ruler's token matcher, split by the first word of each phrase (docs/adr/0100-match-request-path.md).

spaCy's `Matcher` starts every one of its patterns at every token of a text: with the ~4 800 thesaurus phrases
that is most of the Dutch analysis (about 4 of 5 ms per hulpvraag). Every thesaurus phrase starts with one
fixed word (`{"NORM": word}`; fillers only stand between words), so a phrase can only match from a token with
that NORM. `FirstWordMatcher` keeps the patterns in a few hundred small `Matcher`s by their first word and
runs only those of the words in the text. Each pattern still runs in a spaCy `Matcher` of its own key, over the whole text, so it finds
exactly what it found before; the `SpanRuler` deduplicates and sorts the matches, so their order does not
matter. A pattern that does not start with one fixed NORM goes to a matcher that runs on every text.
"""

from __future__ import annotations

import zlib
from typing import Any

BUCKETS = 256  # ~20 phrases each; a text of 15 words runs a twentieth of the patterns


class FirstWordMatcher:
    """A drop-in for the `matcher` of a spaCy `SpanRuler` (set before `add_patterns`): `add` and `__call__`."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.buckets: dict[int, Any] = {}  # bucket of the first word -> a Matcher
        self.always: Any = None  # patterns without one fixed first NORM
        self.keys: set[str] = set()

    def _matcher(self) -> Any:
        from spacy.matcher import Matcher  # spaCy is imported with the pipeline, not with this module

        return Matcher(self.vocab)

    def add(self, key: str, patterns: list[list[dict[str, Any]]], **kwargs: Any) -> None:
        for pattern in patterns:
            first = _fixed_norm(pattern[0]) if pattern else None
            if first is None:
                if self.always is None:
                    self.always = self._matcher()
                self.always.add(key, [pattern], **kwargs)
                continue
            bucket = _bucket(first)
            matcher = self.buckets.get(bucket)
            if matcher is None:
                matcher = self.buckets[bucket] = self._matcher()
            matcher.add(key, [pattern], **kwargs)
        self.keys.add(key)

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    def __call__(self, doc: Any, **kwargs: Any) -> list[Any]:
        """(match id, start, end) of every pattern that matches `doc`, as the single `Matcher` gave them (order
        aside)."""
        out: list[Any] = []
        if self.always is not None:
            out.extend(self.always(doc, **kwargs))
        for bucket in dict.fromkeys(_bucket(token.norm_) for token in doc):
            matcher = self.buckets.get(bucket)
            if matcher is not None:
                out.extend(matcher(doc, **kwargs))
        return out


def _bucket(word: str) -> int:
    """Words share a Matcher by a stable hash: a few hundred Matchers, not one per word (~2.5 KB each)."""
    return zlib.crc32(word.encode()) % BUCKETS


def _fixed_norm(spec: dict[str, Any]) -> str | None:
    """The NORM a token spec requires, when it requires exactly one and nothing else (not optional)."""
    if set(spec) != {"NORM"} or not isinstance(spec["NORM"], str):
        return None
    return spec["NORM"]
