"""Is a text Dutch at all? The matcher reads Dutch only (issue 12 points 6 and 5).

Why here: the site says so to a resident who wrote in another language (webapp/answer.py NOT_DUTCH), and the safety
word model must not read danger into words it has barely seen: "I have debts and cannot pay my rent" read 0.88 as
danger at home once an author wrote a few English sentences of violence (ADR 0129). One check for both.
"""

from __future__ import annotations

import re

DUTCH_SHARE = 0.5  # under this share of common Dutch words (ontology/woorden-nl.tsv.gz) a text is not Dutch


def not_dutch(text: str) -> bool:
    """Mostly words that are no common Dutch word (at least two words of letters): another language, or
    letters typed at random. One word, a place or emoji alone is no sign of another language."""
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP
    from spacy.lang.nl.stop_words import STOP_WORDS as DUTCH_STOP

    from match.compounds import common_words
    from match.words import fold

    words = [fold(w) for w in re.findall(r"[^\W\d_]+", text)]
    if len(words) < 2:
        return False
    dutch = common_words()
    if sum(w in dutch for w in words) < DUTCH_SHARE * len(words):
        return True
    # English shares many words with Dutch subtitles ("feel", "old"): its function words tell it apart
    english = sum(w in ENGLISH_STOP and w not in DUTCH_STOP for w in words)
    return len(words) >= 3 and english > sum(w in DUTCH_STOP for w in words)


def hardly_dutch(text: str) -> bool:
    """Another language without one Dutch function word ("My neighbour's cat walks through our garden"): the theme
    word model guesses nothing there. A learner's mix ("brief van gemeente, I don't understand") keeps its guess."""
    from spacy.lang.nl.stop_words import STOP_WORDS as DUTCH_STOP

    from match.words import fold

    words = [fold(w) for w in re.findall(r"[^\W\d_]+", text)]
    return not_dutch(text) and not any(w in DUTCH_STOP for w in words)
