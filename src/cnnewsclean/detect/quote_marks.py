"""Quotation marks around a cut: does removing a span keep the host's quotations and book titles whole?

A fragment spliced out of a story brings its own unpaired marks (``寶說呢?如果?”裴翔皺了皺眉。``)
and leaves the host's paired when it goes; a span that pairs with the host's marks is part of a
quotation the page itself prints, and reported speech often reads like narration.

>>> broken_quotes("他說：“好。”"), broken_quotes("寶說呢?如果?”裴翔皺了皺眉。")
(False, True)
"""

from __future__ import annotations

import itertools
import re
from re import Pattern

from ..cleaner import iter_lines
from .register import PUNCT

OPEN_QUOTES = frozenset("“「『‘")


CLOSE_QUOTES = frozenset("”」』’")


def inside_quote(text: str, ls: int, le: int, s: int, e: int) -> bool:
    """True when ``text[s:e]`` lies inside one of the host's quotations: opened before it, closed after it.

    >>> t = "他说：“饿了能热饭，渴了有水喝，热了能乘凉。”"
    >>> inside_quote(t, 0, len(t), 8, 15)
    True
    """
    depth = 0
    for c in text[ls:s]:
        if c in OPEN_QUOTES:
            depth += 1
        elif c in CLOSE_QUOTES:
            depth = max(0, depth - 1)
    if depth == 0 or any(c in OPEN_QUOTES or c in CLOSE_QUOTES for c in text[s:e]):
        return False
    return any(c in CLOSE_QUOTES for c in text[e:le])


def continued_quotation_lines(text: str) -> set[int]:
    """Starts of the lines that carry a quotation on to the next paragraph (Chinese print opens each paragraph
    of a long quotation with a mark and closes it only at the end): someone's speech, whatever it reads like.
    The text's last paragraph counts too when it opens with a mark and stops with the quotation still open
    (a page cut short in the middle of someone's speech).

    >>> t = "他说：" + chr(10) + "“我儿子在老家读初二。" + chr(10) + "“修了两年多，我自己还没坐过呢。”"
    >>> sorted(continued_quotation_lines(t))
    [4, 16]
    >>> sorted(continued_quotation_lines("她说：" + chr(10) + "“灯光暗，床又矮。”她说，“我这个膝盖啊，"))
    [4]
    """
    if not any(c in text for c in OPEN_QUOTES):
        return set()
    lines = [(ls, line) for ls, _le, line in iter_lines(text)]
    out: set[int] = set()
    for k, (ls, line) in enumerate(lines):
        head = line.lstrip()
        if not head or head[0] not in OPEN_QUOTES or not unpaired_marks(line)[0]:
            continue
        nxt = next((nl.lstrip() for _s, nl in lines[k + 1 :] if nl.strip()), "")
        if nxt and nxt[0] == head[0]:
            out.add(ls)
            out.add(next(s2 for s2, nl in lines[k + 1 :] if nl.strip()))
        elif not nxt:
            out.add(ls)
    return out


def carried_quotation_marks(text: str) -> set[int]:
    """Positions of the opening marks of quotations a paragraph leaves open and the next paragraph carries on
    (it opens with the same mark: Chinese print closes a quotation over several paragraphs only at its end).
    Such a mark is the page's own, however the paragraph ends; a cut must not take it.

    >>> t = "他说，“房租涨了，我再不调价，" + chr(10) + "“就只能自己贴钱了。”"
    >>> sorted(carried_quotation_marks(t))
    [3]
    >>> carried_quotation_marks("他说，“房租涨了，" + chr(10) + "记者了解到，")
    set()
    """
    if not any(c in OPEN_QUOTES for c in text):
        return set()
    lines = [(ls, line) for ls, _le, line in iter_lines(text) if line.strip()]
    out: set[int] = set()
    for (ls, line), (_ns, nxt) in itertools.pairwise(lines):
        head = nxt.lstrip()
        if not head or head[0] not in OPEN_QUOTES:
            continue
        stack: list[int] = []
        for i, c in enumerate(line):
            if c in OPEN_QUOTES:
                stack.append(i)
            elif c in CLOSE_QUOTES and stack:
                stack.pop()
        if stack and line[stack[-1]] == head[0]:
            out.add(ls + stack[-1])
    return out


