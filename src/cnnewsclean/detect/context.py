"""Is a position in Chinese or in ASCII (Latin) context? Pure scorers, no edits.

Character classes are kept as regex-ready strings so cleaners can build one
compiled pattern from them.

>>> chinese_window("他说“Yes”,然后离开", 9)
True
>>> chinese_window("She said “Yes,” and left", 13)
False
"""

from __future__ import annotations

import re

#: CJK ideographs (URO, extension A, compatibility, supplementary planes), as a regex class body
IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: CJK punctuation and full-width forms (、。「」《》【】，：！ ...), as a regex class body
CJK_PUNCT = "\u3000-\u303f\ufe30-\ufe4f\ufe50-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
#: marks shared by Chinese and Western typography: curly quotes, ellipsis, dashes, middle dot
SHARED_PUNCT = "\u2018\u2019\u201c\u201d\u2026\u2014\u2013\u00b7\u2022"
#: Unicode Private Use Area (BMP), where broken cp936 decoders put unmapped bytes
PUA = "\ue000-\uf8ff"

_IDEOGRAPH_RE = re.compile(f"[{IDEOGRAPH}]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_URL_RE = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]{1,9}://|www\.)[^\s\u3000-\u303f\u3400-\u9fff\uff01-\uff5e\u201c\u201d]+")


def chinese_window(text: str, i: int, radius: int = 12) -> bool:
    """True when ideographs outnumber Latin letters around ``text[i]`` (and there is one)."""
    window = text[max(0, i - radius) : i + radius + 1]
    cjk = len(_IDEOGRAPH_RE.findall(window))
    return cjk > 0 and cjk >= len(_LATIN_RE.findall(window))


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs (``scheme://...`` or ``www....``) in ``text``; cheap when there are none.

    >>> url_spans("见http://a.b/c?d=1,谢谢")
    [(1, 17)]
    """
    if "://" not in text and "www." not in text:
        return []
    spans = []
    for m in _URL_RE.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ",.;:!?)":  # trailing sentence punctuation
            end -= 1
        spans.append((m.start(), end))
    return spans


def in_spans(spans: list[tuple[int, int]], i: int) -> bool:
    """Whether position ``i`` lies inside one of ``spans`` (few spans expected)."""
    return any(s <= i < e for s, e in spans)
