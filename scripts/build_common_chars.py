"""Build data/common_chars.txt: the most frequent characters of the character LM.

Source: data/char_lm.tsv.gz (jieba dict.txt word frequencies, MIT, in Simplified and
Traditional script via OpenCC, Apache-2.0; see scripts/build_char_lm.py). The list is a
cheap pre-filter for mojibake detection: text made of common characters is not scanned.

Usage: python scripts/build_common_chars.py [N]   (default N = 4000)
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "cnnewsclean" / "data"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    counts: list[tuple[int, str]] = []
    with gzip.open(DATA / "char_lm.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("U\t"):
                _, ch, c, *_ = line.rstrip("\n").split("\t")
                counts.append((int(c), ch))
    counts.sort(key=lambda x: (-x[0], x[1]))
    chars = "".join(ch for _, ch in counts[:n])
    header = f"# {n} most frequent characters of data/char_lm.tsv.gz (jieba MIT + OpenCC Apache-2.0); scripts/build_common_chars.py\n"
    (DATA / "common_chars.txt").write_text(header + chars + "\n", encoding="utf-8")
    print(f"wrote {len(chars)} characters")


if __name__ == "__main__":
    main()
