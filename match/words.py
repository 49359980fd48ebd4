"""The words of the Dutch analysis: word lists from ontology/words.yaml by id (vocabulary is data, not code),
and how a word is normalised (fold, spelling variants, lemma).

Read once per process at import, because the lists are module constants of match/nlp.py and match/parse.py.
The lemma dictionary (simplemma's Dutch one) is read on the first lemma, from its compressed stream: 5 MB in
memory instead of 41 MB as a dict, the same lemmas (ADR 0094).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

WORDS_FILE = Path(__file__).resolve().parents[1] / "ontology" / "words.yaml"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when there: the same data, faster
    return yaml.load(WORDS_FILE.read_text(encoding="utf-8"), Loader=loader) or {}


def word_list(list_id: str) -> list[str]:
    """The words of one list, in file order; a missing id is an error (a typo must not silently empty a rule)."""
    for entry in _data().get("lists") or []:
        if entry.get("id") == list_id:
            return [str(w) for w in entry.get("words") or []]
    raise KeyError(f"ontology/words.yaml: geen lijst {list_id!r}")


def word_set(list_id: str) -> frozenset[str]:
    return frozenset(word_list(list_id))


def relative_ages() -> dict[str, int]:
    """Word -> typical age ("peuter" -> 2)."""
    return {str(r["word"]): int(r["age"]) for r in _data().get("relative_ages") or []}


def doelgroep_cues() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(doelgroep id, words, unless words) per entry of words.yaml `doelgroep_cues`: words on the folded text that
    say the question is about someone in the doelgroep, unless an `unless` word stands in it too (matched by
    match/groups.py `cued_groups`)."""
    return tuple(
        (
            str(r["doelgroep"]),
            tuple(str(w) for w in r.get("words") or []),
            tuple(str(w) for w in r.get("unless") or []),
        )
        for r in _data().get("doelgroep_cues") or []
    )


@lru_cache(maxsize=1)
def grade_patterns() -> tuple[tuple[re.Pattern[str], int, int, int], ...]:
    """(pattern, first, last, age of the first) per school year of words.yaml `school_grades` ("3e klas", "groep 7");
    match/ages.py reads them where no life stage of levensfasen.yaml did."""
    out = []
    for r in _data().get("school_grades") or []:
        word = re.escape(str(r["word"]))
        pattern = re.compile(rf"\b{word}\s+(\d)\b|\b(\d)\s*(?:e|de|ste)\s+{word}\b", re.IGNORECASE)
        out.append((pattern, int(r["first"]), int(r["last"]), int(r["age_of_first"])))
    return tuple(out)


def _flat(value: Any) -> list[str]:
    """A word group that may hold named word lists (YAML anchors): `[*kind, kleine]`."""
    if isinstance(value, list):
        return [w for v in value for w in _flat(v)]
    return [] if value is None else [" ".join(str(value).lower().split())]


@lru_cache(maxsize=1)
def need_rules() -> tuple[Any, ...]:
    """The `need_rules` (everyday needs told in words that need not stand together, match/needrules.py) as
    `ontology.schema.SignalRule`s: one word of every group within `window` words of a sentence raises `theme`."""
    from ontology.schema import SignalRule

    return tuple(
        SignalRule(
            id=str(r["id"]),
            theme=str(r["theme"]),
            groups=tuple(tuple(_flat(g)) for g in r.get("all") or ()),
            window=int(r.get("window", 8)),
            unless=tuple(_flat(r.get("unless"))),
            sentences=int(
                r.get("sentences", 1)
            ),  # a learner's short fragments ("Brief. Ik niet begrijp.", ADR 0144)
        )
        for r in _data().get("need_rules") or []
    )


def relation_ages() -> dict[str, tuple[int, int | None, bool]]:
    """Relation word -> (min age, max age or None, counts without a possessive) of the person it names
    ("vader" -> 30+ after "mijn"; "zoontje" -> 0-11 always), from `relations`."""
    out: dict[str, tuple[int, int | None, bool]] = {}
    for r in _data().get("relations") or []:
        lo, hi, any_form = int(r["min_age"]), r.get("max_age"), bool(r.get("any_form"))
        for w in r.get("words") or []:
            out[fold(str(w))] = (lo, None if hi is None else int(hi), any_form)
    return out


def fold(text: str) -> str:
    """Lower-case and strip diacritics: suïcide == suicide, financiën == financien."""
    if text.isascii():  # NFKD leaves ASCII as it is and it has no combining marks: the same, 20x faster
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def folded_set(raw: Any) -> frozenset[str]:
    """Words of a config list, folded, empty ones dropped: the form every safety reading compares a word with."""
    return frozenset(fold(str(w)) for w in raw or () if str(w).strip())


def phrase_seqs(raw: Any) -> tuple[tuple[str, ...], ...]:
    """Phrases of a config list as folded word sequences ("niet meer" -> ("niet", "meer")), empty ones dropped:
    the form every safety reading compares token runs with."""
    return tuple(tuple(fold(w) for w in str(p).split()) for p in raw or () if str(p).strip())


def has_phrase(words: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Does one of `phrases` (word sequences, as `phrase_seqs` makes them) stand in `words`, word for word?"""
    return any(tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1))


# Chat spelling, variants and frequent typos (ontology/spelling.yaml), mapped before lemmatising.
COLLOQUIAL: dict[str, str] = {}


def set_spelling(variants: dict[str, str]) -> None:
    """Use these spelling variants (folded variant -> word) from now on (once per process, from the ontology)."""
    new = {fold(k): fold(v) for k, v in variants.items()}
    if new != COLLOQUIAL:
        COLLOQUIAL.clear()
        COLLOQUIAL.update(new)
        norm_word.cache_clear()


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    """simplemma's default strategy on the front-coded stream of its dictionary (`low_memory`): the same data,
    so the same lemmas, looked up in a block of 32 records (~20 µs) instead of a dict. No cache of its own:
    `norm_word` caches."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(cache_max_size=0, lemmatization_strategy=DefaultStrategy(low_memory=True))


@lru_cache(maxsize=50_000)
def norm_word(word: str) -> str:
    w = fold(word)
    w = COLLOQUIAL.get(w, w)
    if not w.isalpha():
        return w
    return fold(_lemmatizer().lemmatize(w, "nl"))
