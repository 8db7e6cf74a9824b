"""Where to cut a spliced span, and how well the host rejoins without it.

A splice leaves the host cut mid-word or mid-number (``職工群[…]眾``, ``400[…]余萬``); taking
the span out rejoins a dictionary word, a number, a character pair the page uses elsewhere,
or a junction the character model reads as likelier than the span's two edges.
:func:`model_cut` searches the boundaries near a stretch of fiction for the cut that best
trades the evidence inside against such a rejoin; the page-level helpers below tell whether
the page around the candidates reads as news at all.

>>> t = "全省職工群她笑了笑，轉身走進雨裡眾參與活動"
>>> junction(t, 0, len(t), 5, 16, None)[0]
'word'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .._resources import host_words
from ..cleaner import iter_lines
from ..lm import logprob as lm_logprob
from ..lm import model as lm_model
from .fiction_model import fiction_model
from .injection import to_simplified
from .quote_marks import CLOSE_QUOTES, OPEN_QUOTES, QuoteDepth, broken_quotes, unpaired_marks
from .register import DIGITS, PUNCT, DocProfile, LazyCounts

NUMBER_TAIL = frozenset("0123456789０１２３４５６７８９.%．％年月日號号時时點点萬万億亿元餘余多個个位名件次項项人家場场歲岁天")


#: characters left out of the page's marker rate
RATE_SKIP = "，。、“”：；\n「」！？ ,.:;!?"


@dataclass(frozen=True, slots=True)
class Cut:
    start: int
    end: int
    score: float
    junction: str  # word | number | pair | punct | edge | none


#: how far (characters) a cut may reach past its stretch for the mark that pairs a quotation of the stretch
QUOTE_REACH = 30


def model_cut(
    text: str,
    ls: int,
    le: int,
    a: int,
    b: int,
    scores: list[float],
    profile: DocProfile,
    junctions: dict[tuple[str, str, bool, bool], tuple[str, float]],
    window: int,
    gain_weight: float,
    move_cost: float,
    quote_cost: float = 4.0,
    edge_weight: float = 0.0,
    junction_weight: float = 1.0,
) -> Cut:
    """The cut near ``text[a:b]`` that best trades fiction evidence inside against a rejoined host outside.

    Each candidate ``(start, end)`` scores the sum of ``scores`` inside, plus the
    junction bonus of :func:`junction` and ``gain_weight`` times the character
    model's gain across the cut (:func:`rejoin_gain`, clipped to ±6).
    """
    prefix = [0.0]
    for v in scores:
        prefix.append(prefix[-1] + v)
    w = max(4, min(window, (b - a) // 2))
    # a cut keeps host text on both sides (a fragment at a line's end is another case), and a number whole
    starts = [
        st
        for st in range(max(ls + 1, a - w), min(b - 1, a + w) + 1)
        if not (text[st - 1] in DIGITS and (text[st] in NUMBER_TAIL or text[st] in DIGITS)) and text[st] not in DIGITS
    ]
    ends = [en for en in range(max(a + 1, b - w), min(le - 1, b + w) + 1) if text[en - 1] not in DIGITS and text[en - 1] not in ".．"]
    line_broken = broken_quotes(text[ls:le])
    depth = QuoteDepth(text[ls:le])
    unknown = _unknown_prefix(text, ls, le)
    pairing: list[int] = []
    if not line_broken:
        # the stretch stops inside a quotation of its own (its closing mark reads as host text): the cut may
        # reach the mark that pairs it up, so the host's quotation marks stay paired
        opens, closes = unpaired_marks(text[a:b])
        if opens:
            far = [i for i in range(b, min(le - 1, b + QUOTE_REACH)) if text[i] in CLOSE_QUOTES]
            if len(far) >= opens and not any(c in DIGITS for c in text[b : far[opens - 1]]):
                pairing.append(far[opens - 1] + 1)
        if closes:
            far = [i for i in range(a - 1, max(ls, a - QUOTE_REACH), -1) if text[i] in OPEN_QUOTES]
            if len(far) >= closes and not any(c in DIGITS for c in text[far[closes - 1] : a]):
                pairing.append(-far[closes - 1] - 1)
    # cutting through a host word or a pair the page repeats costs (see :func:`edge_penalty`)
    pen = {i: edge_weight * edge_penalty(text, i, ls, le, profile) for i in {*starts, *ends}} if edge_weight else {}
    top_s = sorted(starts, key=lambda st: -(prefix[b - ls] - prefix[st - ls] - pen.get(st, 0.0)))[:8]
    top_e = sorted(ends, key=lambda en: -(prefix[en - ls] - prefix[a - ls] - pen.get(en, 0.0)))[:8]
    top_s += [-p - 1 for p in pairing if p < 0]
    top_e += [p for p in pairing if p > 0]
    best: Cut | None = None
    for st in top_s:
        for en in top_e:
            if en - st < 2:
                continue
            key = (text[st - 1 : st], text[en : en + 1], st == ls, en == le)
            found = junctions.get(key)
            if found is None:
                found = junctions[key] = junction(text, ls, le, st, en, profile)
            gain = max(-6.0, min(6.0, rejoin_gain(text, ls, le, st, en, unknown)))
            moved = max(0, a - st) + max(0, en - b)
            if not line_broken and depth.broken_without(st - ls, en - ls):
                moved += quote_cost / move_cost if move_cost else 0.0  # the host's quotation marks no longer pair up
            if text[st - 1] in PUNCT and text[en] in PUNCT:
                moved += quote_cost / move_cost if move_cost else 0.0  # a whole clause of its own: the host's, likely
            total = prefix[en - ls] - prefix[st - ls] + junction_weight * found[1] + gain_weight * gain - move_cost * moved
            total -= pen.get(st, 0.0) + pen.get(en, 0.0)
            if best is None or total > best.score:
                best = Cut(st, en, total, found[0])
    if best is None:
        return Cut(a, b, prefix[b - ls] - prefix[a - ls], "none")
    return best


def edge_penalty(text: str, i: int, ls: int, le: int, profile: DocProfile) -> float:
    """Cost of cutting before ``text[i]``: more when the pair across the cut recurs or a word spans it."""
    pen = 1.5 if profile.recurs_at(i - 1) else 0.0
    if not ("\u3400" <= text[i - 1] <= "\u9fff" and "\u3400" <= text[i] <= "\u9fff"):
        return pen  # every word across the cut holds text[i-1] and text[i]
    common = host_words()[0]
    far_left = i - 2 >= ls and "\u3400" <= text[i - 2] <= "\u9fff"
    far_right = i + 2 <= le and "\u3400" <= text[i + 1] <= "\u9fff"
    for a, b, ok in ((i - 1, i + 1, True), (i - 2, i + 1, far_left), (i - 1, i + 2, far_right), (i - 2, i + 2, far_left and far_right)):
        if ok and to_simplified(text[a:b]) in common:
            return pen + 2.0
    return pen


def splits_word(text: str, i: int) -> bool:
    """True when a cut before ``text[i]`` splits a common two-character word.

    >>> splits_word("如今他每天驾着巡护船", 4)
    True
    """
    pair = text[i - 1 : i + 1]
    return i > 0 and is_han(pair) and to_simplified(pair) in host_words()[0]


def strong_rejoin(text: str, cut: Cut) -> bool:
    """True when ``cut`` rejoins a number, or a word or Han pair, without splitting a common word at its edges.

    A word formed across the cut is evidence of a splice only when the cut does not split host words
    itself (老[周…每]天 forms 老天 by chance but splits 每天).

    >>> t = "工会组织职工群她笑了笑众参与活动"
    >>> strong_rejoin(t, Cut(7, 11, 0.0, "word")), strong_rejoin(t, Cut(6, 11, 0.0, "none"))
    (True, False)
    """
    if cut.junction == "number":
        return True
    if cut.junction == "word" or (cut.junction == "pair" and is_han(text[cut.start - 1] + text[cut.end])):
        return not splits_word(text, cut.start) and not splits_word(text, cut.end)
    return False


#: the largest bonus :func:`junction` gives (a rejoined word or number)
MAX_JUNCTION_BONUS = 4.0


def junction(text: str, ls: int, le: int, s: int, e: int, profile: DocProfile) -> tuple[str, float]:
    """How well the host rejoins when ``text[s:e]`` goes: kind and bonus."""
    if s == ls and e == le:
        return "edge", 0.0
    if s == ls or e == le:
        return "punct", 0.0
    left, right = text[s - 1], text[e]
    if left in DIGITS and right in NUMBER_TAIL:
        return "number", 4.0
    if left in PUNCT or right in PUNCT:
        return ("pair", 1.0) if profile.bigrams[left + right] > 0 else ("punct", 0.0)
    common, every = host_words()
    pair = to_simplified(left + right)
    if pair in common:
        return "word", 4.0
    if pair in every:
        return "word", 3.0
    if pair in inner_bigrams():
        return "word", 1.0
    if profile.bigrams[left + right] > 1:
        return "pair", 2.5
    return "none", -2.0


@cache
def inner_bigrams() -> frozenset[str]:
    """Character pairs inside common words of 3-4 characters (現代化 gives 現代, 代化)."""
    return frozenset(w[i : i + 2] for w in host_words()[0] if len(w) > 2 for i in range(len(w) - 1))


HAN_RUN = regex.compile(r"[\u3400-\u9fff]+")


def is_han(s: str) -> bool:
    return HAN_RUN.fullmatch(s) is not None


def _unknown_prefix(text: str, ls: int, le: int) -> list[int]:
    """Running count, along ``text[ls:le]``, of characters the character model has never seen."""
    lm = lm_model()
    out = [0]
    for c in text[ls:le]:
        out.append(out[-1] + (0 if lm.is_known(c) or c in PUNCT or c.isascii() else 1))
    return out


def rejoin_gain(text: str, ls: int, le: int, s: int, e: int, unknown: list[int] | None = None) -> float:
    """How much likelier (character model, log) the host reads joined across ``text[s:e]`` than at its two edges.

    Compares two characters either side of the cut, joined, with the mean of the two
    four-character windows at the span's edges; 0.0 when a cut touches the line's ends.
    ``unknown``: :func:`_unknown_prefix` of the line, when the caller asks for many cuts of it.
    """
    if s - 2 < ls or e + 2 > le:
        return 0.0
    if unknown is None:
        unknown = _unknown_prefix(text, ls, le)
    if unknown[e + 2 - ls] != unknown[s - 2 - ls]:
        return 0.0  # characters the model has never seen (garbled text): the model says nothing about a splice
    joined = _window_logprob(text[s - 2 : s] + text[e : e + 2])
    return joined - 0.5 * (_window_logprob(text[s - 2 : s + 2]) + _window_logprob(text[e - 2 : e + 2]))


@lru_cache(maxsize=1 << 16)
def _window_logprob(window: str) -> float:
    """:func:`cnnewsclean.lm.logprob` of a four-character window (the cut search asks for the same ones often)."""
    return lm_logprob(window)


def recurring_share(host: str, text: str, s: int, e: int, counts: Counter[str] | None = None) -> float:
    """Share of the Han bigrams of ``text[s:e]`` that occur in ``host`` (the page without the candidates).

    ``counts``: ``LazyCounts(host)``, when the caller asks about many stretches of one page.

    >>> t = "工会组织职工开展活动。她笑着摇了摇头。工会组织职工参加培训。"
    >>> host = t[:10] + t[19:]
    >>> round(recurring_share(host, t, 0, 10), 2), recurring_share(host, t, 10, 19)
    (0.56, 0.0)
    """
    pairs = [text[i : i + 2] for i in range(s, e - 1) if "\u3400" <= text[i] <= "\u9fff" and "\u3400" <= text[i + 1] <= "\u9fff"]
    if not pairs:
        return 0.0
    # a pair of the stretch itself counts once in ``host`` when the stretch is part of it
    own = 1 if text[s:e] in host else 0
    if counts is None:
        counts = LazyCounts(host)
    return sum(counts[p] > own for p in pairs) / len(pairs)


def complement(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The stretches of ``range(n)`` outside ``spans``."""
    out, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < n:
        out.append((pos, n))
    return out


