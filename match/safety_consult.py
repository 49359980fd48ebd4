"""A professional's consultation question (meldcode stap 2), read from who they write about and what worries them
(safety.yaml `consultation`, ADR 0114).

Why: a teacher, a wijkverpleegkundige or a budgetcoach who writes about "een leerling", "een cliënt van mij" or "een
kind uit mijn groep" asks for advice before anything else, also without one of the fixed phrases ("wat moet ik
doen"). And a professional often has no words of violence at all, only signs and a doubt ("zorgen over de
thuissituatie", "een niet-pluisgevoel", "ligt elke ochtend in een nat bed, de mantelzorger is er nooit") and a
question what to do: that is a consultation question too, never 112. All phrases are data; `ConsultReader` keeps
nothing between texts.
"""

from __future__ import annotations

from typing import Any

from match.words import fold
from match.words import phrase_seqs as _phrases

NEGATION_REACH = 3  # words before a phrase in which a negation denies it ("geen zorgen over de veiligheid")


def _found(
    words: list[str], phrases: tuple[tuple[str, ...], ...], negations: frozenset[str] = frozenset()
) -> bool:
    for parts in phrases:
        n = len(parts)
        for i in range(len(words) - n + 1):
            if all(
                p in ("*", w) for p, w in zip(parts, words[i : i + n], strict=True)
            ) and not negations.intersection(words[max(0, i - NEGATION_REACH) : i]):
                return True
    return False


