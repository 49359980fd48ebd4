"""Ages in a hulpvraag, and whose need each one is (issue 12 item 1, ADR 0110).

Ages come from numbers ("dochter van 15", "Moeder (34)", "kinderen van 6 en 8", "ik ben 15 jaar"), from the life
stages and school years of ontology/levensfasen.yaml ("leerling groep 6", "brugklas", "met pensioen"), from the
typical ages of words.yaml `relative_ages` ("onze baby") and from "18-/18+" (match/age_reading.py). `Ages` is the list
of those years, as before, plus the people named in the question and, per need, the people in need: the ages of
children belong to the children's needs (school, opvoeding), a parent's own age to the parent's needs (money,
work, housing, own health). An adult named without an age is an adult: services for adults stay a fit for an
adult's need, whatever the ages of the children ("moeder met schulden, kinderen van 6 en 8").

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from match import age_reading
from match import asker_age as asker_forms
from match import words as word_lists
from match.age_reading import asker_form as _asker_form
from match.age_reading import levensfasen as _data
from match.groups import cued_groups
from match.parentage import new_parent, parent_range, with_newborn
from match.stated_age import stage_band, stated_own_age
from match.words import doelgroep_cues, fold, relation_ages, word_set

SENTENCE_END = re.compile(r"[.!?;\n]")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
NEAR_CHARS = 14  # "Moeder (34)", "vrouw van 20 jaar": the noun the age that follows it belongs to

RELATIONS = relation_ages()
PARENT_WORDS = word_set("parent-words")
DOELGROEP_CUES = doelgroep_cues()
CHILD_NOUNS = word_set("child-nouns")
# "ik", "wij", and "me"/"mij" ("een vriend die me slaat"): the asker, in need (not "ons": "ons kind")
ASKER = word_set("subject-pronouns") | (word_set("object-pronouns") - {"ons"})
POSSESSIVES = word_set("possessives")
YOUTH_CUES = word_set("youth-cues")
WORRY = word_set("worry-words")
WORDS_OF_OTHERS = word_set(
    "adult-nouns"
)  # "vriend", "broer": someone of an age not known  # "ik maak me zorgen": the asker worries about someone, the need is theirs
ADULT = (18, None)


@dataclass(frozen=True)
class LifeStage:
    id: str
    phrases: tuple[str, ...]
    min_age: int
    max_age: int | None  # inclusive; None: no upper bound
    typical_age: int


@lru_cache(maxsize=1)
def life_stages() -> tuple[LifeStage, ...]:
    """The life stages and school years of ontology/levensfasen.yaml."""
    return tuple(
        LifeStage(
            id=str(r["id"]),
            phrases=tuple(" ".join(fold(str(p)).split()) for p in r.get("phrases") or ()),
            min_age=int(r["min_age"]),
            max_age=None if r.get("max_age") is None else int(r["max_age"]),
            typical_age=int(r["typical_age"]),
        )
        for r in _data().get("levensfasen") or ()
    )


@lru_cache(maxsize=1)
def _stage_index() -> tuple[re.Pattern[str], dict[str, LifeStage]]:
    """One pattern for every phrase (the longest first: "groep 1/2" before "groep 1"), on the folded text."""
    by_phrase = {p: s for s in life_stages() for p in s.phrases}
    parts = [
        r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split())
        for p in sorted(by_phrase, key=len, reverse=True)
    ]
    pattern = re.compile(r"(?<![\w'’/-])(?:" + "|".join(parts) + r")(?![\w'’/-])")
    return pattern, {p.replace("’", "'"): s for p, s in by_phrase.items()}


@lru_cache(maxsize=1)
def _adult_words() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in _data().get("adult_words") or ())


def need_roots() -> tuple[frozenset[str], frozenset[str]]:
    """(child_need_roots, by_person) of levensfasen.yaml: whose need a need is when children are named."""
    data = _data()
    return frozenset(data.get("child_need_roots") or ()), frozenset(data.get("by_person") or ())


def asker_needs() -> frozenset[str]:
    """Needs that are the asker's own when the asker speaks: the one who grieves, the carer (levensfasen.yaml)."""
    return frozenset(_data().get("asker_needs") or ())


