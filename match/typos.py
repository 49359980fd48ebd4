"""Typo repair against the thesaurus (one edit away), and the repaired words for the word search.

Why here: a misspelt key word ("mantelzorgr", "scool") is often the only content word of a short hulpvraag; left
unrepaired, the answer is the front door alone. A word is repaired to the single thesaurus word one edit away.
When two are (a dropped "er": "mantelzorgr" is one edit from both "mantelzorg" and "mantelzorger"), they are one
word family when they differ only by a Dutch inflection or derivation ending (ontology/spelling.yaml
`typo-family-endings`, read by the ontology loader); then the longer one is taken (a dropped letter is the commonest typo), else nothing.
Common Dutch words are meant as written ("test" is no typo of "pesten"). The repaired word also goes into the
word search (`Analysis.query_text`): the services' texts say "school", not "scool".
"""

from __future__ import annotations

from typing import Any

from match.compounds import common_words

REAL_WORD_ZIPF = 3.0  # typo repair leaves words at least this common alone (ontology/woorden-nl.tsv.gz)
MIN_LEN = 5  # shorter words have too many neighbours one edit away


def deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_family(words: set[str], endings: tuple[str, ...] | None = None) -> str | None:
    """The longest word when all are the shortest plus a family ending (or the same word), else None. The
    endings are the ontology's (`Ontology.typo_endings`, from spelling.yaml through the loader): the
    thesaurus's own ontology, else the shipped one."""
    if endings is None:
        from ontology import load_ontology

        endings = load_ontology().typo_endings
    ordered = sorted(words, key=lambda w: (len(w), w))
    stem = ordered[0]
    if all(w == stem or (w.startswith(stem) and w[len(stem) :] in endings) for w in ordered):
        return ordered[-1]
    return None


def repair(thesaurus: Any, norm: str, surface: str = "") -> str:
    """Map a misspelt word to the thesaurus word one edit away (if exactly one is, or one family is); the word as
    written is tried too, so "schlden" finds "schulden" although its lemma is "schuld"."""
    if norm in thesaurus.vocab or len(norm) < MIN_LEN or not norm.isalpha():
        return norm
    if surface and common_words().get(surface, 0.0) >= REAL_WORD_ZIPF:
        return norm  # a common Dutch word is meant as written: "test" is no typo of "pesten", "zwager" none of "zwanger"
    for word in (norm, surface) if surface and surface != norm else (norm,):
        candidates = set(thesaurus._deletes.get(word, ()))
        for d in deletes(word):
            if d in thesaurus.vocab or d in thesaurus.surface:
                candidates.add(d)
            candidates.update(thesaurus._deletes.get(d, ()))
        found = {thesaurus.surface.get(c, c) for c in candidates if abs(len(c) - len(word)) <= 1}
        if len(found) == 1:
            return next(iter(found))
        if len(found) > 1 and (family := one_family(found, getattr(thesaurus, "family_endings", ()))):
            return family
    return norm


def repaired(doc: Any) -> list[tuple[int, str]]:
    """(character offset, repaired word) of every token the normaliser repaired: a norm that is a thesaurus
    word the written word's own lemma is not (set by `make_normalizer`)."""
    from match.words import fold, norm_word

    out = []
    for token in doc:
        own = (norm_word(token.text), fold(token.lemma_ or token.text))
        if token.norm_ not in own and token.norm_.isalpha() and token.text.isalpha():
            out.append((token.idx, token.norm_))
    from match.laywords import kind_words_read

    out.extend(kind_words_read(doc))  # "voetbalclub" -> "sportclub" when bullying is read (ADR 0177)
    return out


def with_repairs(text: str, repairs: list[tuple[int, str]], negated: list[tuple[int, int]]) -> str:
    """The text with the repaired words added at its end, but those inside a negated need."""
    extra = [w for pos, w in repairs if not any(a <= pos < b for a, b in negated)]
    return " ".join([text, *extra]) if extra else text
