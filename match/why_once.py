"""The word model's guess is said once, on the first card it is true of, and "Niet speciaal voor …" only where a
card in the answer is made for that need (tester24 e14 and smaller remarks, ADR 0184).

Why: a question only the word model placed ("ik kan 's ochtends niet wakker worden …") showed "Wij denken dat uw
vraag hierover gaat ·" before the why-line of every card, eight times on a phone. The page already says "Misschien
gaat uw vraag over:" above the cards (ADR 0121); the first card found only through the guess says it once more, so
the API and the CLI, which have no such line, still tell it; the cards after it keep their own reason. A why-line
still claims no more than the model found (ADR 0112): only a card matched on guessed needs alone gets the prefix.

"Helpt bij de dingen van elke dag in het algemeen · Niet speciaal voor vervoer" (match/answer.py `_not_for`) tells a
reader which card is for their need only when a card above it says "Helpt bij vervoer"; without one the contrast
points at nothing and would only put a reader off the broad help that is there (a meeting place for loneliness).

Privacy: nothing here reads or keeps the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def say_the_guess_once(
    best: Sequence[Any], results: list[dict[str, Any]], by_model: set[str], model_why: str
) -> None:
    """Put `model_why` before the why-line of the first row whose card was matched on guessed needs only (`best`
    and `results` in the same order; changes `results` in place)."""
    if not by_model:
        return
    for s, row in zip(best, results, strict=True):
        if s.matched and set(s.matched) <= by_model:
            row["why"] = f"{model_why} · {row['why']}" if row["why"] else model_why
            return


NOT_FOR = "Niet speciaal voor "


def tidy_whys(best: Sequence[Any], results: list[dict[str, Any]], by_model: set[str], model_why: str) -> None:
    """The guess said once (`say_the_guess_once`), and a "Niet speciaal voor <need>" part kept only where a row
    above it in the answer "Helpt bij <need>" (changes `results` in place)."""
    say_the_guess_once(best, results, by_model, model_why)
    helped: set[str] = set()  # the needs the cards above this one are made for
    for row in results:
        parts = (row.get("why") or "").split(" · ")
        kept = [p for p in parts if not p.startswith(NOT_FOR) or p.removeprefix(NOT_FOR) in helped]
        if len(kept) != len(parts):
            row["why"] = " · ".join(kept)
        for part in kept:
            if part.startswith("Helpt bij ") and not part.endswith(" in het algemeen"):
                helped.update(part.removeprefix("Helpt bij ").split(" en bij "))
