"""Benchmark repair_encoding_mixups on synthetic damage and on clean text.

For each damage mode, one random span of a clean paragraph (gold bodies of the seeds in both
scripts, plus tests/fixtures/mixup_clean.txt) is encoded with one codec and decoded with
another; the paragraph is cleaned and compared with the original. Prints the share of spans
repaired exactly, the share where part of the span was dropped as unrecoverable but nothing was
invented ("dropped"), the share where text that was never there came out ("wrong"), the share
left as is, and the number of clean paragraphs the cleaner changed (must be 0), plus throughput
on clean text. Then whole paragraphs go through the wrong codec: exact share and mean similarity.

Usage: python benchmarks/bench_mixups.py [--trials N] [--seed S]
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from mixup_corruptor import MODES, corrupt_line, corrupt_span, only_deletions  # noqa: E402

from cnnewsclean.cleaners.encoding_mixups import RepairEncodingMixups  # noqa: E402
from cnnewsclean.document import Document  # noqa: E402


def clean_paragraphs() -> tuple[list[str], list[str]]:
    """(all paragraphs, Traditional-script paragraphs)."""
    import opencc

    paras: list[str] = []
    gold_dir = ROOT.parent / "shared" / "gold"
    for f in sorted(gold_dir.glob("*.json")):
        paras += json.loads(f.read_text(encoding="utf-8"))["body"]
    fixture = ROOT / "tests" / "fixtures" / "mixup_clean.txt"
    paras += [ln for ln in fixture.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    both = paras + [s2t.convert(p) for p in paras] + [t2s.convert(p) for p in paras]
    both = list(dict.fromkeys(p for p in both if p.strip()))
    hant = [p for p in both if p == s2t.convert(p) and p != t2s.convert(p)]
    return both, hant


#: Latin-script names with letters outside ASCII, as they appear in Chinese news
LATIN_NAMES = (
    "São Paulo", "Müller", "Beyoncé", "Ångström", "Élysée", "Café de Flore", "Zürich", "Gdańsk", "Łódź",
    "Dvořák", "Fàbregas", "João Félix", "Núñez", "Curaçao", "Reykjavík", "Kylian Mbappé", "Škoda", "Göteborg",
)  # fmt: skip


def latin_words(paras: list[str], cleaner: RepairEncodingMixups, seed: int, trials: int) -> None:
    """A Latin name inserted into a Chinese paragraph, clean and read as cp1252/windows-1252: exact repairs, clean changes."""
    rng = random.Random(seed)
    n = exact = clean_changed = 0
    for _ in range(trials):
        line = rng.choice(paras)
        cjk = [i for i, ch in enumerate(line) if "\u4e00" <= ch <= "\u9fff"]
        if not cjk:
            continue
        i = rng.choice(cjk)
        name = rng.choice(LATIN_NAMES)
        clean = line[:i] + name + line[i:]
        clean_changed += bool(cleaner(Document(clean)).edits)
        bad = MODES[rng.choice(("utf8_as_windows1252", "utf8_as_cp1252_replace"))][0](name)
        n += 1
        exact += cleaner(Document(line[:i] + bad + line[i:])).text == clean
    print(f"Latin names in Chinese text: {n} read as cp1252, exact {exact / n:.1%}; clean ones changed: {clean_changed}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    cleaner = RepairEncodingMixups()
    paras, hant = clean_paragraphs()
    changed = [p for p in paras if cleaner(Document(p)).edits]
    print(f"clean paragraphs: {len(paras)} ({sum(map(len, paras))} chars); changed by the cleaner: {len(changed)}")
    for p in changed[:5]:
        print("   CHANGED:", p[:60], "->", cleaner(Document(p)).text[:60])
    text = "\n".join(paras)
    big = text * max(1, 20_000_000 // len(text.encode()))
    t0 = time.process_time()
    cleaner(Document(big))
    dt = time.process_time() - t0
    print(f"throughput on clean text: {len(big.encode()) / 1e6 / dt:.1f} MB/s (CPU time)")
    print(f"{'mode':26} {'spans':>6} {'exact':>7} {'dropped':>8} {'wrong':>7} {'left as is':>11}")
    total = exact_total = 0
    for mode, (_, script) in MODES.items():
        rng = random.Random(args.seed)
        pool = hant if script == "hant" else paras
        n = exact = dropped = wrong = untouched = 0
        misses: list[tuple[str, str]] = []
        while n < args.trials:
            line = rng.choice(pool)
            got = corrupt_span(line, mode, rng)
            if got is None:
                continue
            damaged, span, s, e = got
            n += 1
            doc = cleaner(Document(damaged))
            if doc.text == line:
                exact += 1
            elif doc.text == damaged:
                untouched += 1
                if len(misses) < 3:
                    misses.append((damaged[s:e], span))
            elif only_deletions(line, doc.text, damaged[s:e]):
                dropped += 1
            else:
                wrong += 1
        total += n
        exact_total += exact
        print(f"{mode:26} {n:6d} {exact / n:7.1%} {dropped / n:8.1%} {wrong / n:7.1%} {untouched / n:11.1%}")
        for bad, good in misses:
            print(f"{'':28}missed {bad!r} ({good})")
    print(f"{'all':26} {total:6d} {exact_total / total:7.1%}")
    print()
    latin_words(paras, cleaner, args.seed, args.trials)
    print()
    print("whole paragraphs through the wrong codec (share of characters restored):")
    for mode, (_, script) in MODES.items():
        pool = hant if script == "hant" else paras
        rng = random.Random(args.seed)
        lines = rng.sample(pool, min(len(pool), args.trials // 4))
        n = same = 0
        dist = 0.0
        for line in lines:
            bad = corrupt_line(line, mode)
            if bad is None:
                continue
            n += 1
            out = cleaner(Document(bad)).text
            same += out == line
            dist += difflib.SequenceMatcher(a=line, b=out, autojunk=False).ratio()
        if n:
            print(f"{mode:26} {n:6d} paragraphs, exact {same / n:6.1%}, similarity {dist / n:6.1%}")


if __name__ == "__main__":
    main()
