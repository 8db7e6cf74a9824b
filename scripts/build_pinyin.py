#!/usr/bin/env python3
"""Build data/pinyin.tsv.gz: every reading of every CJK character, default first.

Source: pypinyin's ``pinyin_dict`` (MIT), which covers Simplified and
Traditional characters alike; readings keep their tone marks (``jié``), the
one pypinyin gives by default first. Only BMP CJK ideographs are kept.

Format (UTF-8, gzip): ``char<TAB>reading,reading,...`` per line.

Usage: python scripts/build_pinyin.py src/cnnewsclean/data/pinyin.tsv.gz
"""

from __future__ import annotations

import gzip
import sys

from pypinyin.pinyin_dict import pinyin_dict


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "src/cnnewsclean/data/pinyin.tsv.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# readings from pypinyin pinyin_dict (MIT), default first; scripts/build_pinyin.py\n")
        for cp in sorted(pinyin_dict):
            if not (0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF):
                continue
            readings = [r.strip() for r in pinyin_dict[cp].split(",") if r.strip()]
            if readings:
                fh.write(f"{chr(cp)}\t{','.join(readings)}\n")


if __name__ == "__main__":
    main()