def quoted_speech(span: str, share: float = 0.6, outside: int = 12) -> bool:
    """True when ``span`` is mostly whole quotations with little around them: speech the page quotes, not a splice.

    A fragment cut at random out of a story seldom begins just before an opening mark and
    ends just after its closing one; a news report quotes whole sentences.

    >>> quoted_speech("將定存解約，「妳把錢領出來，我會派書記官去妳家收。」隔天")
    True
    >>> quoted_speech("“是啊，想通了。”藍玉華肯定地點點頭。")
    False
    """
    quoted = 0
    depth = 0
    first = last = -1
    open_at = 0
    for i, c in enumerate(span):
        if c in OPEN_QUOTES:
            if depth == 0:
                open_at = i
            depth += 1
        elif c in CLOSE_QUOTES and depth > 0:
            depth -= 1
            if depth == 0:
                quoted += i + 1 - open_at
                first = open_at if first < 0 else first
                last = i
    if first < 0:
        return False
    return quoted >= share * len(span) and first <= outside and len(span) - 1 - last <= outside


def quotation(text: str, s: int, e: int, reach: int = 3) -> bool:
    """True when ``text[s:e]`` is (nearly) all of a quotation: an opening mark just before it, the closing one at its end.

    >>> quotation("刘军说：“林海陪我长大，也陪我变老……”他说。", 6, 19)
    True
    """
    head = text[max(0, s - reach) : s + 1]
    tail = text[max(s, e - 1) : e + reach]
    if not any(c in OPEN_QUOTES for c in head) or not any(c in CLOSE_QUOTES for c in tail):
        return False
    o = max(head.rfind(c) for c in OPEN_QUOTES) + max(0, s - reach)
    c = min(i for i in (tail.find(q) for q in CLOSE_QUOTES) if i >= 0) + max(s, e - 1)
    inner = text[o + 1 : c]
    return not any(ch in OPEN_QUOTES or ch in CLOSE_QUOTES for ch in inner)


def breaks_quotes(text: str, ls: int, le: int, s: int, e: int) -> bool:
    """True when the line's quotation marks pair up with ``text[s:e]`` and not without it: the span is part of a quote.

    A spliced fragment brings its own unpaired marks (``寶說呢?如果?”裴翔皺了皺眉。``) and leaves them paired when it goes.
    """
    if s > ls and e < le and text[s - 1] not in PUNCT and text[e] not in PUNCT:
        return False  # a cut inside words on both sides is a splice's, not a quotation's edge
    return not broken_quotes(text[ls:le]) and broken_quotes(text[ls:s] + text[e:le])


def _line_without(text: str, ls: int, le: int, s: int, e: int, others: list[tuple[int, int]]) -> tuple[str, int]:
    """The line ``text[ls:le]`` with the ``others`` spans that do not overlap ``text[s:e]`` taken out, and
    where ``text[s]`` is in it."""
    keep = [(ls, le)]
    for a, b in sorted(others):
        if b <= s or a >= e:
            keep = [piece for lo, hi in keep for piece in ((lo, max(lo, min(hi, a))), (min(hi, max(lo, b)), hi)) if piece[1] > piece[0]]
    return "".join(text[lo:hi] for lo, hi in keep), sum(min(hi, s) - lo for lo, hi in keep if lo < s)


def breaks_quotes_without(text: str, ls: int, le: int, s: int, e: int, others: list[tuple[int, int]]) -> bool:
    """:func:`breaks_quotes` on the line with the ``others`` spans (other fiction candidates) taken out first.

    A fragment elsewhere on the line may bring its own quotation marks; without it the
    host's quotes pair up again, and a span that unpairs them is part of a quotation.
    """
    host, before = _line_without(text, ls, le, s, e, others)
    return breaks_quotes(host, 0, len(host), before, before + (e - s))


