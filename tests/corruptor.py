"""Forward corruptor for the GBK byte-level damage of CORRUPTION.md §1, and span scoring.

``corrupt_gbk(text, rng)`` applies, in order: a pinyin annotator on GBK bytes
for a per-document set of non-GB2312 characters (every byte occurrence,
straddling pairs included), an unaligned full-width → ASCII byte pass at some
occurrences of ``A3 xx`` (！，：；？（）), a cp936 decode that writes ``?`` for
invalid pairs and PUA for unassigned cells, and a text-level pass that turns
the remaining full-width punctuation into ASCII.

``span_report(original, corrupted, repaired)`` aligns the three texts and
counts damaged spans repaired exactly and changes made outside damage.
"""

from __future__ import annotations

import difflib
import random
from dataclasses import dataclass, field
from pathlib import Path

from cnnewsclean._resources import pinyin_readings
from cnnewsclean.cp936_pua import broken_decode

FIXTURES = Path(__file__).parent / "fixtures"
FULLWIDTH_TO_ASCII = str.maketrans("！，：；？（）", "!,:;?()")
_FW_PAIRS = (b"\xa3\xa1", b"\xa3\xac", b"\xa3\xba", b"\xa3\xbb", b"\xa3\xbf", b"\xa3\xa8", b"\xa3\xa9")


def clean_paragraphs() -> list[str]:
    """Real news paragraphs (both scripts) from ``tests/fixtures/mojibake_clean_*.txt``."""
    paras: list[str] = []
    for path in sorted(FIXTURES.glob("mojibake_clean_*.txt")):
        paras.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return paras


def _outside_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        try:
            ch.encode("gbk")
        except UnicodeEncodeError:
            return False
        return "\u4e00" <= ch <= "\u9fff"
    return False


def _annotation(ch: str) -> bytes | None:
    """``(reading)`` in GBK: the default reading with tone marks (pypinyin's, via the package table)."""
    readings = pinyin_readings().get(ch)
    if not readings:
        return None
    reading = readings[0]
    try:
        return b"(" + reading.encode("gbk") + b")"
    except UnicodeEncodeError:
        return None


def corrupt_gbk(text: str, rng: random.Random, n_annotated: int = 40, p_fullwidth: float = 0.5) -> str:
    """Damage ``text`` (GBK-encodable) like the seeds' broken pipeline."""
    data = text.encode("gbk")
    # 1. pinyin annotator on bytes, per-document character set
    candidates = sorted({ch for ch in text if _outside_gb2312(ch)})
    chosen = rng.sample(candidates, min(n_annotated, len(candidates)))
    for ch in chosen:
        ann = _annotation(ch)
        if ann:
            key = ch.encode("gbk")
            data = data.replace(key, key + ann)
    # 2. full-width -> ASCII on bytes, unaligned, at some occurrences
    out = bytearray()
    i = 0
    while i < len(data):
        pair = data[i : i + 2]
        if pair in _FW_PAIRS and rng.random() < p_fullwidth:
            out.append(pair[1] - 0x80)
            i += 2
        else:
            out.append(data[i])
            i += 1
    # 3. cp936 decode with ``?`` and PUA; 4. text-level full-width -> ASCII
    return broken_decode(bytes(out)).translate(FULLWIDTH_TO_ASCII)


@dataclass
class SpanReport:
    """Damaged spans found and repaired, and changes outside damage."""

    damaged: int = 0
    repaired: int = 0
    byte_damaged: int = 0
    byte_repaired: int = 0
    clean_changes: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, other: SpanReport) -> None:
        self.damaged += other.damaged
        self.repaired += other.repaired
        self.byte_damaged += other.byte_damaged
        self.byte_repaired += other.byte_repaired
        self.clean_changes += other.clean_changes
        self.failures.extend(other.failures)


def _diff_spans(a: str, b: str) -> list[tuple[int, int, int, int]]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]


def _merge(spans: list[tuple[int, int, int, int]], gap: int = 1) -> list[tuple[int, int, int, int]]:
    merged: list[tuple[int, int, int, int]] = []
    for s in spans:
        if merged and s[0] - merged[-1][1] <= gap:
            p = merged[-1]
            merged[-1] = (p[0], max(p[1], s[1]), p[2], max(p[3], s[3]))
        else:
            merged.append(s)
    return merged


def span_report(original: str, corrupted: str, repaired: str) -> SpanReport:
    """Compare with full-width punctuation folded to ASCII (width is another cleaner's job)."""
    orig = original.translate(FULLWIDTH_TO_ASCII)
    rep = repaired.translate(FULLWIDTH_TO_ASCII)
    damage = _merge(_diff_spans(orig, corrupted))
    errors = _diff_spans(orig, rep)
    report = SpanReport()
    for i1, i2, j1, j2 in damage:
        bad = corrupted[j1:j2]
        byte_level = "?" in bad or any("\ue000" <= ch <= "\ue864" for ch in bad) or not (bad.startswith("(") and i1 == i2)
        report.damaged += 1
        report.byte_damaged += byte_level
        hits = [e for e in errors if e[0] <= i2 and e[1] >= i1]
        if hits:
            got = rep[max(0, hits[0][2] - 4) : hits[-1][3] + 4]
            report.failures.append((orig[max(0, i1 - 4) : i2 + 4], corrupted[max(0, j1 - 4) : j2 + 4], got))
        else:
            report.repaired += 1
            report.byte_repaired += byte_level
    for e in errors:
        if not any(e[0] <= d[1] and e[1] >= d[0] for d in damage):
            report.clean_changes += 1
            report.failures.append((orig[max(0, e[0] - 4) : e[1] + 4], "(clean)", rep[max(0, e[2] - 4) : e[3] + 4]))
    return report
