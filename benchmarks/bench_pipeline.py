#!/usr/bin/env python3
"""Throughput of the whole pipeline, each cleaner, script conversion, workers and reference cleaners.

Builds a JSONL corpus of at least ``--mb`` MB from the five seed pages
(repeated, shuffled with a fixed seed) and prints, in one run:

1. the default pipeline on one core: M characters/s and MB/s (UTF-8 input
   bytes) for the whole pipeline and for each cleaner (its seconds from
   ``pipeline.stats``, as if it ran alone over the corpus);
2. the same with ``--to hans``;
3. ``convert_script`` against calling OpenCC directly on the same texts;
4. the CLI (``cnnewsclean -j 1`` and ``-j 2``) on the JSONL file: wall time,
   MB/s, MB/s per core, the 2-worker speed-up and each run's peak RSS (the
   largest process, from ``getrusage(RUSAGE_CHILDREN)``) and the peak RSS of
   the whole process tree (sampled from /proc);
5. ``ftfy.fix_text`` and ``jionlp.clean_text`` on the same texts as reference
   points (skipped with a note when not installed: ``pip install jionlp``).

Usage: python benchmarks/bench_pipeline.py [--mb 20] [--ref-mb 5] [--no-cli] [--no-ref]
Figures depend on the machine and on what else runs on it; the CPU seconds
(process time) are printed beside wall time for that reason.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cnnewsclean.cleaners.script import ConvertScript  # noqa: E402
from cnnewsclean.document import Document  # noqa: E402
from cnnewsclean.pipeline import Pipeline  # noqa: E402
from cnnewsclean.presets import load_preset  # noqa: E402
from cnnewsclean.runner import tune_gc  # noqa: E402
from cnnewsclean.script_backend import get_converter  # noqa: E402

SEEDS = ROOT / "seeds"


# -- corpus --------------------------------------------------------------------


def build_corpus(mb: float, seed: int = 7) -> list[str]:
    """Seed pages repeated and shuffled until the corpus holds ``mb`` MB of UTF-8."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not pages:
        raise SystemExit(f"no seed pages in {SEEDS}")
    sizes = [len(p.encode("utf-8")) for p in pages]
    rounds = max(1, int(mb * 1e6 / sum(sizes)) + 1)
    docs = pages * rounds
    random.Random(seed).shuffle(docs)
    return docs


def write_jsonl(docs: list[str], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i, text in enumerate(docs):
            fh.write(json.dumps({"id": f"doc{i}", "text": text}, ensure_ascii=False) + "\n")


# -- in-process measurements ---------------------------------------------------


class Size:
    def __init__(self, docs: list[str]) -> None:
        self.chars = sum(len(d) for d in docs)
        self.bytes = sum(len(d.encode("utf-8")) for d in docs)

    def rate(self, seconds: float) -> str:
        if seconds <= 0:
            return "      n/a"
        return f"{self.chars / seconds / 1e6:7.2f} M chars/s {self.bytes / seconds / 1e6:8.2f} MB/s"


def run_pipeline(pipe: Pipeline, docs: list[str]) -> tuple[float, float, list[Document]]:
    pipe.reset_stats()
    out: list[Document] = []  # outputs are not kept: a growing heap would slow every GC pass
    t0, c0 = time.perf_counter(), time.process_time()
    for text in docs:
        pipe.clean_document(text)
    return time.perf_counter() - t0, time.process_time() - c0, out


def report_pipeline(title: str, pipe: Pipeline, docs: list[str], size: Size) -> list[Document]:
    wall, cpu, out = run_pipeline(pipe, docs)
    print(f"\n## {title}: {len(pipe.cleaners)} cleaners, one core")
    print(f"  {'whole pipeline (CPU time)':34s} {size.rate(cpu)}   ({cpu:.2f} s CPU, {wall:.2f} s wall)")
    total = 0.0
    for name, st in pipe.stats.items():
        total += st.seconds
        share = f"{st.docs_changed:6d} docs changed, {st.edits:7d} edits"
        print(f"  {name:34s} {size.rate(st.seconds)}   {st.seconds:6.2f} s  {share}")
    print(f"  {'(sum of cleaners, wall)':34s} {size.rate(total)}   {total:6.2f} s")
    return out


def report_conversion(texts: list[str], target: str, config: str) -> None:
    """convert_script against OpenCC directly, on the same (already cleaned) texts."""
    size = Size(texts)
    conv = get_converter(config)
    cleaner = ConvertScript(target=target)
    best_raw = best_cleaner = float("inf")
    for _ in range(3):
        c0 = time.process_time()
        for t in texts:
            conv.convert(t)
        best_raw = min(best_raw, time.process_time() - c0)
        c0 = time.process_time()
        for t in texts:
            cleaner(Document(t))
        best_cleaner = min(best_cleaner, time.process_time() - c0)
    print(f"\n## convert_script --to {target} vs OpenCC {config} directly (same cleaned texts, CPU time, best of 3)")
    print(f"  {'OpenCC ' + config + '.convert':34s} {size.rate(best_raw)}")
    print(f"  {'convert_script (detect+convert+log)':34s} {size.rate(best_cleaner)}   {best_cleaner / best_raw - 1:+.0%} vs OpenCC")


# -- CLI with workers ----------------------------------------------------------


def _tree_rss_kib(pid: int) -> int:
    """Sum of VmRSS over ``pid`` and its descendants (Linux /proc)."""
    total = 0
    stack = [pid]
    seen: set[int] = set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children", encoding="ascii") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_cli(args: list[str]) -> tuple[float, int, int, dict[str, object]]:
    """Run the CLI; wall seconds, peak RSS of its largest process and of its whole tree (KiB), and its --stats."""
    with tempfile.TemporaryDirectory() as tmp:
        stats_path = Path(tmp) / "stats.json"
        wrapper = (
            "import resource, subprocess, sys\n"
            "rc = subprocess.call(sys.argv[1:])\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            "sys.exit(rc)\n"
        )
        cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "cnnewsclean", *args, "--stats", str(stats_path), "-q"]
        peak_tree = 0
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_tree
            while not done.is_set():
                peak_tree = max(peak_tree, _tree_rss_kib(proc.pid))
                done.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, err = proc.communicate()
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        if proc.returncode not in (0, 1):
            raise SystemExit(f"cnnewsclean failed ({proc.returncode}): {err[-2000:]}")
        peak_one = int(out.strip().splitlines()[-1])
        stats = json.loads(stats_path.read_text(encoding="utf-8"))
    return wall, peak_one, peak_tree, stats


