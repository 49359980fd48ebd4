"""The word query of a hulpvraag without whoosh's query parser where the parser has nothing to do (ADR 0118).

`SearchIndex.search` cleans the text to words (match/index.py `_clean`: no quotes, brackets, fields, wildcards or
operators left) and parses it with an OR-group `QueryParser`. Its tagger tries every plugin's expression at every
character (~0.25 ms of a ~3 ms match); for words of letters and digits only, every plugin passes and the parse is
one word node per word, each turned into its term(s) by `term_query`, in an `Or`, normalised. `word_query` builds
exactly that, with the parser's own `term_query`, and returns None for any other text (a hyphen, an apostrophe):
that takes the parser's road. tests/test_speed_analysis.py compares the two on every sentence we have.
"""

from __future__ import annotations

from typing import Any

from whoosh import query
from whoosh.qparser import OrGroup

# The plugins `_parser` in match/index.py keeps: none of them tags anything inside a word of letters and digits.
PLUGINS = frozenset(
    {"WhitespacePlugin", "SingleQuotePlugin", "PhrasePlugin", "GroupPlugin", "OperatorsPlugin", "EveryPlugin"}
)
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})


def word_query(parser: Any, text: str) -> Any | None:
    """`parser.parse(text)` for a text of words of letters and digits separated by spaces; None otherwise."""
    words = text.split(" ")
    if not all(w.isalnum() and w.upper() not in OPERATORS for w in words):
        return None
    if parser.group is not OrGroup or not {type(p).__name__ for p in parser.plugins} <= PLUGINS:
        return None
    subs = []
    for word in words:
        q = parser.term_query(
            parser.fieldname, word, parser.termclass, boost=1.0, tokenize=True, removestops=True
        )
        if q is not None:
            subs.append(q)
    q = query.Or(subs, boost=1.0)
    if not q:
        q = query.NullQuery
    return q.normalize()
