"""Find stretches of text that are another encoding's bytes decoded with the wrong codec.

Pure functions, no edits. A page decoded with the wrong codec turns common
characters into uncommon ones (``发展`` -> ``鍙戝睍``), so only runs of
uncommon characters (outside the 4000 most frequent, ``data/common_chars.txt``)
are examined: clean text costs one regex scan. Each run is re-encoded the way
the wrong decoder saw it and decoded the right way, for every route below;
:func:`readings` returns the candidate readings with their character spans and
leaves the choice to a language model.

Routes (wrong decoder <- original bytes):

* ``utf8_as_gbk``: UTF-8 read as GBK/cp936 (``鍙戝睍`` -> ``发展``);
* ``utf8_as_latin1``: UTF-8 read as Latin-1/cp1252 (``ç®€ä½“`` -> ``简体``);
* ``gbk_as_latin1``: GBK read as Latin-1/cp1252 (``²úÆ·`` -> ``产品``);
* ``big5_as_gbk``: Big5 read as GBK; ``gbk_as_big5``: GBK read as Big5.

>>> [(r.route, r.text) for r in readings("鍙戝睍", 0, 3) if r.route == "utf8_as_gbk"]
[('utf8_as_gbk', '发展')]
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .._resources import common_chars, script_chars
from ..cp936_pua import encode_char as cp936_encode_char

PUA_CLASS = "[\ue000-\uf8ff]"
#: marks common in clean Chinese text; never a reason to examine a run
_COMMON_MARKS = "，。、；：？！“”‘’（）《》〈〉「」『』【】—…·　"
_UTF8_RUN = re.compile(rb"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})+")
_DBCS_RUN = re.compile(rb"(?:[\x81-\xfe][\x40-\x7e\x80-\xfe])+")
#: characters the Latin-1/cp1252 decoder produces for bytes 0x80-0xFF
_CP1252_HIGH = bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore")
_LATIN_HIGH = frozenset(_CP1252_HIGH) | frozenset(chr(c) for c in range(0x80, 0x100))
LOST = "\ufffd?"


@dataclass(frozen=True, slots=True)
class Reading:
    """The document's ``[start:end]`` re-decoded by ``route`` reads ``text``.

    ``guessed`` counts lost bytes that were filled in (chosen by the character LM); ``dropped``
    counts bytes at the end that start a character whose other bytes were lost.
    """

    start: int
    end: int
    text: str
    route: str
    guessed: int = 0
    dropped: int = 0


@cache
def _candidate_re() -> re.Pattern[str]:
    common = re.escape(common_chars() + _COMMON_MARKS)
    rare = f"[^\\x00-\\x7f\\u2000-\\u200b\\u3000{common}]"
    # characters whose GBK bytes are a UTF-8 lead and continuation: UTF-8 read as GBK shows one
    # every three characters, clean text about one in 2000
    lead = "".join(sorted(utf8_lead_chars()))
    # two uncommon characters at most two others apart, or a UTF-8-lead character before non-ASCII
    # or a private-use character (what GBK decoders make of user-defined cells)
    # (the pattern opens with one character class, uncommon or UTF-8 lead, so the regex engine
    # skips every other character in C; lookbehinds then tell which kind it was)
    return re.compile(
        f"[{_rare_or_lead_class()}]"
        f"(?:(?:(?<={rare})(?:[^\\n]{{0,2}}{rare})+|(?<={PUA_CLASS}))(?P<rare>)|(?<=[{lead}])[^\\x00-\\x7f\\u3000])"
    )


def may_hold_mojibake(text: str) -> bool:
    """Cheap pre-check: False when ``text`` has no character :func:`candidate_spans` could start at.

    >>> may_hold_mojibake("发展经济是重点。"), may_hold_mojibake("鍙戝睍缁忔祹")
    (False, True)
    """
    return _rare_or_lead_re().search(text) is not None


@cache
def _rare_or_lead_re() -> re.Pattern[str]:
    return re.compile(f"[{_rare_or_lead_class()}]")


def _rare_or_lead_class() -> str:
    """The body of a character class: non-ASCII characters that are uncommon or UTF-8-lead characters."""
    skip = set(common_chars() + _COMMON_MARKS) | {chr(c) for c in range(0x2000, 0x200C)} | {"\u3000"}
    codes = sorted(ord(c) for c in skip - utf8_lead_chars() if ord(c) >= 0x80)
    parts: list[str] = []
    lo = 0x80
    for o in codes:
        if o > lo:
            parts.append(re.escape(chr(lo)) if o - 1 == lo else f"{re.escape(chr(lo))}-{re.escape(chr(o - 1))}")
        lo = max(lo, o + 1)
    parts.append(f"{re.escape(chr(lo))}-\\U0010ffff")
    return "".join(parts)


@cache
def utf8_lead_chars() -> frozenset[str]:
    """Characters whose GBK bytes are a UTF-8 lead byte (of a 3-byte sequence) and a continuation byte."""
    out: set[str] = set()
    for lead in (0xE2, *range(0xE3, 0xEA), 0xEF):  # punctuation, CJK, full-width forms
        for trail in range(0x80, 0xC0):
            try:
                out.add(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return frozenset(out)


#: widened spans this many characters apart (same line) are one span: a damaged paragraph
#: has common-looking characters too, and a UTF-8 run must not be cut between spans
_MERGE_GAP = 8


class Candidate(NamedTuple):
    """A span worth re-decoding: ``uncommon`` uncommon characters in ``core`` characters of matched runs
    (``uncommon == 0``: found only through a UTF-8-lead character)."""

    start: int
    end: int
    uncommon: int
    core: int


def candidate_spans(text: str, margin: int = 4) -> Iterator[Candidate]:
    """Runs of uncommon characters, widened by ``margin`` non-ASCII characters each side.

    Runs whose widened spans are at most ``_MERGE_GAP`` characters apart are merged.

    >>> list(candidate_spans("殷殷囑託，感恩奮進。鍙戝睍缁忔祹好"))
    [Candidate(start=6, end=17, uncommon=3, core=6)]
    """
    n = len(text)
    common = _common_set()
    cur: Candidate | None = None
    for m in _candidate_re().finditer(text):
        s, e = m.span()
        uncommon = 0
        if m.lastgroup == "rare":
            uncommon = sum(1 for ch in m.group() if ch not in common and ch > "\xa0")
            if uncommon < 2 and not ("\ue000" <= m.group()[0] <= "\uf8ff"):
                continue  # no-break spaces are not damage
        k = 0
        while k < margin and s > 0 and not text[s - 1].isascii() and text[s - 1] != "\u3000":
            s -= 1
            k += 1
        k = 0
        while k < margin and e < n and not text[e].isascii() and text[e] != "\u3000":
            e += 1
            k += 1
        if e < n and text[e - 1] in _LATIN_HIGH and "\x40" <= text[e] <= "\x7e":
            e += 1  # a GBK trail byte read as an ASCII character
        if cur is not None and s <= cur.end + _MERGE_GAP and "\n" not in text[cur.end : s + 1]:
            cur = Candidate(cur.start, max(cur.end, e), cur.uncommon + uncommon, cur.core + m.end() - m.start())
            continue
        if cur is not None:
            yield cur
        cur = Candidate(s, e, uncommon, m.end() - m.start())
    if cur is not None:
        yield cur


_DBCS_MIN_SHARE = 0.5


@cache
def _common_set() -> frozenset[str]:
    return frozenset(common_chars() + _COMMON_MARKS)


def _may_be_utf8_as_gbk(span: str) -> bool:
    """Cheap test: do the GBK bytes of ``span`` hold two or more UTF-8 multi-byte characters in a row?"""
    data = span.encode("gb18030", errors="replace")  # GBK, with the user-defined cells of the PUA
    return any(m.end() - m.start() >= 5 for m in _UTF8_RUN.finditer(data))


# -- how the wrong decoder's output maps back to bytes -------------------------------------


@cache
def _gbk_bytes(ch: str) -> bytes | None:
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        return cp936_encode_char(ch)


@cache
def _big5_bytes(ch: str) -> bytes | None:
    try:
        return ch.encode("cp950")
    except UnicodeEncodeError:
        return None


@cache
def _latin_bytes(ch: str) -> bytes | None:
    o = ord(ch)
    if o < 0x100:
        return bytes((o,))
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return None


def _stretches(text: str, start: int, end: int, to_bytes: Callable[[str], bytes | None]) -> Iterator[tuple[int, bytes, list[int]]]:
    """Maximal encodable stretches: ``(first char, bytes, byte offset of each char + end offset)``."""
    i = start
    while i < end:
        offs: list[int] = []
        parts: list[bytes] = []
        j = i
        pos = 0
        while j < end:
            b = to_bytes(text[j])
            if b is None:
                break
            offs.append(pos)
            parts.append(b)
            pos += len(b)
            j += 1
        if parts:
            offs.append(pos)
            yield i, b"".join(parts), offs
            i = j
        else:
            i += 1


_ANY_CONTINUATION = bytes(range(0x80, 0xC0))
#: bytes a lost character (U+FFFD, "?") can stand for, by route: a GBK decoder loses a continuation
#: byte (as a lead 0x80, a user-defined cell, or before a byte that cannot trail);
#: a cp1252 decoder has no 0x81 0x8D 0x8F 0x90 0x9D
_LOST_BYTES = {
    "utf8_as_gbk": _ANY_CONTINUATION,
    "utf8_as_latin1": bytes((0x81, 0x8D, 0x8F, 0x90, 0x9D)),
}
_PLACEHOLDER = b"\xff"  # never part of UTF-8


def _with_lost(text: str, to_bytes: Callable[[str], bytes | None]) -> Callable[[str], bytes | None]:
    def convert(ch: str) -> bytes | None:
        if ch in LOST:
            return _PLACEHOLDER
        return to_bytes(ch)

    return convert


def _fill_lost(data: bytes, route: str, text_after: Callable[[int], str | None]) -> tuple[bytes, int]:
    """Replace each placeholder byte by the choice that makes the likeliest UTF-8 character.

    ``text_after(p)`` is the text character after the one the placeholder at byte ``p`` stands
    for, the context when the bytes that follow do not decode.
    """
    from ..lm import model  # the model loads only when damage needs it

    lm = model()
    buf = bytearray(data)
    filled = 0
    other_script = _other_script(data.decode("utf-8", errors="ignore"))
    p = buf.find(0xFF)
    while p >= 0:
        best = _best_fill(lm, buf, p, route, text_after, lookahead=True, other_script=other_script)
        if best is not None and best[2] >= FILL_MARGIN:
            buf[p] = best[1]
            filled += 1
        p = buf.find(0xFF, p + 1)
    return bytes(buf), filled


#: a lost byte is filled in only when its best choice beats the next by this much (nats);
#: otherwise the character stays unrecovered (and is dropped as lost)
FILL_MARGIN = 2.0


#: log-prior of a lost byte the decoder would not have rejected before the byte that follows
_UNLIKELY_LOSS = -4.0


def _fill_prior(route: str, lost: int, following: int | None) -> float | None:
    """Log-prior of ``lost`` as the byte a decoder dropped before ``following``; None: impossible."""
    if route == "utf8_as_latin1":
        return 0.0 if lost in _LOST_BYTES[route] else None
    if lost == 0x80 or following is None or following < 0x40 or following in (0x7F, 0xFF):
        return 0.0
    return 0.0 if _decode(bytes((lost, following)), "gbk") is None else _UNLIKELY_LOSS


def _other_script(decoded: str) -> frozenset[str]:
    """Characters of the script the text around is not written in (长 vs 長 ties go to the text's script)."""
    simp, trad = script_chars()
    s = sum(1 for ch in decoded if ch in simp)
    t = sum(1 for ch in decoded if ch in trad)
    if s == t:
        return frozenset()
    return trad if s > t else simp


_PARAGRAPH_END = frozenset("。！？”’）…")
_NOT_PARAGRAPH_END = -3.0

#: log-penalty of a filled-in character of the other script
_OTHER_SCRIPT = -3.0


def _best_fill(  # type: ignore[no-untyped-def]
    lm,
    buf: bytearray,
    p: int,
    route: str,
    text_after: Callable[[int], str | None],
    lookahead: bool,
    other_script: frozenset[str] = frozenset(),
) -> tuple[float, int, float] | None:
    lead = p - 1
    while lead > 0 and p - lead < 3 and 0x80 <= buf[lead] < 0xC0:
        lead -= 1
    need = _utf8_need(buf[lead]) if lead >= 0 else 0
    if not need or lead + need <= p:
        return None
    prev = _char_before(buf, lead)
    nstart = lead + need
    nneed = _utf8_need(buf[nstart]) if nstart < len(buf) else 0
    nbytes = buf[nstart : nstart + nneed]
    hole = nbytes.find(0xFF) if nneed else -1
    nxt = _decode(bytes(nbytes), "utf-8") if nneed and hole < 0 else None
    # the byte after a lost one tells which bytes the decoder could have rejected, unless the
    # damaged run ends there (what follows came from elsewhere)
    run_ends = nstart == p + 1 and hole < 0 and not nxt
    following = buf[p + 1] if p + 1 < len(buf) and not run_ends else None
    best: tuple[float, int] | None = None
    second = -math.inf
    saved = buf[p]
    for c in _ANY_CONTINUATION:
        prior = _fill_prior(route, c, following)
        if prior is None:
            continue
        buf[p] = c
        ch = _decode(bytes(buf[lead:nstart]), "utf-8")
        if not ch or len(ch) != 1:
            continue
        score = prior + safe_logp(lm, prev, ch) + (_OTHER_SCRIPT if ch in other_script else 0.0)
        if hole >= 0:
            if lookahead:
                follow = _best_fill(lm, buf, nstart + hole, route, text_after, False, other_script)
                if follow is not None:
                    score += follow[0]
        elif nxt and len(nxt) == 1:
            score += safe_logp(lm, ch, nxt)
        elif nstart == p + 1:
            after = text_after(p)
            if after is None or after == "\n":  # a paragraph ends on a sentence-final mark
                score += 0.0 if ch in _PARAGRAPH_END else _NOT_PARAGRAPH_END
            elif after:
                score += safe_logp(lm, ch, after)
        if best is None or score > best[0]:
            if best is not None:
                second = best[0]
            best = (score, c)
        elif score > second:
            second = score
    buf[p] = saved
    return None if best is None else (best[0], best[1], best[0] - second)


def _char_before(buf: bytearray, end: int) -> str | None:
    for back in range(1, 5):
        if end - back < 0:
            return None
        ch = _decode(bytes(buf[end - back : end]), "utf-8")
        if ch and len(ch) == 1:
            return ch
    return None


def _utf8_readings(text: str, start: int, end: int, route: str, to_bytes: Callable[[str], bytes | None]) -> Iterator[Reading]:
    for first, data, offs in _stretches(text, start, end, _with_lost(text, to_bytes)):
        guessed = 0
        if 0xFF in data:
            at = {o: first + k for k, o in enumerate(offs)}

            def text_after(p: int, at: dict[int, int] = at) -> str | None:
                i = at.get(p)
                if i is None:
                    return ""  # unknown: no context
                return text[i + 1] if i + 1 < len(text) else None

            data, guessed = _fill_lost(data, route, text_after)
        boundary = {o: k for k, o in enumerate(offs)}
        pos = 0
        while True:
            m = _UTF8_RUN.search(data, pos)
            if m is None:
                break
            bs, be = m.span()
            if bs not in boundary:  # starts inside a character: retry from the next boundary
                pos = next((o for o in offs if o > bs), len(data))
                continue
            pos = be
            tail = ""
            dropped = 0
            if be in boundary:
                k1 = boundary[be]
            else:
                k1 = next(k for k, o in enumerate(offs) if o > be)
                rest = data[be : offs[k1]]
                if rest.isascii():
                    tail = rest.decode("ascii")  # an ASCII byte paired with the last UTF-8 byte
                elif _utf8_need(rest[0]) > len(rest) and _nothing_follows(text, first + k1):
                    # the character also holds the start of a character whose other bytes were
                    # lost: keep the run, drop that start
                    dropped = len(rest)
                else:
                    # end on the last character boundary that is also a UTF-8 character boundary
                    k1 -= 1
                    while k1 > boundary[bs] and _decode(data[bs : offs[k1]], "utf-8") is None:
                        k1 -= 1
                    be = offs[k1]
            decoded = _decode(data[bs:be], "utf-8")
            if not decoded:
                continue
            k0 = boundary[bs]
            lost = sum(1 for ch in text[first + k0 : first + k1] if ch in LOST)
            yield Reading(first + k0, first + k1, decoded + tail, route, min(guessed, lost), dropped)
            # the run may have swallowed clean characters at either end (a GBK character can be
            # valid two-byte UTF-8: 省 = CA A1 = U+02A1): offer shorter readings too
            for a in range(k0, min(k1, k0 + 4)):
                for b in range(max(a + 1, k1 - 3), k1 + 1):
                    if (a, b) == (k0, k1):
                        continue
                    part = _decode(data[offs[a] : be if b == k1 else offs[b]], "utf-8")
                    if part:
                        yield Reading(first + a, first + b, part + (tail if b == k1 else ""), route, guessed)


def _nothing_follows(text: str, i: int) -> bool:
    """True when ``text[i]`` is a lost character (U+FFFD/"?"), the end, or ASCII: nothing to continue with."""
    return i >= len(text) or text[i] in LOST or text[i].isascii()


def _utf8_need(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _incomplete_tail(data: bytes) -> int:
    """Bytes at the end of ``data`` that start a UTF-8 sequence but do not finish it."""
    for back in range(1, min(4, len(data)) + 1):
        b = data[-back]
        if b < 0x80 or b >= 0xC0:
            need = _utf8_need(b)
            return back if need > back else 0
    return 0


def _dbcs_readings(
    text: str, start: int, end: int, route: str, to_bytes: Callable[[str], bytes | None], codec: str, per_char: bool
) -> Iterator[Reading]:
    for first, data, offs in _stretches(text, start, end, to_bytes):
        if per_char:
            # both codecs are double-byte and aligned: each character maps to one character
            out: list[str] = []
            k0 = 0
            for k in range(len(offs) - 1):
                piece = data[offs[k] : offs[k + 1]]
                ch = _decode_pair(piece, codec) if len(piece) == 2 else None
                if ch is None or len(ch) != 1:
                    if out:
                        yield Reading(first + k0, first + k, "".join(out), route)
                    out = []
                    k0 = k + 1
                else:
                    out.append(ch)
            if out:
                yield Reading(first + k0, first + len(offs) - 1, "".join(out), route)
            continue
        boundary = {o: k for k, o in enumerate(offs)}
        for m in _DBCS_RUN.finditer(data):
            # the run may start one byte early (a curly quote is cp1252 0x91-0x94, a GBK lead)
            for shifted in (m, _DBCS_RUN.match(data, m.start() + 1)):
                if shifted is None:
                    continue
                bs, be = shifted.span()
                if bs not in boundary or be not in boundary:
                    continue
                decoded = _decode(data[bs:be], codec)
                if decoded:
                    yield Reading(first + boundary[bs], first + boundary[be], decoded, route)


def safe_logp(lm, prev: str | None, ch: str) -> float:  # type: ignore[no-untyped-def]
    """``lm.logp`` that survives histories the model has no back-off weight for."""
    try:
        return lm.logp(prev, ch)
    except ValueError:  # a history whose bigram weight is 1 and unseen pair: back off to the unigram
        return lm.logp(None, ch) + _UNSEEN_PAIR


def safe_logprob(lm, text: str, prev: str | None = None) -> float:  # type: ignore[no-untyped-def]
    """Total log-probability of ``text`` after ``prev`` (see :func:`safe_logp`)."""
    total = 0.0
    for ch in text:
        total += safe_logp(lm, prev, ch)
        prev = ch
    return total


_UNSEEN_PAIR = -7.0


def _decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


@cache
def _decode_pair(data: bytes, codec: str) -> str | None:
    """:func:`_decode` of one double-byte character (memoised: the same characters recur)."""
    return _decode(data, codec)


def readings(text: str, start: int, end: int, uncommon: int | None = None, core: int = 0) -> list[Reading]:
    """Every re-decoding of ``text[start:end]`` (or part of it) that the routes allow.

    ``uncommon``/``core`` come from :class:`Candidate` (None: try every route). With
    ``uncommon == 0`` (found only through a UTF-8-lead character) only UTF-8 read as GBK is
    tried, and only when the bytes allow it; Big5/GBK confusions, which garble most
    characters, are tried when at least half the matched characters are uncommon.
    """
    span = text[start:end]
    out: list[Reading] = []
    if uncommon == 0:
        if "\ufffd" in span or _may_be_utf8_as_gbk(span):
            out.extend(_utf8_readings(text, start, end, "utf8_as_gbk", _gbk_bytes))
        return [r for r in out if r.text != text[r.start : r.end]]
    if any(ch in _LATIN_HIGH for ch in span):
        out.extend(_utf8_readings(text, start, end, "utf8_as_latin1", _latin_bytes))
        out.extend(_dbcs_readings(text, start, end, "gbk_as_latin1", _latin_bytes, "gbk", per_char=False))
    if "\ufffd" in span or "?" in span or _may_be_utf8_as_gbk(span):
        out.extend(_utf8_readings(text, start, end, "utf8_as_gbk", _gbk_bytes))
    if uncommon is None or uncommon >= _DBCS_MIN_SHARE * core:
        out.extend(_dbcs_readings(text, start, end, "big5_as_gbk", _gbk_bytes, "cp950", per_char=True))
        out.extend(_dbcs_readings(text, start, end, "gbk_as_big5", _big5_bytes, "gbk", per_char=True))
    return [r for r in out if r.text != text[r.start : r.end]]