class ConsultReader:
    """safety.yaml `consultation`: `subjects` (the person a professional writes about), `worry.signs` (signs of
    the meldcode signal lists and a professional's doubt) and `worry.about` (home, family, a carer)."""

    def __init__(self, cfg: dict[str, Any]) -> None:
        worry = cfg.get("worry") or {}
        self.subjects = _phrases(cfg.get("subjects"))
        self.asks = _phrases(cfg.get("asks"))
        self.signs = _phrases(worry.get("signs"))
        self.about = _phrases(worry.get("about"))
        self.not_about = _phrases(worry.get("unless"))
        self.doubts_ = _phrases(worry.get("doubts"))
        doubt = worry.get("safety_doubt") or {}
        self.doubt_words = _phrases(doubt.get("doubt"))
        self.safe_words = frozenset(fold(str(w)) for w in doubt.get("safe") or ())
        self.doubt_window = int(doubt.get("window", 8))
        self.doubt_unless = _phrases(doubt.get("unless"))
        young = worry.get("young_child") or {}
        self.young_words = _phrases(young.get("words"))
        self.young_needs = tuple(str(n) for n in young.get("needs") or ())
        # safety18 (ADR 0158): a mother low after a birth, with no sign of concern for the baby's care
        postnatal = worry.get("postnatal") or {}
        self.birth_words = _phrases(postnatal.get("birth"))
        self.care_concerns = _phrases(postnatal.get("care_concerns"))
        self.negations = frozenset(fold(str(w)) for w in cfg.get("negations") or ())
        self.opening_roles = _phrases(cfg.get("opening_roles"))
        team = cfg.get("team") or {}
        self.team_frames = _phrases(team.get("frames"))
        self.colleague_frames = _phrases(team.get("colleague_frames"))
        self.slots = {
            slot: frozenset(fold(str(w)) for w in team.get(key) or ())
            for slot, key in (
                ("{role}", "roles"),
                ("{place}", "places"),
                ("{sees}", "sees"),
                ("{trust}", "trust"),
            )
        }

    def about_someone(self, words: list[str]) -> bool:
        """The professional writes about someone in their care ("een leerling", "een cliënt van mij")."""
        return _found(words, self.subjects)

    def asks_what_to_do(self, words: list[str]) -> bool:
        """Asking what to do with it ("moet ik hier iets mee", "is dit een signaal", "wat is de juiste stap")."""
        return _found(words, self.asks)

    def doubts(self, words: list[str]) -> bool:
        """A doubt that is a question in itself ("ik heb een niet-pluisgevoel bij dit gezin", "we twijfelen of het
        veilig is")."""
        return _found(words, self.doubts_, self.negations) or self.doubts_safety(words)

    def doubts_safety(self, words: list[str]) -> bool:
        """A doubt whether someone is safe, in plain words (`worry.safety_doubt`, ADR 0136): a doubt word
        ("twijfelen of", "weet niet of", "vraag me af of") up to `window` words before "veilig" ("we twijfelen of
        het veilig is", "ik weet niet of de baby daar veilig is"). Not a practical question ("of het veilig is om
        de baby in de draagzak …", safe sleeping): `unless`."""
        if _found(words, self.doubt_unless):
            return False
        return any(
            w in self.safe_words
            and _found(words[max(0, i - self.doubt_window) : i], self.doubt_words, self.negations)
            for i, w in enumerate(words)
        )

    def practical_doubt(self, words: list[str]) -> bool:
        """A doubt about safety that is a practical question about a thing or a habit ("of het veilig is om de baby
        in de draagzak …", safe sleeping): no danger for the word model either (ADR 0136)."""
        return _found(words, self.doubt_unless) and any(
            w in self.safe_words and _found(words[max(0, i - self.doubt_window) : i], self.doubt_words)
            for i, w in enumerate(words)
        )

    def care_needs(self, words: list[str]) -> tuple[str, ...]:
        """The everyday needs of a worry about a baby or a young child's care (`worry.young_child`): the
        consultation first, then the help with parenting a young child (JGZ, Home-Start; ADR 0136)."""
        return self.young_needs if _found(words, self.young_words) else ()

    def doubt_at_home(self, words: list[str]) -> bool:
        """A doubt whether someone is safe, about home, a family or a carer ("ik weet niet of de baby van de buren
        wel veilig is", "ik twijfel of het thuis veilig is"), not about school work or money (ADR 0136)."""
        return self.doubts_safety(words) and _found(words, self.about) and not _found(words, self.not_about)

    def postnatal_mood_only(self, words: list[str]) -> bool:
        """A mother after a birth (`worry.postnatal.birth`) with no sign of concern for the baby's care
        (`care_concerns`): the mother and the baby are the person and her child, not someone around who could be
        the danger, so a low mood is a question about the mood (ADR 0158, tester17 t17-21)."""
        return _found(words, self.birth_words) and not _found(words, self.care_concerns)

    def names_someone_around(self, words: list[str]) -> bool:
        """The text names someone around the person (`worry.about`: a relative, a partner, a carer, home) who could
        be the danger (ADR 0150): without one, a low mood is a question about the mood."""
        return _found(words, self.about)

    def worried(self, words: list[str]) -> bool:
        """Signs or a doubt about safety, about someone's home or carers, without words of violence ("zorgen over
        de thuissituatie van een kind", "de baby ziet er slecht verzorgd uit", "we twijfelen of het veilig is")."""
        return (
            (_found(words, self.signs, self.negations) or self.doubts_safety(words))
            and _found(words, self.about)
            and not _found(words, self.not_about)
        )

    def off_topic(self, words: list[str]) -> bool:
        """The text is about school work, debts or an uitkering (`worry.unless`): no danger for the word model."""
        return _found(words, self.not_about)

    def opens_with_role(self, words: list[str]) -> bool:
        """The note opens with the writer's role and a comma, a colon or "hier" ("intern begeleider, hoe vraag ik …",
        "wmo-consulent: …"): a professional writes it. "juf zegt dat …" is a child's sentence."""
        return any(
            tuple(words[: len(parts)]) == parts
            and words[len(parts) : len(parts) + 1] in ([","], [":"], ["hier"])
            for parts in self.opening_roles
        )

    def _fits(self, part: str, word: str) -> bool:
        """One frame word: "*" any word, a slot ("{role}": a role, also as a compound's last part or plural:
        "peuterleidster", "medewerkers"), or the word itself."""
        if part == "*":
            return True
        words = self.slots.get(part)
        if words is None:
            return part == word
        if part == "{role}":
            return any(word.endswith(r) or word.endswith(r + "s") or word.endswith(r + "en") for r in words)
        return word in words

    def _framed(self, words: list[str], frames: tuple[tuple[str, ...], ...]) -> bool:
        return any(self._frame_at(words, i, parts) for parts in frames for i in range(len(words)))

    def _frame_at(self, words: list[str], i: int, parts: tuple[str, ...]) -> bool:
        """The frame from word i on; a slot may take a compound the analyzer split ("peuter leidster", "bso -
        medewerkers"): up to three words, joined."""
        if not parts:
            return True
        part, rest = parts[0], parts[1:]
        spans = (1, 2, 3) if part in self.slots else (1,)
        return any(
            i + n <= len(words)
            and self._fits(part, "".join(words[i : i + n]).replace("-", ""))
            and self._frame_at(words, i + n, rest)
            for n in spans
        )

    def speaks_for_team(self, words: list[str]) -> bool:
        """A professional who writes for the team, a colleague or the organisation, without "ik ben …" (`team`, ADR
        0122): "onze peuterleidster merkt …", "wij als team twijfelen …", "vanuit de kinderopvang zien we …"; "een
        collega vertelt …" only about someone in their care ("… dat een leerling …"): "mijn collega wordt thuis
        geslagen" is a resident worried about a friend from work."""
        return self._framed(words, self.team_frames) or (
            self._framed(words, self.colleague_frames) and self.about_someone(words)
        )
