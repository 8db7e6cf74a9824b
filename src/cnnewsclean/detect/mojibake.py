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

Bytes the wrong decoder lost (one U+FFFD each) are guessed by :mod:`.lost_bytes`: a beam
search over the values that decoder would have rejected, scored by the character LM with
the text around (plus pairs the document has elsewhere, for UTF-8), filled only when clearly best.

>>> [(r.route, r.text) for r in readings("鍙戝睍", 0, 3) if r.route == "utf8_as_gbk"]
[('utf8_as_gbk', '发展')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from .._resources import common_chars, script_chars
from ..cp936_pua import encode_char as cp936_encode_char
from .lost_bytes import HOLE, always, fill_lost, rejects_before

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
def latin_bytes(ch: str) -> bytes | None:
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


#: bytes a lost character (U+FFFD, "?") can stand for, by route: a GBK decoder loses a UTF-8 byte
#: it cannot pair (0x80, a user-defined or unassigned cell, before a byte that cannot trail; its
#: ``rejects`` test narrows them); a cp1252 decoder has no 0x81 0x8D 0x8F 0x90 0x9D
_FILL_CHOICES = {"utf8_as_gbk": bytes(range(0x80, 0xF5)), "utf8_as_latin1": bytes((0x81, 0x8D, 0x8F, 0x90, 0x9D))}
_PLACEHOLDER = bytes((HOLE,))  # never part of UTF-8 or GBK


def _with_lost(text: str, to_bytes: Callable[[str], bytes | None]) -> Callable[[str], bytes | None]:
    def convert(ch: str) -> bytes | None:
        if ch in LOST:
            return _PLACEHOLDER
        return to_bytes(ch)

    return convert


def _other_script(decoded: str) -> frozenset[str]:
    """Characters of the script the text around is not written in (长 vs 長 ties go to the text's script)."""
    simp, trad = script_chars()
    s = sum(1 for ch in decoded if ch in simp)
    t = sum(1 for ch in decoded if ch in trad)
    if s == t:
        return frozenset()
    return trad if s > t else simp


#: log-penalty of a filled-in character of the other script
_OTHER_SCRIPT = -3.0


def _utf8_readings(text: str, start: int, end: int, route: str, to_bytes: Callable[[str], bytes | None]) -> Iterator[Reading]:
    for first, data, offs in _stretches(text, start, end, _with_lost(text, to_bytes)):
        guessed = 0
        if HOLE in data:
            data, guessed = _fill_runs(text, first, data, offs, route)
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


#: a UTF-8 run in which a lost byte (HOLE) may stand for any byte
_UTF8_RUN_WILD = re.compile(rb"(?:[\xc2-\xdf\xff][\x80-\xbf\xff]|[\xe0-\xef\xff][\x80-\xbf\xff]{2}|[\xf0-\xf4\xff][\x80-\xbf\xff]{3})+")


#: states kept before an adjacent lost byte of a UTF-8 character (64 continuation bytes each)
_WIDE_BEAM = 1024


_PARAGRAPH_END = frozenset("。！？”’）…")
_NOT_PARAGRAPH_END = -3.0


def _paragraph_end(decoded: str) -> float:
    """Log-prior of the last character closing a paragraph: sentence-final marks are the rule."""
    return 0.0 if decoded[-1:] in _PARAGRAPH_END else _NOT_PARAGRAPH_END


def _fill_runs(text: str, first: int, data: bytes, offs: list[int], route: str) -> tuple[bytes, int]:
    """Fill the lost bytes of each UTF-8 run of a stretch (``lost_bytes.fill_lost``), scored with the text around the run."""
    buf = bytearray(data)
    guessed = 0
    k_of = {o: k for k, o in enumerate(offs)}
    rejects = rejects_before("gbk") if route == "utf8_as_gbk" else always
    score = _context_score(_other_script(text[max(0, first - 100) : first + len(offs) + 100]), _doc_bigrams(text))
    for m in _UTF8_RUN_WILD.finditer(data):
        a, b = m.span()
        if HOLE not in data[a:b]:
            continue
        while a not in k_of:
            a -= 1
        # the run ends with the character that holds its last lost byte: what follows may be
        # clean text whose bytes happen to look like UTF-8
        last = data.rindex(HOLE, a, b)
        lead = last  # the lead byte of the character that holds it (a lost byte may be a lead itself)
        for p in range(last - 1, max(a, last - 3) - 1, -1):
            if 0xC2 <= data[p] <= 0xF4:
                lead = p
                break
            if not (0x80 <= data[p] < 0xC0 or data[p] == HOLE):
                break
        need = _utf8_need(data[lead])
        end = lead + need if need and lead + need > last else last + 1
        b = min(b, end)
        while b not in k_of:
            b += 1
        ka, kb = k_of[a], k_of[b]
        keep = frozenset(offs[k] - a for k in range(ka, kb) if text[first + k] == "?")
        before = text[first + ka - 1] if first + ka > 0 else None
        after = text[first + kb] if first + kb < len(text) and text[first + kb] != "\n" else None
        nxt = _UTF8_RUN.match(data, b)
        if nxt is not None:
            ch = data[b : b + _utf8_need(data[b])].decode("utf-8", "replace")
            if "\u4e00" <= ch <= "\u9fff" or ch in _COMMON_MARKS:
                after = ch  # the run goes on: its next character is the context
        part, n = fill_lost(
            bytes(buf[a:b]),
            _FILL_CHOICES[route],
            rejects,
            "utf-8",
            before,
            after,
            keep=keep,
            score=score,
            wide_beam=_WIDE_BEAM,
            ending=_paragraph_end,
        )
        buf[a:b] = part
        guessed += n
    return bytes(buf), guessed


#: log-bonus of a pair of Chinese characters that the document has elsewhere (its own vocabulary)
DOC_BIGRAM_BONUS = 3.0


@lru_cache(maxsize=8)
def _doc_bigrams(text: str) -> frozenset[str]:
    """Pairs of adjacent Chinese characters in ``text``."""
    return frozenset(m.group(1) + m.group(2) for m in _CJK_PAIR.finditer(text))


_CJK_PAIR = re.compile("([\u4e00-\u9fff])(?=([\u4e00-\u9fff]))")


def _context_score(other_script: frozenset[str], bigrams: frozenset[str] = frozenset()) -> Callable[[str, str | None], float]:
    """LM log-probability, less ``_OTHER_SCRIPT`` per character of the script the text around is not in,
    plus ``DOC_BIGRAM_BONUS`` per pair the document has elsewhere."""
    from ..lm import model  # the model loads only when damage needs it

    lm = model()

    def score(piece: str, prev: str | None) -> float:
        total = 0.0
        for ch in piece:
            total += safe_logp(lm, prev, ch) + (_OTHER_SCRIPT if ch in other_script else 0.0)
            if prev is not None and prev + ch in bigrams:
                total += DOC_BIGRAM_BONUS
            prev = ch
        return total

    return score


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


#: bytes a GBK character can start with (what a cp950 decoder lost, when it wrote U+FFFD)
_GBK_BYTES = bytes(range(0x81, 0xFF))
_MAX_BACK = 16  # units before a lost byte a reading may start at
_CLUSTER_GAP = 3
#: with 126 values to choose from, a lost GBK byte needs a wider margin than a lost UTF-8 byte
GBK_FILL_MARGIN = 6.0


def _gbk_as_big5_lost(text: str, start: int, end: int) -> Iterator[Reading]:
    """GBK read as Big5 (cp950) where the decoder lost bytes (U+FFFD): fill them, decode GBK again.

    cp950 writes one U+FFFD per byte it rejects and reads the next byte afresh. The units
    (characters) before a lost byte are aligned (one Big5 character per GBK character), so a
    reading may start at any of them; it ends where GBK characters and units agree again.
    """
    units: list[bytes] = []
    for ch in text[start:end]:
        if ch == "\ufffd":
            units.append(_PLACEHOLDER)
        elif ch.isascii():
            units.append(ch.encode())
        else:
            units.append(_big5_bytes(ch) or b"")
    score = _context_score(_other_script(text[max(0, start - 100) : end + 100]))
    seg = 0
    while seg < len(units):
        if not units[seg]:
            seg += 1
            continue
        stop = seg
        while stop < len(units) and units[stop]:
            stop += 1
        yield from _gbk_segment(text, start + seg, units[seg:stop], score)
        seg = stop


def _gbk_segment(text: str, first: int, units: list[bytes], score: Callable[[str, str | None], float]) -> Iterator[Reading]:
    holes = [k for k, u in enumerate(units) if u == _PLACEHOLDER]
    offs = [0]
    for u in units:
        offs.append(offs[-1] + len(u))
    data = b"".join(units)
    unit_at = {o: k for k, o in enumerate(offs)}
    # clusters of lost bytes at most _CLUSTER_GAP units apart, each filled on its own
    clusters: list[list[int]] = []
    for k in holes:
        if clusters and k - clusters[-1][-1] <= _CLUSTER_GAP:
            clusters[-1].append(k)
        else:
            clusters.append([k])
    floor = 0
    for cluster in clusters:
        k_h, k_last = cluster[0], cluster[-1]
        stop = min(len(units), k_last + _CLUSTER_GAP + 1)
        before = _context_before(text, first, units, k_h, score)
        after = text[first + stop] if first + stop < len(text) else None
        region, guessed = fill_lost(
            data[offs[k_h] : offs[stop]],
            _GBK_BYTES,
            rejects_before("cp950"),
            "gbk",
            before,
            after,
            GBK_FILL_MARGIN,
            score,
            adjacent_doubles=True,
        )
        if HOLE in region:
            floor = stop
            continue
        # unit boundaries after the last lost byte that are also GBK character boundaries
        ends: list[int] = []
        p = 0
        while p < len(region):
            step = 2 if region[p] >= 0x81 else 1
            if step == 2 and _decode_pair(region[p : p + 2], "gbk") is None:
                break
            p += step
            k = unit_at.get(offs[k_h] + p)
            if k is not None and k > k_last:
                ends.append(k)
        for k1 in ends:
            tail = _decode(region[: offs[k1] - offs[k_h]], "gbk")
            if not tail:
                continue
            for k0 in range(max(floor, k_h - _MAX_BACK), k_h + 1):
                if k0 < k_h and _clean_start(text, first + k0):
                    continue  # a reading starts on mojibake, not on clean text
                head = _decode(data[offs[k0] : offs[k_h]], "gbk")
                if head is not None:
                    yield Reading(first + k0, first + k1, head + tail, "gbk_as_big5", guessed)
        floor = ends[0] if ends else stop


def _context_before(text: str, first: int, units: list[bytes], k: int, score: Callable[[str, str | None], float]) -> str | None:
    """The character before unit ``k``: as written, or as GBK when the units before read better that way (mojibake)."""
    if first + k == 0:
        return None
    j = k
    while j > max(0, k - 3) and len(units[j - 1]) == 2 and _decode(b"".join(units[j - 1 : k]), "gbk"):
        j -= 1
    if j < k:
        written = text[first + j : first + k]
        decoded = _decode(b"".join(units[j:k]), "gbk")
        if decoded and len(decoded) == len(written) and score(decoded, None) > score(written, None):
            return decoded[-1]
    return text[first + k - 1]


#: log-probability above which a common character sits naturally after its neighbour (clean text)
_CLEAN_PAIR = -7.0


def _clean_start(text: str, i: int) -> bool:
    """True when ``text[i]`` is a common character that follows ``text[i - 1]`` naturally: clean, no place to start a repair."""
    from ..lm import model

    ch = text[i]
    return ch in _common_set() and i > 0 and safe_logp(model(), text[i - 1], ch) > _CLEAN_PAIR


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
        out.extend(_utf8_readings(text, start, end, "utf8_as_latin1", latin_bytes))
        out.extend(_dbcs_readings(text, start, end, "gbk_as_latin1", latin_bytes, "gbk", per_char=False))
    if "\ufffd" in span or "?" in span or _may_be_utf8_as_gbk(span):
        out.extend(_utf8_readings(text, start, end, "utf8_as_gbk", _gbk_bytes))
    if uncommon is None or uncommon >= _DBCS_MIN_SHARE * core:
        out.extend(_dbcs_readings(text, start, end, "big5_as_gbk", _gbk_bytes, "cp950", per_char=True))
        out.extend(_dbcs_readings(text, start, end, "gbk_as_big5", _big5_bytes, "gbk", per_char=True))
        if "\ufffd" in span:
            out.extend(_gbk_as_big5_lost(text, start, end))
    return [r for r in out if r.text != text[r.start : r.end]]
