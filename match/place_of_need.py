"""Help near the person in need when the writer lives outside the gemeente and that person inside it.

"Zij woont in Dinxperlo, ik in Zwolle. Ik maak me zorgen, wat kan ik doen?" measured from Zwolle: the writer's own
place came first and the mother's was set aside as someone else's (match/whose_place.py), so the answer spoke of
a town far outside the kaart. Someone who lives outside the gemeente and asks the sociale kaart of that gemeente
asks for the person who lives in it: the kaart's help is for that person. So when the writer's places all lie
outside the kaart's gemeente(n) and a relative (or hij/zij) is told as living in a place inside it, that place is
the question's place; the message about several places says which one was used (ADR 0191). A writer who lives in
the gemeente keeps his own place ("Ik woon in Aalten, mijn zus in Zwolle"), so does one who asks help for himself
("Ik zoek hulp voor mezelf"), and without the kaart's gemeenten nothing changes.
"""

from __future__ import annotations

from typing import Any

from match.place_notes import gemeente_of
from match.whose_place import other_lives_there
from match.words import word_set


def inside_first(
    chosen: list[Any], named: list[Any], tokens: list[str], analyzer: Any, gemeenten: frozenset[str]
) -> Any:
    """Another person's place inside `gemeenten` when none of `chosen` (the writer's places) lies inside them, else
    None; `named` are all places of the text (each has `.text` and `.name`)."""
    if not gemeenten or not chosen:
        return None
    if any(gemeente_of(p.name, analyzer) in gemeenten for p in chosen):
        return None
    if word_set("for-oneself") & set(tokens):
        return None  # "Ik zoek hulp voor mezelf": the help is for the writer, where the writer lives
    theirs = (
        p
        for p in named
        if p not in chosen
        and gemeente_of(p.name, analyzer) in gemeenten
        and other_lives_there(p.text, tokens)[0] is not None
    )
    return next(theirs, None)
