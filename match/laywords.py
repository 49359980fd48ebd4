"""English words in a learner's Dutch, read as the Dutch word for the need rules (ADR 0144).

Why: a newcomer writes the word they know: "brief van gemeente, I don't understand", "letter from the gemeente,
ik niet understand", "man sick, kan niet stairs". The need rules (match/needrules.py) compare a word's lemma
(`token.norm_`), so a word of words.yaml `lay_english` is given the lemma of its Dutch word before they run, and
a rule such as `post-lezen-of-bijhouden` reads the need whichever language the content word is in. Only content
words are mapped, never a negator or a pronoun, so negation and who-is-meant cues work as before; the danger rules
ran earlier in the pipeline and see the text as written.

Privacy: the text is processed in memory only.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from match.words import _data, fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@cache
def lay_english() -> dict[str, str]:
    """folded English word -> Dutch lemma (words.yaml `lay_english`)."""
    return {fold(k): fold(v) for k, v in (_data().get("lay_english") or {}).items()}


def make_lay_english(nlp: Language, name: str) -> Any:
    """The `kaart_lay_english` component: an English content word gets the lemma of its Dutch word."""

    def read(doc: Doc) -> Doc:
        words = lay_english()
        for token in doc:
            dutch = words.get(fold(token.text))
            if dutch is not None:
                token.norm_ = dutch
        return doc

    return read


def install(nlp: Language) -> None:
    """Add the component (before the need rules; match/needrules.py `install` calls this)."""
    from spacy.language import Language as _Language

    if not _Language.has_factory("kaart_lay_english"):
        _Language.factory("kaart_lay_english", default_config={}, func=make_lay_english)
    nlp.add_pipe("kaart_lay_english")
