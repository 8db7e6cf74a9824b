"""A class-conditional character model: how much likelier a character is in narrative fiction than in news.

Three character models are read. The fiction model counts the project's own
short stories (``data/fiction_lm.tsv.gz``), the news model its own news reports
(``data/news_lm.tsv.gz``; both built by ``scripts/build_fiction_lm.py``, in both
scripts), each smoothed by absolute discounting towards its unigram distribution.
The background is the news model mixed (``NEWS_WEIGHT``) with the general
word-based model of :mod:`cnnewsclean.lm` (jieba's dictionary): the news reports
are few, the dictionary knows every common word. :func:`llr_scores` gives each
character the log ratio of fiction to background, clipped;
:func:`viterbi_segments` cuts a line into host and fiction stretches with a
two-state model whose switch penalty keeps short
accidental runs (a quoted sentence, one pronoun) in the host.

The segments are rough (here one host character too many); the cleaner moves the cut
to where the host rejoins:

>>> line = "今年以来全省各级工会共开展宣讲活动1.2万场她把伞往他头上挪了挪，小声说：“你怎么又淋雨了？”覆盖职工群众300余万人次"
>>> [line[a:b] for a, b, _ in viterbi_segments(llr_scores(line))]
['场她把伞往他头上挪了挪，小声说：“你怎么又淋雨了？”']
"""

from __future__ import annotations

import math
import re
from functools import cache

from ..lm import model as general_model

#: absolute discount of the fiction bigram model
_DISCOUNT = 0.75
#: weight (in characters) of the general character frequencies as a prior of the fiction unigram model
_PRIOR = 5000.0
#: prior share of a character the general model does not know (symbols, rare characters)
_OTHER_SHARE = 1e-6
#: per-character log ratios are clipped to this range (one odd character decides nothing)
_CLIP = 4.0
#: added to every log ratio (fiction is rare in news; the cleaner sets its own)
BIAS = 0.8
#: weight of the news model (the project's own reports) in the background, against the general model
NEWS_WEIGHT = 0.7
#: cost of each switch between host and fiction in :func:`viterbi_segments`
SWITCH = 6.0


#: symbols of statistics and reports
_HOST_SYMBOLS = frozenset("%％‰℃㎡·.．/@#&+=×")
#: punctuation a story uses (scored by the two models like characters)
_STORY_PUNCT = frozenset("，。、；：？！“”‘’「」『』…—,;:?!")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def normalise(ch: str) -> str:
    """Digits to ``0``, Latin letters to ``a``: the register models keep classes, not values (counted and read alike).

    >>> "".join(map(normalise, "第3章Ab"))
    '第0章aa'
    """
    if (ch.isascii() and ch.isdigit()) or "０" <= ch <= "９":
        return "0"
    if ch.isascii() and ch.isalpha():
        return "a"
    return ch


class RegisterLM:
    """A character bigram model of one register (``"fiction"`` or ``"news"``), from its count table.

    Bigrams are smoothed by absolute discounting towards the unigrams, and the unigrams
    towards the general character frequencies (a small corpus that never uses a
    character is no evidence that its register avoids it).
    """

    def __init__(self, name: str) -> None:
        from .._resources import register_lm_tables

        uni, bi = register_lm_tables(name)
        self._total = total = sum(uni.values())
        gm = general_model()
        self._uni = {c: (n + _PRIOR * self._base(c, gm)) / (total + _PRIOR) for c, n in uni.items()}
        follow: dict[str, int] = {}
        types: dict[str, int] = {}
        for pair, n in bi.items():
            follow[pair[0]] = follow.get(pair[0], 0) + n
            types[pair[0]] = types.get(pair[0], 0) + 1
        self._hist = {c: (1.0 / n, _DISCOUNT * types[c] / n) for c, n in follow.items()}
        self._bi = bi

    @staticmethod
    def _base(c: str, gm) -> float:  # type: ignore[no-untyped-def]
        """Prior share of ``c``: its general frequency (CJK), a small constant otherwise."""
        return math.exp(gm.char_logp(c)) if _is_cjk(c) and gm.is_known(c) else _OTHER_SHARE

    def p(self, prev: str | None, ch: str) -> float:
        """Probability of ``ch`` after ``prev``."""
        c = normalise(ch)
        p_uni = self._uni.get(c)
        if p_uni is None:
            p_uni = self._uni[c] = _PRIOR * self._base(c, general_model()) / (self._total + _PRIOR)
        h = self._hist.get(normalise(prev)) if prev is not None else None
        if h is None:
            return p_uni
        n = self._bi.get(normalise(prev) + c, 0)  # type: ignore[arg-type]
        return max(n - _DISCOUNT, 0.0) * h[0] + h[1] * p_uni

    def logp(self, prev: str | None, ch: str) -> float:
        """Log-probability of ``ch`` after ``prev``."""
        return math.log(self.p(prev, ch))


