"""Repair stretches decoded with the wrong codec, span by span; drop what cannot be recovered.

Only runs of uncommon characters are examined (``detect.mojibake``); each is
re-encoded the way the wrong decoder saw it and decoded the right way (UTF-8
read as GBK or as Latin-1/cp1252, GBK read as Latin-1/cp1252, Big5 read as GBK
and the reverse). A reading replaces the text only when the character language
model (``cnnewsclean.lm``) prefers it by a wide margin and it reads as ordinary
Chinese (no unknown or private-use characters), so clean text, even rare
names, stays. Damage that cannot be recovered is removed with its reason and
kept in ``metadata["mojibake"]``: ``锟斤拷`` (U+FFFD written as UTF-8 and read as
GBK), runs of U+FFFD, and stretches that are valid mojibake bytes but decode
to nonsense again (several rounds, ``闂傚倸鍊搁崐``). ``metadata["damage"]``
holds the document's counts and ``score`` (share of damaged characters).

Latin words read the same way (``CafÃ©`` -> ``Café``) are re-decoded by ftfy with every fix that
could touch Chinese text off (width, quotes, HTML entities, normalisation), only where the run holds
ASCII letters and is not part of a longer Latin-1 stretch (GBK read as Latin-1); a closing quote whose
last byte was lost after Chinese text (``â€`` + U+FFFD or nothing) becomes ``”``.

Reasons logged: ``utf8_as_gbk``, ``utf8_as_latin1``, ``gbk_as_latin1``,
``big5_as_gbk``, ``gbk_as_big5`` (repairs), ``lossy_replacement`` (``锟斤拷``, U+FFFD),
``unrecoverable_mojibake``. A repair that filled in bytes the decoder lost (chosen by the LM,
only when clearly best) or dropped the start of a lost character is also flagged
(``metadata["flags"]``, kind ``mojibake_lost_bytes``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from .._resources import common_chars
from ..cleaner import Cleaner
from ..detect.mojibake import (
    LOST,
    Candidate,
    Reading,
    candidate_spans,
    latin_bytes,
    may_hold_mojibake,
    readings,
    safe_logp,
    utf8_lead_chars,
)
from ..document import Document, Edit
from ..lm import model

#: U+FFFD runs, and U+FFFD written as UTF-8 then read as GBK (EF BF BD EF BF BD = 锟斤拷)
_LOSSY = re.compile("(?:锟斤拷|锟斤)+|\ufffd+")
_BAD_OUTPUT = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: what a Big5/GBK reading never yields in Chinese news: kana, bopomofo, box drawing, Cyrillic
_BAD_DBCS_OUTPUT = re.compile("[\u3040-\u30ff\u3100-\u312f\u2500-\u257f\u0400-\u04ff]")
#: log-probability above which a common character sits naturally next to its clean neighbour
_CLEAN_PAIR = -7.0
#: an edge character of a reading is repaired when, next to its repaired neighbour, it reads this much better (nats)
_EDGE_GAIN = 4.0
_CJK = re.compile("[\u3400-\u9fff]")
_LEAD_BEFORE_LOST = re.compile(f"[{''.join(sorted(utf8_lead_chars()))}]\ufffd")
_DBCS_ROUTES = ("big5_as_gbk", "gbk_as_big5")
#: the trace of GBK byte-shift damage (CORRUPTION.md §1): "?" between a CJK character and ASCII
_GBK_SHIFT_TRACE = re.compile("[^\x00-\x7f]\\?[!-~]")
#: three letters of an alphabet in a row (Greek, Cyrillic): words, not double-byte mojibake
_ALPHABETIC_WORD = re.compile("[\u0370-\u03ff\u0400-\u04ff]{3}")


@dataclass(frozen=True)
class MixupOptions:
    """Options for :class:`RepairEncodingMixups`.

    ``min_gain``: log-probability (nats) a reading must gain over the text, plus ``gain_per_char`` per character;
    ``min_score``: the reading's mean log-probability per character must reach this
    (``min_score_dbcs`` for Big5/GBK confusions, where any byte pair reads as some character);
    ``drop_lossy``: remove ``锟斤拷`` and U+FFFD runs (else only count them);
    ``drop_unrecoverable``: remove runs of at least ``min_unrecoverable`` characters whose bytes are
    mojibake but decode to nonsense.
    """

    min_gain: float = 4.0
    gain_per_char: float = 3.0
    min_score: float = -10.0
    min_score_dbcs: float = -9.0
    drop_lossy: bool = True
    drop_unrecoverable: bool = True
    min_unrecoverable: int = 6


class RepairEncodingMixups(Cleaner):
    """Re-decode text that went through the wrong codec; remove what cannot be recovered.

    >>> from cnnewsclean.document import Document
    >>> RepairEncodingMixups()(Document("记者获悉，鍙戝睍缁忔祹是重点，²úÆ·ÆëÈ«。")).text
    '记者获悉，发展经济是重点，产品齐全。'
    """

    name = "repair_encoding_mixups"
    Config = MixupOptions

    def quick_check(self, text: str) -> bool:
        # every candidate span, U+FFFD and 锟斤拷 start with an uncommon or UTF-8-lead character
        return may_hold_mojibake(text) or "\ufffd" in text or "锟斤" in text

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        edits: list[Edit] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return not any(a < y and x < b for x, y in taken)

        def drop(a: int, b: int, reason: str) -> None:
            taken.append((a, b))
            edits.append(self.edit(text, a, b, "", reason, moved_to="mojibake"))

        def latin(words: bool) -> None:
            # Latin words (``CafÃ©``) go first: their bytes may also read as GBK (``Ã¼`` = 眉);
            # a run without ASCII letters is left to the routes above, except a lost closing quote
            for a, b, fixed, guessed in latin_runs:
                if (guessed == 0) != words or not free(a, b):
                    continue
                taken.append((a, b))
                edits.append(self.edit(text, a, b, fixed, "utf8_as_latin1"))
                if guessed:
                    doc.flag("mojibake_lost_bytes", start=a, end=b, guessed=guessed, dropped=0)

        latin_runs = list(_latin_mojibake(text))
        latin(words=True)
        accepted: list[Reading] = []
        for cand in _with_lost_spans(text, list(candidate_spans(text))):
            found = readings(text, *cand)  # computed once: both the choice and the fallback use them
            chosen = self._choose(text, found) if found else []
            for r in chosen:
                if free(r.start, r.end):
                    taken.append((r.start, r.end))
                    accepted.append(r)
                    edits.append(self.edit(text, r.start, r.end, r.text, r.route))
                    if r.guessed or r.dropped:
                        doc.flag("mojibake_lost_bytes", start=r.start, end=r.end, guessed=r.guessed, dropped=r.dropped)
            if not chosen and self.config.drop_unrecoverable:
                bad = self._unrecoverable(text, found)
                if bad is not None and free(*bad):
                    drop(*bad, "unrecoverable_mojibake")
        latin(words=False)
        # a character whose last byte was lost and could not be guessed: what is left of it
        for r in accepted:
            end = r.end
            if end < len(text) and text[end] not in LOST and _is_uncommon(text[end]) and end + 1 < len(text) and text[end + 1] in LOST:
                end += 1
            if end < len(text) and text[end] in LOST and free(r.end, end + 1):
                drop(r.end, end + 1, "unrecoverable_mojibake")
        if "\ufffd" in text:
            for m in _LEAD_BEFORE_LOST.finditer(text):
                if free(m.start(), m.end()):
                    drop(m.start(), m.end(), "unrecoverable_mojibake")
        if "\ufffd" in text or "锟斤" in text:
            for m in _LOSSY.finditer(text):
                spans = [m.span()]
                if not free(*spans[0]) and m.group()[0] == "\ufffd":  # part of the run was repaired or dropped
                    spans = [(i, i + 1) for i in range(m.start(), m.end())]
                for a, b in spans:
                    if not free(a, b):
                        continue
                    if self.config.drop_lossy:
                        drop(a, b, "lossy_replacement")
                    else:
                        doc.flag("lossy_replacement", start=a, end=b)
        repaired = sum(e.end - e.start for e in edits if e.after)
        lost = sum(e.end - e.start for e in edits if not e.after)
        if repaired or lost:
            damage = doc.metadata.setdefault("damage", {})
            damage["mojibake_repaired"] = damage.get("mojibake_repaired", 0) + repaired
            damage["mojibake_lost"] = damage.get("mojibake_lost", 0) + lost
            damage["score"] = round(min(1.0, damage.get("score", 0.0) + (repaired + lost) / max(1, len(text))), 4)
        return edits

    def _unrecoverable(self, text: str, found: list[Reading]) -> tuple[int, int] | None:
        """A long stretch that is valid UTF-8-as-GBK bytes but decodes to nonsense (several rounds of damage)."""
        best: tuple[int, int] | None = None
        for r in found:
            if r.route != "utf8_as_gbk" or r.end - r.start < self.config.min_unrecoverable:
                continue
            if best is None or r.end - r.start > best[1] - best[0]:
                best = (r.start, r.end)
        if best is None:
            return None
        old = text[best[0] : best[1]]
        if sum(map(_is_uncommon, old)) < 0.6 * len(old):
            return None
        return best

    def to_metadata(self, edit: Edit, doc: Document) -> None:
        doc.metadata.setdefault("mojibake", []).append({"text": edit.before, "reason": edit.reason})

    # -- choosing a reading ---------------------------------------------------------
    def _choose(self, text: str, found: list[Reading]) -> list[Reading]:
        """The accepted readings among ``found`` (a candidate span's), best first, possibly overlapping."""
        lm = model()
        scored: list[tuple[float, Reading]] = []
        for r in found:
            r = _trim(text, r)
            if r is None:
                continue
            gain = self._gain(lm, text, r)
            if gain is not None:
                scored.append((gain, r))
        scored.sort(key=lambda x: -x[0])
        return [r for _, r in scored]

    def _gain(self, lm, text: str, r: Reading) -> float | None:  # type: ignore[no-untyped-def]
        new = r.text
        if _BAD_OUTPUT.search(new) or not _CJK.search(new):
            return None
        old = text[r.start : r.end]
        if r.route in _DBCS_ROUTES:
            if _BAD_DBCS_OUTPUT.search(new):
                return None
            if _ALPHABETIC_WORD.search(old):
                return None  # a Russian or Greek word is not Big5/GBK bytes
            if _GBK_SHIFT_TRACE.search(text, max(0, r.start - 6), min(len(text), r.end + 6)):
                return None  # GBK byte-shift damage nearby: that is repair_gbk_bytes' job
        if any("\u3400" <= ch <= "\u9fff" and not lm.is_known(ch) for ch in new):
            return None
        prev = text[r.start - 1] if r.start else None
        nxt = text[r.end] if r.end < len(text) else None
        core = _logprob(new, prev)
        lp_new = core + (_logp(new[-1], nxt) if nxt else 0.0)
        lp_old = _logprob(old, prev) + (_logp(old[-1], nxt) if nxt else 0.0)
        floor = self.config.min_score_dbcs if r.route in _DBCS_ROUTES else self.config.min_score
        if core / len(new) < floor:
            return None
        gain = lp_new - lp_old
        if gain < self.config.min_gain + self.config.gain_per_char * len(new):
            return None
        return gain


#: what cp1252 makes of a UTF-8 continuation byte (0x80-0xBF), the five it lacks as C1 controls
_CONT = "".join(sorted({bytes((b,)).decode("cp1252", "replace") for b in range(0x80, 0xC0)} - {"\ufffd"})) + "\x81\x8d\x8f\x90\x9d"
#: a UTF-8 lead (0xC2-0xF4 as Latin-1) and continuations, with the Latin letters around it
_LATIN_MOJIBAKE = re.compile(f"(?:[\u00c2-\u00f4][{re.escape(_CONT)}]+|[A-Za-z\u00c0-\u00ff])+")
_LEAD_CONT = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONT)}]")
#: ``”`` (E2 80 9D) whose last byte cp1252 could not decode: U+FFFD, or nothing
_ASCII_LETTER = re.compile("[A-Za-z]")
_HIGH_LATIN = re.compile("[\u0080-\u00ff]")
#: what a repaired Latin word may hold: ASCII, Latin-1 and Latin Extended-A letters, general punctuation
_LATIN_TEXT = re.compile("[\x20-\x7e\u00a0-\u017f\u2010-\u2027\u20ac]+")
_LOST_CLOSING_QUOTE = re.compile(f"\u00e2\u20ac\ufffd?(?![{re.escape(_CONT)}])")


