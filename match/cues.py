"""Negation, uncertainty, experiencer and historical cue words (ontology/negation.yaml) as token tuples, and the
clause rules the analysis applies with them (match/nlp.py `Analyzer._context`).

Split from match/nlp.py (ADR 0094) so that module stays within the size rule; it imports no spaCy: the
tokenizer is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.words import fold, norm_word, word_set


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: str  # negation | uncertainty | experiencer | historical | pseudo
    direction: str  # pre | post | bi | subject (a negated subject: rule 9 of negation.yaml)


# When one cue text is in several lists, the first kind here wins ("niet uitgesloten" is uncertainty).
_PRIORITY = ("pseudo", "uncertainty", "negation", "historical", "experiencer")
_ABILITY_AFTER = word_set("ability-after-need")


class CueSet:
    """Cue words from ontology/negation.yaml as token tuples; longest match first across all lists."""

    def __init__(self, neg: Any, tokenizer: Any) -> None:
        def toks(text: str) -> tuple[str, ...]:
            return tuple(fold(t.text) for t in tokenizer(text))

        lists: list[tuple[str, str, tuple[str, ...]]] = []
        if neg is not None:
            lists += [
                ("pseudo", "pre", neg.pseudo),
                ("uncertainty", "pre", neg.uncertainty_pre),
                ("uncertainty", "post", neg.uncertainty_post),
                ("negation", "pre", neg.negation_pre),
                ("negation", "post", neg.negation_post),
                ("negation", "bi", neg.negation_bidirectional),
                ("historical", "bi", neg.historical),
                ("experiencer", "bi", neg.experiencer),
            ]
            self.forward, self.backward = neg.forward_tokens, neg.backward_tokens
            self.bi_backward = neg.bidirectional_backward_tokens
            self.terminators = {fold(t) for t in neg.terminators}
            self.backward_terminators = {fold(t) for t in neg.backward_terminators}
            self.ability_verbs = {fold(t) for t in getattr(neg, "ability_verbs", ())}
            self.continuers = {fold(t) for t in getattr(neg, "continuers", ())}
            self.present = {toks(t) for t in getattr(neg, "present", ())}
            self.retro_anchors = {toks(t) for t in getattr(neg, "retrospective_anchors", ())}
            self.retro_ends = {toks(t) for t in getattr(neg, "retrospective_ends", ())}
            self.retro_reach = int(getattr(neg, "retrospective_reach", 6))
            self.subjects = {fold(t) for t in getattr(neg, "subject_pronouns", ())}
            self.past_verbs = {fold(t) for t in getattr(neg, "past_verbs", ())}
            self.determiners = {fold(t) for t in getattr(neg, "determiners", ())}
            self.subject_negators = {toks(t) for t in getattr(neg, "subject_negators", ())}
            self.subject_gap = {toks(t) for t in getattr(neg, "subject_gap", ())}
        else:  # pragma: no cover - the shipped ontology always has cues
            lists += [("negation", "pre", ("geen", "geen sprake van")), ("negation", "bi", ("niet",))]
            self.forward, self.backward, self.bi_backward = 5, 3, 2
            self.terminators, self.backward_terminators = {".", ",", "maar", "en"}, set()
            self.ability_verbs, self.continuers = set(), set()
            self.present, self.retro_anchors, self.retro_ends, self.subjects = set(), set(), set(), set()
            self.retro_reach = 6
            self.subject_negators, self.subject_gap = set(), set()
            self.past_verbs, self.determiners = set(), set()
        self.map: dict[tuple[str, ...], tuple[str, str]] = {}
        for kind, direction, items in sorted(lists, key=lambda x: _PRIORITY.index(x[0])):
            for item in items:
                key = toks(item)
                if key and key not in self.map:
                    self.map[key] = (kind, direction)
        self.max_len = max((len(k) for k in self.map), default=1)

    def scan(self, words: list[str], spans: list[tuple[int, int]]) -> list[Cue]:
        covered: set[int] = set()
        for a, b in spans:
            covered.update(range(a, b))
        out: list[Cue] = []
        i = 0
        while i < len(words):
            for size in range(min(self.max_len, len(words) - i), 0, -1):
                hit = self.map.get(tuple(words[i : i + size]))
                if hit is None:
                    continue
                kind, direction = hit
                # A cue word inside a theme phrase belongs to the phrase ("kom niet rond", "geen geld"); a person
                # cue whose noun starts a phrase still says whose it is ("mijn [moeder van 92 is verward]").
                inside = any(j in covered for j in range(i, i + size))
                if kind != "pseudo" and inside and (kind != "experiencer" or i in covered):
                    continue
                out.append(Cue(i, i + size, kind, direction))
                i += size - 1
                break
            i += 1
        return out + self._subject_cues(words, covered)

    def _subject_cues(self, words: list[str], covered: set[int]) -> list[Cue]:
        """Rule 9: "niemand" as a cue of its own, also when the verb after it belongs to a theme phrase ("niemand
        wordt geslagen": rule 1 keeps "niemand wordt" from being a cue there). Not when "niemand" is itself a
        word of a phrase or rule hit ("niemand gelooft me", "mag niemand zien")."""
        out = []
        for i in range(len(words)):
            n = self._at(words, i, self.subject_negators)
            if n and not covered & set(range(i, i + n)):
                out.append(Cue(i, i + n, "negation", "subject"))
        return out

    def subject_negates(self, words: list[str], cue: Cue, start: int, end: int) -> bool:
        """Does a negated subject reach the phrase that starts at word `start`? Only right before it, with at most
        `gap` words between ("bij ons wordt niemand hier geslagen"), or to a word of a rule hit it reaches, so "niemand helpt me met mijn schulden"
        keeps schulden and "niemand gelooft dat hij mij slaat" keeps the danger."""
        reach = {
            cue.end
        }  # the words reached through gap words of any length; a rule hit may start at a later
        for i in range(cue.end, end):  # word of the same clause ("niemand wordt bij ons thuis mishandeld")
            if i in reach:
                reach |= {i + len(k) for k in self.subject_gap if tuple(words[i : i + len(k)]) == k}
        return cue.end <= start and bool(reach & set(range(start, end)))

    def coordinated(self, words: list[str], start: int, most: int = 4) -> set[int]:
        """The words a negation right before word `start` reaches through coordination (ADR 0119): "niet agressief
        of gevaarlijk", "geen geweld, dreiging of stalking" deny every item. A comma continues only in a list that
        goes on with a continuer ("of", "noch"): "niet ziek, hij slaat me" stops at the comma."""
        out = {start}
        i = start
        for _ in range(most):
            j = i + 1
            if j < len(words) and words[j] == ",":
                if not any(w in self.continuers for w in words[j + 1 : j + 4]):
                    break
            elif j >= len(words) or words[j] not in self.continuers:
                break
            i = j + 1
            out.add(i)
        return out

    def ability_before(self, words: list[str], start: int, reach: int = 6) -> bool:
        """An ability verb (snap, kan, durf, …) shortly before the theme, within its clause."""
        for i in range(start - 1, max(-1, start - 1 - reach), -1):
            if words[i] in self.terminators:
                return False
            if words[i] in self.ability_verbs:
                return True
        return False

    def ability_between(self, words: list[str], end: int, cue_start: int) -> bool:
        """An ability verb between the need and a backward "niet" states the problem ("het huishouden lukt me niet
        meer", "de huur kan ik niet betalen"); "hulp in huis wil ik niet" still denies it (words.yaml, ADR 0120)."""
        return bool(_ABILITY_AFTER.intersection(words[end:cue_start]))

    def blocked(self, words: list[str], a: int, b: int, *, backward: bool = False) -> bool:
        stop = self.terminators | (self.backward_terminators if backward else set())
        return any(w in stop for w in words[a:b])

    # -- the clause scope of the past (negation.yaml `past_scope`, ADR 0101) -------------------------------------

    def _at(self, words: list[str], i: int, items: set[tuple[str, ...]]) -> int:
        """The length of the longest item of `items` starting at word i, else 0."""
        return max((len(k) for k in items if tuple(words[i : i + len(k)]) == k), default=0)

    def _shares_past(self, words: list[str], k: int, tense: list[str] | None) -> bool:
        """Does the clause after the coordinator at k share the past of the clause before it? By the parse: its
        first finite verb is past tense. Without one: its verb stands before its subject ("en sloeg hij me")."""
        if tense is not None:
            for j in range(k + 1, min(len(words), k + 5)):
                if tense[j]:
                    return tense[j] == "Past"
            return False
        if k + 2 < len(words) and words[k + 2] in self.subjects and words[k + 1] not in self.subjects:
            return True
        return self._new_subject_past(words, k + 1)

    def _new_subject_past(self, words: list[str], j: int) -> bool:
        """Blank path: a clause with a new subject whose verb is past ("en mijn man sloeg me", "en hij duwde me")."""
        if j >= len(words):
            return False
        if words[j] in self.subjects:
            verbs = words[j + 1 : j + 2]
        elif words[j] in self.determiners:
            verbs = words[j + 2 : j + 4]  # the noun, maybe an adjective before it ("mijn toenmalige vriend")
        else:
            return False
        for w in verbs:
            if w in self.terminators:
                return False
            if self._past_verb(w):
                return True
        return False

    def _past_verb(self, w: str) -> bool:
        if w in self.past_verbs:
            return True
        if not w.endswith(("de", "te", "den", "ten")):
            return False
        lemma = norm_word(w)  # a weak past: another word whose lemma is an infinitive ("duwde" -> "duwen")
        return lemma != w and lemma.endswith("en") and len(lemma) > 3

    def past_tokens(
        self, words: list[str], cues: list[Cue], tense: list[str] | None = None
    ) -> frozenset[int]:
        """The words a past cue governs beyond its token window: its clause, the coordinated clauses that share
        it, and what a look back ("dat is al jaren voorbij") covers. `tense`: per word "Past", "Pres" or ""
        from a trained pipeline's morphology, None without one."""
        ends = [len(w) > 1 and w[-1] in ".!?" for w in words]  # "me." is one token to the Dutch tokenizer
        words = [w.rstrip(".!?") if e else w for w, e in zip(words, ends, strict=True)]
        out: set[int] = set()
        for cue in cues:
            if cue.kind != "historical" or cue.direction == "post":
                continue
            i = cue.end
            while i < len(words) and not self._at(words, i, self.present):
                w = words[i]
                if w in {"en", ","} and self._shares_past(words, i, tense):
                    i += 1
                    continue
                if w in self.terminators or "\n" in w:
                    break
                out.add(i)
                if ends[i]:
                    break
                i += 1
        for i in range(len(words)):
            n = self._at(words, i, self.retro_anchors)
            if not n or not any(
                self._at(words, j, self.retro_ends)
                for j in range(i + n, min(len(words), i + n + self.retro_reach))
            ):
                continue
            start = self._clause_start(words, ends, i)
            if start == i and i > 0 and (words[i - 1] in _SENTENCE_END or ends[i - 1]):
                start = self._clause_start(
                    words, ends, i - 1
                )  # "Hij sloeg me. Dat is lang geleden.": the one before
            out.update(range(start, i))
        return frozenset(out)

    def _clause_start(self, words: list[str], ends: list[bool], i: int) -> int:
        """Back from word i to the start of its sentence, or to just after a `present` word."""
        start = i
        while (
            start > 0
            and words[start - 1] not in _SENTENCE_END
            and not ends[start - 1]
            and not self._at(words, start - 1, self.present)
        ):
            start -= 1
        return start


_SENTENCE_END = {".", "!", "?", "\n"}


def tenses(doc: Any) -> list[str]:
    """Per word the tense of a finite verb ("Past", "Pres"), else "": from a trained pipeline's morphology."""
    return [(t.morph.get("Tense") or [""])[0] if t.morph.get("VerbForm") == ["Fin"] else "" for t in doc]
