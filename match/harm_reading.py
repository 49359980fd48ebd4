"""Who does what to whom: the agent of a harm verb, its kind, and strong words meant figuratively (safety.yaml
`phrase_guards.harm_reading`, ADR 0142).

Why: danger at home was raised by strong words without asking who does it. "Ons dochtertje van twee mept mij",
"mijn zoon (2) slaat mij", "die brieven van de Belastingdienst maken me helemaal kapot", "mijn puber maakt me gek"
and "mijn schoonmoeder komt elke dag langs, ik word gek" put Veilig Thuis first (tester14 class A). The phrase
rules of ADR 0139 looked one to three words before the verb, so "die brieven van de Belastingdienst over de
toeslagen maken" or "sinds gisteren slaat mijn zoon mij" slipped past them. This reads the word order the way a
reader does, on the blank pipeline (no parser is needed):

- the agent of a harm verb is the first noun phrase of its clause (a main clause "mijn zoon (2) slaat mij", a
  subordinate one "dat mijn dochtertje mij slaat"); with none before the verb, the subject right after it (an
  inversion: "sinds gisteren slaat mijn zoon mij", "als ik nee zeg, mept ons dochtertje mij"); after a participle,
  the "door"-phrase ("ik word geslagen door ...");
- its kind: a young child (a word for one, or an age under 6 in any form: "(2)", "van twee", "2 jaar"), a thing or
  a situation (letters, exams, noise, a game; a neuter noun that is no person), or a person. A pronoun is the person
  it refers back to ("mijn zoontje is 2, als hij boos is slaat hij mij") only when the writer is the one hit;
- a figurative idiom ("maakt me gek", "ik word gek", "maakt me kapot", "sloopt me", "ik vermoord hem nog eens")
  is no act of harm: the danger rules do not read its words, unless a threat is told (`keep`).

A young child or a thing as the agent is no perpetrator: its danger hit drops and the word model is not asked about
danger at home. An adult, a pronoun no young child explains, or an agent that cannot be read stays a perpetrator.
Everything is data (ids in safety.yaml); this module knows no word.

Privacy: the words are read in memory only; nothing here keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.age_reading import TokenAges, ToldAge
from match.clauses import SENTENCE_END_TOKENS as _SENTENCE_END
from match.clauses import token_run
from match.words import fold
from match.words import folded_set as _set

YOUNG, PERSON, THING, UNKNOWN = "jong-kind", "persoon", "ding", "onbekend"
NO_PERPETRATOR = frozenset({YOUNG, THING})


@dataclass(frozen=True)
class _Kind:
    id: str
    words: frozenset[str]
    endings: tuple[str, ...]
    gender: dict[str, str]


@dataclass(frozen=True)
class _Idiom:
    id: str
    seq: tuple[frozenset[str], ...]
    ends_with: frozenset[str]
    gap: int


@dataclass(frozen=True)
class Phrase:
    """A noun phrase: its words [start, end), its head word and the age told with it."""

    start: int
    end: int
    head: str
    age: float | None = None


class HarmReading:
    """The reading compiled once from safety.yaml; every method is pure."""

    def __init__(self, cfg: dict[str, Any] | None) -> None:
        cfg = cfg or {}
        self.themes = _set(cfg.get("themes"))
        self.verbs = _set(cfg.get("harm_verbs"))
        self.aux = _set(cfg.get("passive_auxiliaries"))
        self.subordinators = _set(cfg.get("subordinators"))
        self.ends = frozenset(str(w) for w in cfg.get("clause_ends") or ())
        self.dets = _set(cfg.get("determiners"))
        self.neuter = _set(cfg.get("neuter"))
        self.preps = _set(cfg.get("prepositions"))
        self.objects = _set(cfg.get("object_pronouns"))
        self.writer = _set(cfg.get("writer_objects"))
        self.subjects = _set(cfg.get("subject_pronouns"))
        self.relatives = _set(cfg.get("relative_pronouns"))  # "een dochter van 4 die mij slaat"
        self.time_words = _set(cfg.get("time_words"))  # "sinds een paar weken slaat …": no subject
        self.pronoun_gender = {fold(k): _set(v) for k, v in (cfg.get("pronoun_gender") or {}).items()}
        kinds = {str(k.get("id")): k for k in cfg.get("agent_kinds") or () if k}
        self.kinds = {
            kid: _Kind(
                kid,
                _set(k.get("words")),
                tuple(fold(str(e)) for e in k.get("endings") or ()),
                {fold(str(w)): str(g) for w, g in (k.get("gender") or {}).items()},
            )
            for kid, k in kinds.items()
        }
        young = kinds.get(YOUNG) or {}
        self.under = int(young.get("under", 0))
        self.numbers = {fold(str(w)): float(n) for w, n in (young.get("number_words") or {}).items()}
        self.months = _set(young.get("months"))
        self.units = _set(young.get("age_units")) | self.months
        self.durations = _set(young.get("durations"))  # "(4 jaar samen)": a time together, no age
        self.never_young = _set(young.get("never_young"))  # a partner is never a young child
        self.age_words = TokenAges.for_agents(young)  # the one age reader (match/age_reading.py, ADR 0153)
        self.idioms = [
            _Idiom(
                str(i.get("id")),
                tuple(_set(g) for g in i.get("seq") or ()),
                _set(i.get("ends_with")),
                int(i.get("gap", 0)),
            )
            for i in cfg.get("figurative") or ()
            if i and i.get("seq")
        ]
        self.keep = _set(cfg.get("keep"))
        self.told_age = ToldAge.from_config(cfg.get("told_age"))  # "…, hij is 3" (ADR 0148)
        self.young_need = str(cfg.get("young_need") or "")
        # the writer's anger idiom about a child names the everyday need of upbringing (ADR 0158)
        anger = cfg.get("anger_need") or {}
        self.anger_idioms = frozenset(str(i) for i in anger.get("idioms") or ())
        self.anger_children = _set(anger.get("children"))
        self.anger_not_for = _set(anger.get("not_for"))  # the idiom's object is a partner: no upbringing
        self.anger_need = str(anger.get("need") or "")
        against = cfg.get("child_against_parent") or {}
        self.against_themes = _set(against.get("themes"))
        self.against_twin = fold(str(against.get("twin") or ""))
        self.against_agents = _set(against.get("agents"))
        fear = cfg.get("adult_fear") or {}
        self.fear_themes = _set(fear.get("themes"))
        self.fear_twin = fold(str(fear.get("twin") or ""))
        self.fear_adults = _set(fear.get("adults"))
        self.fear_children = _set(fear.get("children"))

    # -- figurative idioms -------------------------------------------------------------------------------

    def figurative(self, words: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, idiom id) of every figurative idiom in the text that no threat makes literal."""
        out = []
        for idiom in self.idioms:
            for i, w in enumerate(words):
                if w not in idiom.seq[0]:
                    continue
                end = self._idiom_end(words, idiom, i)
                if end is not None and not self._literal(words, i, end):
                    out.append((i, end, idiom.id))
        return out

    def masked(self, words: list[str]) -> frozenset[int]:
        """The positions of the figurative idioms' words: the danger rules do not read them."""
        return frozenset(j for s, e, _ in self.figurative(words) for j in range(s, e))

    def _idiom_end(self, words: list[str], idiom: _Idiom, i: int) -> int | None:
        at = i
        for group in idiom.seq[1:]:
            nxt = next(
                (j for j in range(at + 1, min(len(words), at + 2 + idiom.gap)) if words[j] in group), None
            )
            if nxt is None or any(words[k] in _SENTENCE_END for k in range(at + 1, nxt)):
                return None
            at = nxt
        if not idiom.ends_with:
            return at + 1
        for j in range(at + 1, min(len(words), at + 2 + idiom.gap)):
            if words[j] in _SENTENCE_END:
                return None
            if words[j] in idiom.ends_with:
                return j + 1
        return None

    def _literal(self, words: list[str], start: int, end: int) -> bool:
        """A threat told in the idiom's sentence by a person ("hij heeft gedreigd dat hij me kapot maakt")."""
        lo, hi = _sentence(words, start, end)
        if not self.keep.intersection(words[lo:hi]):
            return False
        return self.agent_kind(words, start) not in NO_PERPETRATOR

    # -- the agent of a harm verb ----------------------------------------------------------------------------

    def harm_verbs(self, words: list[str], lo: int = 0, hi: int | None = None) -> list[int]:
        """The positions of harm verbs in [lo, hi) that are not part of a figurative idiom."""
        hi = len(words) if hi is None else hi
        masked = self.masked(words)
        return [i for i in range(lo, hi) if words[i] in self.verbs and i not in masked]

    def agent_kind(self, words: list[str], v: int) -> str:
        """The kind of the agent of the verb at `v`: jong-kind, ding, persoon or onbekend."""
        phrase = self.agent(words, v)
        if phrase is None:
            return UNKNOWN
        kind = self._kind(words, phrase)
        if kind != "pronoun":
            return kind
        return self._antecedent(words, phrase, v)

    def agent(self, words: list[str], v: int) -> Phrase | None:
        """The agent of the verb at `v`: a "door"-phrase of a passive, the first noun phrase of the clause, or the
        subject right after the verb (an inversion)."""
        lo, hi = self._clause(words, v)
        if self.aux.intersection(words[lo:v]) and words[v].startswith("ge"):
            # a passive: its subject is the one hit, the agent is a "door"-phrase or not told
            door = next((j for j in range(lo, hi) if words[j] == "door"), None)
            return self._phrase(words, door + 1, hi) if door is not None else None
        i = lo
        while i < v:
            w = words[i]
            if w in self.preps:  # a prepositional phrase ("na het eten") holds no subject
                found = self._phrase(words, i + 1, v)
                i = found.end if found is not None else i + 1
                continue
            if w in self.objects and w not in self.subjects and not self._det_before_noun(words, i, v):
                i += 1
                continue
            found = self._phrase(words, i, v)
            if found is not None:
                return self._inverted(words, v, hi, found)
            i += 1
        after = self._phrase(words, v + 1, hi)
        if after is not None and after.start == v + 1:
            return after
        if (
            lo > 1 and words[lo - 1] in self.relatives
        ):  # "een dochter van 4 die mij slaat": the noun before "die"
            return self._noun_before(words, lo - 1)
        return None

    def _inverted(self, words: list[str], v: int, hi: int, before: Phrase) -> Phrase:
        """A thing or an unread phrase before the verb and a person or a pronoun right after it: the verb comes
        second after a clause or an adverbial, its subject follows ("als het eten koud is slaat mijn man mij")."""
        if self._kind(words, before) not in (THING, UNKNOWN):
            return before
        after = self._phrase(words, v + 1, hi)
        if (
            after is not None
            and after.start == v + 1
            and self._kind(words, after) in (PERSON, YOUNG, "pronoun")
        ):
            return after
        return before

    def _noun_before(self, words: list[str], at: int) -> Phrase | None:
        """The noun phrase that ends right before `at` (a relative pronoun): its head and the age after it."""
        for j in range(at - 1, max(-1, at - 6), -1):
            if words[j] in self.ends:
                return None
            if self._nounish(words[j]):
                age, end = self._age_after(words, j + 1, at)
                return Phrase(j, end, words[j], age)
        return None

    def _clause(self, words: list[str], v: int) -> tuple[int, int]:
        lo = v
        while lo > 0:
            w = words[lo - 1]
            if w in ("en", "of") and lo < len(words) and words[lo] in self.verbs:
                lo -= 1  # "slaat en schopt mij": one subject for both
                continue
            if w in self.ends or w in self.subordinators:
                break
            lo -= 1
        hi = v + 1
        while hi < len(words):
            if words[hi] in ("en", "of") and hi + 1 < len(words) and words[hi + 1] in self.verbs:
                hi += 2  # "geschopt en gebeten door mijn peuter": the door-phrase of both
                continue
            if words[hi] in self.ends or words[hi] in self.subordinators:
                break
            hi += 1
        return lo, hi

    def _det_before_noun(self, words: list[str], i: int, stop: int) -> bool:
        """ "haar" before a noun is a determiner ("haar vriend"), alone an object ("als hij haar slaat")."""
        return words[i] in self.dets and i + 1 < stop and self._nounish(words[i + 1])

    def _nounish(self, w: str) -> bool:
        return any(w in k.words or w.endswith(k.endings) for k in self.kinds.values() if k.endings) or any(
            w in k.words for k in self.kinds.values()
        )

    def _phrase(self, words: list[str], i: int, stop: int) -> Phrase | None:
        """The noun phrase that starts at `i` (before `stop`): a subject pronoun, or determiners and words up to a
        preposition, with an age after it ("(2)", "van twee", "van 2 jaar")."""
        if i >= stop:
            return None
        w = words[i]
        if w in self.subjects or (w in self.neuter and not (i + 1 < stop and words[i + 1] not in self.verbs)):
            return Phrase(i, i + 1, w)
        if w not in self.dets and not self._nounish(w):
            return None
        j = i
        while j < stop and words[j] in self.dets:
            j += 1
        head = ""
        while j < stop and words[j] not in self.preps and words[j] not in self.verbs and words[j] != "(":
            if words[j] in self.ends or words[j] in self.subjects or words[j] in self.objects:
                break
            head = words[j]
            j += 1
            if self._nounish(head):
                break
        if not head or head in self.time_words:
            return None
        age, j = self._age_after(words, j, stop)
        return Phrase(i, j, head, age)

    def _age_after(self, words: list[str], j: int, stop: int) -> tuple[float | None, int]:
        """An age right after a noun: "(2)", "van 2", "van twee jaar", "van 18 maanden", "is 2" (match/age_reading.py)."""
        found = self.age_words.after(words, j, stop)
        return (None, j) if found is None else (found.lo, found.end)

    def _kind(self, words: list[str], p: Phrase) -> str:
        head = p.head
        if head in self.subjects and head not in self.neuter:
            return "pronoun" if head in self.pronoun_gender else PERSON
        age = p.age if p.age is not None else self._told_age(words, p)
        if age is not None and self.under:
            if age < self.under and head not in self.never_young:
                return YOUNG
            return PERSON
        young, person, thing = (self.kinds.get(k) for k in (YOUNG, PERSON, THING))
        if young is not None and head in young.words:
            return YOUNG
        if person is not None and (head in person.words or head.endswith(person.endings)):
            return PERSON
        if thing is not None and (head in thing.words or head.endswith(thing.endings)):
            return THING
        if words[p.start] in self.neuter and head.endswith("en"):  # "het gamen": a verb as a noun
            return THING
        return UNKNOWN

    def _told_age(self, words: list[str], p: Phrase) -> float | None:
        """An age of this child told in a clause of its own ("…, hij is 3"; match/age_reading.py ToldAge, ADR 0148)."""
        at = next((j for j in range(p.start, min(p.end, len(words))) if words[j] == p.head), None)
        if at is None:
            return None
        return self.told_age.find(
            words,
            at,
            frozenset({self._gender(p.head)}),
            self.pronoun_gender,
            self.ends,
            lambda w: self._gender(w) if self._person_word(w) else None,
            lambda ws, k: self._age_after(ws, k, len(ws)),
        )

    def _gender(self, w: str) -> str:
        for kind in self.kinds.values():
            if w in kind.gender:
                return kind.gender[w]
        return "n"

    def _antecedent(self, words: list[str], p: Phrase, v: int) -> str:
        """A pronoun's kind: the nearest person before it whose gender fits; a young child only when the writer is
        the one hit ("als hij boos is slaat hij mij"), never when the child is ("hij slaat hem")."""
        genders = self.pronoun_gender.get(p.head, frozenset())
        for j in range(p.start - 1, -1, -1):
            kind_id = self._person_word(words[j])
            if kind_id is None:
                continue
            kind = self.kinds[kind_id]
            if kind.gender.get(words[j], "n") not in genders:
                continue
            age, _ = self._age_after(words, j + 1, len(words))
            found = self._kind(words, Phrase(j, j + 1, words[j], age))
            if found == YOUNG:
                _, hi = self._clause(words, v)
                told = words[v + 1 : hi]
                # the writer is hit, or nobody is named ("als hij boos wordt, slaat hij"); not "hij slaat hem"
                hit_other = any(w in self.objects or self._person_word(w) for w in told)
                return YOUNG if self.writer.intersection(told) or not hit_other else PERSON
            return found
        return PERSON

    def referent_kind(self, words: list[str], i: int) -> str:
        """The kind of the person a pronoun at `i` points back to: the nearest person before it of its gender (no
        writer check: "als hij moe is" after "mijn peuter"), PERSON when none is told (safety22, ADR 0176)."""
        genders = self.pronoun_gender.get(words[i], frozenset())
        for j in range(i - 1, -1, -1):
            if self._person_word(words[j]) is None or self._gender(words[j]) not in genders:
                continue
            age, _ = self._age_after(words, j + 1, len(words))
            return self._kind(words, Phrase(j, j + 1, words[j], age))
        return PERSON

    def agent_kind_of_word(self, words: list[str], j: int) -> str:
        """The kind of the person word at `j`, with the age told after it (safety22, ADR 0176)."""
        age, _ = self._age_after(words, j + 1, len(words))
        return self._kind(words, Phrase(j, j + 1, words[j], age))

    def is_person_word(self, w: str) -> bool:
        """A word for a person or a young child (the agent kinds' words and endings): someone an act can hit."""
        return self._person_word(w) is not None

    def phrase_at(self, words: list[str], i: int, stop: int) -> Phrase | None:
        """The noun phrase that starts at `i` (before `stop`), with an age after it, or None."""
        return self._phrase(words, i, stop)

    def clause(self, words: list[str], v: int) -> tuple[int, int]:
        """[lo, hi) of the clause of the verb at `v` (its subordinators and clause ends bound it)."""
        return self._clause(words, v)

    def _person_word(self, w: str) -> str | None:
        for kid in (YOUNG, PERSON):
            kind = self.kinds.get(kid)
            if kind is not None and (w in kind.words or (kind.endings and w.endswith(kind.endings))):
                return kid
        return None

    # -- what the guards ask --------------------------------------------------------------------------------

    def no_perpetrator_in(self, words: list[str], start: int, end: int) -> bool:
        """The hit [start, end) tells harm only by a young child or a thing, or only in a figurative idiom."""
        figures = self.figurative(words)
        if any(s <= start and end <= e for s, e, _ in figures):
            return True
        verbs = self.harm_verbs(words, start, end)
        return bool(verbs) and all(self.agent_kind(words, v) in NO_PERPETRATOR for v in verbs)

    def no_perpetrator(self, words: list[str]) -> bool:
        """Harm is told (a harm verb or a figurative idiom) and nobody who could be a perpetrator does it: the
        word model is not asked about danger at home ("ons dochtertje van twee mept mij")."""
        verbs = self.harm_verbs(words)
        if not verbs:
            return bool(self.figurative(words))
        return all(self.agent_kind(words, v) in NO_PERPETRATOR for v in verbs)

    def young_need_spans(self, doc: Any, words: list[str], themes: list[Any]) -> list[Any]:
        """The everyday need of a young child who hits, kicks or bites (`young_need`, opvoeding) as a theme span on
        its verb, when no span names it yet: the question is how to teach a toddler, not danger."""
        if not self.young_need or any(s.label_ == self.young_need for s in themes):
            return []
        from spacy.tokens import Span  # the pipeline imports spaCy; this module does not need it at import

        for v in self.harm_verbs(words):
            if self.agent_kind(words, v) == YOUNG:
                return [Span(doc, v, v + 1, label=self.young_need, span_id="rule:harm-reading-jong-kind")]
        return []

    def anger_need_spans(self, doc: Any, words: list[str], themes: list[Any]) -> list[Any]:
        """The writer's anger idiom (`anger_need.idioms`) about a child ("ik kan mijn dochter van 15 wel schieten, ze
        doet niks in huis") names the need of upbringing (`anger_need.need`) on the idiom, when no span names it:
        the question is how to deal with a teenager, not danger (ADR 0158)."""
        if not self.anger_need or any(s.label_ == self.anger_need for s in themes):
            return []
        if not self.anger_children.intersection(words):
            return []
        from spacy.tokens import Span

        for start, end, idiom in self.figurative(words):
            if idiom in self.anger_idioms and not self.anger_not_for.intersection(words[start:end]):
                return [Span(doc, start, end, label=self.anger_need, span_id="rule:harm-reading-boosheid")]
        return []

    def child_against_parent(
        self, words: list[str], label: str, twins: set[str], start: int, end: int
    ) -> bool:
        """A child-abuse hit whose harm verbs are all done by a son or daughter to the writer, while a violence hit
        stays: violence against a parent ("onze zoon van 19 schopt en slaat mij"), no child abuse."""
        if label not in self.against_themes or self.against_twin not in twins:
            return False
        verbs = self.harm_verbs(words, start, end)
        return bool(verbs) and all(self._child_hits_writer(words, v) for v in verbs)

    def _child_hits_writer(self, words: list[str], v: int) -> bool:
        phrase = self.agent(words, v)
        if phrase is None or phrase.head not in self.against_agents:
            return False
        _, hi = self._clause(words, v)
        # the writer anywhere after the agent in its clause: "slaat mij", and "heeft me geslagen" (perfect tense:
        # the object before the participle; tester15 r15-E, a son of 23 labelled "een kind dat thuis niet veilig is")
        return bool(self.writer.intersection(words[max(phrase.end, 0) : hi]))

    def adult_fear_only(
        self, words: list[str], label: str, twins: set[tuple[int, int]], start: int, end: int
    ) -> bool:
        """A child-abuse hit on the same words as a violence hit, in a text that names a partner or nobody, and no child:
        an adult's own fear at home (t14-15: "ik durf vanavond niet naar huis, mijn man …")."""
        # a partner named, or nobody named at all ("ik durf vanavond niet naar huis, hij is zo boos": an adult's fear,
        # safety16 ADR 0150; a child names the parent it fears, "papa" keeps the child's theme)
        return (
            label in self.fear_themes
            and (start, end) in twins
            and (
                bool(self.fear_adults.intersection(words))
                or not any(self._person_word(w) is not None for w in words)
            )
            and not self.fear_children.intersection(words)
            and not any(w.isdigit() and int(w) < 18 for w in words if len(w) <= 2)
        )


def _sentence(words: list[str], start: int, end: int) -> tuple[int, int]:
    return token_run(words, start, end)
