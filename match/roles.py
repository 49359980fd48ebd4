"""The asker's own role is no need: "Ik ben wijkverpleegkundige", "Als buurtsportcoach zie ik ...", "Vrijwilliger
bij het taalcafé hier:" name who writes, not what they ask (issue 12; ADR 0120).

The roles and frames are the professional askers of ontology/safety.yaml (`professional_askers`, ADR 0101): data,
shared with the consultation rule. A frame found at the start of a clause ("ik ben {role}", "als {role}") or
ending in "hier" / ":" ("{role} hier", "{role}:") marks the words of the role, with a short complement ("bij het
taalcafé", "in Dinxperlo"), as the asker's role: a theme found only inside it is dropped and its words leave the
text search, when the question names a need of its own outside the role; when the role is all it names
("Zorgcoördinator school: leerling is stil"), the role's words stay as the only context. The role may still set
the audience (match/safety_consult.py reads the same frames).

Not a role when the clause asks for it ("als vrijwilliger wil ik graag iets doen", "ik zoek werk als
thuishulp"): the words of `role-wish-words` in the same clause keep the need.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any

from match.words import word_set

_CLAUSE_STARTS = frozenset({".", "!", "?", ",", ";", ":", "\n", "-"})
_GREETINGS = word_set("role-greetings")  # "hallo, ik ben ...", "goedemiddag ik ben ..."
_COMPLEMENT = word_set("role-complement-starts")  # "bij", "in", "op", "van" ...
_STOPS = word_set("role-complement-stops")
_WISH = word_set("role-wish-words")
_TAILS = ("hier", ":")


@cache
def phrase_index(phrases: tuple[str, ...]) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Phrases found by their longest word (the ~1 200 frames cost a few set lookups per text). One index per
    phrase list in a process: the asker's role here and the professional voice in match/safety.py read the same
    list (ADR 0168: it was built three times, ~1.5 MB each). Read-only: nobody changes it."""
    by_word: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase in phrases:
        parts = tuple(sys.intern(w) for w in phrase.split())  # "ik", "ben": one string each
        if parts:
            k = max(range(len(parts)), key=lambda j: len(parts[j]) if parts[j] != "*" else -1)
            by_word.setdefault(parts[k], []).append((parts, k))
    return by_word


def _clause_start(words: list[str], i: int) -> int:
    j = i
    while j > 0 and words[j - 1] not in _CLAUSE_STARTS:
        j -= 1
    return j


def _clause_end(words: list[str], i: int) -> int:
    j = i
    while j < len(words) and words[j] not in _CLAUSE_STARTS and words[j] not in _STOPS:
        j += 1
    return j


def _complement(words: list[str], end: int) -> int:
    """ "wijkverpleegkundige | bij de thuiszorg in Aalten": up to four words after a preposition, to a stop."""
    j = end
    while j < len(words) and words[j] in _COMPLEMENT:
        k = j + 1
        while k < len(words) and k - j <= 4 and words[k] not in _CLAUSE_STARTS and words[k] not in _STOPS:
            k += 1
        j = k
    if j < len(words) and words[j] in _TAILS:
        j += 1
    if j < len(words) and words[j] == ":":
        j += 1
    return j


