"""Approximate matching of a printed label against a code's key: typos and variants.

Real reports misprint the template's labels (先行有效件数 for 现行有效件数,
本年废止件 for 本年废止件数, 不再受理 for 不再处理): one or two characters
changed, added or left out. :func:`nearest` finds the place in a text where a
key occurs with the fewest edits (Sellers' variant of the edit distance, in
which the match may start anywhere), allowing more edits for longer keys.
"""

from __future__ import annotations

MIN_LENGTH = 5


def allowed_edits(key: str) -> int:
    """How many edits a key of this length may show and still be recognised."""
    return 1 if len(key) < 10 else 2 if len(key) < 20 else 3


def nearest(key: str, text: str) -> tuple[int, int, int] | None:
    """``(edits, start, end)`` of the best approximate occurrence of ``key`` in ``text``.

    None when the key is too short to be matched approximately, or every
    occurrence needs more edits than :func:`allowed_edits`.
    """
    limit = allowed_edits(key)
    if len(key) < MIN_LENGTH or len(text) < len(key) - limit:
        return None
    if len(set(key) - set(text)) > limit:
        return None
    previous = [(j, 0) for j in range(len(key) + 1)]
    best: tuple[int, int, int] | None = None
    for i, char in enumerate(text, start=1):
        current = [(0, i)]
        for j, wanted in enumerate(key, start=1):
            substitute = (previous[j - 1][0] + (wanted != char), previous[j - 1][1])
            extra = (previous[j][0] + 1, previous[j][1])
            missing = (current[j - 1][0] + 1, current[j - 1][1])
            current.append(min(substitute, extra, missing, key=lambda cost: cost[0]))
        edits, start = current[-1]
        if edits <= limit and (best is None or edits < best[0]):
            best = (edits, start, i)
        previous = current
    return best
