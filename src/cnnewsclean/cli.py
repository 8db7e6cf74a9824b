"""The ``cnnewsclean`` command: a filter from stdin (or files) to stdout.

Argument parsing and I/O only; all cleaning lives in the pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any

from . import __version__
from .pipeline import Pipeline
from .presets import UnknownPreset, list_presets, load_preset
from .registry import UnknownCleaner, list_cleaners
from .runner import (
    RunOptions,
    Summary,
    chunked,
    default_workers,
    expand_inputs,
    iter_tasks,
    monotonic,
    run_chunks,
)

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_BAD_INPUT, EXIT_IO = 0, 1, 2, 3, 4

EPILOG = """\
examples:
  cnnewsclean seeds/000_04f726505ebab9a0.txt          clean one article, print it
  cnnewsclean < page.txt > clean.txt                   as a filter
  cnnewsclean --explain article.txt                    show every edit on stderr
  cnnewsclean --jsonl --field text --meta-field meta < in.jsonl > out.jsonl
  cnnewsclean -j 4 --progress --stats stats.json corpus/ -o clean/
  cnnewsclean --to hans article.txt                    convert to Simplified after cleaning
  cnnewsclean --skip restore_fullwidth_punctuation a.txt

input: plain text (one document per file; UTF-8, else GB18030/Big5 detected and
reported on stderr), HTML pages, or JSONL (one object per line; files ending
in .jsonl/.jsonl.gz, or --jsonl for stdin). Directories are read recursively
(*.txt, *.html, *.jsonl, also .gz).

exit codes:
  0  everything cleaned
  1  finished, but some documents were skipped (binary, undecodable, malformed JSONL); see stderr
  2  usage error (unknown option, preset or cleaner)
  3  stopped at bad input because of --on-error fail
  4  cannot read an input or write an output
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cnnewsclean",
        description="Turn scraped Chinese news text into clean article bodies, explaining every edit.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", help="files or directories (default: stdin)")
    p.add_argument("-o", "--output", help="output file, or a directory that mirrors the input tree")
    p.add_argument("--preset", default="default", help="named pipeline (see --list-presets)")
    p.add_argument("--to", metavar="SCRIPT", help="convert script: hans, hant, tw, twp, hk, jp, or an OpenCC config (s2t, t2s, s2twp ...)")
    p.add_argument("--only", action="append", metavar="CLEANER", help="run only these cleaners (repeatable)")
    p.add_argument("--skip", action="append", metavar="CLEANER", help="skip these cleaners (repeatable)")
    p.add_argument("--option", action="append", metavar="CLEANER.KEY=VALUE", help="set a cleaner option (value as JSON, else a string)")
    p.add_argument("--jsonl", action="store_true", default=None, help="input is JSONL (implied by .jsonl file names)")
    p.add_argument("--field", default="text", help="JSONL field holding the text (default: text)")
    p.add_argument("--id-field", default="id", help="JSONL field naming the document in logs (default: id)")
    p.add_argument("--meta-field", metavar="NAME", help="JSONL: add extracted metadata and edit counts under NAME")
    p.add_argument("--paragraph-sep", default="\\n", help="text between paragraphs in the output (default: \\n; '\\n\\n' for blank lines)")
    p.add_argument("--encoding", help="decode plain-text input with this encoding instead of detecting it")
    p.add_argument("--explain", action="store_true", help="print every edit (cleaner, reason, before → after) on stderr")
    p.add_argument("--edits-out", metavar="FILE", help="write all edits as JSONL to FILE")
    p.add_argument("--stats", metavar="FILE", help="write the run summary as JSON to FILE")
    p.add_argument("--on-error", choices=("skip", "fail"), default="skip", help="bad input: skip it and report (default), or stop")
    p.add_argument("-j", "--workers", type=int, help="worker processes (default: all cores for inputs of 16 MB or more, else 1)")
    p.add_argument("--progress", action="store_true", help="progress bar and summary on stderr (default when stderr is a terminal)")
    p.add_argument("-q", "--quiet", action="store_true", help="no notices on stderr")
    p.add_argument("--list-cleaners", action="store_true", help="list cleaners and exit")
    p.add_argument("--list-presets", action="store_true", help="list presets and exit")
    p.add_argument("--version", action="version", version=f"cnnewsclean {__version__}")
    return p


def _parse_options(items: list[str] | None) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in items or []:
        key, sep, raw = item.partition("=")
        cleaner, dot, opt = key.partition(".")
        if not sep or not dot:
            raise ValueError(f"--option expects CLEANER.KEY=VALUE, got {item!r}")
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        out.setdefault(cleaner, {})[opt] = value
    return out


def _unescape(sep: str) -> str:
    return sep.encode("utf-8").decode("unicode_escape") if "\\" in sep else sep


