"""A danger frame, not a verb: a confused or psychotic person with a weapon, or with voices that command harm to
others, is acute danger (safety.yaml `phrase_guards.danger_frame`, helper safety19, ADR 0161).

Why: "… loopt met een mes rond" put 112 first, but "hij draagt een keukenmes bij zich", "heeft een mes in zijn
jaszak", "slaapt met een mes onder zijn kussen" and "stemmen die zeggen dat hij iemand pijn moet doen" got the
huisarts alone (tester18 BROKEN B1): the acute rule needed a verb of threat or of walking around next to the weapon.
The frame is the level already raised (a psychiatric crisis: voices, a delusion, confusion) AND, anywhere in the
text, a weapon word (`weapons`, or a compound that ends in one: "keukenmes", "zakmes") not used for an ordinary task
in its sentence (`use`: koken, snijden, knutselen, "mes en vork"), or voices (`voices`) followed in their sentence by
a word of telling or ordering (`command`) and a harm to someone (`harm`) that is not the person themself (`self`:
a voice that tells harm to oneself is the suicide level's, not this one's). Harm told by voices is no act done by a
person: Veilig Thuis is no route for it (`commanded_span`).

safety20 (ADR 0166): the voices' harm is no act at home as a hit either (`drops`): a danger-at-home hit inside a
commanded span ("stemmen die zeggen dat hij iemand moet steken") is dropped, so Veilig Thuis does not come third
after 112 and the huisarts; and a weapon hit in a sentence that tells a task with it and no threat ("hij snijdt
groenten met een mes") is no acute danger.

Everything is data; this module knows no word. Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.clauses import SENTENCE_END_TOKENS as _SENTENCE_END
from match.clauses import token_run
from match.words import folded_set as _set
from match.words import phrase_seqs


def _at(words: list[str], i: int, seqs: tuple[tuple[str, ...], ...]) -> int:
    """The length of the first of `seqs` that starts at `i`, else 0."""
    for s in seqs:
        if tuple(words[i : i + len(s)]) == s:
            return len(s)
    return 0


@dataclass(frozen=True)
class DangerFrame:
    """The frame compiled once; `armed` and `commanded_span` are pure."""

    weapons: frozenset[str]
    weapon_endings: frozenset[str]
    not_weapons: frozenset[str]
    use: tuple[tuple[str, ...], ...]
    voices: frozenset[str]
    command: tuple[tuple[str, ...], ...]
    harm: tuple[tuple[str, ...], ...]
    self_words: frozenset[str]
    reach: int
    home_themes: frozenset[str] = frozenset()
    acute_themes: frozenset[str] = frozenset()
    threat: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> DangerFrame:
        """The frame from `phrase_guards.danger_frame`; an empty config finds nothing."""
        cfg = cfg or {}
        return cls(
            weapons=_set(cfg.get("weapons")),
            weapon_endings=_set(cfg.get("weapon_endings")),
            not_weapons=_set(cfg.get("not_weapons")),
            use=phrase_seqs(cfg.get("use")),
            voices=_set(cfg.get("voices")),
            command=phrase_seqs(cfg.get("command")),
            harm=phrase_seqs(cfg.get("harm")),
            self_words=_set(cfg.get("self")),
            reach=int(cfg.get("reach", 12)),
            home_themes=_set(cfg.get("home_themes")),
            acute_themes=_set(cfg.get("acute_themes")),
            threat=_set(cfg.get("threat")),
        )

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """A danger-at-home hit [start, end) that overlaps voices commanding harm (no act by a person), or an
        acute hit whose weapon is used for a task in its sentence with no threat there: not the danger (ADR 0166)."""
        if label in self.home_themes:
            span = self.commanded_span(words)
            return span is not None and start < span[1] and end > span[0]
        if label not in self.acute_themes:
            return False
        weapons = [i for i in range(start, end) if self._weapon_word(words[i])]
        if not weapons or any(self._weapon(words, i) for i in weapons):
            return False
        lo, hi = self._sentence(words, weapons[0])
        return not self.threat.intersection(words[lo:hi])

    def tool_only(self, words: list[str]) -> bool:
        """Weapons are named and every one serves a task in its sentence with no threat there ("hij snijdt
        groenten met een mes"): the acute cue "met een mes" is then no cue (ADR 0166)."""
        found = [i for i in range(len(words)) if self._weapon_word(words[i])]
        return bool(found) and all(
            not self._weapon(words, i)
            and not self.threat.intersection(words[slice(*self._sentence(words, i))])
            for i in found
        )

    def armed(self, words: list[str]) -> bool:
        """A weapon carried, held or kept (not used for a task in its sentence), or voices that command harm to
        someone else: the frame of acute danger once a psychiatric crisis is read."""
        return any(self._weapon(words, i) for i in range(len(words))) or bool(self.commanded_span(words))

    def commanded_span(self, words: list[str]) -> tuple[int, int] | None:
        """[start, end) of voices that tell or order harm to someone else ("stemmen die zeggen dat hij iemand pijn
        moet doen"), else None."""
        for i, w in enumerate(words):
            if w not in self.voices:
                continue
            lo, hi = i, min(len(words), i + self.reach)
            hi = next((j for j in range(lo, hi) if words[j] in _SENTENCE_END), hi)
            told = next((j for j in range(lo + 1, hi) if _at(words, j, self.command)), None)
            if told is None:
                continue
            harm = next((j for j in range(told, hi) if _at(words, j, self.harm)), None)
            # the harm's own object decides ("dat hij zichzelf moet steken"), not a "bij zich" later on (ADR 0166)
            if harm is None or self.self_words.intersection(words[told : harm + _at(words, harm, self.harm)]):
                continue
            return lo, harm + _at(words, harm, self.harm)
        return None

    def _weapon_word(self, w: str) -> bool:
        return w not in self.not_weapons and (
            w in self.weapons or any(w.endswith(e) and len(w) > len(e) + 2 for e in self.weapon_endings)
        )

    @staticmethod
    def _sentence(words: list[str], i: int) -> tuple[int, int]:
        return token_run(words, i, i)

    def _weapon(self, words: list[str], i: int) -> bool:
        if not self._weapon_word(words[i]):
            return False
        lo, hi = self._sentence(words, i)
        return not any(_at(words, j, self.use) for j in range(lo, hi))
