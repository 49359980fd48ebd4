"""English words in a learner's Dutch, read as the Dutch word for the need rules (ADR 0144).

Why: a newcomer writes the word they know: "brief van gemeente, I don't understand", "letter from the gemeente,
ik niet understand", "man sick, kan niet stairs". The need rules (match/needrules.py) compare a word's lemma
(`token.norm_`), so a word of words.yaml `lay_english` is given the lemma of its Dutch word before they run, and
a rule such as `post-lezen-of-bijhouden` reads the need whichever language the content word is in. Only content
words are mapped, never a negator or a pronoun, so negation and who-is-meant cues work as before; the danger rules
ran earlier in the pipeline and see the text as written.

ADR 0152 (tester15 t15-13): an English question ("our 5 year old refuses to sleep in his own bed. Where can we get
parenting advice?") read no need at all. The component now runs right after the normaliser, before the thesaurus
(the span ruler matches on NORM), so "parenting" is read as "opvoeding", "debts" as "schulden", "lonely" as
"eenzaam" by the thesaurus as well. `lay_english` holds the everyday topics (sleep, eating, school, money, rent,
loneliness, care, work, doctor) as data. A word that is also a Dutch word with another sense ("rent": runs) is read
as English only in a text that is not Dutch (match/language.py), so "hij rent weg" keeps its Dutch sense.
Danger words are not in the list: the danger rules read what they read before.

ADR 0177 (tester22 N-I): "in de groepsapp van mijn voetbalclub word ik buitengesloten" read Pesten, but the service
that works where it happened ("OT op school en bij de sportclub") was not among the ten cards: the word search
does not split Dutch compounds, so "voetbalclub", "hockeyvereniging", "de training" never met "sportclub". A word
of a kind (words.yaml `lay22.kind_words`: the word itself, or a compound of a `modifiers` word and a `heads` word)
adds the kind's word to the word search (`doc.user_data["kind_words"]`, read by match/typos.py `repaired`); its
lemma is left alone, so the thesaurus reads what it read before.

Privacy: the text is processed in memory only.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from match.language import not_dutch
from match.words import _data, fold, norm_word

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@cache
def lay_english() -> dict[str, str]:
    """folded English word -> Dutch lemma (words.yaml `lay_english`), as the thesaurus keeps it (`norm_word`)."""
    return {fold(k): norm_word(fold(v)) for k, v in (_data().get("lay_english") or {}).items()}


@cache
def _also_dutch() -> frozenset[str]:
    """The English words of `lay_english` that are Dutch words with another sense (words.yaml
    `lay_english_also_dutch`: "rent")."""
    return frozenset(fold(w) for w in _data().get("lay_english_also_dutch") or ())


@cache
def _kinds() -> tuple[tuple[str, frozenset[str], frozenset[str], frozenset[str]], ...]:
    """(kind word, words, compound modifiers, compound heads) of words.yaml `lay22.kind_words`; the themes the
    kind word needs are read by `kind_words_read`."""
    out = []
    for kind, spec in ((_data().get("lay22") or {}).get("kind_words") or {}).items():
        spec = spec or {}
        out.append(
            (
                fold(str(kind)),
                frozenset(fold(w) for w in spec.get("words") or ()),
                frozenset(fold(w) for w in spec.get("modifiers") or ()),
                frozenset(fold(w) for w in spec.get("heads") or ()),
            )
        )
    return tuple(out)


def _is_kind(word: str, words: frozenset[str], modifiers: frozenset[str], heads: frozenset[str]) -> bool:
    """Is `word` one of `words`, or a compound of a modifier and a head ("voetbalclub", "hockeyvereniging")?"""
    if word in words:
        return True
    return any(word.endswith(h) and word[: -len(h)] in modifiers for h in heads if len(word) > len(h))


def _kind_words(doc: Doc) -> list[tuple[int, str]]:
    """(character offset, kind word) for each word of a kind in the text: the word search gets the kind's word
    ("voetbalclub" -> "sportclub"), once per kind."""
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    for kind, words, modifiers, heads in _kinds():
        for token in doc:
            if kind not in seen and _is_kind(fold(token.text), words, modifiers, heads):
                out.append((token.idx, kind))
                seen.add(kind)
    return out


@cache
def _kind_themes() -> dict[str, frozenset[str]]:
    """kind word -> the themes one of which must be read for it to join the word search (`with_themes`)."""
    kinds = (_data().get("lay22") or {}).get("kind_words") or {}
    return {fold(str(k)): frozenset((v or {}).get("with_themes") or ()) for k, v in kinds.items()}


def kind_words_read(doc: Doc) -> list[tuple[int, str]]:
    """The kind words of the text whose need is read ("sportclub" for "voetbalclub" only when Pesten is read: a
    club named for a sore knee brings no club team up), as (character offset, word) for the word search."""
    kinds = doc.user_data.get("kind_words") or ()
    if not kinds:
        return []
    read = {s.label_ for s in doc.spans.get("themes", [])}
    need = _kind_themes()
    return [(i, k) for i, k in kinds if not need.get(k) or need[k] & read]


def make_lay_english(nlp: Language, name: str) -> Any:
    """The `kaart_lay_english` component: an English content word gets the lemma of its Dutch word; one that is a
    Dutch word too only in a text that is not Dutch."""

    def read(doc: Doc) -> Doc:
        words, also_dutch = lay_english(), _also_dutch()
        english: bool | None = None  # asked once, only when a word needs it
        for token in doc:
            key = fold(token.text)
            dutch = words.get(key)
            if dutch is None:
                continue
            if key in also_dutch:
                if english is None:
                    english = not_dutch(doc.text)
                if not english:
                    continue
            token.norm_ = dutch
        kinds = _kind_words(doc)
        if kinds:
            doc.user_data["kind_words"] = kinds
        return doc

    return read


def install(nlp: Language) -> None:
    """Add the component (match/needrules.py `install` calls this): right after the normaliser when there is one,
    so the thesaurus reads the Dutch word too (ADR 0152); else before the need rules."""
    from spacy.language import Language as _Language

    if not _Language.has_factory("kaart_lay_english"):
        _Language.factory("kaart_lay_english", default_config={}, func=make_lay_english)
    if "kaart_normalizer" in nlp.pipe_names:
        nlp.add_pipe("kaart_lay_english", after="kaart_normalizer")
    else:
        nlp.add_pipe("kaart_lay_english")