def _latin_mojibake(text: str) -> Iterable[tuple[int, int, str, int]]:
    """Latin-script runs of UTF-8 read as Latin-1/cp1252 (``CafÃ©`` -> ``Café``): ``(start, end, fixed, guessed bytes)``.

    ftfy decides and re-decodes each run, with every fix that could touch Chinese text off
    (width, quotes, HTML, normalisation); only its re-encoding steps are accepted. A closing
    quote whose last byte was lost (``â€`` + U+FFFD or nothing) after Chinese text is ``”``:
    the other four bytes cp1252 lacks make U+2001, U+200D, U+200F, U+2010.
    """
    if _LEAD_CONT.search(text) is None:  # every repair below holds a lead and a continuation
        return
    for m in _LOST_CLOSING_QUOTE.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        if before and not before.isascii() and not ("\u00c0" <= before <= "\u00ff"):
            yield m.start(), m.end(), "”", 1
    for m in _LATIN_MOJIBAKE.finditer(text):
        if not _LEAD_CONT.search(m.group()):
            continue
        a, b = m.span()
        if _HIGH_LATIN.match(text, a - 1 if a else 0, a) or _HIGH_LATIN.match(text, b):
            continue  # part of a longer stretch of Latin-1 characters (GBK read as Latin-1)
        if not _ASCII_LETTER.search(m.group()):
            marks = _punctuation_run(m.group())
            if marks is not None:
                yield a, b, marks, 0
            continue
        fixed = _ftfy_fix(m.group())
        if fixed is not None and _LATIN_TEXT.fullmatch(fixed):
            yield m.start(), m.end(), fixed, 0


