"""On the professional page a consultation route (the meldcode, Veilig Thuis advies) needs a safety concern in the
text, not only the wording of a consultation ("welke partners schakel ik in", "wie kan ik inschakelen"); postnatal
low mood is a psychological need (tester15 BROKEN 6, r15-M2; helper safety16, ADR 0150). The twin: a professional
who doubts whether a baby is safe with an angry father IS a consultation question.

Sentences are our own, written before the code changed; none a tester's or an eval question's.
"""

from __future__ import annotations

import pytest
from builders import HUISARTS, VEILIG_THUIS, themes_of, top_ids

CONSULT = {"svc-aalten-aandachtsfunctionaris-hg-km", "svc-veilig-thuis-consultatie", VEILIG_THUIS}
PSYCHOLOGICAL = {HUISARTS, "svc-sensire-maatschappelijk-werk", "svc-huisartsen-poh-ggz"}


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben kraamverzorgster en de moeder is sinds de bevalling erg somber. Wie kan ik inschakelen?",
        "Als wijkverpleegkundige zie ik een jonge moeder die na de bevalling somber is, welke partners schakel ik in?",
        "Kraamvrouw met een sombere stemming en weinig zin in de baby, moet ik iets doen?",
        "Een cliënte van mij heeft sinds haar bevalling een sombere stemming. Wie kan ik erbij halen?",
        "Als verloskundige maak ik me zorgen om een kraamvrouw die somber is en veel huilt. Welke hulp kan ik inzetten?",
        "De jonge moeder die ik begeleid is na de bevalling somber en slaapt slecht, wie kan ondersteunen?",
    ],
)
def test_postnatal_low_mood_on_the_professional_page_is_a_psychological_need_not_the_meldcode(demo, text):
    res = demo.match(text, audience="professional")
    assert "consultatie" not in res.safety_levels, res.safety_levels
    assert not CONSULT & set(top_ids(res)), top_ids(res)
    assert "psychische-klachten" in themes_of(res), themes_of(res)
    assert PSYCHOLOGICAL & set(top_ids(res)), top_ids(res)


@pytest.mark.parametrize(
    "text",
    [
        "Als jeugdverpleegkundige twijfel ik of de baby veilig is bij de vader, hij wordt snel boos en schreeuwt tegen de baby.",
        "Ik ben kraamverzorgster en de vader schudt de baby hardhandig als die huilt. Welke partners schakel ik in?",
        "Als verloskundige zie ik blauwe plekken bij een kraamvrouw, haar partner is agressief. Wie kan ik inschakelen?",
    ],
)
def test_a_professionals_doubt_whether_a_baby_or_mother_is_safe_is_still_a_consultation(demo, text):
    res = demo.match(text, audience="professional")
    assert "consultatie" in res.safety_levels, res.safety_levels
    assert CONSULT & set(top_ids(res)), top_ids(res)
