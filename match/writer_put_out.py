"""An adult put out of the home is a roof lost, not a danger at home (tester22 B10, ADR 0178).

Why: "ik ben 19 en mijn ouders hebben me het huis uit gezet, ik slaap steeds ergens anders bij vrienden" got the
Veilig Thuis box and the safety chain, and no door for a roof: the safety word model reads parents who put a child
out as a danger at home, and it cannot see the writer's age. What the writer tells is who does what to whom: someone
put the WRITER out ("me … het huis uit gezet", "ik moest van mijn vader het huis uit", "gooide me eruit"). When the
writer says they are 18 or older and tells no violence, no threat and no honour (`put_out.harm`), that is a lost
roof, ADR 0171's basic need: the need `dakloosheid` is read (the thesaurus does not know every word order: "me het
huis uit heeft gezet", "de deur uit gezet") and the word model's guess of danger at home is not asked. With a blow,
a threat, a forced marriage, or a writer under 18 (or of no told age) nothing changes: Veilig Thuis stays. A danger
raised by a rule is never lowered here (only the model's guess; match/safety.py).
Data: ontology/writer-acts.yaml `put_out`.

Privacy: the words are read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from match.told_to_leave import blow_to_the_writer, told_to_leave
from match.writer_acts import _data, _list
from match.writer_speech import APART, reported_apart

REACH = 7  # the writer's "me" and the way out ("het huis uit", "eruit") this close together
ADULT_FROM = 18
BEFORE = 3  # "mijn ouders zetten me het huis uit": the verb this close before the writer


def _seqs(*keys: str) -> list[tuple[str, ...]]:
    return [tuple(p.split()) for p in _list(*keys) if p]


def _at(words: Sequence[str], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(seq)]) == seq


def _find(words: Sequence[str], seqs: list[tuple[str, ...]]) -> list[int]:
    return [i for i in range(len(words)) for s in seqs if _at(words, i, s)]


def put_out(words: Sequence[str]) -> bool:
    """Someone put the writer out of the home: the writer as object (`me`: "me", "mij", "ik ben", "ik moest") and a
    way out (`out`: "het huis uit", "eruit", "de deur uit") with a verb of putting or having to go (`acts`) in one
    clause of at most REACH words."""
    me = _find(words, _seqs("put_out", "me"))
    outs = _find(words, _seqs("put_out", "out"))
    acts = set(_list("put_out", "acts"))
    stops = {".", "!", "?", ";"}
    for m in me:
        for o in outs:
            lo, hi = min(m, o), max(m, o) + REACH
            span = words[max(0, lo - BEFORE) : hi]  # "zetten me … het huis uit": the verb may come first
            if (
                abs(o - m) <= REACH
                and not stops.intersection(words[lo : max(m, o)])
                and acts.intersection(span)
            ):
                return True
    return False


def harm_told(words: Sequence[str]) -> bool:
    """A blow, a threat, a forced marriage or the family's honour is told (`put_out.harm`: word beginnings; a
    phrase when it has a space; "=word" as written only: "=eer" is no "eerst")."""
    stems = _list("put_out", "harm")
    text = f" {' '.join(words)} "
    exact = {s[1:] for s in stems if s.startswith("=")}
    begins = [s for s in stems if " " not in s and not s.startswith("=")]
    return (
        blow_to_the_writer(words)  # "heeft me geschopt en eruit gegooid" (ADR 0179)
        or not exact.isdisjoint(words)
        or any(w.startswith(s) for w in words for s in begins)
        or any(f" {s} " in text for s in stems if " " in s)
    )


def adult_asker(ages: Any) -> bool:
    """The writer told an age of 18 or more ("ik ben 19", "Ik (24)") and no younger one."""
    own = [p for p in getattr(ages, "persons", ()) if p.asker]
    return bool(own) and all(p.lo >= ADULT_FROM for p in own)


def sent_away(words: Sequence[str]) -> bool:
    """The writer was put out of the home, by an act or in words ("moet oprotten", "de deur gewezen": ADR 0179)."""
    return bool(_data().get("put_out")) and (put_out(words) or told_to_leave(words))


def minor_sent_away(analysis: Any) -> bool:
    """A writer who told an age under 18 put out of the home: a child not safe at home, also with no blow told
    (ADR 0179; the word model did not always guess it: "ik ben 15 en mijn moeder heeft mijn spullen op straat gezet").
    A putting out only in another's words ("ze zeggen dat ze me het huis uit zetten") counts when the roof is told
    lost as well (a need for a roof read in the text: "nu slaap ik bij een vriend"); else it is a threat or a row."""
    own = [p for p in getattr(analysis.ages, "persons", ()) if p.asker]
    young = [
        p for p in own if p.hi is not None and p.hi < ADULT_FROM
    ]  # a told age, not a pronoun's unknown one
    if not young or any(p.lo >= ADULT_FROM for p in own) or not sent_away(analysis.tokens):
        return False
    return sent_away_done(analysis)


def sent_away_done(analysis: Any) -> bool:
    """Sent away as a thing done: told to go (the telling is the act: "zei dat ik moest opdonderen"), or put out
    outside another's reported words, or in them with the roof told lost too (a need for a roof read in the text).
    "ze zeggen dat ze me het huis uit zetten" alone is a threat in a row, not a roof lost."""
    if not sent_away(analysis.tokens):
        return False
    theme = str((_data().get("put_out") or {}).get("theme") or "")
    roof = any(h.theme_id == theme and not h.negated for h in analysis.hits)
    own = [w for w in reported_apart(analysis.tokens) if w != APART]
    return roof or told_to_leave(analysis.tokens) or put_out(own)


def roof_lost(words: Sequence[str], ages: Any) -> bool:
    """An adult writer put out of the home without violence, a threat or honour told: a roof lost."""
    return sent_away(words) and adult_asker(ages) and not harm_told(words)


def read_the_roof(weights: dict[str, float], analysis: Any) -> set[str]:
    """The basic need of a roof lost, read from what was done to the writer (added to `weights` when the thesaurus
    missed the word order: "me het huis uit heeft gezet"); the set of it, or nothing."""
    theme = str((_data().get("put_out") or {}).get("theme") or "")
    # at any age and with harm told too: a minor or someone hit and put out has no roof either; the danger is read
    # apart and leads (Veilig Thuis), the roof's door follows it (match/roof_after_crisis.py, ADR 0179)
    if not theme or not sent_away_done(analysis):
        return set()
    weights.setdefault(theme, max(weights.values(), default=1.0))
    return {theme}
