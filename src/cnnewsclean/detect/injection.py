"""Evidence that a spam keyword was spliced into text rather than written there.

Pure scorers (no edits). A *hit* is a match of the shipped spam lexicon
(``data/spam_keywords.tsv``, both scripts). A hit that *splits a host word*
(``上包養午``: removing it rejoins ``上午``) or a number (``2024包養年``) was put
there by an injector: writers do not cut their own words in half.

>>> text = "2024包養年1月13日上包養午，發布運動在成都舉辦。"
>>> [(h.term, split_evidence(text, h.start, h.end)) for h in find_keyword_hits(text)]
[('包養', 'split_number:2024年'), ('包養', 'split_word:上午')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from .._resources import host_words, spam_anchors, spam_keywords
from ..lines import LineIndex

_LATIN = regex.compile(r"[A-Za-z0-9]")
_HAN = regex.compile(r"\p{Han}+")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_NUMERALS = frozenset("一二三四五六七八九十百千萬万億亿兩两幾几")
#: what may follow a number: digits, units, counters
_NUMBER_TAIL = frozenset(
    "0123456789０１２３４５６７８９.%．％年月日號号時时點点分秒萬万億亿千百十元餘余多個个位名件次項项人家場场歲岁天週周期條条"
)
#: words that show a text is *about* the trade a keyword belongs to (written in both scripts at load)
_TOPIC_WORDS = {
    "sugar": (
        "性交易 援交 女大生 女大學生 乾爹 金主 甜心 約會 媒合 交友網站 交友平台 "
        "交友軟體 情婦 二奶 小三 外遇 出軌 陪睡 性招待 婚外情 不正當 性關係"
    ),
    "gambling": "賭博 賭場 博彩 投注 下注 涉賭 聚賭 賭資 賭客 開賭 博弈 彩票 體彩 福彩 賽馬 馬會 簽賭",
    "porn": "色情 淫穢 猥褻 掃黃 成人內容 性影像 偷拍 女星 演員 電影 影片 拍攝",
}
#: words a report uses near a keyword it writes about (police, courts, websites): any category
_REPORT_WORDS = "警方 警察 檢方 檢察 法院 起訴 判決 判刑 詐騙 涉嫌 被告 查獲 破獲 網站 網址 廣告"


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon match: ``text[start:end] == term``."""

    start: int
    end: int
    term: str
    category: str


def _alternation(terms: list[str]) -> str:
    parts = []
    for t in sorted(terms, key=lambda t: (-len(t), t)):
        p = regex.escape(t)
        if _LATIN.match(t[0]):
            p = r"(?<![A-Za-z])" + p
        if _LATIN.match(t[-1]):
            p = p + r"(?![A-Za-z])"
        parts.append(p)
    return "|".join(parts)


@cache
def keyword_regex() -> regex.Pattern[str]:
    """One compiled alternation of the whole lexicon, longest term first, Latin letters case-blind."""
    return regex.compile(_alternation(list(spam_keywords())), regex.IGNORECASE)


@cache
def _lexicon_folded() -> dict[str, str]:
    return {k.casefold(): v for k, v in spam_keywords().items()}


@cache
def anchor_regex() -> re.Pattern[str]:
    """Stdlib character class of the anchors (one rare character of each keyword): a fast first scan."""
    chars = "".join(sorted({c for a in spam_anchors() for c in (a, a.upper())}))
    return re.compile(f"[{re.escape(chars)}]")


def has_anchor(text: str) -> bool:
    """Cheap pre-check: False means ``text`` holds no lexicon keyword."""
    return anchor_regex().search(text) is not None


@cache
def _terms_by_anchor() -> dict[str, tuple[tuple[str, tuple[int, ...]], ...]]:
    """Anchor (lower case) -> ``(term, offsets of the anchor in the term)``, longest term first."""
    from .._resources import spam_keyword_rows

    table: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for _, term, anchor in spam_keyword_rows():
        low, a = term.lower(), anchor.lower()
        offsets = tuple(i for i in range(len(low)) if low.startswith(a, i))
        table.setdefault(a, []).append((term, offsets))
    return {a: tuple(sorted(v, key=lambda t: -len(t[0]))) for a, v in table.items()}


def _latin_ok(text: str, start: int, end: int, term: str) -> bool:
    if _LATIN.match(term[0]) and start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        return False
    return not (_LATIN.match(term[-1]) and end < len(text) and text[end].isascii() and text[end].isalpha())


