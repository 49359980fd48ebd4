"""Who writes, as far as the register goes: a professional at work is an adult (issue 12, tester12 P05, ADR 0138).

"IB'er basisschool: leerling groep 7, vader zit sinds kort in de gevangenis …" names a pupil's "groep 7", a child's
cue (labels-inwoner.yaml `child_speaker`), and got "je" on the public page and the API. A professional's voice is
read from the same data as the safety levels' (safety.yaml `professional_askers`, `consultation.opening_roles`,
`consultation.team`: "ik ben leerkracht", "intern begeleider, …", "wij als jeugdteam …"), plus a role heading with
a short complement before its colon or comma ("IB'er basisschool:", "wijkverpleegkundige Dinxperlo,"). Then the
page says "u", whatever ages the text names. Nothing here changes the safety levels or the services.

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from typing import Any

from match.safety import _Phrases
from match.safety_consult import ConsultReader

HEADING_WORDS = (
    2  # "IB'er basisschool:", "wijkverpleegkundige team noord:": at most this many words of complement
)
HEAD_MARKS = frozenset({":", ","})
NOT_A_COMPLEMENT = frozenset(
    {"ik", "me", "mij", "mijn", "m'n", "mn", "zegt", "zei", "vindt", "vraagt", "wil"}
)


class ProfessionalVoice:
    """The professional askers of safety.yaml, read once per ontology; `found` keeps nothing between texts."""

    def __init__(self, onto: Any) -> None:
        safety = onto.safety
        self.askers = _Phrases(safety.professional_askers, safety.asker_any_word_not)
        self.consult = ConsultReader(safety.consultation)

    def found(self, words: list[str]) -> bool:
        """A professional writes these folded tokens (match/nlp.py `Analysis.tokens`): an asker frame, a note that
        opens with the role, a team's voice, or a role heading ("IB'er basisschool: …")."""
        return (
            self.askers.found(words)
            or self.consult.opens_with_role(words)
            or self.consult.speaks_for_team(words)
            or self.role_heading(words)
        )

    def role_heading(self, words: list[str]) -> bool:
        """The text opens with a role, a short complement and a colon or comma: "ib'er basisschool :"; not "juf
        zegt dat ik …" (a child's sentence)."""
        for parts in self.consult.opening_roles:
            n = len(parts)
            if tuple(words[:n]) != parts:
                continue
            for k in range(1, HEADING_WORDS + 1):
                rest = words[n : n + k + 1]
                if len(rest) == k + 1 and rest[-1] in HEAD_MARKS and not NOT_A_COMPLEMENT & set(rest[:-1]):
                    return True
        return False
