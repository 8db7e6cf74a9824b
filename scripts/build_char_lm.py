#!/usr/bin/env python3
"""Build data/char_lm.tsv.gz: character unigram and bigram counts, both scripts.

Source: jieba's dict.txt (MIT), ~349k words with corpus frequencies, plus the modern news
terms of ``scripts/data/news_terms.txt`` that jieba lacks (``十三五``, ``六保``, ``乡村振兴``;
compiled by us), each counted ``SUPPLEMENT_FREQ`` times. Each word
adds its frequency to its characters and to the character bigrams inside it,
once as given (Simplified) and once per distinct Traditional form from OpenCC
(``s2t`` and ``s2tw``, Apache-2.0), so the model scores both scripts. Bigrams
seen fewer than ``MIN_BIGRAM`` times are pruned; the per-character totals kept
for smoothing (followers seen, distinct followers) are computed before pruning.

Format (UTF-8, gzip): ``U<TAB>char<TAB>count<TAB>word_final<TAB>word_initial<TAB>multi_initial``
lines (occurrences, as the last and as the first character of a word, as the
first character of a word of two or more characters), then
``B<TAB>two chars<TAB>count`` lines (bigrams inside words).

Usage: python scripts/build_char_lm.py src/cnnewsclean/data/char_lm.tsv.gz
"""

from __future__ import annotations

import gzip
import itertools
import os
import sys
from collections import Counter

import jieba
import opencc

MIN_BIGRAM = 10
#: frequency given to each supplementary news term: about that of 十二五 (274) in jieba's dict
SUPPLEMENT_FREQ = 300
SUPPLEMENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "news_terms.txt")


def supplement_terms(known: set[str]) -> list[str]:
    """Terms of ``scripts/data/news_terms.txt`` that are not in ``known`` (jieba's words)."""
    with open(SUPPLEMENT, encoding="utf-8") as fh:
        terms = [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]
    return [t for t in dict.fromkeys(terms) if t not in known]


def word_counts() -> Counter[str]:
    """Word -> frequency, Simplified plus the Traditional forms."""
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    s2t = opencc.OpenCC("s2t")
    s2tw = opencc.OpenCC("s2tw")
    words: Counter[str] = Counter()
    entries: list[tuple[str, int]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            entries.append((parts[0], int(parts[1])))
    known = {w for w, _ in entries}
    entries += [(t, SUPPLEMENT_FREQ) for t in supplement_terms(known)]
    for word, freq in entries:
        if not any("\u3400" <= ch <= "\u9fff" for ch in word):
            continue
        forms = {word, s2t.convert(word), s2tw.convert(word)}
        for form in forms:
            words[form] += freq
    return words


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "src/cnnewsclean/data/char_lm.tsv.gz"
    uni: Counter[str] = Counter()
    final: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    multi: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for word, freq in word_counts().items():
        for ch in word:
            uni[ch] += freq
        final[word[-1]] += freq
        initial[word[0]] += freq
        if len(word) > 1:
            multi[word[0]] += freq
        for a, b in itertools.pairwise(word):
            bi[a + b] += freq
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# char LM from jieba dict.txt (MIT) + OpenCC s2t/s2tw (Apache-2.0); scripts/build_char_lm.py\n")
        for ch, c in uni.most_common():
            if not _is_cjk(ch):
                continue
            fh.write(f"U\t{ch}\t{c}\t{final[ch]}\t{initial[ch]}\t{multi[ch]}\n")
        for pair, c in sorted(bi.items(), key=lambda kv: -kv[1]):
            if c < MIN_BIGRAM or not (_is_cjk(pair[0]) and _is_cjk(pair[1])):
                continue
            fh.write(f"B\t{pair}\t{c}\n")


if __name__ == "__main__":
    main()
