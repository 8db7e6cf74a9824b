"""Register (style) features that set spliced fiction apart from the news text around it.

Pure scorers, no word lists. News prose repeats its own vocabulary (its
character bigrams recur across the document), is dense in digits, and rarely
uses personal pronouns, aspect particles (了 著), sentence-final particles or
question marks. A romance or xianxia fragment spliced into it shows the
opposite, and often spells characters in the other script than its host
(``麼 裡 於 後`` in a host that writes ``么 里 于 后``).

:func:`char_scores` gives each character a score (positive: fiction-like);
:func:`fiction_segments` finds the high-scoring runs of a line.

>>> text = "將中國工會精力送離職工群藍玉華站在主屋裡愣了半天，他會回來陪眾的身邊。職工群眾參加工會。"
>>> profile = DocProfile.of(text)
>>> [text[s:e] for s, e, _ in fiction_segments(text, 0, len(text), profile, min_score=3.0)]
['愣了半天，他']
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import regex

from .._resources import script_chars

PUNCT = frozenset("，,。．.！!？?；;：:、“”「」『』‘’\"'（）()《》〈〉—…-·　 ")
DIGITS = frozenset("0123456789０１２３４５６７８９%％")
#: characters of fiction register: pronouns, aspect and final particles, question and exclamation
#: marks; news uses (我國 其他 了解 著名 着力 酒吧) are excluded by the lookarounds
MARKER_RE = regex.compile(
    r"我(?![國国省市區区縣县校院軍军黨党們们])|(?<!其)他(?![人們们])|[你妳您她它祂咱俺](?![們们])"
    r"|(?<![為为除])了(?![解])|(?<![顯显卓昭土])[著着](?![名作力眼重手實实稱称])"
    r"|[呢嗎吗啊呀嘛哦啦唄呗]|(?<![酒網网貼贴])吧|[?？!！]"
)
#: the same characters without context, for cheap pre-checks
MARKER_CHARS = frozenset("我他你妳您她它祂咱俺了著着呢嗎吗啊呀嘛哦啦唄呗吧?？!！")
#: a cluster of three markers within a short stretch of one line: worth a closer look
CLUSTER_RE = re.compile(
    r"[我他你妳您她它咱了著着呢嗎吗啊呀嘛啦?？!！][^\n]{0,40}?[我他你妳您她它咱了著着呢嗎吗啊呀嘛啦?？!！]"
    r"[^\n]{0,40}?[我他你妳您她它咱了著着呢嗎吗啊呀嘛啦?？!！]"
)
#: the looser pre-check: two markers within 30 characters (more recall, slower on clean text)
CLUSTER2_RE = re.compile(r"[我他你妳您她它咱了著着呢嗎吗啊呀嘛啦?？!！][^\n]{0,30}?[我他你妳您她它咱了著着呢嗎吗啊呀嘛啦?？!！]")

_KIND_RES = (
    regex.compile(r"我(?![國国省市區区縣县校院軍军黨党們们])|(?<!其)他(?![人們们])|[你妳您她它祂咱俺](?![們们])"),
    regex.compile(r"(?<![為为除])了(?![解])|(?<![顯显卓昭土])[著着](?![名作力眼重手實实稱称])"),
    regex.compile(r"[呢嗎吗啊呀嘛哦啦唄呗]|(?<![酒網网貼贴])吧"),
    regex.compile(r"[?？!！]"),
)


def marker_kinds(span: str) -> int:
    """How many kinds of fiction marker ``span`` holds: pronouns, aspect particles, final particles, ?/!.

    >>> marker_kinds("“是啊，想通了。”"), marker_kinds("力度更大了、效果更突出了")
    (2, 1)
    """
    return sum(1 for rx in _KIND_RES if rx.search(span))


#: characters narrative prose leans on (bodies, gestures, senses, narrative adverbs); both scripts
NARRATIVE_CHARS = frozenset(
    "说說道笑哭泪淚眼眸手脸臉头頭嘴唇声聲看望听聽走站坐躺抱握拍咬叹嘆却卻竟忽轻輕慢静靜默"
    "冷暖夜门門窗床身影背肩指髮颤顫愣怔憋怒恨爱愛痛泣吻喊叫睡醒梦夢剑劍仇杀殺魂仙妖魔"
    "娘爷爺哥姐妹兄弟姑怀懷泛呆瞪盯瞥凝皱皺眉笑悄缓緩似仿彷般"
)
#: characters of administrative and economic news register; both scripts
NEWS_CHARS = frozenset(
    "工会會省市县縣区區部局委政府党黨国國经經济濟展建设設推进進实實施开開加强強提服务務企业業"
    "项項管理组組织織制度机機体體系规規划劃措策改革创創新全面重点點资資金亿億万萬元年日台臺"
    "公司技术術产產场場作单單位员員群众眾职職目标標质質量效保障领領导導社级級届屆育培训訓示"
    "范範类類计計截至比增长長率达達完成落举舉办辦院校法律规規民统統筹籌研究科财財税稅融贸貿"
    "营營销銷投项協协议議案件聘岗崗障救助补補贴貼慰问問竞競赛賽劳勞模匠"
    "门門关關计計划劃深入各及与與并並限司厂廠局署处處科批審审核"
)
#: how often a fiction character has a bigram recurring in the page, relative to a host character
_FICTION_REPEAT = 0.3


def _clip(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


@cache
def converters():  # type: ignore[no-untyped-def]
    """The page-independent OpenCC converters ``(t2s, s2t)``, built once."""
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


@dataclass(slots=True)
class DocProfile:
    """What the host page looks like: bigram counts, marker positions, minority-script characters.

    Weights are log-likelihood ratios of fiction versus this page: in a short
    page few bigrams recur, so a unique bigram says less there than in a long one.
    """

    text: str
    bigrams: Counter[str]
    minority: frozenset[str]
    markers: frozenset[int]
    rep_weights: tuple[float, float, float] = (0.6, -0.6, -2.0)
    marker_weight: float = 2.0
    minority_weight: float = 1.5
    digit_weight: float = -2.5
    latin_weight: float = -1.0
    spun_weight: float = -2.0
    narrative_weight: float = 0.6
    news_weight: float = -0.8
    bias: float = -0.15
    near: int = 40
    _far: dict[str, bool] | None = None
    _host_bigrams: Counter[str] | None = None  # bigram counts inside candidates (subtracted from ``bigrams``)
    _masked: bytearray | None = None
    char_weight: dict[str, tuple[float, bool]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, text: str, focus: str | None = None, lazy: bool = False, samples: int = 400, region: tuple[int, int] | None = None
    ) -> DocProfile:
        """Profile ``text`` (bigram counts, a sample of positions for the page's own rates).

        ``focus`` (the lines to be scored) limits which characters are checked for
        minority script; counts still come from the whole text. ``lazy`` counts a bigram
        only when asked for it (:class:`LazyCounts`), within ``region`` (default: all of
        ``text``): cheaper when few lines of a long page are scored.
        """
        bigrams: Counter[str] = LazyCounts(text, *(region or (0, len(text)))) if lazy else Counter(map("".join, itertools.pairwise(text)))
        markers = frozenset(m.start() for m in MARKER_RE.finditer(text))
        prof = cls(text, bigrams, minority_script_chars(text, focus), markers)
        step = max(1, len(text) // samples)
        seen = repeated = 0
        for i in range(1, len(text) - 1, step):
            c = text[i]
            if c in PUNCT or c in DIGITS or c.isascii():
                continue
            seen += 1
            repeated += prof.recurs(text[i - 1 : i + 1]) or prof.recurs(text[i : i + 2])
        r = (repeated + 0.5) / (seen + 1.0)
        # fiction characters have a recurring bigram about a third as often as the host's
        unique = _clip(math.log((1 - _FICTION_REPEAT * r) / (1 - r)), 0.0, 1.5)
        prof.rep_weights = (unique, math.log(0.45), math.log(0.15))
        return prof

    def refocus(self, focus: str) -> DocProfile:
        """A fresh profile of the same page for other lines ``focus``: counts are reused, minority script found again."""
        prof = DocProfile(self.text, self.bigrams, minority_script_chars(self.text, focus), self.markers)
        prof.rep_weights = self.rep_weights
        if self._far is None:
            self._far = {}
        prof._far = self._far  # which pairs recur far apart: a property of the page alone
        return prof

    def weight_of(self, c: str) -> tuple[float, bool]:
        """Score of a non-marker character ``c`` and whether its bigram recurrence adds to it."""
        if c in PUNCT:
            return 0.0, False
        if c in DIGITS:
            return self.digit_weight, False
        if c.isascii():
            return self.latin_weight, False
        s = self.bias
        if c in NARRATIVE_CHARS:
            s += self.narrative_weight
        elif c in NEWS_CHARS:
            s += self.news_weight
        if c in self.minority:
            s += self.minority_weight
        return s, True

    def recurrence(self, start: int, end: int) -> list[int]:
        """``rep[k]`` = 1 when the bigram ``text[start+k-1 : start+k+1]`` recurs (see :meth:`recurs_at`), for k in 0..end-start."""
        text = self.text
        n = len(text)
        lo, hi = max(0, start - 1), min(n - 1, end)
        host, masked = self._host_bigrams, self._masked
        if host is None or masked is None:
            recurs, count = self.recurs, self.bigrams.get
            # most bigrams occur once or often; only pairs seen exactly twice need the distance test
            pairs = map(text.__getitem__, map(slice, range(lo, hi), range(lo + 2, hi + 2)))
            vals = [0 if (c := count(bg, 0)) < 2 else 1 if c > 2 else int(recurs(bg)) for bg in pairs]
        else:
            page, minus = self.bigrams, host
            vals = [
                int(page[bg] - minus[bg] - (0 if masked[i] or masked[i + 1] else 1) >= 1)
                for i, bg in zip(range(lo, hi), map(text.__getitem__, map(slice, range(lo, hi), range(lo + 2, hi + 2))), strict=True)
            ]
        left = lo - (start - 1)
        return [0] * left + vals + [0] * (end - start + 1 - left - len(vals))

    def set_candidates(self, spans: list[tuple[int, int]]) -> None:
        """Count bigrams on the host alone, leaving out ``spans`` (fiction candidates).

        Afterwards :meth:`recurs_at` asks whether a bigram occurs in the host
        *elsewhere*: a name repeated by two fragments is no longer host vocabulary.
        """
        masked = bytearray(len(self.text))
        inside: Counter[str] = Counter()
        text = self.text
        for a, b in sorted(spans):
            masked[a:b] = b"\x01" * (b - a)
            # bigrams touching the span: they are not host bigrams
            lo, hi = max(0, a - 1), min(len(text), b + 1)
            inside.update(map("".join, itertools.pairwise(text[lo:hi])))
        # bigrams between two host characters that the spans' edges counted twice
        for a, b in spans:
            for i in (a - 1, b - 1):
                if 0 <= i < len(text) - 1 and not masked[i] and not masked[i + 1]:
                    inside[text[i : i + 2]] -= 1
        # host counts = page counts minus these (a small table, not a copy of the page's)
        self._host_bigrams = inside
        self._masked = masked

    def masked_at(self, i: int) -> bool:
        """Whether position ``i`` lies in a fiction candidate (see :meth:`set_candidates`)."""
        return bool(self._masked and self._masked[i])

    def recurs_at(self, i: int) -> bool:
        """Whether the bigram ``text[i:i+2]`` recurs elsewhere (in the host once candidates are set)."""
        bigram = self.text[i : i + 2]
        if self._host_bigrams is None or self._masked is None:
            return self.recurs(bigram)
        own = 0 if (self._masked[i] or self._masked[i + 1]) else 1
        return self.bigrams[bigram] - self._host_bigrams[bigram] - own >= 1

    def recurs(self, bigram: str) -> bool:
        """True when ``bigram`` occurs at least twice, not just twice close together.

        A fragment repeating its own words (奴隸 … 奴隸) is not host vocabulary.
        """
        n = self.bigrams[bigram]
        if n != 2:
            return n > 2
        if self._far is None:
            self._far = {}
        far = self._far.get(bigram)
        if far is None:
            first = self.text.find(bigram)
            far = self.text.find(bigram, first + 1) - first >= self.near
            self._far[bigram] = far
        return far


class LazyCharCounts(dict[str, int]):
    """Character counts of a text, each counted when first asked for."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, key: str) -> int:
        n = self[key] = self.text.count(key)
        return n


class LazyCounts(Counter[str]):
    """Bigram counts of a text, each counted (overlapping occurrences) the first time it is asked for.

    >>> c = LazyCounts("哈哈哈 工会工会")
    >>> c["哈哈"], c["工会"], c.get("会工"), c["无此"]
    (2, 2, 1, 0)
    """

    #: after this many look-ups each pair is no longer counted alone: the whole span is counted once
    EAGER_AFTER = 64

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        super().__init__()
        self.text, self.start, self.end = text, start, len(text) if end is None else end
        self._misses = 0
        self._full = False

    def __missing__(self, key: str) -> int:
        if self._full:
            return 0  # every pair of the span is counted: this one does not occur
        text, lo, hi = self.text, self.start, self.end
        self._misses += 1
        if self._misses > self.EAGER_AFTER:
            # many look-ups on a long text: one pass over it costs less than a scan per pair
            span = text[lo:hi]
            dict.update(self, Counter(map("".join, itertools.pairwise(span))))
            self._full = True
            return dict.get(self, key, 0)
        if len(key) != 2 or key[0] != key[1]:
            n = text.count(key, lo, hi)  # no overlaps possible
        else:
            n, i = 0, text.find(key, lo, hi)
            while i >= 0:
                n += 1
                i = text.find(key, i + 1, hi)
        self[key] = n
        return n

    def get(self, key: str, default: int | None = None) -> int:  # type: ignore[override]
        return self[key]


def minority_script_chars(text: str, focus: str | None = None) -> frozenset[str]:
    """Characters spelled in the script the document mostly does not use *for that character*.

    A host that writes 后 eleven times and 後 twice gets ``{'後'}``.

    >>> sorted(minority_script_chars("先后 以后 此后 然後"))
    ['後']
    """
    simp, trad = script_chars()
    t2s, s2t = converters()
    chars = set(text if focus is None else focus)
    counts: Counter[str] | LazyCharCounts = Counter(text) if focus is None else LazyCharCounts(text)
    out = set()
    for conv, script in ((t2s, trad), (s2t, simp)):
        mine = sorted(chars & script)
        # one converter call for all characters (one per line keeps positions aligned)
        others = conv.convert("\n".join(mine)).split("\n") if mine else []
        for c, other in zip(mine, others, strict=False):
            if other != c and len(other) == 1 and counts[other] > counts[c]:
                out.add(c)
    return frozenset(out)


def char_scores(text: str, start: int, end: int, profile: DocProfile, spun: list[tuple[int, int]]) -> list[float]:
    """Score each character of ``text[start:end]`` (positive: fiction-like); ``spun`` are spinner spans."""
    rep = profile.recurrence(start, end)
    markers = profile.markers
    rw = profile.rep_weights
    base = profile.char_weight
    marker_w = profile.marker_weight
    minority = profile.minority
    minority_w = profile.minority_weight
    out = []
    for k, c in enumerate(text[start:end]):
        if start + k in markers:
            out.append(marker_w + (minority_w if c in minority else 0.0))
            continue
        w = base.get(c)
        if w is None:
            w = base[c] = profile.weight_of(c)
        if w[1]:
            out.append(w[0] + rw[rep[k] + rep[k + 1]])
        else:
            out.append(w[0])
    k = bisect.bisect_left(spun, (start - 20, 0))  # spinner artefacts are short
    for a, b in itertools.islice(spun, k, None):
        if a >= end:
            break
        for i in range(max(a, start), min(b, end)):
            out[i - start] = profile.spun_weight
    return out


def best_segments(scores: list[float], min_score: float, xdrop: float = 4.0) -> list[tuple[int, int, float]]:
    """High-scoring runs of ``scores`` (each ≥ ``min_score``), left to right.

    A run starts at a positive score and stops when its sum falls ``xdrop``
    below its best (X-drop, as in sequence alignment), so two fragments with
    plain host text between them stay two runs.
    """
    found: list[tuple[int, int, float]] = []
    n = len(scores)
    i = 0
    while i < n:
        if scores[i] <= 0:
            i += 1
            continue
        run = best = 0.0
        best_end = i
        j = i
        while j < n:
            run += scores[j]
            if run > best:
                best, best_end = run, j + 1
            if run < 0 or run < best - xdrop:
                break
            j += 1
        if best >= min_score:
            found.append((i, best_end, best))
        i = max(best_end, i + 1)
    return found


def fiction_segments(
    text: str, start: int, end: int, profile: DocProfile, min_score: float = 4.0, spun: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, float]]:
    """Fiction-like runs inside ``text[start:end]`` as ``(start, end, score)`` in text positions."""
    scores = char_scores(text, start, end, profile, spun or [])
    return sorted((start + s, start + e, v) for s, e, v in best_segments(scores, min_score))


