"""Which Chinese script a text is written in.

>>> script_of("广东省总工会团结动员职工"), script_of("廣東省總工會團結動員職工"), script_of("abc")
('hans', 'hant', 'unknown')
"""

from __future__ import annotations

from collections import Counter

from .._resources import script_chars


def count_script_chars(text: str) -> tuple[int, int]:
    """``(simplified_only, traditional_only)`` character counts in ``text``."""
    simp, trad = script_chars()
    counts = Counter(text)
    keys = counts.keys()
    return sum(counts[c] for c in keys & simp), sum(counts[c] for c in keys & trad)


def script_of(text: str, mixed_share: float = 0.1) -> str:
    """``"hans"``, ``"hant"``, ``"mixed"`` (minority script ≥ ``mixed_share``) or ``"unknown"``."""
    s, t = count_script_chars(text)
    total = s + t
    if total == 0:
        return "unknown"
    minority = min(s, t) / total
    if minority >= mixed_share:
        return "mixed"
    return "hans" if s > t else "hant"