_CHILD_NEEDS: dict[int, tuple[Any, frozenset[str]]] = {}


def child_needs(themes: dict[str, Any]) -> frozenset[str]:
    """The theme ids that are the children's needs when a child is named: `child_need_roots` and every theme
    below one, except `by_person`. Once per ontology (the themes object is held, so its id is not reused)."""
    known = _CHILD_NEEDS.get(id(themes))
    if known is not None and known[0] is themes:
        return known[1]
    found = _child_needs(themes)
    if len(_CHILD_NEEDS) > 4:
        _CHILD_NEEDS.clear()
    _CHILD_NEEDS[id(themes)] = (themes, found)
    return found


def _child_needs(themes: dict[str, Any]) -> frozenset[str]:
    roots, by_person = need_roots()
    out: set[str] = set()
    for tid in themes:
        todo, seen = [tid], set()
        while todo:
            cur = todo.pop()
            if cur in roots:
                out.add(tid)
                break
            seen.add(cur)
            todo += [p for p in getattr(themes.get(cur), "parents", ()) or () if p not in seen]
    return frozenset(out - by_person)


@dataclass(frozen=True)
class Person:
    """Someone named in a question, with the ages they can be (inclusive; `typical` when one is known)."""

    start: int  # character offset of the mention
    lo: int
    hi: int | None
    typical: int | None
    group: int  # the mentions of one list ("kinderen van 6 en 8") share a group
    asker: bool = False

    @property
    def child(self) -> bool:
        return self.hi is not None and self.hi < 18

    def fit(self, ranges: Iterable[tuple[int, int | None]]) -> bool | None:
        """True: this person is one the service is for; False: the service excludes them; None: it may be."""
        overlap = False
        for lo, hi in ranges:
            inside = lo <= self.lo and (hi is None or (self.hi is not None and self.hi <= hi))
            if inside or (
                self.typical is not None and lo <= self.typical and (hi is None or self.typical <= hi)
            ):
                return True
            overlap = overlap or (
                lo <= (200 if self.hi is None else self.hi) and (hi is None or hi >= self.lo)
            )
        return None if overlap else False


def people_fit(people: Iterable[Person], ranges: Iterable[tuple[int, int | None]]) -> bool | None:
    """True when the service is for one of the people in need, False when it excludes every one of them."""
    ranges = tuple(ranges)
    fits = [p.fit(ranges) for p in people]
    if any(f is True for f in fits):
        return True
    return None if any(f is None for f in fits) or not fits else False