def unpairs_quotes(text: str, ls: int, le: int, s: int, e: int, others: list[tuple[int, int]]) -> bool:
    """True when the host's quotation marks (``others`` left out) pair up with ``text[s:e]`` and not without it."""
    host, before = _line_without(text, ls, le, s, e, others)
    return not broken_quotes(host) and broken_quotes(host[:before] + host[before + (e - s) :])


def unpaired_marks(span: str) -> tuple[int, int]:
    """Opening marks ``span`` leaves open, and closing marks it closes without opening them.

    >>> unpaired_marks("”“聽說是上頭來了文件，”春妮說，“要把田")
    (1, 1)
    """
    depth = closes = 0
    for c in span:
        if c in OPEN_QUOTES:
            depth += 1
        elif c in CLOSE_QUOTES:
            if depth:
                depth -= 1
            else:
                closes += 1
    return depth, closes


def balanced_titles(line: str) -> bool:
    """True when the line's book-title marks 《》 pair up (a cut that takes one of them cuts a title in two).

    >>> balanced_titles("她的仙侠小说《问剑长生》已被翻译"), balanced_titles("她的仙侠小说《问剑")
    (True, False)
    """
    depth = 0
    for c in line:
        if c == "《":
            depth += 1
        elif c == "》":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def broken_quotes(line: str) -> bool:
    """True when the line's quotation marks do not pair up (a fragment cut out of dialogue)."""
    depth = 0
    for c in line:
        if c in OPEN_QUOTES:
            depth += 1
        elif c in CLOSE_QUOTES:
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


def takes_host_quote(text: str, ls: int, le: int, s: int, e: int) -> bool:
    """True when the line's quotation marks pair up and cutting ``text[s:e]`` would take part of a quotation.

    Either the cut's own marks do not pair up (they pair with the host's: half a quotation,
    or the end of one and the start of the next), or the line's marks no longer pair up
    without it. A spliced fragment brings unpaired marks of its own, so its line does not pair up.

    >>> t = "“我家在这里住了四代人。”他说，“不过新房子有电梯。”"
    >>> takes_host_quote(t, 0, len(t), 5, 18), takes_host_quote(t, 0, len(t), 1, 11)
    (True, False)
    >>> t = "他說，「那時候很熱鬧，淹到膝“能長出啥呀？”“豆子不行蓋，我走了，誰來拜他們？」"
    >>> takes_host_quote(t, 0, len(t), 3, 30), takes_host_quote(t, 0, len(t), 14, 26)
    (True, False)
    """
    if broken_quotes(text[ls:le]):
        # a fragment's own marks unpair the line; the host's marks of another kind (its 「」 around a fragment's
        # “”) may still pair up, and a cut that takes part of one of those takes part of the host's quotation
        rest = text[ls:s] + text[e:le]
        return any(
            _pairs(text[ls:le], o, c) is True and (_pairs(text[s:e], o, c) is False or _pairs(rest, o, c) is False) for o, c in _QUOTE_KINDS
        )
    return broken_quotes(text[s:e]) or broken_quotes(text[ls:s] + text[e:le])


#: the kinds of quotation mark, each paired with its own kind only
_QUOTE_KINDS = (("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’"))


def _pairs(line: str, open_mark: str, close_mark: str) -> bool | None:
    """Whether the marks of one kind pair up in ``line`` (None: it has none).

    >>> _pairs("「那時候“能長出啥呀？”“豆子不行」", "「", "」"), _pairs("「那時候“能長出啥呀？”“豆子不行」", "“", "”")
    (True, False)
    """
    depth = 0
    seen = False
    for ch in line:
        if ch == open_mark:
            depth += 1
            seen = True
        elif ch == close_mark:
            depth -= 1
            seen = True
            if depth < 0:
                return False
    return (depth == 0) if seen else None


