#!/usr/bin/env python3
"""Benchmark the injected-spam cleaners on generated injections, and their speed on clean text.

Splices spam keywords and fiction fragments (tests/injector.py) into clean news
(gold bodies of seeds 000/001/003/004, tests/fixtures/inject_host_*.txt) and
reports recall of injected characters and the share of host characters wrongly
removed, for keywords alone, fiction alone, both together and fiction whose fragments are successive
passages of one story (as in seed 002); counts the clean
negative texts (tests/fixtures/inject_negative_*.txt, HTML fixtures' expected
texts) the cleaners edit. When tests/fixtures/inject_heldout/ exists, the same figures on the held-out
set (its fiction spliced into its hosts; its negatives and hosts must stay unedited): a check, never
a target. Then times the cleaners on the clean articles (one document each) repeated to ~20 MB.

Usage: python benchmarks/bench_injection.py [--docs 300] [--seed 0] [--mb 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.injector import FIXTURES, HELDOUT, host_texts, make_cases, score  # noqa: E402

from cnnewsclean.cleaners.injected_fiction import RemoveInjectedFiction  # noqa: E402
from cnnewsclean.cleaners.injected_keywords import RemoveInjectedKeywords  # noqa: E402
from cnnewsclean.cleaners.spun_text import ScoreSpunText  # noqa: E402
from cnnewsclean.document import Document  # noqa: E402
from cnnewsclean.pipeline import Pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--mb", type=float, default=20.0)
    args = ap.parse_args()
    # strict: a cleaner that raises stops the benchmark (a swallowed error would read as 0% recall)
    pipe = Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction(), ScoreSpunText()], strict=True)
    for label, kw, fi in (
        ("keywords", (1, 6), (0, 0)),
        ("fiction", (0, 0), (1, 3)),
        ("both", (1, 6), (1, 3)),
        ("single keyword", (1, 1), (0, 0)),
        ("one story", (0, 0), (1, 3)),
    ):
        # one story: a document's fragments are successive passages of one story (as in seed 002)
        cases = make_cases(args.docs, seed=args.seed, keywords=kw, fiction=fi, one_story=label == "one story")
        r = score(cases, pipe)
        sizes = f"({r['injected']} injected, {r['host']} host chars, {args.docs} docs)"
        print(f"{label:15s} recall {r['recall']:.3f}  host damage {r['host_damage']:.4f}  {sizes}")
    negatives = sorted(FIXTURES.glob("inject_negative_*.txt")) + sorted((FIXTURES / "html").glob("*.expected.txt"))
    changed = [p.name for p in negatives if pipe(Document(p.read_text(encoding="utf-8"))).edits]
    print(f"negatives       {len(negatives)} clean texts (trade news, features, blogs, HTML fixtures), {len(changed)} edited {changed}")
    if any(HELDOUT.glob("fiction_*.txt")):
        # the held-out set: measured here, never tuned on
        for label, kw, fi in (("fiction", (0, 0), (1, 3)), ("both", (1, 6), (1, 3)), ("one story", (0, 0), (1, 3))):
            one = label == "one story"
            r = score(make_cases(args.docs, seed=args.seed, keywords=kw, fiction=fi, heldout=True, one_story=one), pipe)
            sizes = f"({r['injected']} injected, {r['host']} host chars, {args.docs} docs)"
            print(f"heldout {label:9s} recall {r['recall']:.3f}  host damage {r['host_damage']:.4f}  {sizes}")
        held = sorted(HELDOUT.glob("negative_*.txt")) + sorted(HELDOUT.glob("host_*.txt"))
        changed = [p.name for p in held if pipe(Document(p.read_text(encoding="utf-8"))).edits]
        print(f"heldout clean   {len(held)} clean texts (held-out negatives and hosts), {len(changed)} edited {changed}")
    # one document per clean article (gold bodies and hosts), repeated to about --mb MB
    articles = host_texts()
    size = sum(len(a.encode("utf-8")) for a in articles)
    reps = max(1, int(args.mb * 1e6 / size))
    for cleaner in (RemoveInjectedKeywords(), RemoveInjectedFiction(), ScoreSpunText()):
        t0 = time.perf_counter()
        for _ in range(reps):
            for a in articles:
                cleaner(Document(a))
        dt = time.perf_counter() - t0
        print(f"{cleaner.name:26s} {reps * size / dt / 1e6:8.1f} MB/s on clean text ({len(articles)} articles x {reps})")


if __name__ == "__main__":
    main()