class FictionLM(RegisterLM):
    """The fiction model and its log ratio against the background: the news model mixed with the general one."""

    def __init__(self) -> None:
        super().__init__("fiction")
        self._news = RegisterLM("news")
        self._memo: dict[str, float] = {}

    def background_logp(self, prev: str | None, ch: str) -> float:
        """Log-probability of ``ch`` after ``prev`` in news: the news model mixed with the general model."""
        return math.log(NEWS_WEIGHT * self._news.p(prev, ch) + (1 - NEWS_WEIGHT) * math.exp(general_model().logp(prev, ch)))

    def llr(self, prev: str | None, ch: str) -> float:
        """Clipped log ratio fiction / general model for ``ch`` after ``prev``."""
        key = (prev or "\n") + ch
        v = self._memo.get(key)
        if v is None:
            if (ch.isascii() and ch.isalnum()) or ch in _HOST_SYMBOLS or "０" <= ch <= "９":
                v = -_CLIP  # digits, Latin letters, percent signs: news far more than stories
            elif not _is_cjk(ch) and ch not in _STORY_PUNCT:
                v = -1.0  # bullets, brackets, symbols: layout of a page, not of a story
            elif _is_cjk(ch) and not general_model().is_known(ch):
                v = -1.0  # a character the general model never saw (dialect, rare names): no evidence of a story
            else:
                v = self.logp(prev, ch) - self.background_logp(prev, ch)
                v = -_CLIP if v < -_CLIP else _CLIP if v > _CLIP else v
            self._memo[key] = v
        return v


@cache
def fiction_model() -> FictionLM:
    """The shared model (loaded on first call)."""
    return FictionLM()


def llr_scores(text: str, start: int = 0, end: int | None = None, bias: float = BIAS) -> list[float]:
    """Per-character scores of ``text[start:end]`` (positive: fiction-like): clipped log ratio plus ``bias``."""
    end = len(text) if end is None else end
    if end <= start:
        return []
    fm = fiction_model()
    # pairs of (previous, current) character; a line's first character has no history
    head = text[start - 1] if start > 0 and text[start - 1] != "\n" else "\n"
    pairs = [text[i : i + 2] for i in range(start - 1, end - 1)] if head != "\n" else [head + text[start]]
    if head == "\n":
        pairs += [text[i : i + 2] for i in range(start, end - 1)]
    vals = list(map(fm._memo.get, pairs))
    if None in vals:
        for k, v in enumerate(vals):
            if v is None:
                pair = pairs[k]
                vals[k] = fm.llr(None if pair[0] == "\n" else pair[0], pair[1])
    return [v + bias for v in vals]  # type: ignore[operator]