class _Outputs:
    """Stdout, one file, or a directory mirroring the inputs."""

    def __init__(self, target: str | None, roots: dict[str, Path], jsonl_default: bool) -> None:
        self.target = Path(target) if target else None
        self.is_dir = bool(target) and (target.endswith("/") or Path(target).is_dir())
        self.roots = roots
        self.current: tuple[str, IO[str]] | None = None
        self.single: IO[str] | None = None
        self.jsonl_default = jsonl_default

    def handle(self, source: str) -> IO[str]:
        if self.target is None:
            return sys.stdout
        if not self.is_dir:
            if self.single is None:
                self.target.parent.mkdir(parents=True, exist_ok=True)
                self.single = open(self.target, "w", encoding="utf-8")
            return self.single
        if self.current and self.current[0] == source:
            return self.current[1]
        if self.current:
            self.current[1].close()
        root = self.roots.get(source)
        rel = Path(source).relative_to(root) if root else Path(Path(source).name)
        name = rel.name[:-3] if rel.name.endswith(".gz") else rel.name
        path = self.target / rel.parent / name
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path, "w", encoding="utf-8")
        self.current = (source, fh)
        return fh

    def close(self) -> None:
        if self.current:
            self.current[1].close()
        if self.single:
            self.single.close()
        sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.list_cleaners:
        for name, desc in list_cleaners().items():
            print(f"{name:32s} {desc}")
        return EXIT_OK
    if args.list_presets:
        for name, desc in list_presets().items():
            print(f"{name:16s} {desc}")
        return EXIT_OK
    try:
        pipeline = load_preset(args.preset, to=args.to, only=args.only, skip=args.skip, options=_parse_options(args.option))
    except (UnknownPreset, UnknownCleaner, ValueError, TypeError) as exc:
        print(f"cnnewsclean: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        files = expand_inputs(args.inputs)
    except FileNotFoundError as exc:
        print(f"cnnewsclean: {exc}", file=sys.stderr)
        return EXIT_IO
    if args.inputs and not files:
        print("cnnewsclean: no input files found (looked for *.txt, *.html, *.jsonl, and .gz)", file=sys.stderr)
        return EXIT_IO
    return run(pipeline, args, files)


def run(pipeline: Pipeline, args: argparse.Namespace, files: list[tuple[Path, Path]]) -> int:
    opts = RunOptions(
        field=args.field,
        meta_field=args.meta_field,
        want_edits=bool(args.edits_out),
        explain=args.explain,
        encoding=args.encoding,
        paragraph_sep=_unescape(args.paragraph_sep),
        id_field=args.id_field,
    )
    workers = args.workers if args.workers else default_workers(files)
    show_progress = args.progress or (sys.stderr.isatty() and not args.quiet)
    total_bytes = sum(f.stat().st_size for f, _ in files) if files else None
    bar = _progress_bar(total_bytes) if show_progress else None
    summary = Summary()
    roots = {str(f): r for f, r in files}
    outputs = _Outputs(args.output, roots, bool(args.jsonl))
    if args.output and (len(files) > 1 or any(Path(i).is_dir() for i in args.inputs)):
        outputs.is_dir = True
    edits_fh = open(args.edits_out, "w", encoding="utf-8") if args.edits_out else None
    stdin = sys.stdin.buffer if not files else None
    jsonl = True if args.jsonl else (None if files else False)
    text_docs = 0
    code = EXIT_OK
    t0 = monotonic()
    try:
        tasks = iter_tasks(files, stdin, jsonl)
        for chunk, results, stats in run_chunks(pipeline, chunked(tasks), opts, max(1, workers)):
            summary.add_stats(stats)
            for task, res in zip(chunk, results, strict=True):
                summary.docs_in += 1
                summary.bytes_in += len(task.payload)
                if res.notice and not args.quiet:
                    print(f"cnnewsclean: {res.notice}", file=sys.stderr)
                if res.error is not None:
                    summary.docs_skipped += 1
                    summary.skipped[res.error.split(": ", 1)[-1].split(" (")[0]] += 1
                    print(f"cnnewsclean: {'error' if args.on_error == 'fail' else 'skipped'}: {res.error}", file=sys.stderr)
                    if args.on_error == "fail":
                        return EXIT_BAD_INPUT
                    code = EXIT_SKIPPED
                    continue
                summary.docs_out += 1
                summary.chars_in += res.chars_in
                summary.chars_out += res.chars_out
                out = outputs.handle(res.source)
                if task.kind == "text" and outputs.target is None and text_docs and res.output:
                    out.write("\n")
                if task.kind == "text":
                    text_docs += 1
                out.write(res.output or "")
                if res.explain is not None:
                    header = res.source if task.kind == "text" else f"{res.source}:{task.lineno}"
                    print(f"== {header}: {res.explain.count(chr(10)) + 1 if res.explain else 0} edits", file=sys.stderr)
                    if res.explain:
                        print(res.explain, file=sys.stderr)
                if edits_fh and res.edits:
                    for e in res.edits:
                        edits_fh.write(json.dumps(e, ensure_ascii=False) + "\n")
            if bar is not None:
                bar.update(sum(len(t.payload) for t in chunk))
                bar.set_postfix(docs=summary.docs_in, refresh=False)
    except OSError as exc:
        print(f"cnnewsclean: {exc}", file=sys.stderr)
        return EXIT_IO
    except KeyboardInterrupt:
        return 130
    finally:
        summary.seconds = monotonic() - t0
        if bar is not None:
            bar.close()
        outputs.close()
        if edits_fh:
            edits_fh.close()
        if args.stats:
            Path(args.stats).write_text(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
        if show_progress:
            _print_summary(summary)
    return code


def _progress_bar(total: int | None):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr, desc="cleaning", dynamic_ncols=True)


def _print_summary(s: Summary) -> None:
    rate = s.bytes_in / 1e6 / s.seconds if s.seconds else 0.0
    print(
        f"cnnewsclean: {s.docs_in} documents in, {s.docs_out} out, {s.docs_skipped} skipped; "
        f"{s.chars_in:,} → {s.chars_out:,} characters; {rate:.1f} MB/s",
        file=sys.stderr,
    )
    for name, st in s.cleaners.items():
        if st.edits or st.errors:
            top = ", ".join(f"{r}={n}" for r, n in st.by_reason.most_common(4))
            print(f"  {name:32s} {st.docs_changed:7d} docs {st.edits:8d} edits  -{st.chars_removed:,} chars  {top}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
