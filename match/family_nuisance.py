"""Family nuisance is no danger at home (safety.yaml `phrase_guards.family_nuisance`, helper safety18, ADR 0158).

Why: "Mijn zus staat steeds bij ons op de stoep en blijft dan uren, hoe zeg ik dat ik dat niet wil", "mijn zwager
komt elke zaterdag en blijft de hele dag", "mijn broertje pakt steeds mijn kleren" got Veilig Thuis first (tester17
BROKEN 4): the word model reads "steeds", a relative and "ik wil dat niet" as the pressure of abuse, and the rule of
financial elder abuse read "zusje … pakt … spullen" as money taken from an older person. A visit that lasts too long,
a sibling who borrows things, a mother who calls too often are everyday friction: the need is a talk about limits
(relaties, maatschappelijk werk). Two readings, both data:
- *nuisance only*: a relative (`relatives`) is named with an everyday act of being around or taking (`acts`: komt
  langs, blijft uren, staat op de stoep, belt, pakt, jat), and the text tells no harm verb by a person (ADR 0142's
  harm reading) and no word of threat, fear, control, injury or money taken (`keep`): the word model is not asked
  about danger at home. A rule that reads a real danger still raises its own level.
- *no older victim*: a hit of `elder_themes` (financial elder abuse) where a sibling (`siblings`) right before a
  taking verb (`take_verbs`) takes the writer's own things ("mijn" right after) and the text names no old person
  (`old_words`, an age from `old_from`) is dropped: "mijn zusje pakt mijn spullen" is a child's complaint. A son who takes his mother's bank
  card, "mijn broer pakt de pinpas van onze moeder van 84", keep it.

calm24 (ADR 0185): the acts include a relative's criticism of the writer and visits of more relatives ("mijn
schoonmoeder vindt alles wat ik doe fout", "komen elk weekend onaangekondigd eten"), not a quarrel, and fear of a talk is no fear of harm: a `keep` word of
fear (`talk_fear`: "durf") with a word of speaking up (`talk_words`) within `talk_reach` words after it ("ik durf er
niks van te zeggen") does not keep the danger reading; "ik durf niet naar huis" still does. In a text of nuisance
only, a hit of danger at home (`drop_themes`) that holds such a fear of a talk is dropped too (`drops`): the idiom
"durf niks te zeggen" told about in-laws who come to dinner unannounced is no victim's silence. Any other hit (a
rule's, the word model's) is never touched here.

Privacy: the words are read in memory only; nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from match.harm_reading import PERSON, HarmReading
from match.words import fold, has_phrase
from match.words import phrase_seqs as _seqs

_MINE = frozenset({"mijn", "m'n", "mn", "me", "mij"})


def _set(cfg: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in cfg.get(key) or () if str(w).strip())


@dataclass(frozen=True)
class FamilyNuisance:
    """The readings compiled once; `found` and `no_older_victim` are pure."""

    relatives: frozenset[str]
    acts: tuple[tuple[str, ...], ...]
    keep: frozenset[str]
    keep_phrases: tuple[tuple[str, ...], ...]
    elder_themes: frozenset[str]
    siblings: frozenset[str]
    take_verbs: frozenset[str]
    old_words: frozenset[str]
    old_from: int
    harm: HarmReading
    talk_fear: frozenset[str] = frozenset()
    talk_words: frozenset[str] = frozenset()
    talk_reach: int = 5
    drop_themes: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None, harm: HarmReading) -> FamilyNuisance:
        """Compile `family_nuisance`; an empty config reads nothing."""
        cfg = cfg or {}
        return cls(
            _set(cfg, "relatives"),
            _seqs(cfg.get("acts")),
            _set(cfg, "keep"),
            _seqs(cfg.get("keep_phrases")),
            frozenset(str(t) for t in cfg.get("elder_themes") or ()),
            _set(cfg, "siblings"),
            _set(cfg, "take_verbs"),
            _set(cfg, "old_words"),
            int(cfg.get("old_from", 60)),
            harm,
            _set(cfg, "talk_fear"),
            _set(cfg, "talk_words"),
            int(cfg.get("talk_reach", 5)),
            frozenset(str(t) for t in cfg.get("drop_themes") or ()),
        )

    def found(self, words: list[str]) -> bool:
        """A relative's everyday presence or taking, with no harm, threat, fear or control told."""
        if not self.acts or not self.relatives.intersection(words) or not has_phrase(words, self.acts):
            return False
        plain = self._without_talk_fear(words)
        if self.keep.intersection(plain) or has_phrase(plain, self.keep_phrases):
            return False
        return not any(self.harm.agent_kind(words, v) == PERSON for v in self.harm.harm_verbs(words))

    def drops(self, words: list[str], label: str, start: int, end: int) -> bool:
        """A hit [start, end) of danger at home (`drop_themes`) that holds a fear of a talk ("durf niks te zeggen"),
        in a text that tells a relative's nuisance only. No other hit is touched."""
        if label not in self.drop_themes:
            return False
        talk = any(
            words[i] in self.talk_fear
            and self.talk_words.intersection(words[i + 1 : i + 1 + self.talk_reach])
            for i in range(start, min(end, len(words)))
        )
        return talk and self.found(words)

    def _without_talk_fear(self, words: list[str]) -> list[str]:
        """The words with every fear of a talk blanked ("durf er niks van te zeggen"): that fear keeps nothing."""
        out = list(words)
        for i, w in enumerate(words):
            if w in self.talk_fear and self.talk_words.intersection(words[i + 1 : i + 1 + self.talk_reach]):
                out[i] = ""
        return out

    def no_older_victim(self, words: list[str], label: str) -> bool:
        """A hit of financial elder abuse whose taker is a sibling (within 3 words before a taking verb) who takes
        the writer's own things ("mijn" within 3 words after it), with no old person named."""
        if label not in self.elder_themes or self.old_words.intersection(words):
            return False
        if any(w.isdigit() and int(w) >= self.old_from for w in words):
            return False
        return any(
            w in self.take_verbs
            and self.siblings.intersection(words[max(0, i - 3) : i])
            and _MINE.intersection(words[i + 1 : i + 4])
            for i, w in enumerate(words)
        )
