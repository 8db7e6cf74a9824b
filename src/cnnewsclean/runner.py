"""Streaming execution for the CLI: chunked, ordered, optionally parallel.

Inputs are read lazily and cut into chunks; each chunk is cleaned in-process
or by a worker process (the pipeline is built once per worker from its
config). At most a few chunks per worker are in flight, so memory stays flat
whatever the input size, and results are written in input order.
"""

from __future__ import annotations

import collections
import gc
import gzip
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .document import Document
from .edits import render_edits
from .formats import BadRecord, decode_document, dump_jsonl, parse_jsonl_line
from .pipeline import CleanerStats, Pipeline

CHUNK_BYTES = 1 << 20
CHUNK_RECORDS = 512
INPUT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".txt.gz", ".html.gz", ".htm.gz", ".jsonl.gz")


@dataclass(frozen=True)
class RunOptions:
    """What each record needs besides the pipeline (picklable)."""

    field: str = "text"
    meta_field: str | None = None
    want_edits: bool = False
    explain: bool = False
    encoding: str | None = None
    paragraph_sep: str = "\n"
    id_field: str = "id"


@dataclass(frozen=True)
class Task:
    """One record to clean: a whole text file, or one JSONL line."""

    kind: str  # "text" | "jsonl"
    source: str
    lineno: int
    payload: bytes


@dataclass
class Result:
    """What came of one task."""

    source: str
    output: str | None
    error: str | None = None
    chars_in: int = 0
    chars_out: int = 0
    edits: list[dict[str, Any]] | None = None
    explain: str | None = None
    notice: str | None = None


@dataclass
class Summary:
    """Totals for one CLI run (``--stats`` writes this as JSON)."""

    docs_in: int = 0
    docs_out: int = 0
    docs_skipped: int = 0
    chars_in: int = 0
    chars_out: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    skipped: Counter[str] = field(default_factory=Counter)
    cleaners: dict[str, CleanerStats] = field(default_factory=dict)

    def add_stats(self, stats: dict[str, CleanerStats]) -> None:
        for name, st in stats.items():
            self.cleaners.setdefault(name, CleanerStats()).merge(st)

    def to_dict(self) -> dict[str, Any]:
        return {
            "docs_in": self.docs_in,
            "docs_out": self.docs_out,
            "docs_skipped": self.docs_skipped,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "bytes_in": self.bytes_in,
            "seconds": round(self.seconds, 3),
            "mb_per_s": round(self.bytes_in / 1e6 / self.seconds, 3) if self.seconds else None,
            "skipped": dict(self.skipped),
            "cleaners": {k: v.to_dict() for k, v in self.cleaners.items()},
        }


# -- record processing (runs in workers) -------------------------------------


def clean_task(pipeline: Pipeline, task: Task, opts: RunOptions) -> Result:
    """Clean one task; bad input becomes a Result with an error, never an exception."""
    try:
        if task.kind == "jsonl":
            obj = parse_jsonl_line(task.payload, opts.field, task.source, task.lineno)
            doc_id = obj.get(opts.id_field)
            doc = Document(obj[opts.field], id=str(doc_id) if doc_id is not None else f"{task.source}:{task.lineno}")
            notice = None
        else:
            decoded = decode_document(task.payload, task.source, opts.encoding)
            doc = Document(decoded.text, id=task.source)
            doc.metadata["decoding"] = decoded.to_dict()
            notice = None
            if decoded.how != "utf-8" and decoded.how != "forced":
                notice = f"{task.source}: not UTF-8; decoded as {decoded.encoding} ({decoded.how})"
                if decoded.replaced:
                    notice += f", {decoded.replaced} undecodable sequences replaced"
    except BadRecord as exc:
        return Result(task.source, None, error=str(exc))
    original = doc.text
    pipeline(doc)
    text = doc.text if opts.paragraph_sep == "\n" else doc.text.replace("\n", opts.paragraph_sep)
    if task.kind == "jsonl":
        obj[opts.field] = text
        if opts.meta_field:
            obj[opts.meta_field] = _meta_with_counts(doc)
        output = dump_jsonl(obj) + "\n"
    else:
        output = text + "\n" if text else ""
    res = Result(task.source, output, chars_in=len(original), chars_out=len(doc.text), notice=notice)
    if opts.want_edits:
        res.edits = [{"doc": doc.id, **e.to_dict()} for e in doc.edits]
    if opts.explain:
        res.explain = render_edits(original, doc.edits)
    return res