def viterbi_segments(scores: list[float], switch: float = SWITCH) -> list[tuple[int, int, float]]:
    """Fiction stretches ``(start, end, score sum)`` of the best two-state path over ``scores``.

    The host state scores 0 per character, the fiction state the character's
    score; entering or leaving fiction costs ``switch`` each.

    >>> viterbi_segments([-1.0, -1.0, 3.0, 3.0, 3.0, -1.0, -1.0], switch=2.0)
    [(2, 5, 9.0)]
    """
    host, fic = 0.0, -switch
    back: list[bool] = []  # per position: fiction state came from fiction (True) or host
    host_from: list[bool] = []  # host state came from fiction
    for s in scores:
        h_from_f = fic - switch > host
        f_from_f = fic >= host - switch
        new_host = fic - switch if h_from_f else host
        new_fic = (fic if f_from_f else host - switch) + s
        host_from.append(h_from_f)
        back.append(f_from_f)
        host, fic = new_host, new_fic
    state = fic - switch > host  # end: leaving fiction costs a switch too
    segs: list[tuple[int, int, float]] = []
    end = len(scores)
    for i in range(len(scores) - 1, -1, -1):
        if state:
            if not back[i]:
                segs.append((i, end, sum(scores[i:end])))
                state = False
        else:
            if host_from[i]:
                state, end = True, i
    # a run that reaches position 0 in fiction
    if state:
        segs.append((0, end, sum(scores[0:end])))
    return sorted(segs)


#: a character is a story anchor when the fiction model gives it this much more weight than the general one ...
_ANCHOR_RATIO = 0.7
#: ... and the stories use it at least this often (all scripts together)
_ANCHOR_COUNT = 20


@cache
def story_anchor_re() -> re.Pattern[str]:
    """Three story characters (她 笑 眼 劍 …, from the fiction model) within a few characters: a cheap first scan.

    Clean news seldom packs them so closely; nearly every fragment of a story does.
    """
    from .._resources import fiction_lm_tables

    uni, _ = fiction_lm_tables()
    fm, gm = fiction_model(), general_model()
    chars = sorted(c for c, n in uni.items() if _is_cjk(c) and n >= _ANCHOR_COUNT and fm.logp(None, c) - gm.char_logp(c) >= _ANCHOR_RATIO)
    cls = "[" + "".join(chars) + "]"
    return re.compile(cls + r"[^\n]{0,3}?" + cls + r"[^\n]{0,3}?" + cls)


def best_run(scores: list[float]) -> float:
    """The largest sum of consecutive ``scores`` (0.0 when all are negative).

    >>> best_run([-1.0, 2.0, 3.0, -4.0, 1.0])
    5.0
    """
    best = run = 0.0
    for v in scores:
        run = run + v if run > 0 else v
        if run > best:
            best = run
    return best


def story_lines(text: str, anchors: list[int], min_run: float, reach: int = 16, bias: float = BIAS) -> list[tuple[int, int]]:
    """Lines ``(start, end)`` of ``text`` holding an anchor (a position) whose surroundings score at least ``min_run``.

    Only ``reach`` characters either side of each anchor are scored (one stretch per line,
    from its first anchor to its last): a cheap second look before a line is scored in full.

    >>> text = "全省各级工会共开展宣讲活动1.2万场。" + chr(10) + "她把伞往他头上挪了挪，小声说：“你怎么又淋雨了？”"
    >>> story_lines(text, [m.start() for m in story_anchor_re().finditer(text)], 8.0)
    [(20, 45)]
    """
    by_line: dict[int, list[int]] = {}
    for p in anchors:
        by_line.setdefault(text.rfind("\n", 0, p) + 1, []).append(p)
    out: list[tuple[int, int]] = []
    for ls, ps in sorted(by_line.items()):
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        lo, hi = max(ls, min(ps) - reach), min(le, max(ps) + reach)
        scores = llr_scores(text, lo, hi, bias)
        # best run inside any anchor's reach: runs between far-apart anchors are cut at the gaps
        best = 0.0
        for p in sorted(ps):
            a, b = max(lo, p - reach) - lo, min(hi, p + reach) - lo
            if best_run(scores[a:b]) >= min_run:
                best = min_run
                break
        if best >= min_run:
            out.append((ls, le))
    return out