class Ages(list):  # type: ignore[type-arg]  # a list of years, as Analysis.ages always was
    """The ages in a question and whose they are: `persons` (everyone named, with or without an age) and, per
    need, `by_need` (the people in need of it)."""

    def __init__(self, years: Iterable[int] = ()) -> None:
        super().__init__(years)
        self.persons: tuple[Person, ...] = ()
        self.by_need: dict[str, tuple[Person, ...]] = {}
        self.child_needs: frozenset[str] = frozenset()
        self.guessed = False  # a young writer's age guessed from words (ADR 0131): no growing-up need

    def others_needs(self) -> frozenset[str]:
        """Needs of someone else, when the asker names needs of their own: "ik zorg voor mijn man met alzheimer en
        ik ben op" is the carer's question, the dementia is the husband's (match/lighter.py)."""
        own = {t for t, people in self.by_need.items() if any(p.asker for p in people)}
        if not own:
            return frozenset()
        return frozenset(t for t, people in self.by_need.items() if t not in own and people)

    def for_needs(self, needs: Iterable[str], central: Iterable[str] = ()) -> tuple[Person, ...] | None:
        """The people in need of these needs (a service's matched needs); for a service found on words alone the
        people in need of any need (else everyone whose age is known); None when no age belongs to anyone (then
        the list of years decides). With `central` (the needs the service exists for): when the matched needs it
        exists for are children's, those children decide, not a child whose need it merely touches: a basisschool
        that touches "opvoeding" is no fit for the truancy of a 13-year-old because his younger siblings are of
        its age (tester7 p01, ADR 0125). A central need of an adult keeps them all (a family buddy for a tired
        parent is for the children's ages)."""
        if not any(p.typical is not None for p in self.persons):
            return None
        needs = tuple(needs)
        own = frozenset(central)
        if needs and own and set(needs) - own:
            people = self._people(tuple(t for t in needs if t in own))
            if people and all(p.child for p in people):
                return people
        if (
            not needs
        ):  # found on words alone: the people in need of anything, else everyone whose age is known
            known = [p for group in self.by_need.values() for p in group]
            return tuple(dict.fromkeys(known)) or tuple(p for p in self.persons if p.typical is not None)
        return self._people(needs) or self.persons

    def _people(self, needs: tuple[str, ...]) -> tuple[Person, ...]:
        """The people in need of `needs`: the ones the text places, else (a child's need) the children."""
        children = tuple(p for p in self.persons if p.child)
        # a child's need the text does not place ("opvoeden" added to "de oudste spijbelt") is about the children
        # the placed needs are about, when those are children (ADR 0120)
        placed = tuple(dict.fromkeys(p for g in self.by_need.values() for p in g if p.child))
        out: list[Person] = []
        for tid in needs:
            if tid in self.by_need:
                out += self.by_need[tid]
            elif tid in self.child_needs and children:
                out += placed or children
            else:
                out += self.persons
        return tuple(dict.fromkeys(out))


def minors_in_need(ages: list[int], needs: Iterable[str] | None = None) -> bool:
    """A minor is in need: the asker is under 18 ("ik ben 13, mijn ouders gaan scheiden"), or the people in need
    of one of `needs` (default: of any need) are under 18 ("mijn dochter van 12 is somber"); not when only an
    adult needs it ("moeder kan niet lezen, kinderen van 6 en 8": the reading is hers). Without people in need,
    every age in the question under 18."""
    persons = getattr(ages, "persons", ())
    by_need = getattr(ages, "by_need", {})
    if any(p.asker and p.child for p in persons):
        return True
    groups = [by_need[t] for t in (by_need if needs is None else needs) if t in by_need]
    if not groups:
        return bool(ages) and max(ages) < 18
    return any(any(p.child for p in g) and not any(p.lo >= 18 for p in g) for g in groups)


def _numbers(text: str) -> list[tuple[int, int, int, bool]]:
    """(offset, age, group, asker) for every age written as a number or a number word (match/age_reading.py)."""
    return [(m.start, int(m.lo), m.group, m.asker) for m in age_reading.in_text(text)]


def _stages(text: str) -> list[tuple[int, int, LifeStage, bool]]:
    """(start, end, stage, asker) for every life stage or school year named."""
    pattern, by_phrase = _stage_index()
    folded = fold(text)
    if len(folded) != len(
        text
    ):  # a letter that folds to two: offsets of the original text are lost, keep none
        folded = text.lower()
    out = []
    for m in pattern.finditer(folded):
        key = " ".join(m.group(0).replace("’", "'").split())
        stage = by_phrase.get(key)
        if stage is not None:
            own = key.split()[0] in {"mijn", "m'n"}  # "mijn mbo opleiding": the asker's own school
            out.append((m.start(), m.end(), stage, own or _asker_form(text, m.start(), key)))
    return out


def _grades(text: str, stages: list[tuple[int, int, LifeStage, bool]]) -> list[tuple[int, int, bool]]:
    """(offset, age, asker) of the school years of words.yaml `school_grades` ("3e klas" 14, "groep 7" 10)
    that no life stage of levensfasen.yaml read already ("groep 6", "klas 2 van het vmbo")."""
    out = []
    for pattern, first, last, age_of_first in word_lists.grade_patterns():
        for m in pattern.finditer(text):
            year = int(m.group(1) or m.group(2))
            if first <= year <= last and not any(a <= m.start() < b for a, b, _, _ in stages):
                out.append((m.start(), age_of_first + year - first, _asker_form(text, m.start(), "")))
    return out


