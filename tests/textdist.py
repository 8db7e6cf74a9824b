"""Character edit distance for accuracy tests and benchmarks (one shared copy).

>>> edit_distance("工会力量", "工人力量")
1
"""

from __future__ import annotations


def edit_distance(a: str, b: str, limit: int = 4_000_000) -> int:
    """Levenshtein distance (rapidfuzz when installed, else a DP after trimming).

    The common prefix and suffix are cut first; when the remaining product of
    lengths exceeds ``limit``, the longer length is returned (far off anyway).
    """
    try:
        from rapidfuzz.distance import Levenshtein
    except ImportError:
        pass
    else:
        return int(Levenshtein.distance(a, b))
    start = 0
    n = min(len(a), len(b))
    while start < n and a[start] == b[start]:
        start += 1
    end = 0
    while end < n - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    if len(a) * len(b) > limit:
        return max(len(a), len(b))
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
