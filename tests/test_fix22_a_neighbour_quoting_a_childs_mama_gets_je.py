"""tester22 N-F as a class (docs/usertest/m12test22.md section 3; helper fix22, ADR 0178): "Het buurmeisje van 6
heeft steeds blauwe plekken en zegt dat mama boos was. Ik maak me zorgen." got the child's box ("Ben je thuis niet
veilig? … Je mag zelf bellen") and a "je" page: the child's word "mama" inside what the neighbour girl said made the
worried adult a child. "papa" and "mama" inside reported speech ("zegt dat", "vertelde dat", quotes) are the words
of the one who speaks, not the writer's: a bystander reads "u" and the adult's box ("zorgen over een kind"). A child
who writes "mama slaat mij" stays "je". Sentences are our own, written before the code changed, except those marked
as tester22's.
"""

from __future__ import annotations

import pytest

BYSTANDERS = [
    # tester22's NB-2 and post-hoc wording
    "Het buurmeisje van 6 heeft steeds blauwe plekken en zegt dat mama boos was. Ik maak me zorgen.",
    "Mijn buurvrouw zegt dat mama boos was op haar dochter van 6",
    # our own
    "Een jongetje uit de straat vertelde me dat papa hem met de riem slaat. Wat moet ik doen?",
    "Het nichtje van mijn man (8) zei gisteren: 'papa wordt heel boos en gooit dan met dingen'. Ik maak me zorgen om "
    "haar.",
    "Een kind bij ons in de straat zegt dat mama haar niet meer wil hebben. Wie kan ik bellen?",
    "De kleine van de overburen riep vanochtend 'mama niet slaan!', ik hoorde het door het raam. Moet ik iets doen?",
    "buurjongen van 9 zegt dat papa hem opsluit in de schuur als hij stout is, wat kan ik doen",
]

CHILDREN = [
    "mama slaat mij",
    "mama slaat mij en papa zegt dat ik niet moet zeuren",
    "mijn juf zegt dat ik met iemand moet praten omdat papa me slaat",
    "papa zegt dat ik stom ben en dan slaat hij me",
    "mijn broertje zegt dat mama hem heeft geslagen, ik ben bang",
    "als mama boos is zegt ze dat ik weg moet en dan slaapt ik bij oma",
]


@pytest.mark.parametrize("text", BYSTANDERS)
def test_a_bystander_who_quotes_a_child_reads_u_and_the_adults_box(demo, text):
    res = demo.match(text, limit=10)
    assert res.register == "u", (text, res.register)
    assert res.box_writer != "kind", (text, res.box_writer)


@pytest.mark.parametrize("text", CHILDREN)
def test_twin_a_child_who_writes_papa_or_mama_keeps_je(demo, text):
    assert demo.match(text, limit=10).register == "je", text
