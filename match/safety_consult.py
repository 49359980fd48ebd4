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


def _phrases(raw: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(w) for w in str(p).split()) for p in (raw or ()) if str(p).strip())


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
        self.negations = frozenset(fold(str(w)) for w in cfg.get("negations") or ())
        self.opening_roles = _phrases(cfg.get("opening_roles"))

    def about_someone(self, words: list[str]) -> bool:
        """The professional writes about someone in their care ("een leerling", "een cliënt van mij")."""
        return _found(words, self.subjects)

    def asks_what_to_do(self, words: list[str]) -> bool:
        """Asking what to do with it ("moet ik hier iets mee", "is dit een signaal", "wat is de juiste stap")."""
        return _found(words, self.asks)

    def doubts(self, words: list[str]) -> bool:
        """A doubt that is a question in itself ("ik heb een niet-pluisgevoel bij dit gezin")."""
        return _found(words, self.doubts_, self.negations)

    def worried(self, words: list[str]) -> bool:
        """Signs and a doubt about someone's home or carers, without words of violence ("zorgen over de
        thuissituatie van een kind", "de baby ziet er slecht verzorgd uit")."""
        return (
            _found(words, self.signs, self.negations)
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
