#!/usr/bin/env python3
"""Build data/host_words.txt.xz: common Chinese words used to tell whether a spam hit splits a host word.

Source: jieba's ``dict.txt`` (MIT licence; word, frequency, tag per line). Kept: words of
2-4 Han characters with frequency >= MIN_FREQ, in Simplified script (jieba's own), one
per line, sorted, LZMA-compressed. Traditional and mixed-script text is folded to
Simplified with OpenCC t2s before look-up, so one list serves both scripts.
Words are in two sections: *common* ones first (2 characters with frequency >=
COMMON_FREQ_2, longer ones >= COMMON_FREQ_LONG), then, after a ``#rare`` line, the rest.

Usage: python scripts/build_words.py  (writes src/cnnewsclean/data/host_words.txt.xz)
"""

from __future__ import annotations

import lzma
import re
from pathlib import Path

import jieba

MIN_FREQ = 10
COMMON_FREQ_2 = 100
COMMON_FREQ_LONG = 20
OUT = Path(__file__).resolve().parents[1] / "src" / "cnnewsclean" / "data" / "host_words.txt.xz"
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def main() -> None:
    src = Path(jieba.__file__).with_name("dict.txt")
    common: set[str] = set()
    rare: set[str] = set()
    for line in src.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and _HAN.match(parts[0]) and int(parts[1]) >= MIN_FREQ:
            w, f = parts[0], int(parts[1])
            is_common = f >= (COMMON_FREQ_2 if len(w) == 2 else COMMON_FREQ_LONG)
            (common if is_common else rare).add(w)
    header = f"# jieba dict.txt (MIT), 2-4 Han characters, freq >= {MIN_FREQ}; built by scripts/build_words.py\n"
    body = "\n".join(sorted(common)) + "\n#rare\n" + "\n".join(sorted(rare)) + "\n"
    OUT.write_bytes(lzma.compress((header + body).encode("utf-8"), preset=9))
    print(f"{OUT}: {len(common)} common + {len(rare)} rare words, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