@cache
def _bare_roles(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """The roles themselves (the X of the frame "ik ben X"), by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        parts = tuple(phrase.split())
        if (
            parts[:2] == ("ik", "ben")
            and len(parts) > 2
            and "*" not in parts
            and parts[2] not in {"een", "de", "hier", "leiding", "werkzaam"}
        ):
            out.setdefault(parts[2], []).append(parts[2:])
    return out


def _opening_roles(words: list[str], phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """A role that opens a clause and ends in "hier" or ":" ("Vrijwilliger bij het taalcafé hier:",
    "Wijkverpleegkundige:")."""
    roles = _bare_roles(phrases)
    out = []
    for c, w in enumerate(words):
        if c and words[c - 1] not in _CLAUSE_STARTS:
            continue
        for role in roles.get(w, ()):
            if tuple(words[c : c + len(role)]) != role:
                continue
            end = _complement(words, c + len(role))
            if end > c + len(role) and words[end - 1] in _TAILS:
                out.append((c, end))
    return out


def role_spans(words: list[str], ontology: Any) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the asker's own role in the folded words of a text."""
    phrases = tuple(getattr(getattr(ontology, "safety", None), "professional_askers", ()) or ())
    if not phrases:
        return []
    by_word = phrase_index(phrases)
    not_any = frozenset(getattr(ontology.safety, "asker_any_word_not", ()) or ())
    out: list[tuple[int, int]] = []
    for i, w in enumerate(words):
        for parts, k in by_word.get(w, ()):
            start = i - k
            end = start + len(parts)
            if start < 0 or end > len(words):
                continue
            if not all(
                p == x or (p == "*" and x not in not_any)
                for p, x in zip(parts, words[start:end], strict=True)
            ):
                continue  # "*" is a word of a split compound ("voetbal trainer"), never "de" or "mijn"
            clause = _clause_start(words, start)
            if parts[-1] in _TAILS:  # "vrijwilliger bij het taalcafé hier", "jongerenwerker :"
                span = (clause, end)
            elif start == clause or all(x in _GREETINGS for x in words[clause:start]):
                span = (start, _complement(words, end))
            else:
                continue
            if _WISH.intersection(words[span[0] : _clause_end(words, span[1])]):
                continue  # "als vrijwilliger wil ik graag iets doen": the role is what they ask for
            out.append(span)
    out += _opening_roles(words, phrases)
    return sorted(set(out))


_SENDER_WORDS = word_set("sender-words")
_SENDER_THEMES = word_set("sender-themes")
_SENDER_REACH = 5  # "briefjes | mee van de | school": the thing sent within this many words before the sender


def _sent_by(doc: Any, words: list[str], hit: Any) -> bool:
    """The hit names who sent something ("briefjes mee van school"), not a need: right after "van"/"vanuit" (a
    "de"/"het" between), with a thing sent a few words before."""
    i = next((k for k, t in enumerate(doc) if t.idx >= hit.start), len(words))
    j = i - 1
    while j >= 0 and words[j] in {"de", "het"}:
        j -= 1
    if j < 0 or words[j] not in {"van", "vanuit", "vanaf"}:
        return False
    return bool(_SENDER_WORDS.intersection(words[max(0, j - _SENDER_REACH) : j]))


def senders(doc: Any, words: list[str], result: Any) -> None:
    """Drop the hits of `sender-themes` that only name who sent something ("ik kan de briefjes van school niet
    lezen": the reading is the need, not school; ADR 0128), when another need remains; their words leave the
    word search."""
    sent = [
        h for h in result.hits if h.theme_id in _SENDER_THEMES and not h.negated and _sent_by(doc, words, h)
    ]
    if not sent or not any(h not in sent and not h.negated for h in result.hits):
        return
    result.role_spans = sorted({*result.role_spans, *((h.start, h.end) for h in sent)})
    result.hits = [h for h in result.hits if h not in sent]


_CLASHES = word_set("query-stem-clashes")
_CLASH_KEPT = word_set("query-stem-clashes-kept-after")


def apply(doc: Any, words: list[str], result: Any, ontology: Any) -> None:
    """Mark the asker's role and the stemmer's false friends in `result` (character offsets) and drop the themes
    found only inside the role ("wijkverpleegkundige" is no question about health care)."""
    tokens = role_spans(words, ontology)
    spans = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) for a, b in tokens if b > a]
    result.stem_clashes = [  # "mijn ouders", "de ouders", not "als ouder" / "andere ouders" (the asker is one)
        (t.idx, t.idx + len(t.text))
        for i, (t, w) in enumerate(zip(doc, words, strict=False))
        if w in _CLASHES and not (i and words[i - 1] in _CLASH_KEPT)
    ]
    senders(doc, words, result)  # "de briefjes van school": the school sent them (ADR 0128)
    inside = [h for h in result.hits if any(a <= h.start and h.end <= b for a, b in spans)]
    if not any(h not in inside and not h.negated for h in result.hits):
        # the role is all the question names ("zorgcoördinator school: leerling is stil"): its themes stay as the
        # context; but when a story is told around it ("ik ben buurtcoach. een bewoner van 60 ..."), the role's
        # words leave the word search: the service named like the sender is no answer (ADR 0128)
        if bool(tokens) and _words_outside(words, tokens) >= _STORY_WORDS:
            result.role_spans = sorted({*result.role_spans, *spans})
        return
    # the role's words leave the word search with the themes found only inside it ("wijkverpleegkundige",
    # "taalcafé"), when the question names a need of its own
    result.role_spans = sorted({*result.role_spans, *spans})
    result.hits = [h for h in result.hits if h not in inside]


_STORY_WORDS = 4  # words outside the role that tell a story of their own


def _words_outside(words: list[str], spans: list[tuple[int, int]]) -> int:
    """How many words (not punctuation) of the text stand outside the role spans."""
    return sum(
        1
        for i, w in enumerate(words)
        if w not in _CLAUSE_STARTS and w.isalnum() and not any(a <= i < b for a, b in spans)
    )
