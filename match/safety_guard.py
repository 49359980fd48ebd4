"""Phrase guards (safety.yaml `phrase_guards`, ADR 0107): a theme phrase that tells what happens to a person is no
hit when the words around it say it is about something else.

Why: "valt steeds" (someone who falls) fired for "de bus valt steeds uit" and "de wifi valt steeds weg", and
"loopt 's nachts op straat" (someone with dementia who wanders) named dementia for a son of 19 out with his
friends. Three general checks, all data: the subject right before a person's verb is a thing; a particle at the end
of the clause makes the verb another one (uitvallen, wegvallen, afvallen); a sign of old age told about someone
young. Runs in the spaCy pipeline after the thesaurus ruler and the signal rules; keeps nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from match.absent_setting import AbsentFromSetting
from match.anger_idiom import AngerIdiom
from match.bounded_finality import BoundedFinality
from match.care_act import CareAct
from match.child_acts import ChildActs
from match.clauses import SENTENCE_END_TOKENS as _SENTENCE_END
from match.clauses import token_run
from match.danger_frame import DangerFrame
from match.delusion_frame import DelusionFrame
from match.detail_danger import detail_danger
from match.family_nuisance import FamilyNuisance
from match.habit_frame import HabitFrame
from match.harm_reading import HarmReading
from match.safety_body_pain import BodyPain
from match.safety_crisis_alone import CrisisAlone
from match.safety_own_acts import OwnActs
from match.safety_wandering import Wandering
from match.safety_young_pronoun import WriterMarks, toddler_pronoun_only
from match.secret_alone import SecretAlone
from match.sign_of_danger import WelfareSign
from match.thing_object import ThingObject
from match.told_as_fine import ToldAsFine
from match.words import fold
from match.young_care import YoungCare

# A subject after the verb (inversion): "na het werk slaat hij me", "'s avonds slaat mijn man de kinderen"
_PERSON_AFTER_VERB = {
    "hij",
    "zij",
    "ze",
    "mijn",
    "m'n",
    "mn",
    "zijn",
    "haar",
    "onze",
    "ons",
    "jullie",
    "die",
    "iemand",
}
_AGE_WORDS = {"(", ")", "van", "jaar", "maanden", "jarige"}
_CLAUSE_END = {".", ",", ";", ":", "!", "?", "\n", "en", "maar", "want", "omdat", "terwijl", "dus", "en/of"}


@dataclass(frozen=True)
class _Verb:
    forms: frozenset[str]  # the verb as written ("valt", "vallen", "viel")
    particles: frozenset[str]  # at the end of its clause they make another verb ("valt uit": uitvallen)


@dataclass(frozen=True)
class _Young:
    themes: frozenset[str]
    under: int
    old_from: int
    words: frozenset[str]
    old_words: frozenset[str]
    keep: frozenset[str]


@dataclass(frozen=True)
class _OtherSense:
    themes: frozenset[str]
    inside: tuple[tuple[str, ...], ...]  # longer names the hit may stand in, as folded tokens
    sentence: frozenset[str]
    after: tuple[tuple[str, ...], ...] = ()  # said by someone else about the asker ("zegt dat ik")
    hit_words: frozenset[str] = frozenset()  # only hits with one of these words ("krijgen alles mee")
    only_with: frozenset[str] = (
        frozenset()
    )  # a figure of speech unless its sentence has one of these (ADR 0119)
    keep: frozenset[str] = frozenset()  # the text says it is meant: fear ("haha ik ben echt bang", ADR 0134)


def _toks(text: str) -> tuple[str, ...]:
    """A name as the pipeline's tokens: words, and a hyphen as a token of its own ("manisch - depressief")."""
    return tuple(re.findall(r"[^\s-]+|-", fold(text)))


def _words(src: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in src.get(key) or () if w)