def report_workers(jsonl: Path, mb: float, to: str | None) -> None:
    label = f" --to {to}" if to else ""
    print(f"\n## CLI{label} on {jsonl.name} ({mb:.1f} MB JSONL): cnnewsclean -j N in.jsonl -o out.jsonl")
    results = {}
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            args = ["-j", str(workers), str(jsonl), "-o", str(Path(tmp) / "out.jsonl")]
            if to:
                args += ["--to", to]
            wall, peak_one, peak_tree, stats = run_cli(args)
        results[workers] = wall
        print(
            f"  -j {workers}: {wall:6.2f} s wall  {mb / wall:6.2f} MB/s  {mb / wall / workers:6.2f} MB/s per core  "
            f"peak RSS {peak_one / 1024:6.1f} MiB (largest process), {peak_tree / 1024:6.1f} MiB (all processes)  "
            f"docs {stats['docs_out']}/{stats['docs_in']}"
        )
    print(f"  2-worker speed-up: {results[1] / results[2]:.2f}x  (on {os.cpu_count()} CPUs)")


# -- reference cleaners --------------------------------------------------------


def report_references(docs: list[str]) -> None:
    size = Size(docs)
    print(f"\n## reference cleaners on {size.bytes / 1e6:.1f} MB of the same pages, one core")
    try:
        import ftfy
    except ImportError:
        print("  ftfy.fix_text: skipped (pip install ftfy)")
    else:
        c0 = time.process_time()
        for t in docs:
            ftfy.fix_text(t)
        print(f"  {'ftfy.fix_text (defaults)':34s} {size.rate(time.process_time() - c0)}")
    try:
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp
    except Exception as exc:  # jionlp is optional and heavy
        print(f"  jionlp.clean_text: skipped ({type(exc).__name__}: {exc}; pip install jionlp)")
    else:
        c0 = time.process_time()
        for t in docs:
            jionlp.clean_text(t)
        print(f"  {'jionlp.clean_text (defaults)':34s} {size.rate(time.process_time() - c0)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20; 5 for a quick run)")
    ap.add_argument("--ref-mb", type=float, default=None, help="MB of the corpus given to ftfy/jionlp (default: all)")
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI/worker runs")
    ap.add_argument("--no-ref", action="store_true", help="skip ftfy and jionlp")
    args = ap.parse_args()

    docs = build_corpus(args.mb)
    size = Size(docs)
    tune_gc()  # as the CLI runner does
    print(
        f"# cnnewsclean pipeline benchmark: {len(docs)} documents, {size.chars / 1e6:.2f} M characters, "
        f"{size.bytes / 1e6:.2f} MB UTF-8; python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
    )

    default = load_preset("default")
    report_pipeline("default pipeline", default, docs, size)
    to_hans = load_preset("default", to="hans")
    cleaned = report_pipeline("default pipeline --to hans", to_hans, docs, size)

    without_conversion = load_preset("default")
    pre_conversion = [without_conversion.clean(t) for t in sorted(set(docs))]
    rounds = max(1, len(docs) // max(1, len(pre_conversion)))
    report_conversion(pre_conversion * rounds, "hans", "t2s")
    report_conversion(pre_conversion * rounds, "hant", "s2t")
    del cleaned

    if not args.no_cli:
        with tempfile.TemporaryDirectory() as tmp:
            jsonl = Path(tmp) / "corpus.jsonl"
            write_jsonl(docs, jsonl)
            mb = jsonl.stat().st_size / 1e6
            report_workers(jsonl, mb, None)
            report_workers(jsonl, mb, "hans")

    if not args.no_ref:
        ref_docs = docs
        if args.ref_mb is not None:
            ref_docs = build_corpus(args.ref_mb)
        report_references(ref_docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\npeak RSS of this benchmark process (corpus held in memory): {peak / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