def read(doc: Any, text: str, hits: list[Any], ontology: Any) -> tuple[Ages, list[str]]:
    """The ages of a question (and whose they are) and the doelgroepen they and its words name."""
    numbers = with_newborn(text, _numbers(text))  # a new parent's unnamed baby (ADR 0147)
    stages = _stages(text)
    grades = _grades(text, stages)
    ages = Ages(age for _, age, _, _ in numbers)
    stated = stated_own_age(numbers)  # "ik ben 17 … mijn mbo-opleiding": 17, not the mbo's band
    ages += [stage_band(s, own, stated)[2] for _, _, s, own in stages] + [age for _, age, _ in grades]
    ages += age_reading.transition_ages(text)  # "18-/18+" is no age: the years 16-23
    relative = [  # "onze peuter", "een tiener": the typical age of an age word (match/age_reading.py)
        (m.start, int(m.lo))
        for m in age_reading.word_ages((t.idx, t.norm_) for t in doc)
        if not any(a <= m.start < b for a, b, _, _ in stages)
    ]
    ages += [age for _, age in relative]
    people = [Person(o, a, a, a, g, asker) for o, a, g, asker in numbers]
    people += [
        Person(a, *stage_band(s, asker, stated), 2000 + i, asker) for i, (a, _, s, asker) in enumerate(stages)
    ]
    people += [Person(o, a, a, a, 3000 + i) for i, (o, a) in enumerate(relative)]
    people += [Person(o, a, a, a, 5000 + i, asker) for i, (o, a, asker) in enumerate(grades)]
    people += _named_without_age(text, people)
    people = _young_writer(doc, people, ages, ontology)
    asker_forms.without_a_child(hits, people)  # "ik ben 45, mijn ouders maken ruzie" (ADR 0128)
    asker_forms.as_the_child(hits, people)  # "mijn ouders zeggen dat ik …": growing up, not parenting (0131)
    if people:
        ages.persons = tuple(sorted(people, key=lambda p: p.start))
        ages.child_needs = child_needs(ontology.themes)
        ages.by_need = assign(ages.persons, hits, text, ages.child_needs)
    return ages, _groups(doc, ages, ontology)


def _young_writer(doc: Any, people: list[Person], ages: Ages, ontology: Any) -> list[Person]:
    """A writer whose words are a child's and who gives no age ("mijn papa en mama maken heel veel ruzie") is
    taken to be of the young writer's ages (levensfasen.yaml `young_writer`), so youth help fits and services for
    adults do not; not when any age is read (ADR 0128)."""
    if ages or any(p.typical is not None for p in people):
        return people  # an age is read: the asker's, or the one the question is about ("leerling groep 6")
    young = asker_forms.young_writer([fold(t.text) for t in doc], getattr(ontology, "source_dir", None))
    if young is None:
        return people
    lo, hi, typical, ages.guessed = young
    people = [dataclasses.replace(p, lo=lo, hi=hi, typical=typical) if p.asker else p for p in people]
    if not any(p.asker for p in people):
        people.append(Person(0, lo, hi, typical, 6000, True))
    ages.append(typical)
    return people