class PhraseGuard:
    """The guards compiled once; `apply` is pure."""

    def __init__(self, cfg: dict[str, Any], ages: Any) -> None:
        self.verbs = [
            _Verb(_words(v, "forms"), _words(v, "particles")) for v in cfg.get("person_verbs") or () if v
        ]
        self.forms = frozenset().union(*(v.forms for v in self.verbs)) if self.verbs else frozenset()
        # a young child as the subject is no perpetrator, as a thing is none (ADR 0139: "mijn peuter slaat mij")
        self.young_agents = _words(cfg, "young_agents")
        self.things = _words(cfg, "things") | self.young_agents
        self.agent_under = int(
            cfg.get("young_agent_under", 0)
        )  # "ons zoontje van 3 slaat me": a young age, too
        self.subject_reach = int(cfg.get("subject_reach", 3))
        self.young = [
            _Young(
                _words(y, "themes"),
                int(y.get("under", 40)),
                int(y.get("old_from", 60)),
                _words(y, "words"),
                _words(y, "old_words"),
                _words(y, "keep"),
            )
            for y in cfg.get("young") or ()
            if y
        ]

        self.other = [
            _OtherSense(
                _words(o, "themes"),
                tuple(_toks(str(p)) for p in o.get("inside") or ()),
                _words(o, "sentence"),
                tuple(_toks(str(p)) for p in o.get("after") or ()),
                _words(o, "hit_words"),
                _words(o, "only_with"),
                _words(o, "keep"),
            )
            for o in cfg.get("other_sense") or ()
            if o
        ]
        self.ages = ages  # signals.VictimAge: its age reader ("van 19", "(84)", "80-jarige")
        self.harm = HarmReading(cfg.get("harm_reading"))  # who does what to whom (ADR 0142)
        self.child_acts = ChildActs.from_config(cfg.get("child_acts"), self.harm)  # the child acts (ADR 0150)
        self.secret_alone = SecretAlone.from_config(cfg.get("secret_alone"), self.harm)  # a friend's secret
        self.young_care = YoungCare.from_config(cfg.get("young_care"), self.harm)  # a baby cries (ADR 0154)
        self.absent = AbsentFromSetting.from_config(
            cfg.get("absent_from_setting")
        )  # "er niet meer is op woensdag"
        self.nuisance = FamilyNuisance.from_config(
            cfg.get("family_nuisance"), self.harm
        )  # a visit (ADR 0158)
        self.thing_object = ThingObject.from_config(cfg.get("thing_object"), self.harm)  # a door (ADR 0161)
        self.delusion = DelusionFrame.from_config(cfg.get("delusion_frame"))  # "denkt dat … wil" (ADR 0161)
        # the voices' harm, a knife's task; "straks sla ik hem met de pan" (ADR 0166)
        self.frame = DangerFrame.from_config(cfg.get("danger_frame"))
        self.anger = AngerIdiom.from_config(cfg.get("anger_idiom"))
        self.fine = ToldAsFine.from_config(cfg.get("told_as_fine"))  # "… en doet dat keurig" (ADR 0166)
        self.bounded = BoundedFinality.from_config(
            cfg.get("bounded_finality")
        )  # "verdwijnen uit de app" (0158)
        self.care_act = CareAct.from_config()  # nails cut, a bath: an accident feared (ADR 0170)
        self.welfare = WelfareSign.from_config()  # the post of a neighbour not seen: a sign (ADR 0170)
        # a body that hurts, a child alone with a parent in a crisis (ADR 0176)
        self.body_pain = BodyPain.from_config(cfg.get("body_pain"))
        self.habit = HabitFrame.from_config(cfg.get("habit_frame"))  # hard to wake every morning (ADR 0185)
        self.crisis_alone = CrisisAlone.from_config(cfg.get("crisis_alone"))
        self.young_marks = WriterMarks.from_config(cfg.get("young_marks"))
        self.own = OwnActs.from_config(cfg.get("own_acts"), self.harm)  # oneself, a fall, things given (0183)
        self.wandering = Wandering.from_config(cfg.get("wandering"), self.harm)  # lost at night (ADR 0183)

    def apply(self, doc: Doc, themes: list[Span]) -> list[Span]:
        words = [fold(t.text) for t in doc]
        if (
            not themes
        ):  # "ons dochtertje van twee mept mij": no hit, but the need of a toddler who hits (ADR 0142)
            young = self.harm.young_need_spans(doc, words, [])
            young = young or self.harm.anger_need_spans(
                doc, words, []
            )  # "ik kan haar wel schieten" (ADR 0158)
            young = young or self.child_acts.need_spans(doc, words, [])  # a teenager who shouts (ADR 0150)
            return young or self.wandering.need_spans(doc, words, [])  # an old person lost at night (0183)
        ages = self.ages._ages(words) if self.ages is not None else []
        twins = {(s.start, s.end) for s in themes if s.label_ == self.harm.fear_twin}
        labels = {s.label_ for s in themes if not self._drop(words, ages, s)}
        kept = [
            s
            for s in themes
            if not self._drop(words, ages, s)
            and not self.harm.adult_fear_only(words, s.label_, twins, s.start, s.end)
            and not self.harm.child_against_parent(words, s.label_, labels, s.start, s.end)
            and not self.child_acts.actor_only(words, s.label_, s.start, s.end)  # "ze schreeuwt" (ADR 0150)
            # a child alone with a parent in a psychiatric crisis tells the crisis (ADR 0176)
            and not self.crisis_alone.drops(words, s.label_, s.start, s.end, labels)
        ]
        kept = [s for s in kept if s not in self.welfare.signs(kept)]  # the post of someone not seen (0170)
        kept += self.harm.young_need_spans(doc, words, kept)  # a toddler who hits: parenting (ADR 0142)
        kept += self.child_acts.need_spans(doc, words, kept)  # a teenager who shouts: parenting (ADR 0150)
        kept += self.care_act.need_spans(doc, themes, kept)  # a care act feared: the baby's care (ADR 0170)
        kept += self.harm.anger_need_spans(doc, words, kept)  # a parent's anger idiom: parenting (ADR 0158)
        kept += self.wandering.need_spans(doc, words, kept)  # an old person lost at night: dementie (0183)
        # what was taken out, so no word model names it again from the same words (ADR 0114)
        doc.user_data.setdefault("guarded", set()).update(s.label_ for s in themes if s not in kept)
        return kept

    def read_otherwise(self, words: list[str]) -> set[str]:
        """The themes whose words the `other_sense` guards read in another sense anywhere in the text, hit or no
        hit: the word model reads words, not hits ("mijn moeder zegt dat ze me vermoordt … haha", ADR 0134)."""
        out: set[str] = set()
        for o in self.other:
            if not o.hit_words or o.only_with or o.keep.intersection(words):
                continue
            if any(w in o.hit_words and _other_sense(o, words, _At(i, i + 1)) for i, w in enumerate(words)):
                out |= o.themes
        return out

    def _drop(self, words: list[str], ages: list[int], s: Span) -> bool:
        if words[s.start] in self.forms and self._not_a_person(words, s):
            return True
        # a young child or a thing as the agent, or a figurative idiom: no perpetrator (ADR 0142)
        if s.label_ in self.harm.themes and self.harm.no_perpetrator_in(words, s.start, s.end):
            return True
        if self.thing_object.drops(words, s.label_, s.start, s.end):  # "slaat met de deuren" (ADR 0161)
            return True
        if self.delusion.drops(words, s.label_, s.start, s.end):  # a confused belief of harm (ADR 0161)
            return True
        if self.fine.drops(words, s.label_):  # an arrangement told as fine (ADR 0166)
            return True
        if self.anger.drops(words, s.label_, s.start, s.end):  # "straks sla ik hem met de pan" (ADR 0166)
            return True
        if self.frame.drops(
            words, s.label_, s.start, s.end
        ):  # harm the voices order; a knife for a task (0166)
            return True
        if self.absent.drops(words, s.label_, s.start, s.end):  # not there on a day or at work (ADR 0148)
            return True
        if self.bounded.drops(words, s.label_, s.start, s.end):  # an end of a thing, not a life (ADR 0158)
            return True
        if self.nuisance.no_older_victim(words, s.label_):  # "mijn zusje pakt mijn spullen" (ADR 0158)
            return True
        if self.nuisance.drops(words, s.label_, s.start, s.end):  # in-laws, "durf niks te zeggen" (0185)
            return True
        if self.habit.drops(words, s.label_, s.start, s.end):  # "'s ochtends niet wakker te krijgen" (0185)
            return True
        if self.care_act.drops(words, s.label_, s.start, s.end):  # "pijn doe als ik zijn nagels knip" (0170)
            return True
        if self.body_pain.drops(words, s.label_, s.start, s.end):  # "mijn armen doen pijn" (ADR 0176)
            return True
        if self.own.drops(words, s.label_, s.start, s.end):  # "sluit zich op", a fall's break (ADR 0183)
            return True
        if detail_danger().accident_drops(words, s.label_, s.id_, s.start, s.end):  # "per ongeluk" (0186)
            return True
        if toddler_pronoun_only(
            self.harm, words, s.label_, s.start, s.end, self.young_marks
        ):  # toddler (0176)
            return True
        for y in self.young:
            if (
                s.label_ in y.themes
                and not y.keep.intersection(words[s.start : s.end])
                and _young(y, words, ages)
            ):
                return True
        return any(
            s.label_ in o.themes
            and (not o.hit_words or o.hit_words.intersection(words[s.start : s.end]))
            and not o.keep.intersection(words)
            and _other_sense(o, words, s)
            for o in self.other
        )

    def young_child_acts(self, words: list[str]) -> bool:
        """A young child is the subject of a hitting, kicking or biting verb ("onze dochter (3) bijt en krabt mij"):
        toddler behaviour, so the word model does not read danger at home into it (ADR 0139)."""
        young = self.young_agents
        for i, w in enumerate(words):
            if w not in self.forms:
                continue
            reach, j = self.subject_reach, i - 1
            while reach > 0 and j >= 0 and words[j] not in _CLAUSE_END:
                if words[j] in young or _young_age(words, j, self.agent_under, self.harm):
                    return True
                if not (words[j] in _AGE_WORDS or words[j].isdigit()):
                    reach -= 1
                j -= 1
        return False

    def _not_a_person(self, words: list[str], s: Span) -> bool:
        """A thing as the subject right before the verb ("de bus valt"), or a particle that ends the clause after
        it ("valt steeds uit", "valt de laatste tijd af")."""
        # "na het werk slaat hij me": a person right after the verb is its subject, the thing before it is not
        inverted = s.start + 1 < len(words) and words[s.start + 1] in _PERSON_AFTER_VERB
        reach, i = self.subject_reach, s.start - 1
        while reach > 0 and i >= 0 and not inverted:
            if (
                words[i] == "en" and i > 0 and words[i - 1] in self.forms
            ):  # "slaat en schopt mij": one subject
                i -= 2
                continue
            if words[i] in _CLAUSE_END:
                break
            if words[i] in self.things or _young_age(words, i, self.agent_under, self.harm):
                return True
            if not (
                words[i] in _AGE_WORDS or words[i].isdigit()
            ):  # "mn peuter (2) slaat me": the age is read past
                reach -= 1
            i -= 1
        verb = next((v for v in self.verbs if words[s.start] in v.forms), None)
        if verb is None or not verb.particles:
            return False
        i = s.start + 1
        while i < len(words) and words[i] not in _CLAUSE_END:
            i += 1
        last = words[i - 1] if i - 1 >= s.start + 1 else ""
        return last in verb.particles


