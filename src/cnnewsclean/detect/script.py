"""Which Chinese script a text is written in.

>>> script_of("广东省总工会团结动员职工"), script_of("廣東省總工會團結動員職工"), script_of("abc")
('hans', 'hant', 'unknown')
"""

from __future__ import annotations

import re
from functools import cache

from .._resources import script_chars


@cache
def _script_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    simp, trad = script_chars()

    def char_class(chars: frozenset[str]) -> re.Pattern[str]:
        return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")

    return char_class(simp), char_class(trad)


def count_script_chars(text: str) -> tuple[int, int]:
    """``(simplified_only, traditional_only)`` character counts in ``text``."""
    simp, trad = _script_patterns()
    return len(simp.findall(text)), len(trad.findall(text))


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
