"""A "hij" or "zij" that is the toddler: a mark the toddler left on the parent is no injury by a partner
(helper safety22, ADR 0176; continues ADR 0142's harm reading).

Why: "mijn peuter slaat en schopt mij als hij zijn zin niet krijgt, vandaag had ik een blauwe plek" (dev s561) got
Veilig Thuis. The rule for an injury by a partner (`letsel-door-partner`) counts "hij" and "zij" as a partner; here
"hij" is the toddler. ADR 0142's harm reading knows who does a harm verb, but this hit holds no verb: a pronoun and
a mark. So: a danger-at-home hit with no harm verb in it, whose only persons are pronouns that point back to a young
child (the nearest person before it of the same gender is a toddler or a child under the harm reading's age), in a
text where no harm verb has an adult as its agent, is dropped. "Mijn man slaat onze dochter van 2", "de nieuwe
vriend van mijn ex slaat mijn peuter, hij had een blauwe plek" keep it (an adult does harm).

The same holds when the hit names the toddler by a noun and the mark is the writer's ("toen mijn kleuter een
driftbui had, gooide hij zijn schoen en nu heb ik een blauwe plek"): a mark word (`young_marks.marks`) with the writer
(`young_marks.writer`) in the few words before it and no person in between. "Ik zie dat mijn kleuter blauwe plekken
heeft" keeps it (the child is marked).

Word lists: the harm reading's and `phrase_guards.young_marks`. Privacy: in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.harm_reading import NO_PERPETRATOR, YOUNG
from match.words import folded_set as _set


@dataclass(frozen=True)
class WriterMarks:
    """The mark words and the writer's words (`phrase_guards.young_marks`); `writers_mark` is pure."""

    marks: frozenset[str]
    writer: frozenset[str]
    reach: int = 4
    themes: frozenset[str] = frozenset()
    have: frozenset[str] = (
        frozenset()
    )  # "ik" owns the mark only with a verb of having ("heb ik", "ik zit onder")
    possessive: frozenset[str] = frozenset()  # "op mijn scheen"

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> WriterMarks:
        """An empty config reads no mark."""
        cfg = cfg or {}
        return cls(
            _set(cfg.get("marks")),
            _set(cfg.get("writer")),
            int(cfg.get("reach", 4)),
            _set(cfg.get("themes")),
            _set(cfg.get("have")),
            _set(cfg.get("possessive")),
        )

    def writers_mark(self, harm: Any, words: list[str], start: int, end: int) -> bool:
        """Every mark in [start, end) has the writer in the words before it, no person in between."""
        at = [i for i in range(start, end) if words[i] in self.marks]
        if not at:
            return False
        for i in at:
            ok = False
            for j in range(i - 1, max(-1, i - 1 - self.reach), -1):
                if words[j] in self.possessive or (
                    words[j] in self.writer and self.have.intersection(words[max(0, j - 2) : j + 3])
                ):  # "heb ik een blauwe plek", not "zie ik blauwe plekken bij een peuter"
                    ok = True
                    break
                if harm.is_person_word(words[j]) or words[j] in harm.pronoun_gender:
                    break
            if not ok:
                return False
        return True


def toddler_pronoun_only(
    harm: Any, words: list[str], label: str, start: int, end: int, marks: WriterMarks | None = None
) -> bool:
    """The hit [start, end) names nobody but a young child (by a pronoun, or by a noun when the mark is the
    writer's), and no adult harms anyone in the text."""
    # danger at home only: "hij piept bij het ademen" after "mijn zoontje" stays acute danger (dev a521)
    if marks is None or label not in marks.themes or harm.harm_verbs(words, start, end):
        return False
    persons = [
        i for i in range(start, end) if harm.is_person_word(words[i]) or words[i] in harm.pronoun_gender
    ]
    pronouns = [i for i in persons if words[i] in harm.pronoun_gender]
    if not persons:
        return False
    if len(pronouns) != len(persons):  # a noun: only with the writer's own mark
        if not marks.writers_mark(harm, words, start, end):
            return False
        nouns = [i for i in persons if i not in pronouns]
        if not all(harm.agent_kind_of_word(words, i) == YOUNG for i in nouns):
            return False
    if not all(harm.referent_kind(words, i) == YOUNG for i in pronouns):
        return False
    return all(harm.agent_kind(words, v) in NO_PERPETRATOR for v in harm.harm_verbs(words))
