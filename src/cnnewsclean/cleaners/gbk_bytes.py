"""Repair text that a broken GBK pipeline shifted byte-wise (CORRUPTION.md §1).

Damage model: a pinyin annotator and a full-width→ASCII converter worked on
GBK bytes without respecting character boundaries, and the bytes were decoded
again with Microsoft's cp936 table (``?`` for invalid pairs, PUA for
unassigned cells). A converted pair that straddles two characters (``。”`` =
``a1a3 a1b1`` → ``a1 21 b1``) orphans a lead byte and shifts the decoding until
an ASCII byte resynchronises it: ``勢在必行。”全國`` → ``勢在必行?!比珖``.

How a run is repaired:

1. Triggers: a ``?`` after a non-ASCII character (or after a number, before
   Chinese), or a cp936 PUA character (U+E000–E864). A ``?`` followed by
   fluent Chinese (character-LM check of the next 8 characters) is a question
   mark and costs nothing more. A window runs from the trigger over the
   following characters up to a few possible resynchronisation points (ASCII
   bytes, annotations), never past a line end.
2. The window is re-encoded to the bytes the decoder saw (cp936 with PUA,
   :mod:`cnnewsclean.cp936_pua`). A ``?`` is a hole: a lone lead byte
   0xA1–0xFE before an ASCII byte below 0x40, or a lead 0x81–0xA0 that ate the
   next byte (often the ``(`` of an annotation: ``?yōu)``).
3. A beam search decodes the bytes from an aligned start, trying at each ASCII
   byte that it was a full-width pair ``A3 xx`` (step 2 undone, so recovered
   punctuation is full-width), filling holes with every possible byte, and
   dropping pinyin annotations the decoder could not have seen aligned
   (``?yōu)``: the eaten byte must make, with the byte before it, a character
   whose default reading is the syllable). Annotations at aligned positions
   stay for ``remove_pinyin_annotations``. Candidates must end aligned and
   contain only assigned, non-PUA characters.
4. The best candidate by the character language model (:mod:`cnnewsclean.lm`)
   plus document context (a unigram cache, bigrams seen elsewhere in the document,
   no full stop closing a one-character sentence) replaces the window only
   when it beats the text as it stands by ``margin``; ASCII punctuation is
   scored as its full-width form and annotations as transparent, so neither
   width nor annotations alone can make an edit. A real question mark
   (``怎麼辦?如果``) stays. The orphaned lead byte (``。`` vs ``保``) and a
   byte eaten by ``?`` are guesses of this model; they are right on ~95% of
   synthetic runs (``benchmarks/bench_mojibake.py``).

Reason logged: ``gbk_byte_shift`` (one edit per repaired run).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from .._resources import pinyin_readings
from ..cleaner import Cleaner
from ..cp936_pua import PUA_FIRST, PUA_LAST, decode_pair, decode_table, encode_char
from ..document import Document, Edit
from ..lm import model
from .pinyin import split_syllable

_PY = "a-zü" + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: where a trigger may be: a ``?`` or a cp936 PUA character (checked by ``_is_trigger``)
_CANDIDATE = regex.compile(r"[?\ue000-\ue864]")
_ANNOT_BEFORE = regex.compile(r"[^\x00-\x7f][(][" + _PY + r"]{1,6}\)$")
#: ``(syllable)`` or ``?syllable)`` (the ``(`` eaten with a lead byte)
_ANNOT = regex.compile(r"[(?]([" + _PY + r"]{1,6})\)")

_A3_EXPANDED = -3.0  # log-penalty for undoing one full-width -> ASCII conversion
_HOLE_LOW = -1.0  # a ``?`` that was a lead 0x81-0xA0 plus an eaten byte
_ANNOT_MISMATCH = -8.0  # dropping an annotation that does not read the bytes before it
_PUA_IN_ORIGINAL = -30.0
#: log-penalty for a full stop closing a sentence of 0, 1, 2 characters
_SHORT_SENTENCE = (-15.0, -10.0, -5.0)
_DOC_BIGRAM_BONUS = 3.0
_BEAM = 120
_MAX_WINDOW = 200
_MAX_RESYNC = 3
_MAX_STARTS_BACK = 2

#: full-width punctuation converted by the byte pass: ASCII byte -> its A3 trail byte
_FW_TRAILS = tuple(0xA3 << 8 | x for x in (0xAC, 0xBA, 0xBB, 0xA1, 0xBF, 0xA8, 0xA9))
_FW_TRAIL_BYTES = tuple(code & 0xFF for code in _FW_TRAILS)
assert all(code >> 8 == 0xA3 for code in _FW_TRAILS)
#: the ASCII bytes those pairs became (``，`` A3AC -> ``,`` 2C ...)
_FW_ASCII = frozenset((code & 0xFF) - 0x80 for code in _FW_TRAILS)
#: bytes the decoder turns into ``?`` alone: leads 0xA1-0xFE before a non-trail, and 0x80
_LONE_BYTES = (0x80, *range(0xA1, 0xFF))


@dataclass(frozen=True)
class GbkBytesOptions:
    """Options for :class:`RepairGbkBytes`.

    ``margin``: log-probability (nats) by which a repair must beat the text as
    it stands; ``max_window``: longest damaged stretch examined (characters);
    ``max_searches``: fruitless searches per document (pages full of icon-font
    PUA characters stay cheap); reaching it is flagged as ``gbk_search_cap``.
    """

    margin: float = 6.0
    max_window: int = _MAX_WINDOW
    max_searches: int = 64


# ---------------------------------------------------------------- elements
# An element is what one piece of the window contributes to the byte stream.
_BYTE, _HOLE, _ANN, _HOLE_ANN = range(4)


@dataclass(slots=True)  # not frozen: built per window, and frozen __init__ is slow
class _Elem:
    kind: int
    byte: int = 0  # _BYTE
    syllable: str = ""  # _ANN / _HOLE_ANN
    text: str = ""  # the window text this element covers (on its last byte)
    next_low: bool = False  # _HOLE: next element is an ASCII byte below 0x40
    next_fw: bool = False  # _HOLE: next element is ASCII punctuation a byte pass could have made
    end: int = 0  # window offset after this element
    resync: bool = False  # a resynchronisation point follows this element


def _elements(window: str, after: str = "") -> list[_Elem] | None:
    """The byte-level elements of ``window`` (``after``: the character that follows it)."""
    out: list[_Elem] = []
    i, n = 0, len(window)
    window_after = window + (after or "\n")
    while i < n:
        ch = window[i]
        if ch in "(?":
            m = _ANNOT.match(window, i)
            if m and (ch == "(" or i + 1 < n):
                kind = _ANN if ch == "(" else _HOLE_ANN
                out.append(_Elem(kind, syllable=m.group(1), text=m.group(), end=m.end(), resync=True))
                i = m.end()
                continue
        if ch == "?":
            low = window_after[i + 1] < "\x40"
            fw = i + 1 < n and window[i + 1] in "!,:;?()"
            out.append(_Elem(_HOLE, text=ch, next_low=low, next_fw=fw, end=i + 1, resync=low))
            i += 1
            continue
        data = encode_char(ch)
        if data is None:
            return None
        if len(data) == 1:
            out.append(_Elem(_BYTE, byte=data[0], text=ch, end=i + 1, resync=True))
        else:
            out.append(_Elem(_BYTE, byte=data[0], end=i + 1))
            out.append(_Elem(_BYTE, byte=data[1], text=ch, end=i + 1, resync=True))
        i += 1
    return out


# ---------------------------------------------------------------- scoring
_LM_VIEW = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "(": "（", ")": "）", "?": "？"})
_LM_VIEW_CHARS = {chr(k): v for k, v in _LM_VIEW.items()}
_CACHE_WEIGHT = 0.15
#: the unigram cache counts a short text as if it were this long: three 勞模 in one line must not make 模 likely
_CACHE_MIN_CHARS = 1000
_ANNOT_PAREN = regex.compile(r"\([" + _PY + r"]{1,6}\)")


@lru_cache(maxsize=1 << 18)
def _lm_logp(prev: str | None, ch: str) -> float:
    """Shared-model transition (ASCII punctuation seen as full-width), cached across documents."""
    if prev is not None:
        prev = _LM_VIEW_CHARS.get(prev, prev)
    return model().logp(prev, _LM_VIEW_CHARS.get(ch, ch))


class _Scorer:
    """LM transitions plus document context: a unigram cache and bigrams seen elsewhere.

    ASCII punctuation is scored as its full-width form and ``(pinyin)`` is
    transparent, so that neither hypothesis gains from mere width or from
    annotations: only the damage decides.
    """

    def __init__(self, text: str) -> None:
        self.doc = text
        self.window = ""
        self.counts = counts = Counter(text)
        total = max(_CACHE_MIN_CHARS, len(text))
        self.cache = {ch: _CACHE_WEIGHT * c / total for ch, c in counts.items() if "\u3400" <= ch <= "\u9fff"}
        #: transitions that no window changes (no document-bigram bonus possible)
        self.fixed: dict[tuple[str | None, str], float] = {}
        #: transitions of Han pairs the document has, without and with the window's bonus
        self._base: dict[tuple[str | None, str], float] = {}
        self.window_memo: dict[tuple[str | None, str], float] = {}
        self._doc_pairs: dict[str, int] = {}  # pair -> occurrences in the document

    def set_window(self, window: str) -> None:
        """Bigrams of the stretch being repaired do not count as evidence for it."""
        self.window = window
        self.window_memo = {}

    def step(self, prev: str | None, ch: str) -> float:
        key = (prev, ch)
        s = self.fixed.get(key)
        if s is None:
            s = self.window_memo.get(key)
            if s is None:
                s = self._new_step(prev, ch, key)
        return s

    def _new_step(self, prev: str | None, ch: str, key: tuple[str | None, str]) -> float:
        base = self._base.get(key)
        if base is None:
            c = self.cache.get(_LM_VIEW_CHARS.get(ch, ch))
            base = _lm_logp(prev, ch)
            if c is not None:
                base = math.log((1.0 - _CACHE_WEIGHT) * math.exp(base) + c)
        counts = self.counts
        if prev is None or prev not in counts or ch not in counts or not _is_han_pair(prev + ch):
            self.fixed[key] = base  # the pair cannot occur in the document: never a bonus
            return base
        self._base[key] = base
        pair = prev + ch
        # the document has more of the pair than the window (overlapping counts)
        in_doc = self._doc_pairs.get(pair)
        if in_doc is None:
            in_doc = self._doc_pairs[pair] = _count_pair(self.doc, pair)
        s = base + _DOC_BIGRAM_BONUS if in_doc > _count_pair(self.window, pair) else base
        self.window_memo[key] = s
        return s

    def text(self, prev: str | None, text: str) -> float:
        s = 0.0
        for ch in _ANNOT_PAREN.sub("", text):
            s += self.step(prev, ch)
            prev = ch
        return s


# ---------------------------------------------------------------- search
#: A search state is a tuple (for speed): ``(score, pending, last_byte, prev_byte,
#: last_char, tail, out, fw)``. ``pending``: lead byte waiting for its trail, or -1;
#: ``tail``: ``_sentence_len(out[-3:])``; ``fw``: the next ASCII punctuation was a
#: full-width pair (it ended a ``?``). Fields 1-5 (``st[1:6]``) are the recombination key.
_State = tuple[float, int, int, int, "str | None", int, str, bool]


class _Search:
    """Beam search over original byte streams that explain one window."""

    def __init__(self, scorer: _Scorer, left_sentence: int = 99) -> None:
        self.scorer = scorer
        self.left_sentence = left_sentence
        self._score_step = scorer.step
        self._fixed = scorer.fixed
        self._table = decode_table()

    def _emit(self, st: _State, ch: str, bonus: float, b: int) -> _State:
        s = self._fixed.get((st[4], ch))
        s = st[0] + bonus + (self._score_step(st[4], ch) if s is None else s)
        if ch == "。":
            n = _sentence_len(st[6])
            if n < 0:
                n = self.left_sentence
            if n < len(_SHORT_SENTENCE):
                s += _SHORT_SENTENCE[n]
        if ch in _SENTENCE_OPENERS:
            tail = 0
        else:
            tail = st[5]
            tail = tail + 1 if 0 <= tail < 2 else -1
        return (s, -1, b, st[2], ch, tail, st[6] + ch, False)

    def feed(self, st: _State, b: int, bonus: float = 0.0) -> _State | None:
        """Decode one more original byte (aligned decoder)."""
        pending = st[1]
        if pending < 0:
            if b < 0x80:
                return self._emit(st, chr(b), bonus, b)
            if 0x81 <= b <= 0xFE:
                return (st[0] + bonus, b, b, st[2], st[4], st[5], st[6], False)
            return None
        ch = self._table.get(pending << 8 | b)
        if ch is None:
            return None
        if PUA_FIRST <= ch <= PUA_LAST:
            bonus += _PUA_IN_ORIGINAL
        return self._emit(st, ch, bonus, b)

    def _byte(self, st: _State, b: int, out: list[_State]) -> None:
        """A byte as seen, or the full-width pair ``A3 xx`` it was converted from."""
        if b in _FW_ASCII:
            fw = st[7]
            s1 = self.feed(st, b, _A3_EXPANDED if fw else 0.0)
            if s1:
                out.append(s1)
            s2 = self.feed(st, 0xA3, 0.0 if fw else _A3_EXPANDED)
            s2 = s2 and self.feed(s2, b + 0x80)
            if s2:
                out.append(s2)
        else:
            s1 = self.feed(st, b)
            if s1:
                out.append(s1)

    def step(self, st: _State, el: _Elem) -> list[_State]:
        """The states after one more element, for every reading of it."""
        out: list[_State] = []
        kind = el.kind
        if kind == _BYTE:
            self._byte(st, el.byte, out)
        elif kind == _HOLE:
            self._byte(st, 0x3F, out)  # a real ``?``, or ``？`` (A3BF) converted on bytes
            feed = self.feed
            if el.next_low:
                # a lone byte 0xA1-0xFE (or a trail 0x80) whose ASCII successor stopped the pair
                pending = st[1]
                if pending < 0:  # ``feed`` inlined: each lone byte starts a pair (0x80 is no lead)
                    score, last, char, tail, text = st[0] + 0.0, st[2], st[4], st[5], st[6]
                    out.extend([(score, v, v, last, char, tail, text, False) for v in _LONE_BYTES if v != 0x80])
                else:  # ``feed`` inlined: each byte completes the pending pair
                    fw = el.next_fw
                    table, emit, lead = self._table, self._emit, pending << 8
                    for v in _LONE_BYTES:
                        ch = table.get(lead | v)
                        if ch is None:
                            continue
                        s1 = emit(st, ch, _PUA_IN_ORIGINAL if PUA_FIRST <= ch <= PUA_LAST else 0.0, v)
                        out.append((*s1[:7], True) if fw else s1)
            else:
                # a lead 0x81-0xA0 that ate a converted full-width pair ``A3 xx``
                for v in range(0x81, 0xA1):
                    s1 = feed(st, v, _HOLE_LOW)
                    if s1 is None:
                        continue
                    s2 = feed(s1, 0xA3, _A3_EXPANDED)  # the lead of every pair in _FW_TRAILS
                    if s2 is None:
                        continue
                    for trail in _FW_TRAIL_BYTES:
                        s3 = feed(s2, trail)
                        if s3:
                            out.append(s3)
        elif kind == _HOLE_ANN:
            # a lead 0x81-0xA0 that ate the ``(``: the pair before it carries the reading
            matched: list[_State] = []
            other: list[_State] = []
            for v in range(0x81, 0xA1):
                s1 = self.feed(st, v)
                if s1 is None:
                    continue
                (matched if _pair_reads(st[2], v, el.syllable) else other).append(s1)
            out.extend(matched)
            if not matched:
                out.extend((s[0] + _ANNOT_MISMATCH, *s[1:7], False) for s in other)
        else:  # _ANN: kept as text where the decoder is aligned, else dropped if it reads the pair before it
            if st[1] < 0:
                text = st[6] + el.text
                out.append((st[0], -1, st[2], st[3], st[4], _sentence_len(text[-3:]), text, False))
            elif _pair_reads(st[3], st[2], el.syllable):
                out.append(st)
        return out

    def run(self, elems: list[_Elem], first_ok: int, left: str | None, left_bytes: bytes) -> list[tuple[float, str, int]]:
        """Candidates ``(score, text, window_end)`` ending aligned at a resync point."""
        last = left_bytes[-1] if left_bytes else -1
        prev = left_bytes[-2] if len(left_bytes) > 1 else -1
        beam: list[_State] = [(0.0, -1, last, prev, left, -1, "", False)]
        results: list[tuple[float, str, int]] = []
        step = self.step
        emit = self._emit
        table = self._table
        for i, el in enumerate(elems):
            best: dict[tuple[int, int, int, str | None, int], _State] = {}
            get = best.get
            b = el.byte
            if el.kind == _BYTE and b not in _FW_ASCII:
                # fast path for the common element (``feed`` inlined): one reading per state
                for st in beam:
                    pending = st[1]
                    if pending < 0:
                        if b < 0x80:
                            ns = emit(st, chr(b), 0.0, b)
                        elif 0x81 <= b <= 0xFE:
                            ns = (st[0] + 0.0, b, b, st[2], st[4], st[5], st[6], False)
                        else:
                            continue
                    else:
                        ch = table.get(pending << 8 | b)
                        if ch is None:
                            continue
                        ns = emit(st, ch, _PUA_IN_ORIGINAL if PUA_FIRST <= ch <= PUA_LAST else 0.0, b)
                    key = ns[1:6]
                    old = get(key)
                    if old is None or ns[0] > old[0]:
                        best[key] = ns
            elif el.kind == _BYTE:
                # ASCII punctuation: the byte as seen, or the full-width pair ``A3 xx`` (``_byte`` inlined)
                feed, full = self.feed, b + 0x80
                for st in beam:
                    fw = st[7]
                    ns = feed(st, b, _A3_EXPANDED if fw else 0.0)
                    if ns:
                        key = ns[1:6]
                        old = get(key)
                        if old is None or ns[0] > old[0]:
                            best[key] = ns
                    ns = feed(st, 0xA3, 0.0 if fw else _A3_EXPANDED)
                    ns = ns and feed(ns, full)
                    if ns:
                        key = ns[1:6]
                        old = get(key)
                        if old is None or ns[0] > old[0]:
                            best[key] = ns
            else:
                for st in beam:
                    for ns in step(st, el):
                        key = ns[1:6]
                        old = get(key)
                        if old is None or ns[0] > old[0]:
                            best[key] = ns
            beam = sorted(best.values(), key=_neg_score)[:_BEAM]
            if not beam:
                break
            if el.resync and i >= first_ok:
                for st in beam:
                    if st[1] < 0 and not st[7]:
                        results.append((st[0], st[6], el.end))
                        break
        return results


def _neg_score(st: _State) -> float:
    return -st[0]


def _pair_reads(lead: int, trail: int, syllable: str) -> bool:
    """True when the cell ``lead trail`` is a character whose default reading is ``syllable``."""
    if lead < 0x81:
        return False
    ch = decode_pair(lead, trail)
    if ch is None:
        return False
    readings = pinyin_readings().get(ch)
    return bool(readings) and split_syllable(readings[0]) == split_syllable(syllable)


def _sentence_len(out: str) -> int:
    """Characters since the last sentence or quote opening in ``out``; -1 when there is none."""
    for n, ch in enumerate(reversed(out)):
        if ch in _SENTENCE_OPENERS:
            return n
    return -1


_SENTENCE_OPENERS = frozenset("。！？!?“‘\n")


# ---------------------------------------------------------------- cleaner
class RepairGbkBytes(Cleaner):
    """Undo GBK byte shifts: re-encode damaged runs and decode them right.

    >>> from cnnewsclean.document import Document
    >>> RepairGbkBytes()(Document("產業工人的轉型升‘技’勢在必行?!比珖\\ue268\\ue849f(xié)委員、茂名石化首席技師")).text
    '產業工人的轉型升‘技’勢在必行。”全國政協(xié)委員、茂名石化首席技師'
    """

    name = "repair_gbk_bytes"
    Config = GbkBytesOptions

    def quick_check(self, text: str) -> bool:
        return _CANDIDATE.search(text) is not None

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        scorer: _Scorer | None = None
        edits: list[Edit] = []
        pos = 0
        searched_to = 0  # PUA inside a window that found nothing is not searched again
        searches = 0  # searches that found nothing
        for m in _CANDIDATE.finditer(text):
            i = m.start()
            if i < pos or (text[i] != "?" and i < searched_to) or not _is_trigger(text, i) or not _suspicious(text, i):
                continue
            if searches >= self.config.max_searches:
                doc.flag("gbk_search_cap", searches=searches, at=i)
                break
            if scorer is None:
                scorer = _Scorer(text)
            found = self._repair_at(text, i, scorer)
            if found is None:
                searches += 1
                searched_to = _window_end(text, i, min(len(text), i + self.config.max_window))
                continue
            start, end, after = found
            start, end, after = _trim(text, start, end, after)
            if start >= pos and after != text[start:end]:
                edits.append(self.edit(text, start, end, after, "gbk_byte_shift"))
                pos = end
        return edits

    def _repair_at(self, text: str, trig: int, scorer: _Scorer) -> tuple[int, int, str] | None:
        """Best ``(start, end, replacement)`` for the run at ``trig``, or None."""
        line_end = text.find("\n", trig)
        if line_end < 0:
            line_end = len(text)
        line_start = text.rfind("\n", 0, trig) + 1
        end = _window_end(text, trig, min(line_end, trig + self.config.max_window))
        starts = [trig]
        if text[trig] != "?":
            for back in range(1, _MAX_STARTS_BACK + 1):
                s = trig - back
                if s < line_start or text[s] < "\x80" or text[s] in "，。、“”：；！？（）":
                    break
                starts.append(s)
        best: tuple[float, int, int, str] | None = None
        base_scores: dict[int, float] = {}
        for start in starts:
            window = text[start:end]
            scorer.set_window(window)
            left_len = _sentence_len(text[max(line_start, start - 8) : start])
            search = _Search(scorer, left_len if left_len >= 0 else min(8, start - line_start))
            elems = _elements(window, text[end : end + 1])
            if not elems:
                continue
            first_ok = next(i for i, el in enumerate(elems) if el.end > trig - start)
            head = _ANNOT_PAREN.sub("", text[max(line_start, start - 20) : start])
            left = head[-1] if head else None
            right = text[end : end + 2]
            for score, out, wend in search.run(elems, first_ok, left, _bytes_before(text, start, line_start)):
                cand = out + window[wend:]
                total = score + scorer.text(out[-1] if out else left, window[wend:] + right)
                if best is None or total > best[0] + 1e-9:
                    best = (total, start, end, cand)
            if start not in base_scores:
                base_scores[start] = scorer.text(left, window + right)
        if best is None:
            return None
        total, start, end_, cand = best
        if total < base_scores[start] + self.config.margin:
            return None
        return start, end_, cand


def _bytes_before(text: str, start: int, line_start: int) -> bytes:
    """cp936 bytes of the two characters before ``start``, skipping annotations."""
    head = _ANNOT_PAREN.sub("", text[max(line_start, start - 20) : start])[-2:]
    out = b""
    for ch in head:
        out += encode_char(ch) or b"?"
    return out


_DAMAGE_AFTER_MARK = regex.compile(r"\?(?:[!,:;()]|[" + _PY + r"]{1,6}\))")
_PUA_AHEAD = regex.compile(r"[\ue000-\ue864]")
_GARBLED_LOGP = -8.5
_LOOKAHEAD = 8


def _suspicious(text: str, i: int) -> bool:
    """Cheap test that a trigger may start damage; a ``?`` before fluent Chinese is a question mark."""
    if text[i] != "?" or _DAMAGE_AFTER_MARK.match(text, i):
        return True
    ahead = text[i + 1 : i + 1 + _LOOKAHEAD].split("\n", 1)[0]
    if _PUA_AHEAD.search(ahead):
        return True
    if not ahead:
        return False
    return model().logprob(ahead) / len(ahead) < _GARBLED_LOGP


def _is_trigger(text: str, i: int) -> bool:
    """A PUA character, or a ``?`` after a non-ASCII character (or its annotation), or
    after a number and before Chinese text; never at a line end or before a space."""
    if text[i] != "?":
        return True
    nxt = text[i + 1 : i + 2]
    if not nxt or nxt.isspace() or i == 0:
        return False
    prev = text[i - 1]
    if prev >= "\x80":
        return True
    if prev == ")":
        return _ANNOT_BEFORE.search(text, max(0, i - 10), i) is not None
    if prev.isdigit() or prev == "%":
        after = text[i + 2 : i + 3] if nxt in "!,:;()" else nxt
        return after >= "\x80"
    return False


def _window_end(text: str, trig: int, limit: int) -> int:
    """End of the stretch after ``trig`` that may still be misaligned."""
    resyncs = 0
    i = trig
    while i < limit:
        ch = text[i]
        if ch == "(" or ch == "?":
            m = _ANNOT.match(text, i)
            if m and m.end() <= limit:
                resyncs += 1
                i = m.end()
                if resyncs >= _MAX_RESYNC:
                    return i
                continue
        if i > trig and ch < "\x80" and ch != "?" and text[i - 1] != "?":
            resyncs += 1
            if resyncs >= _MAX_RESYNC:
                return i + 1
        i += 1
    return limit


_HAN_PAIR = regex.compile(r"\p{Han}\p{Han}")


def _count_pair(text: str, pair: str) -> int:
    """Occurrences of the two-character ``pair`` in ``text``, overlapping ones included."""
    if pair[0] != pair[1]:
        return text.count(pair)
    n = 0
    i = text.find(pair)
    while i >= 0:
        n += 1
        i = text.find(pair, i + 1)
    return n


@lru_cache(maxsize=1 << 16)
def _is_han_pair(pair: str) -> bool:
    """True when both characters of ``pair`` are CJK ideographs."""
    return _HAN_PAIR.fullmatch(pair) is not None


def _trim(text: str, start: int, end: int, after: str) -> tuple[int, int, str]:
    """Shrink an edit to the part that changes."""
    before = text[start:end]
    i = 0
    while i < len(before) and i < len(after) and before[i] == after[i]:
        i += 1
    j = 0
    while j < len(before) - i and j < len(after) - i and before[-1 - j] == after[-1 - j]:
        j += 1
    return start + i, end - j, after[i : len(after) - j]