def _young_age(words: list[str], i: int, under: int, harm: HarmReading) -> bool:
    """An age under `under` told right after a person ("van 3", "(2)", "3-jarige"): a young child. Not a time
    told about a partner ("mijn vriend (4 jaar samen)", "mijn man van 3 jaar getrouwd"): a bracket holds only
    the age, and an adult partner before it is no young child (a partner who hits stays danger, ADR 0139). The
    words are the harm reading's (safety.yaml `agent_kinds` jong-kind: `never_young`, `durations`, the units)."""
    if not (under and words[i].isdigit() and int(words[i]) < under):
        return False
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if after in {"-", "jarige", "jarig"}:
        return True
    if before not in {"van", "("}:
        return False
    if i > 1 and words[i - 2] in harm.never_young:
        return False
    rest = words[i + 1 : i + 4]
    if harm.durations.intersection(rest):
        return False
    if before == "(":
        closing = rest.index(")") if ")" in rest else len(rest)
        return closing < len(rest) and all(w in harm.units for w in rest[:closing])
    return True


@dataclass(frozen=True)
class _At:
    """A word's place, as a span's start and end."""

    start: int
    end: int


def _young(y: _Young, words: list[str], ages: list[int]) -> bool:
    """The person told about is young: an age under `under` or a word for a young person, and no older one."""
    if any(a >= y.old_from for a in ages) or y.old_words.intersection(words):
        return False
    return any(a < y.under for a in ages) or bool(y.words.intersection(words))


def _other_sense(o: _OtherSense, words: list[str], s: Span | _At) -> bool:
    """The hit is part of a longer name ("manisch-depressief"), or its sentence gives the word another sense."""
    for name in o.inside:  # the hit's words overlap an occurrence of the longer name
        n = len(name)
        for i in range(max(0, s.start - n + 1), min(s.end, len(words) - n + 1)):
            if tuple(words[i : i + n]) == name:
                return True
    for (
        said
    ) in o.after:  # "mijn vader zegt dat ik (beter) dood kan zijn": the sequence ends at most 2 words before
        n = len(said)
        # what seems so reaches its own sentence: acts told as facts in the next one are no comparison (ADR 0166)
        if any(tuple(words[i - n : i]) == said for i in range(max(n, s.start - 2), s.start + 1)) and not any(
            w in _SENTENCE_END for w in words[s.start : s.end - 1]
        ):
            return True
    lo, hi = token_run(words, s.start, s.end)
    if o.only_with:  # "ik schaam me dood dat ik niet kan lezen": the need of the idiom only with its subject
        return not o.only_with.intersection(words[lo:hi])
    return bool(o.sentence.intersection(words[lo:hi]))
