"""A child's own behaviour is no danger to the child: child safety needs a child as the VICTIM of an act (safety.yaml
`phrase_guards.child_acts`, helper safety16, ADR 0150).

Why: a parent's "mijn dochter van 14 maakt me gek, ze schreeuwt, slaat deuren dicht en luistert nergens meer naar"
put Veilig Thuis, the Raad voor de Kinderbescherming and the wijkagent first (tester15 BROKEN 1, t15-06). The rule
`opvoeder-slaat-kind` saw a parent word ("me"), an act ("slaat") and a child word ("dochter") within its window, and
the word model read danger at home into "mijn dochter van 14 schreeuwt en luistert nergens meer naar". Earlier fixes
listed phrases ("=dochter slaat" in the rule's `unless`); a comma or a pronoun ("ze schreeuwt, slaat") slipped past
them. This asks who does the act, the way ADR 0142's harm reading does for a toddler:

- the acts are the harm verbs of the harm reading and the `acts` of a child's behaviour (shouting, swearing,
  slamming, throwing, not listening, staying out);
- the agent of each act is read by the harm reading (first noun phrase of the clause, the inversion, a relative
  clause); a clause with no subject of its own continues the one before it ("ze schreeuwt, slaat deuren dicht");
  a pronoun is the nearest child or person before it whose gender fits;
- a child actor is the writer's own child (`owners`: "mijn", "onze") told by a child word (`children`) with no age,
  or with an age under `under` (18); "mijn zoon van 23" is an adult, "de kinderen gillen" next door are no
  behaviour told by their parent;
- a passive ("mijn dochter wordt geslagen") makes the child the one hurt: never a child actor.

`actor_only` (a child-safety hit whose acts are all done by the child) drops the hit in the phrase guard; the
twin "mijn man schreeuwt tegen onze dochter en slaat haar" keeps it, the man is the agent.
`behaviour_only` (the text tells a child's behaviour and no act by anyone else, no physical harm to a person, no
threat) keeps the word model from guessing danger at home.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.harm_reading import HarmReading, Phrase
from match.words import folded_set as _set

CHILD, OTHER, NONE = "kind", "ander", "geen"


@dataclass(frozen=True)
class ChildActs:
    """The reading compiled once from safety.yaml `phrase_guards.child_acts`; every method is pure."""

    themes: frozenset[str]
    acts: frozenset[str]
    children: frozenset[str]
    under: int
    keep: frozenset[str]
    harm: HarmReading
    owners: frozenset[str] = frozenset()  # the writer's own child: "mijn", "onze", "m'n"
    need: str = ""  # the everyday need of a child's behaviour (opvoeding)
    needs_named: frozenset[str] = frozenset()  # themes that already name it
    # violence hits dropped only for behaviour verbs by a minor (ADR 0154), and the words that say one is a minor
    behaviour_themes: frozenset[str] = frozenset()
    minor_words: frozenset[str] = frozenset()
    # a behaviour verb aimed at someone ("gooit een stoel naar mij", ADR 0161): a preposition, then a person or a body
    aimed_at: frozenset[str] = frozenset()
    aimed_verbs: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None, harm: HarmReading) -> ChildActs:
        cfg = cfg or {}
        return cls(
            themes=_set(cfg.get("themes")),
            acts=_set(cfg.get("acts")),
            children=_set(cfg.get("children")),
            under=int(cfg.get("under", 18)),
            keep=_set(cfg.get("keep")),
            harm=harm,
            owners=_set(cfg.get("owners")),
            need=str(cfg.get("need") or ""),
            needs_named=frozenset(str(t) for t in cfg.get("needs_named") or ()),
            behaviour_themes=_set(cfg.get("behaviour_themes")),
            minor_words=_set(cfg.get("minor_words")),
            aimed_at=_set(cfg.get("aimed_at")),
            aimed_verbs=_set(cfg.get("aimed_verbs")),
            bodies=_set(cfg.get("bodies")),
        )

    # -- what the guards ask ---------------------------------------------------------------------------------

    def actor_only(self, words: list[str], label: str, start: int, end: int) -> bool:
        """A child-safety hit [start, end) whose acts are all done by the child the writer tells about: the child
        is the actor, nobody the victim ("ze schreeuwt, slaat deuren dicht")."""
        if label in self.behaviour_themes:
            return self._behaviour_hit(words, start, end)
        if label not in self.themes or not self.children:
            return False
        verbs = [i for i in range(start, end) if self._act(words, i)]
        return bool(verbs) and all(self.actor(words, v) == CHILD for v in verbs)

    def _behaviour_hit(self, words: list[str], start: int, end: int) -> bool:
        """A violence hit told only with a child's behaviour verbs by the writer's own child ("ze scheldt me uit
        en smijt met de deuren", ADR 0154): no threat in the text (`keep`), no harm verb that hits a person."""
        if not self.children or self.keep.intersection(words):
            return False
        verbs = [i for i in range(start, end) if self._act(words, i)]
        if not verbs or any(words[v] in self.harm.verbs for v in verbs):
            return False
        if any(
            words[v] in self.harm.verbs and self._hits_someone(words, v) for v in self.harm.harm_verbs(words)
        ):
            return False  # "ze scheldt me uit en slaat me": violence at home
        if any(self._aimed(words, v) for v in verbs):
            return False  # "ze gooit een stoel naar mij": a thing thrown at a person (ADR 0161)
        return self._minor_told(words) and all(self.actor(words, v) == CHILD for v in verbs)

    def _minor_told(self, words: list[str]) -> bool:
        """The text says the child is a minor: a word of youth (`minor_words`: puber, tiener) or an age under
        `under` told after a child word or "is" ("mijn dochter van 15", "ze is 13"). "Mijn zoon scheldt me uit …
        ik ben 86" tells a grown son (dev a515): no behaviour of a child."""
        if self.minor_words.intersection(words):
            return True
        return any(
            w.isdigit()
            and int(w) < self.under
            and any(x in self.children or x == "is" for x in words[max(0, i - 3) : i])
            for i, w in enumerate(words)
        )

    def behaviour_only(self, words: list[str]) -> bool:
        """The text tells a child's behaviour and nothing done by anyone else: no act by another person, no hitting
        of a person, no threat (`keep`). The word model is then not asked about danger at home."""
        if not self.children or self.keep.intersection(words):
            return False
        verbs = [i for i in range(len(words)) if self._act(words, i)]
        if not verbs or self._grown_up_subject(words):
            return False  # "mijn vader sluit mijn broertje op als hij niet luistert": the father acts
        for v in verbs:
            if self.actor(words, v) != CHILD:
                return False
            if words[v] in self.harm.verbs and self._hits_someone(words, v):
                return False  # a teenager who hits a parent is violence at home, not behaviour
            if self._aimed(words, v):
                return False  # a thing thrown at a person (ADR 0161)
        return True

    def need_spans(self, doc: Any, words: list[str], themes: list[Any]) -> list[Any]:
        """The everyday need of a child's behaviour (`need`, opvoeding) as a theme span on its first act, when the
        text tells only a child's behaviour and no span names a need of upbringing yet."""
        if not self.need or any(s.label_ == self.need or s.label_ in self.needs_named for s in themes):
            return []
        if not self.behaviour_only(words):
            return []
        from spacy.tokens import Span  # the pipeline imports spaCy; this module does not need it at import

        v = next(i for i in range(len(words)) if self._act(words, i))
        return [Span(doc, v, v + 1, label=self.need, span_id="rule:child-acts-behaviour")]

    # -- who does it -----------------------------------------------------------------------------------------

    def actor(self, words: list[str], v: int) -> str:
        """Who does the act at `v`: the child (kind), someone else (ander) or nobody read (geen)."""
        harm = self.harm
        lo, hi = harm._clause(words, v)
        if harm.aux.intersection(words[lo:v]) and words[v].startswith("ge"):
            return OTHER  # a passive: its subject is the one hurt
        phrase = harm.agent(words, v)
        if phrase is None or (phrase.start > v and not self._someone(phrase.head)):
            return self._before(words, lo)  # "…, gooide haar deur dicht": the door is no subject
        return self._of(words, phrase.start, phrase.head, phrase.age, v)

    def _before(self, words: list[str], lo: int) -> str:
        """A clause with no subject continues the clause before it in its sentence ("ze schreeuwt, slaat deuren
        dicht en luistert nergens meer naar"): that clause's subject, or the one before it."""
        harm = self.harm
        end = lo - 1
        while end >= 0 and words[end] in harm.ends and words[end] not in _SENTENCE_END:
            end -= 1
        if end < 0 or words[end] in _SENTENCE_END:
            return NONE
        start = end
        while start > 0 and words[start - 1] not in harm.ends and words[start - 1] not in harm.subordinators:
            start -= 1
        for i in range(start, end + 1):
            if words[i] in harm.preps:
                continue
            found = harm._phrase(words, i, end + 1)
            if found is not None:
                return self._of(words, found.start, found.head, found.age, i)
        return self._before(words, start)

    def _of(self, words: list[str], start: int, head: str, age: float | None, v: int) -> str:
        harm = self.harm
        if head in harm.pronoun_gender:
            return self._antecedent(words, start, head)
        if head in self.children:
            at = next((j for j in range(start, min(len(words), start + 6)) if words[j] == head), start)
            if not self.owners.intersection(words[max(0, at - 3) : at]):
                return OTHER  # "de kinderen gillen" next door: not the writer's own child told about
            if age is None:
                age = harm._told_age(words, Phrase(start, start + 1, head))
            return CHILD if age is None or age < self.under else OTHER
        return OTHER

    def _antecedent(self, words: list[str], at: int, pronoun: str) -> str:
        """The nearest person before the pronoun whose gender fits: a child, or someone else."""
        harm = self.harm
        genders = harm.pronoun_gender.get(pronoun, frozenset())
        for j in range(at - 1, -1, -1):
            w = words[j]
            if w not in self.children and harm._person_word(w) is None:
                continue
            if harm._gender(w) not in genders:
                continue
            if w not in self.children:
                return OTHER
            age, _ = harm._age_after(words, j + 1, len(words))
            return self._of(words, j, w, age, at)
        return OTHER

    def _grown_up_subject(self, words: list[str]) -> bool:
        """A clause of the text opens with a grown-up or another person who is no child ("mijn vader sluit …")."""
        harm = self.harm
        for i in range(len(words)):
            if i and words[i - 1] not in harm.ends and words[i - 1] not in harm.subordinators:
                continue
            found = harm._phrase(words, i, len(words))
            if found is not None and found.head not in self.children and harm._person_word(found.head):
                return True
        return False

    def _someone(self, w: str) -> bool:
        return w in self.children or w in self.harm.pronoun_gender or self.harm._person_word(w) is not None

    def _act(self, words: list[str], i: int) -> bool:
        return (words[i] in self.acts or words[i] in self.harm.verbs) and i not in self.harm.masked(words)

    def _hits_someone(self, words: list[str], v: int) -> bool:
        """A harm verb with a person after it in its clause ("slaat mij", "schopt zijn zusje"), not a thing ("slaat
        de deuren dicht")."""
        harm = self.harm
        _, hi = harm._clause(words, v)
        told = words[v + 1 : hi]
        return any(w in harm.objects or harm._person_word(w) is not None for w in told)

    def _aimed(self, words: list[str], v: int) -> bool:
        """A throwing verb (`aimed_verbs`) aimed at someone in its clause: "gooit een stoel naar mij", "smeet zijn bord naar mijn
        hoofd" (a preposition of `aimed_at`, determiners, then a person, an object pronoun or a body word)."""
        if not self.aimed_at or words[v] not in self.aimed_verbs:
            return False
        harm = self.harm
        _, hi = harm._clause(words, v)
        for i in range(v + 1, hi):
            if words[i] not in self.aimed_at:
                continue
            j = i + 1
            while j < hi and words[j] in harm.dets and not (j + 1 >= hi or words[j + 1] in harm.ends):
                j += 1
            if j < hi and (
                words[j] in harm.objects or words[j] in self.bodies or harm.is_person_word(words[j])
            ):
                return True
        return False


_SENTENCE_END = {".", "!", "?", ";", "\n"}