def _named_without_age(text: str, aged: list[Person]) -> list[Person]:
    """The asker ("ik") and the people named without an age ("moeder", "mijn zoon"): an adult noun is an adult
    (18+), a relation its range (words.yaml `relations`), the asker an adult unless they may be young."""
    words = [(m.start(), m.end(), fold(m.group(0))) for m in WORD.finditer(text)]
    folded = [w for _, _, w in words]
    asker_age = next((p for p in aged if p.asker), None)
    parent = any(w in CHILD_NOUNS and i and folded[i - 1] in POSSESSIVES for i, w in enumerate(folded))
    young = bool(YOUTH_CUES.intersection(folded)) and not parent and not new_parent(folded)  # "ben net mama"
    back = frozenset(_data().get("refers_back") or ())
    quotes = asker_forms.quoted(text)  # the words someone else is quoted saying (ADR 0128)
    out: list[Person] = []
    for i, (start, end, w) in enumerate(words):
        if any(p.start == start or end <= p.start <= end + NEAR_CHARS for p in aged):
            continue  # "Moeder (34)", "kinderen van 6 en 8", "onze peuter": a person whose age is read
        group = 4000 + i
        if w in back:  # "hij", "ze": the last person named before, not the asker
            named = [p for p in (*aged, *out) if p.start < start and not p.asker]
            if named:
                last = max(named, key=lambda p: p.start)
                out.append(Person(start, last.lo, last.hi, last.typical, last.group))
            continue
        quote = next((a for a, b in quotes if a <= start < b), None)
        if w in ASKER and quote is not None:  # "mijn dochter (6) roept 'ik ga dood als ...'": the daughter
            named = [p for p in (*aged, *out) if p.start < quote and not p.asker]
            if named:
                last = max(named, key=lambda p: p.start)
                out.append(Person(start, last.lo, last.hi, last.typical, last.group))
            continue
        if w in ASKER and _worries(folded[i + 1 : i + 5]):
            continue  # "ik maak me zorgen over ...": the asker is not the one in need
        if w in ASKER:
            if asker_age is not None:
                out.append(
                    Person(start, asker_age.lo, asker_age.hi, asker_age.typical, asker_age.group, True)
                )
            else:
                kids = (p.typical for p in aged if p.child and p.typical is not None and not p.asker)
                span = (0, None) if young else parent_range(folded, parent, kids)  # ADR 0141
                out.append(Person(start, *span, None, group, True))
        elif w in RELATIONS and (RELATIONS[w][2] or (i and folded[i - 1] in POSSESSIVES)):
            lo, hi, _ = RELATIONS[w]
            out.append(Person(start, lo, hi, None, group))
        elif w in _adult_words():
            out.append(Person(start, *ADULT, None, group))
        elif w in CHILD_NOUNS or w in WORDS_OF_OTHERS:
            out.append(Person(start, 0, None, None, group))
    return out


def _worries(after: list[str]) -> bool:
    """ "ik maak me zorgen over ...", not "ik zorg (nu) voor hem": caring is the carer's own need (ADR 0120)."""
    return any(w in WORRY and "voor" not in after[j + 1 : j + 3] for j, w in enumerate(after))


def assign(
    persons: tuple[Person, ...], hits: list[Any], text: str, kids: frozenset[str]
) -> dict[str, tuple[Person, ...]]:
    """Theme id -> the people in need of it: a young asker for every need (they are the one who asks for help,
    whoever's problem it is), the asker for their own grief or care; the children for a child's need when a child
    is named; else the person the sentence is about (named nearest before the need, else after it, else earlier in the text)."""
    children = tuple(p for p in persons if p.child)
    askers = tuple(p for p in persons if p.asker)
    own = asker_needs()
    young_asker = any(
        p.child for p in askers
    )  # "ik ben 14 en mijn vader is werkloos": help for the 14-year-old
    ends = [m.start() for m in SENTENCE_END.finditer(text)]
    out: dict[str, tuple[Person, ...]] = {}
    for hit in hits:
        if hit.negated:
            continue
        which = _one_of_the_children(persons, hit.start, ends, text)
        if askers and (young_asker or hit.theme_id in own):
            chosen = askers
        elif which:  # "drie kinderen (4, 9 en 13), de oudste spijbelt": the 13-year-old (ADR 0120)
            chosen = which
        elif hit.theme_id in kids and children:
            chosen = children
        else:
            chosen = _subject(persons, hit.start, hit.end, ends, text)
        if chosen:
            out[hit.theme_id] = tuple(dict.fromkeys(out.get(hit.theme_id, ()) + chosen))
    return out


ORDINALS = {
    **{w: "max" for w in word_set("sibling-eldest")},
    **{w: "min" for w in word_set("sibling-youngest")},
    **{w: "mid" for w in word_set("sibling-middle")},
}


