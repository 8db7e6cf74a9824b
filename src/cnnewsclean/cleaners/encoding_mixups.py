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
from ..detect.mojibake import LOST, Reading, candidate_spans, may_hold_mojibake, readings, safe_logp, utf8_lead_chars
from ..document import Document, Edit
from ..lm import model

#: U+FFFD runs, and U+FFFD written as UTF-8 then read as GBK (EF BF BD EF BF BD = 锟斤拷)
_LOSSY = re.compile("(?:锟斤拷|锟斤)+|\ufffd+")
_BAD_OUTPUT = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: what a Big5/GBK reading never yields in Chinese news: kana, bopomofo, box drawing, Cyrillic
_BAD_DBCS_OUTPUT = re.compile("[\u3040-\u30ff\u3100-\u312f\u2500-\u257f\u0400-\u04ff]")
#: log-probability above which a common character sits naturally next to its clean neighbour
_CLEAN_PAIR = -7.0
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

        accepted: list[Reading] = []
        for cand in candidate_spans(text):
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
                if free(m.start(), m.end()):
                    if self.config.drop_lossy:
                        drop(m.start(), m.end(), "lossy_replacement")
                    else:
                        doc.flag("lossy_replacement", start=m.start(), end=m.end())
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
        if o == n or _logp(None, o) > _logp(None, n):
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