@cache
def spun_regex() -> regex.Pattern[str]:
    """One alternation of all synonym-spinner artefacts (``年夜`` for 大, ``可以或許`` for 能夠 …)."""
    from .._resources import spun_forms

    return regex.compile("|".join(f"(?:{rx})" for rx, _, _ in spun_forms()))


@cache
def _spun_by_anchor() -> tuple[re.Pattern[str], dict[str, regex.Pattern[str]]]:
    from .._resources import spun_forms

    groups: dict[str, list[str]] = {}
    for rx, _, anchor in spun_forms():
        groups.setdefault(anchor, []).append(rx)
    table = {a: regex.compile("|".join(f"(?:{rx})" for rx in rxs)) for a, rxs in groups.items()}
    return re.compile("[" + re.escape("".join(sorted(groups))) + "]"), table


def spun_spans(text: str) -> list[tuple[int, int]]:
    """Spans of spinner artefacts in ``text``.

    A character-class scan finds each artefact's anchor character; only there
    is the artefact's own pattern tried, a few characters either side.

    >>> spun_spans("年夜國工匠可以或許找到舞臺，吃年夜飯")
    [(0, 2), (5, 9)]
    """
    scan, table = _spun_by_anchor()
    found: set[tuple[int, int]] = set()
    for a in scan.finditer(text):
        p = a.start()
        for m in table[a.group()].finditer(text, max(0, p - 6), min(len(text), p + 7)):
            if m.start() <= p < m.end():
                found.add(m.span())
    spans: list[tuple[int, int]] = []
    for st, en in sorted(found):
        if not spans or st >= spans[-1][1]:
            spans.append((st, en))
    return spans