def quote_evidence_ok(inside: bool, strong_join: bool, gain: float, min_gain: float) -> bool:
    """Inside one of the host's quotations only a splice's own mark counts: a word or number rejoined
    across the cut *and* two unlikely edges that read better joined (reported speech reads like a story,
    and a word formed across some cut near it is found by chance about a third of the time).

    >>> quote_evidence_ok(True, True, 1.0, 2.5), quote_evidence_ok(True, True, 3.0, 2.5), quote_evidence_ok(False, False, 0.0, 2.5)
    (False, True, True)
    """
    return not inside or (strong_join and gain >= min_gain)


def quoted_spans(line: str) -> list[tuple[int, int]]:
    """The outermost quotations ``(start, end)`` of a line whose marks pair up (none when they do not).

    >>> quoted_spans("他说：“我退休十二年了。”")
    [(3, 13)]
    """
    if broken_quotes(line):
        return []
    spans, depth, start = [], 0, 0
    for i, c in enumerate(line):
        if c in OPEN_QUOTES:
            if depth == 0:
                start = i
            depth += 1
        elif c in CLOSE_QUOTES:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


_OPENS, _CLOSES = "".join(sorted(OPEN_QUOTES)), "".join(sorted(CLOSE_QUOTES))
#: an opening mark, then the next closing mark on the line with no other mark between
_QUOTATION = re.compile(f"[{_OPENS}][^\n{_OPENS}{_CLOSES}]*[{_CLOSES}]")


def quotes_people_at_length(text: str, voice: Pattern[str], skip: str, rate: float, at_least: int) -> bool:
    """True when the page's own quotations hold at least ``at_least`` matches of ``voice`` (first- and
    second-person markers) and more than ``rate`` per character (characters in ``skip`` not counted):
    the page lets people speak at length in their own words, and their speech reads like a story.
    (A fragment of dialogue spliced into a short page holds a few such marks, not that many.)

    >>> import re
    >>> quotes_people_at_length("他说：“我退休了，你问我够吗？”", re.compile("[我你了吗]"), "，。：“”？", 0.01, 5)
    True
    """
    # an opening mark and the next closing mark on the line (a spliced fragment may leave a stray mark of its own)
    found = sum(len(voice.findall(text, m.start(), m.end())) for m in _QUOTATION.finditer(text))
    if found < at_least:
        return False
    n = len(text) - sum(text.count(c) for c in set(skip))
    return found > rate * n


class QuoteDepth:
    """Quotation-mark depth along one line, to ask in constant time whether the line's marks still pair
    up with a stretch of it cut out (the cut search asks for many stretches of the same line).

    >>> q = QuoteDepth("他说：“好。”她笑了。")
    >>> q.broken_without(3, 7), q.broken_without(0, 0), q.broken_without(9, 10)
    (False, False, False)
    >>> q.broken_without(5, 7)
    True
    """

    def __init__(self, line: str) -> None:
        depth = [0]
        for c in line:
            depth.append(depth[-1] + (1 if c in OPEN_QUOTES else -1 if c in CLOSE_QUOTES else 0))
        self._depth = depth
        low = [0] * len(depth)  # lowest depth up to and including each position
        m = 0
        for i, d in enumerate(depth):
            m = min(m, d)
            low[i] = m
        self._low = low
        high_low = [0] * len(depth)  # lowest depth from each position to the end
        m = depth[-1]
        for i in range(len(depth) - 1, -1, -1):
            m = min(m, depth[i])
            high_low[i] = m
        self._tail_low = high_low

    def broken_without(self, a: int, b: int) -> bool:
        """:func:`broken_quotes` of the line without ``line[a:b]``."""
        d = self._depth
        at_cut = d[a]
        shift = at_cut - d[b]  # depth after the cut, relative to the text's own
        return self._low[a] < 0 or self._tail_low[b] + shift < 0 or d[-1] + shift != 0