def _one_of_the_children(
    persons: tuple[Person, ...], start: int, ends: list[int], text: str
) -> tuple[Person, ...]:
    """The one child a need is about when several are named with their ages: "de oudste" / "de jongste" / "de
    middelste" in the need's sentence before it, or one aged child named in the need's clause right before it
    ("kinderen van 4, 9 en 13; mijn zoon van 13 spijbelt"). Empty when it cannot be told."""
    aged = sorted((p for p in persons if p.child and p.typical is not None), key=lambda p: p.typical or 0)
    if len({p.typical for p in aged}) < 2:
        return ()
    s_lo = max((e for e in ends if e < start), default=-1)
    before = text[s_lo + 1 : start]
    words = [fold(m.group(0)) for m in WORD.finditer(before)]
    kinds = [ORDINALS[w] for w in words if w in ORDINALS]
    if kinds:
        kind = kinds[-1]
        if kind == "mid" and len(aged) < 3:
            return ()
        pick = {"max": aged[-1], "min": aged[0], "mid": aged[len(aged) // 2]}[kind]
        return (pick,)
    comma = max(before.rfind(","), before.rfind(":"), before.rfind("("))
    clause_lo = s_lo + 1 + comma + 1 if comma >= 0 else s_lo + 1
    alone = [p for p in aged if clause_lo <= p.start < start and sum(q.group == p.group for q in aged) == 1]
    return (alone[-1],) if alone else ()


def _subject(
    persons: tuple[Person, ...], start: int, end: int, ends: list[int], text: str
) -> tuple[Person, ...]:
    """The person a need in [start, end) is about, with the others of their list ("kinderen van 6 en 8"): someone
    named before it in its clause; else an adult of its sentence (when in doubt, an adult's need
    is the adult's: "grootmoeder (72) zorgt voor kleinkinderen van 5 en 8, geldproblemen"); else a child of its
    clause, then of its sentence; else the person named last before it."""
    commas = [i for i, c in enumerate(text) if c == ","]
    s_lo = max((e for e in ends if e < start), default=-1)
    s_hi = min((e for e in ends if e >= end), default=len(text))
    c_lo = max((e for e in commas if s_lo < e < start), default=s_lo)
    c_hi = min((e for e in commas if end <= e < s_hi), default=s_hi)
    sentence = [p for p in persons if s_lo < p.start < s_hi and not start <= p.start < end]
    for pool in (
        [p for p in sentence if c_lo < p.start < start],
        [p for p in sentence if not p.child],
        [p for p in sentence if c_lo < p.start < c_hi],
        sentence,
    ):
        before = [p for p in pool if p.start < start]
        after = [p for p in pool if p.start >= end]
        if before or after:
            pick = max(before, key=lambda p: p.start) if before else min(after, key=lambda p: p.start)
            return tuple(p for p in persons if p.group == pick.group)
    earlier = [p for p in persons if p.start < start]
    if not earlier:
        return ()
    pick = max(earlier, key=lambda p: p.start)
    return tuple(p for p in persons if p.group == pick.group)


def _groups(doc: Any, ages: list[int], onto: Any) -> list[str]:
    """The doelgroepen of the ages (a band holds the age) and of the words ("mijn zoon": ouders)."""
    groups: list[str] = []
    for age in ages:
        for g in onto.doelgroepen.values():
            lo, hi = getattr(g, "min_age", None), getattr(g, "max_age", None)
            if lo is not None and age >= lo and (hi is None or age < hi or (hi == lo or age <= hi)):
                groups.append(g.id)
    lowered = {t.norm_ for t in doc}
    if lowered & PARENT_WORDS and ("mijn" in lowered or "ons" in lowered or "onze" in lowered):
        groups.append("ouders")
    text_norm = " ".join(t.norm_ for t in doc)
    # words.yaml doelgroep_cues (match/groups.py), on the norms and on the words as written ("overwegen")
    groups += cued_groups(text_norm + "\n" + fold(doc.text.lower()), DOELGROEP_CUES)
    return [g for g in dict.fromkeys(groups) if g in onto.doelgroepen]
