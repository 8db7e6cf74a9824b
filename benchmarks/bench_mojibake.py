#!/usr/bin/env python3
"""Benchmark the GBK byte-shift repair on synthetic damage (CORRUPTION.md §1).

Clean news paragraphs (tests/fixtures/mojibake_clean_*.txt, both scripts) are
grouped into documents, damaged by the forward corruptor in tests/corruptor.py
with several random seeds, and repaired by ``repair_gbk_bytes`` followed by
``remove_pinyin_annotations``. Prints the share of damaged spans repaired
exactly (all spans, and byte-level spans alone), the number of changes to
undamaged text, the edits made to the clean documents themselves, and speed.

Usage: python benchmarks/bench_mojibake.py [--seeds N] [--show K]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corruptor import FIXTURES, FULLWIDTH_TO_ASCII, SpanReport, corrupt_gbk, span_report

from cnnewsclean.cleaners.gbk_bytes import RepairGbkBytes
from cnnewsclean.cleaners.pinyin import RemovePinyinAnnotations
from cnnewsclean.document import Document

CLEANERS = (RepairGbkBytes(), RemovePinyinAnnotations())


def documents(per_doc: int = 8) -> list[str]:
    """Fixture paragraphs grouped into documents, one script per document."""
    docs: list[str] = []
    for path in sorted(FIXTURES.glob("mojibake_clean_*.txt")):
        paras = [p for p in path.read_text(encoding="utf-8").splitlines() if p.strip()]
        docs.extend("\n".join(paras[i : i + per_doc]) for i in range(0, len(paras), per_doc))
    return docs


def clean(text: str) -> Document:
    doc = Document(text)
    for c in CLEANERS:
        doc = c(doc)
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--show", type=int, default=0, help="print this many failures")
    args = ap.parse_args()
    docs = documents()
    total = SpanReport()
    damaged_chars = 0
    t_damaged = 0.0
    for seed in range(args.seeds):
        rng = random.Random(seed)
        for text in docs:
            bad = corrupt_gbk(text, rng)
            damaged_chars += len(bad.encode())
            t0 = time.perf_counter()
            fixed = clean(bad).text
            t_damaged += time.perf_counter() - t0
            total.add(span_report(text, bad, fixed))
    clean_edits = 0
    clean_bytes = 0
    t0 = time.perf_counter()
    for text in docs:
        for variant in (text, text.translate(FULLWIDTH_TO_ASCII)):
            clean_bytes += len(variant.encode())
            clean_edits += len(clean(variant).edits)
    t_clean = time.perf_counter() - t0
    print(f"documents: {len(docs)} x {args.seeds} seeds")
    print(f"damaged spans repaired exactly: {total.repaired}/{total.damaged} = {total.repaired / max(1, total.damaged):.1%}")
    print(
        f"byte-level spans repaired exactly: {total.byte_repaired}/{total.byte_damaged} = "
        f"{total.byte_repaired / max(1, total.byte_damaged):.1%}"
    )
    print(f"changes to undamaged text (in damaged documents): {total.clean_changes}")
    print(f"edits on the clean documents (original and ASCII-punctuation versions): {clean_edits}")
    print(f"speed: damaged {damaged_chars / t_damaged / 1e6:.2f} MB/s, clean {clean_bytes / t_clean / 1e6:.1f} MB/s")
    for orig, bad, fixed in total.failures[: args.show]:
        print(f"  {orig!r}  <-  {bad!r}  {fixed!r}")


if __name__ == "__main__":
    main()