def _punctuation_run(run: str) -> str | None:
    """``run`` as UTF-8 read as cp1252 when it is only punctuation (``â€œ`` -> ``“``, ``â€¦`` -> ``…``), else None."""
    data = bytearray()
    for ch in run:
        b = latin_bytes(ch)
        if b is None:
            return None
        data += b
    try:
        out = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return out if _GENERAL_PUNCTUATION.fullmatch(out) else None


_GENERAL_PUNCTUATION = re.compile("[\u2010-\u2027\u2030-\u205e]+")


@lru_cache(maxsize=4096)
def _ftfy_fix(run: str) -> str | None:
    """ftfy's re-decoding of ``run`` when it is only encode/decode steps and yields no U+FFFD, else None."""
    import ftfy

    cfg = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )
    fixed, steps = ftfy.fix_and_explain(run, cfg)
    if fixed == run or "\ufffd" in fixed or not steps or any(kind not in ("encode", "decode") for kind, _ in steps):
        return None
    return fixed


#: characters around a lone U+FFFD that a span for it takes in (same line)
_LOST_SPAN = re.compile("[^\n]{0,4}\ufffd+[^\n]{0,6}")


def _with_lost_spans(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` plus a span around each U+FFFD they miss (a decoder lost a byte: worth re-decoding)."""
    if "\ufffd" not in text:
        return cands
    out = list(cands)
    for m in _LOST_SPAN.finditer(text):
        i = text.index("\ufffd", m.start())
        if not any(c.start <= i < c.end for c in cands):
            out.append(Candidate(m.start(), m.end(), None, 0))  # type: ignore[arg-type]
    return sorted(out)


@lru_cache(maxsize=1 << 16)
def _logp(prev: str | None, ch: str) -> float:
    """``safe_logp`` under the shared model, memoised (the same pairs recur across documents)."""
    return safe_logp(model(), prev, ch)


def _logprob(text: str, prev: str | None) -> float:
    """``safe_logprob`` under the shared model, from memoised pairs (same sum, same order)."""
    total = 0.0
    for ch in text:
        total += _logp(prev, ch)
        prev = ch
    return total


@cache
def _common_set() -> frozenset[str]:
    return frozenset(common_chars())


def _is_uncommon(ch: str) -> bool:
    return not ch.isascii() and ch not in _common_set()


def _trim(text: str, r: Reading) -> Reading | None:
    """Drop edge characters of a one-to-one reading that belong to the clean text around it.

    An edge character stays out when it is unchanged, more common as written than as read,
    or common and likely next to its clean neighbour (``現`` before ``代``).
    """
    old = text[r.start : r.end]
    if len(old) != len(r.text) or r.route not in _DBCS_ROUTES:
        return r
    common = _common_set()
    a, b = 0, len(old)

    def clean_edge(i: int, outer: str | None, left: bool) -> bool:
        o, n = old[i], r.text[i]
        if o == n:
            return True
        j = i + 1 if left else i - 1
        inner = r.text[j] if 0 <= j < len(old) else None
        if outer is not None and inner is not None:
            # read in context, with its repaired neighbour: clearly better as the reading (比辽， -> 比賽，)
            as_read = _logp(outer, n) + _logp(n, inner) if left else _logp(inner, n) + _logp(n, outer)
            as_written = _logp(outer, o) + _logp(o, inner) if left else _logp(inner, o) + _logp(o, outer)
            if as_read - as_written > _EDGE_GAIN:
                return False
        if _logp(None, o) > _logp(None, n):
            return True
        if o not in common or outer is None:
            return False
        pair = _logp(outer, o) if left else _logp(o, outer)
        return pair > _CLEAN_PAIR

    while a < b and clean_edge(a, text[r.start + a - 1] if r.start + a > 0 else None, True):
        a += 1
    while b > a and clean_edge(b - 1, text[r.start + b] if r.start + b < len(text) else None, False):
        b -= 1
    if b - a < 2:
        return None
    return Reading(r.start + a, r.start + b, r.text[a:b], r.route, r.guessed)