def page_register(text: str, inside: bytearray, scored: dict[int, list[float]], bias: float) -> tuple[float, int, float]:
    """The page's register outside the fiction candidates ``inside``: mean log ratio, characters, share inside.

    Lines already scored (``scored``: line start -> scores with ``bias``) count in full; the
    rest of the page is sampled (every few characters), so a long page costs little.
    """
    llr = fiction_model().llr
    total = host = 0
    host_sum = 0.0
    step = max(1, (len(text) - sum(len(v) for v in scored.values())) // 1500)
    pos = 0
    for ls, le, _line in iter_lines(text):
        values = scored.get(ls)
        if values is not None:
            for k, v in enumerate(values):
                if text[ls + k] in PUNCT:
                    continue
                total += 1
                if not inside[ls + k]:
                    host += 1
                    host_sum += v - bias
            continue
        start = ls + (-(ls - pos) % step) if step > 1 else ls
        for i in range(start, le, step):
            c = text[i]
            if c in PUNCT:
                continue
            total += step
            host += step
            host_sum += step * llr(text[i - 1] if i > ls else None, c)
        pos = ls
    return (host_sum / host if host else 0.0), host, (1 - host / total if total else 1.0)


def host_marker_rate(text: str, profile: DocProfile, candidates: list[tuple[int, int]]) -> tuple[float, int]:
    """Fiction markers per non-punctuation character of the page outside ``candidates``, and how many characters that is."""
    inside = bytearray(len(text))
    for s, e in candidates:
        inside[s:e] = b"\x01" * (e - s)
    n = len(text) - inside.count(1) - sum(text.count(c) for c in RATE_SKIP)
    m = sum(1 for i in profile.markers if not inside[i])
    return m / n if n > 0 else 0.0, n


def context_marker_rate(text: str, ls: int, le: int, s: int, e: int, profile: DocProfile, width: int) -> float:
    """Fiction markers per character just around ``text[s:e]`` (same line, other candidates left out)."""
    masked = profile.masked_at
    n = m = 0
    for i in list(range(max(ls, s - width), s)) + list(range(e, min(le, e + width))):
        if masked(i) or text[i] in PUNCT:
            continue
        n += 1
        m += i in profile.markers
    return m / n if n else 0.0
