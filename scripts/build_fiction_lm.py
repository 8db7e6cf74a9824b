#!/usr/bin/env python3
"""Build data/fiction_lm.tsv.gz and data/news_lm.tsv.gz: character unigram and bigram counts of two registers.

Sources, all written for this project by the cnnewsclean authors (no third-party text):

- fiction: the short stories in ``scripts/sources/fiction/*.txt`` (romance, xianxia,
  wuxia, urban, palace, campus, detective, web novels, fantasy, family, horror,
  historical, sci-fi, first-person, flash fiction ...);
- news: the reports in ``scripts/sources/news/*.txt`` (wire copy, local features with
  quoted villagers, court, police, sports, science; mainland, Taiwan and Hong Kong styles).

Sentences sharing an 8-character run with the texts the tests and benchmarks use
(``tests/fixtures/inject_*.txt``: fiction, hosts, negatives; ``tests/fixtures/inject_heldout/``)
are left out (stock phrases such as 觥筹交错 recur in any two stories), so the benchmarks never
score text a model was trained on.

Each line is counted as written, and the characters and pairs that OpenCC ``t2s``, ``s2t``
or ``s2tw`` change are counted once more in each changed form, so each model reads both
scripts without counting the characters they share three times over. Digits are counted
as ``0``, Latin letters as ``a``; line breaks are not counted.

Format (UTF-8, gzip): ``U<TAB>char<TAB>count`` lines, then ``B<TAB>two chars<TAB>count``.
These are counts, not text: no sentence of the sources can be read back from them.

Usage: python scripts/build_fiction_lm.py [DATA_DIR]   (default src/cnnewsclean/data)
"""

from __future__ import annotations

import gzip
import itertools
import re
import sys
from collections import Counter
from pathlib import Path

import opencc

from cnnewsclean.detect.fiction_model import normalise

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "scripts" / "sources"
REGISTERS = ("fiction", "news")
#: the fiction, hosts and negatives the benchmarks and tests use (held-out set included): the training
#: text of either model must not share runs with them
TEST_TEXTS = ("tests/fixtures/inject_*.txt", "tests/fixtures/inject_heldout/*.txt")
RUN = 8
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]*[”」』’]?")


def test_runs() -> set[str]:
    """Every ``RUN``-character run (Simplified) of the test and held-out texts."""
    t2s = opencc.OpenCC("t2s")
    runs: set[str] = set()
    for pattern in TEST_TEXTS:
        for path in sorted(ROOT.glob(pattern)):
            text = t2s.convert(path.read_text(encoding="utf-8")).replace("\n", "")
            runs.update(text[i : i + RUN] for i in range(len(text) - RUN + 1))
    return runs


def _decontaminate(line: str, simple: str, exclude: set[str]) -> str:
    """``line`` without the sentences that hold (or start or end) a run of ``exclude``; ``simple`` is its t2s form."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(line) if m.group()]
    while sentences:
        joined = "".join(simple[a:b] for a, b in sentences)
        bad = {i for i in range(len(joined) - RUN + 1) if joined[i : i + RUN] in exclude}
        if not bad:
            break
        hit, pos = set(), 0
        for k, (a, b) in enumerate(sentences):
            if any(pos - RUN < i < pos + (b - a) for i in bad):
                hit.add(k)
            pos += b - a
        sentences = [sp for k, sp in enumerate(sentences) if k not in hit]
    return "".join(line[a:b] for a, b in sentences)


def training_text(name: str, exclude: set[str] | None = None) -> list[str]:
    """The lines of ``scripts/sources/<name>/*.txt`` the model counts: without sentences sharing a test run."""
    if exclude is None:
        exclude = test_runs()
    t2s = opencc.OpenCC("t2s")
    out: list[str] = []
    for path in sorted((SOURCES / name).glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if exclude:
                line = _decontaminate(line, t2s.convert(line), exclude)
            if line.strip():
                out.append(line)
    return out


def count(lines: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Unigram and bigram counts of ``lines``, in all script forms."""
    convs = [opencc.OpenCC(cfg) for cfg in ("t2s", "s2t", "s2tw")]
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for text in lines:
        forms = ["".join(map(normalise, f.strip())) for f in dict.fromkeys([text] + [c.convert(text) for c in convs])]
        base = forms[0]
        uni.update(base)
        bi.update(map("".join, itertools.pairwise(base)))
        for form in forms[1:]:
            if len(form) != len(base):
                uni.update(form)
                bi.update(map("".join, itertools.pairwise(form)))
                continue
            # a character (pair) the conversion left as it was is one observation, not one per script
            uni.update(c for c, b in zip(form, base, strict=True) if c != b)
            bi.update(form[i : i + 2] for i in range(len(form) - 1) if form[i : i + 2] != base[i : i + 2])
    return uni, bi


def write(out: Path, uni: Counter[str], bi: Counter[str]) -> None:
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for ch, n in sorted(uni.items()):
            fh.write(f"U\t{ch}\t{n}\n")
        for pair, n in sorted(bi.items()):
            fh.write(f"B\t{pair}\t{n}\n")
    print(f"{out}: {len(uni)} characters, {len(bi)} bigrams, {sum(uni.values())} tokens")


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "src/cnnewsclean/data")
    for name in REGISTERS:
        write(data / f"{name}_lm.tsv.gz", *count(training_text(name)))


if __name__ == "__main__":
    main()