def _meta_with_counts(doc: Document) -> dict[str, Any]:
    meta = dict(doc.metadata)
    counts: Counter[str] = Counter(e.cleaner for e in doc.edits)
    meta["edit_count"] = len(doc.edits)
    meta["edits_by_cleaner"] = dict(counts)
    return meta


_WORKER: tuple[Pipeline, RunOptions] | None = None


def _init_worker(config: list[dict[str, Any]], name: str | None, opts: RunOptions) -> None:
    global _WORKER
    _WORKER = (Pipeline.from_config(config, name=name), opts)
    tune_gc()


def tune_gc() -> None:
    """Cleaning makes many short-lived, acyclic objects (edits, strings): collect rarely.

    Called by the CLI runner only (never on import), since it changes the process's
    garbage-collector settings; loaded resources are frozen out of later passes.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def _worker_chunk(tasks: list[Task]) -> tuple[list[Result], dict[str, CleanerStats]]:
    assert _WORKER is not None
    pipeline, opts = _WORKER
    pipeline.reset_stats()
    results = [clean_task(pipeline, t, opts) for t in tasks]
    return results, pipeline.stats


# -- reading inputs ----------------------------------------------------------


def _open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")


def is_jsonl_name(name: str) -> bool:
    return name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))


def expand_inputs(paths: Iterable[str]) -> list[tuple[Path, Path]]:
    """Files and directories (recursively, known suffixes) as ``(file, root)`` pairs."""
    out: list[tuple[Path, Path]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.name.endswith(INPUT_SUFFIXES):
                    out.append((f, path))
        elif path.exists():
            out.append((path, path.parent))
        else:
            raise FileNotFoundError(f"no such file or directory: {p}")
    return out


def iter_tasks(files: list[tuple[Path, Path]], stdin: IO[bytes] | None, jsonl: bool | None) -> Iterator[Task]:
    """Lazily produce tasks from files (or stdin when ``files`` is empty)."""
    if not files:
        assert stdin is not None
        if jsonl:
            yield from _jsonl_tasks(stdin, "<stdin>")
        else:
            yield Task("text", "<stdin>", 0, stdin.read())
        return
    for path, _root in files:
        as_jsonl = jsonl if jsonl is not None else is_jsonl_name(path.name)
        with _open_binary(path) as fh:
            if as_jsonl:
                yield from _jsonl_tasks(fh, str(path))
            else:
                yield Task("text", str(path), 0, fh.read())


def _jsonl_tasks(fh: IO[bytes], source: str) -> Iterator[Task]:
    for lineno, line in enumerate(fh, 1):
        line = line.rstrip(b"\r\n")
        if line.strip():
            yield Task("jsonl", source, lineno, line)


def chunked(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    """Group tasks into chunks of about CHUNK_BYTES or CHUNK_RECORDS."""
    chunk: list[Task] = []
    size = 0
    for t in tasks:
        chunk.append(t)
        size += len(t.payload)
        if size >= CHUNK_BYTES or len(chunk) >= CHUNK_RECORDS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run_chunks(
    pipeline: Pipeline, chunks: Iterable[list[Task]], opts: RunOptions, workers: int
) -> Iterator[tuple[list[Task], list[Result], dict[str, CleanerStats]]]:
    """Clean chunks in order, in-process or with ``workers`` processes."""
    if workers <= 1:
        tune_gc()
        for chunk in chunks:
            pipeline.reset_stats()
            results = [clean_task(pipeline, t, opts) for t in chunk]
            yield chunk, results, pipeline.stats
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(pipeline.to_config(), pipeline.name, opts)) as pool:
        pending: collections.deque[tuple[list[Task], Any]] = collections.deque()
        limit = workers * 3
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(_worker_chunk, (chunk,))))
            while len(pending) >= limit:
                done_chunk, fut = pending.popleft()
                results, stats = fut.get()
                yield done_chunk, results, stats
        while pending:
            done_chunk, fut = pending.popleft()
            results, stats = fut.get()
            yield done_chunk, results, stats


def default_workers(files: list[tuple[Path, Path]]) -> int:
    """All cores when the input is large enough to be worth the start-up."""
    total = 0
    for path, _ in files:
        try:
            total += path.stat().st_size
        except OSError:
            pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores if total >= 16 * 1024 * 1024 else 1


def monotonic() -> float:
    return time.perf_counter()