def find_keyword_hits(text: str) -> list[Hit]:
    """All non-overlapping lexicon matches, left to right, longest first.

    One fast character-class scan finds the anchors (a rare character of each
    keyword); only the keywords holding that anchor are compared there.
    """
    lex = _lexicon_folded()
    table = _terms_by_anchor()
    found: set[tuple[int, int]] = set()
    for a in anchor_regex().finditer(text):
        p = a.start()
        for term, offsets in table.get(a.group().lower(), ()):
            n = len(term)
            for off in offsets:
                st = p - off
                if st >= 0 and text[st : st + n].lower() == term.lower() and _latin_ok(text, st, st + n, term):
                    found.add((st, st + n))
    hits: list[Hit] = []
    last_end = 0
    for st, en in sorted(found, key=lambda x: (x[0], -x[1])):
        if st >= last_end:
            term = text[st:en]
            hits.append(Hit(st, en, term, lex.get(term.casefold(), "spam")))
            last_end = en
    return hits


def is_off_topic(text: str, hits: list[Hit], support: int) -> list[bool]:
    """Per hit: the page never talks about the trade (no topic words) and nothing near the hit reports on it."""
    if support:
        return [False] * len(hits)
    masked = _mask(text, hits)
    index = LineIndex(masked)
    return [not reported_near(masked, h, index=index) for h in hits]


def _mask(text: str, hits: list[Hit]) -> str:
    parts = []
    prev = 0
    for h in hits:
        parts.append(text[prev : h.start])
        parts.append("\x00" * (h.end - h.start))
        prev = h.end
    parts.append(text[prev:])
    return "".join(parts)


@cache
def to_simplified(s: str) -> str:
    """Fold Traditional (or mixed) characters to Simplified for word look-up."""
    from .register import converters

    return converters()[0].convert(s)


def _han_run(s: str) -> bool:
    return bool(s) and _HAN.fullmatch(s) is not None


def split_evidence(text: str, start: int, end: int, max_side: int = 3) -> str | None:
    """Why ``text[start:end]`` looks spliced in: ``split_number:…``, ``split_word:…`` or None.

    A split number has a digit before the span and a digit or unit after it; a
    split word is a dictionary word of ≥2 characters made of the characters
    just before the span and just after it (neither side alone).
    """
    if start <= 0 or end >= len(text):
        return None
    left, right = text[start - 1], text[end]
    if left in _DIGITS and right in _NUMBER_TAIL:
        j = start
        while j > 0 and text[j - 1] in _DIGITS:
            j -= 1
        return f"split_number:{text[j:start]}{right}"
    words = host_words()[0]
    if left in _NUMERALS and right in _NUMBER_TAIL and _han_run(right):
        return f"split_number:{left}{right}"
    for k in range(1, max_side + 1):
        lpart = text[max(0, start - k) : start]
        if len(lpart) < k or not _han_run(lpart):
            break
        for j in range(1, max_side + 1):
            if k + j > 4:
                break
            rpart = text[end : end + j]
            if len(rpart) < j or not _han_run(rpart):
                break
            if to_simplified(lpart + rpart) in words:
                return f"split_word:{lpart}{rpart}"
    return None


@cache
def _topic_regex(category: str) -> regex.Pattern[str] | None:
    words = _TOPIC_WORDS.get(category)
    if not words:
        return None
    return _both_scripts_regex(words)


@cache
def _report_regex() -> regex.Pattern[str]:
    return _both_scripts_regex(_REPORT_WORDS)


def _both_scripts_regex(words: str) -> regex.Pattern[str]:
    """One alternation of space-separated ``words`` in both scripts (one converter call per script)."""
    from .register import converters

    forms = set(words.split())
    for conv in converters():
        forms |= set(conv.convert(words).split())
    return regex.compile("|".join(sorted(map(regex.escape, forms), key=len, reverse=True)))


def reported_near(text: str, hit: Hit, radius: int = 60, index: LineIndex | None = None) -> bool:
    """True when reporting words (警方, 法院, 網站 …) stand within ``radius`` characters on the hit's line.

    ``index``: the text's :class:`~cnnewsclean.lines.LineIndex`, when the caller checks many hits.
    """
    ls, le = (index or LineIndex(text)).span(hit.start)
    around = text[max(ls, hit.start - radius) : hit.start] + "\x00" + text[hit.end : min(le, hit.end + radius)]
    return _report_regex().search(around) is not None


def topic_support(text: str, hits: list[Hit]) -> int:
    """How many topic words of the hits' categories the text holds outside the hits.

    Real news *about* sugar dating or gambling uses such words (援交, 賭場 …);
    a news page with spliced spam does not.
    """
    if not hits:
        return 0
    rest = _mask(text, hits)
    n = 0
    for cat in {h.category for h in hits}:
        rx = _topic_regex(cat)
        if rx is not None:
            n += sum(1 for _ in rx.finditer(rest))
    return n
