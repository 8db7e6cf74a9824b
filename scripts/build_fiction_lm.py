#!/usr/bin/env python3
"""Build data/fiction_lm.tsv.gz: character unigram and bigram counts of narrative fiction, both scripts.

Source: the short stories in ``scripts/sources/fiction/*.txt`` (romance, xianxia,
wuxia, urban, palace, campus, detective, web-novel, fantasy, family, horror,
historical, sci-fi), written for this project by the cnnewsclean authors. Each
text is counted once as written (Simplified) and once per Traditional form
(OpenCC ``s2t`` and ``s2tw``), so the model reads both scripts. Digits are
counted as ``0``, Latin letters as ``a``; line breaks are not counted.

Format (UTF-8, gzip): ``U<TAB>char<TAB>count`` lines, then ``B<TAB>two chars<TAB>count``.
These are counts, not text: no sentence of the sources can be read back from them.

Usage: python scripts/build_fiction_lm.py [src/cnnewsclean/data/fiction_lm.tsv.gz]
"""

from __future__ import annotations

import gzip
import itertools
import sys
from collections import Counter
from pathlib import Path

import opencc

SOURCES = Path(__file__).resolve().parent / "sources" / "fiction"


def normalise(ch: str) -> str:
    """Digits to ``0``, Latin letters to ``a`` (the model keeps classes, not values)."""
    if (ch.isascii() and ch.isdigit()) or "０" <= ch <= "９":
        return "0"
    if ch.isascii() and ch.isalpha():
        return "a"
    return ch


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "src/cnnewsclean/data/fiction_lm.tsv.gz"
    convs = [opencc.OpenCC("s2t"), opencc.OpenCC("s2tw")]
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for path in sorted(SOURCES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        forms = {text} | {c.convert(text) for c in convs}
        for form in forms:
            for line in form.splitlines():
                line = "".join(map(normalise, line.strip()))
                uni.update(line)
                bi.update(map("".join, itertools.pairwise(line)))
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for ch, n in sorted(uni.items()):
            fh.write(f"U\t{ch}\t{n}\n")
        for pair, n in sorted(bi.items()):
            fh.write(f"B\t{pair}\t{n}\n")
    print(f"{out}: {len(uni)} characters, {len(bi)} bigrams, {sum(uni.values())} tokens")


if __name__ == "__main__":
    main()
