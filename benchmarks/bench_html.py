"""HTML extraction benchmark: body character error rate and MB/s on tests/fixtures/html.

Compares cnnewsclean's ``extract_html`` (and optionally the whole default
pipeline) with trafilatura and readability-lxml, each run the way users
normally run it (raw bytes in, the tool decodes) and with cnnewsclean's
decoding given to it. Peers are dev-only: ``pip install trafilatura
readability-lxml rapidfuzz`` (missing ones are reported and skipped).

CER = edit distance(extracted body, expected body) / len(expected body); the
title line is removed from both sides first (the expected text's first line
is the title). On pages that are not articles (expected text empty) the
figure reported is the number of characters a tool wrongly output.

Usage: .venv/bin/python benchmarks/bench_html.py [--pipeline] [--rounds N] [--show NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "html"
sys.path.insert(0, str(ROOT))

from tests.textdist import edit_distance  # noqa: E402


def normalize(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def body_of(text: str, title: str) -> str:
    """Drop lines equal to the title (tools put it first, or not at all)."""
    key = "".join(title.split())
    lines = [line for line in normalize(text).splitlines() if not key or "".join(line.split()) != key]
    return "\n".join(lines)


def html_to_lines(html: str) -> str:
    """Readability returns HTML; turn it into one paragraph per line with our block walker."""
    from cnnewsclean.html.dom import EmptyPage, parse_html, text_blocks

    try:
        root = parse_html(html)
    except EmptyPage:
        return ""
    return "\n".join(b.text for b in text_blocks(root))


# -- systems: name -> function(raw bytes, our decoded text) -> extracted text -------------------


def make_systems(pipeline: bool) -> dict[str, Callable[[bytes, str], str]]:
    from cnnewsclean.cleaners.html import ExtractHtml
    from cnnewsclean.decoding import decode_bytes
    from cnnewsclean.document import Document

    extractor = ExtractHtml()
    systems: dict[str, Callable[[bytes, str], str]] = {
        "cnnewsclean": lambda raw, _text: extractor(Document(decode_bytes(raw).text)).text,
    }
    if pipeline:
        from cnnewsclean import load_preset

        pipe = load_preset("default")
        systems["cnnewsclean+pipeline"] = lambda raw, _text: pipe(Document(decode_bytes(raw).text)).text
    try:
        import trafilatura

        systems["trafilatura"] = lambda raw, _text: trafilatura.extract(raw) or ""
        systems["trafilatura(our decoding)"] = lambda _raw, text: trafilatura.extract(text) or ""
    except ImportError:
        print("trafilatura not installed: skipped", file=sys.stderr)
    try:
        from readability import Document as ReadabilityDocument

        systems["readability"] = lambda raw, _text: html_to_lines(ReadabilityDocument(raw).summary())
        systems["readability(our decoding)"] = lambda _raw, text: html_to_lines(ReadabilityDocument(text).summary())
    except ImportError:
        print("readability-lxml not installed: skipped", file=sys.stderr)
    return systems


def load_fixtures() -> list[tuple[str, bytes, str, str]]:
    """(name, raw bytes, expected title, expected body) for every fixture page."""
    out = []
    for page in sorted(FIXTURES.glob("*.html")):
        name = page.name[: -len(".html")]
        expected = (FIXTURES / f"{name}.expected.txt").read_text(encoding="utf-8")
        lines = normalize(expected).splitlines()
        title = lines[0] if lines else ""
        out.append((name, page.read_bytes(), title, "\n".join(lines[1:])))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pipeline", action="store_true", help="also run the whole default pipeline")
    ap.add_argument("--rounds", type=int, default=5, help="timing rounds per page (default 5)")
    ap.add_argument("--show", metavar="NAME", help="print each system's output for one fixture")
    ap.add_argument("--json", metavar="FILE", help="write the results as JSON")
    args = ap.parse_args(argv)

    from cnnewsclean.decoding import decode_bytes

    fixtures = load_fixtures()
    systems = make_systems(args.pipeline)
    results: dict[str, dict[str, float]] = {s: {} for s in systems}
    seconds = dict.fromkeys(systems, 0.0)
    big_seconds = dict.fromkeys(systems, 0.0)  # pages of a realistic size (>= 20 kB)
    total_bytes = sum(len(raw) for _, raw, _, _ in fixtures)
    big_bytes = sum(len(raw) for _, raw, _, _ in fixtures if len(raw) >= 20_000)
    for name, raw, title, body in fixtures:
        text = decode_bytes(raw).text
        for sys_name, run in systems.items():
            out = run(raw, text)  # warm-up and the scored output
            t0 = time.process_time()
            for _ in range(args.rounds):
                run(raw, text)
            spent = (time.process_time() - t0) / args.rounds
            seconds[sys_name] += spent
            if len(raw) >= 20_000:
                big_seconds[sys_name] += spent
            got = body_of(out, title)
            if body:
                results[sys_name][name] = edit_distance(got, body) / len(body)
            else:
                results[sys_name][name] = float(len(got))
            if args.show == name:
                print(f"===== {sys_name} =====\n{out}\n")

    articles = [n for n, _, _, b in fixtures if b]
    others = [n for n, _, _, b in fixtures if not b]
    width = max(len(s) for s in systems) + 2
    print(f"{'page':24s}" + "".join(f"{s:>{width}s}" for s in systems))
    for name in articles + others:
        digits = 3 if name in articles else 0
        print(f"{name:24s}" + "".join(f"{results[s][name]:>{width}.{digits}f}" for s in systems))
    print("-" * (24 + width * len(systems)))
    mean = {s: sum(results[s][n] for n in articles) / len(articles) for s in systems}
    print(f"{'mean body CER':24s}" + "".join(f"{mean[s]:>{width}.3f}" for s in systems))
    held = [n for n in articles if n.startswith("h_")]
    if held:
        mean_h = {s: sum(results[s][n] for n in held) / len(held) for s in systems}
        print(f"{'  held-out (h_*)':24s}" + "".join(f"{mean_h[s]:>{width}.3f}" for s in systems))
    junk = {s: sum(results[s][n] for n in others) for s in systems}
    print(f"{'chars on non-articles':24s}" + "".join(f"{junk[s]:>{width}.0f}" for s in systems))
    mbs = {s: total_bytes / seconds[s] / 1e6 for s in systems}
    print(f"{'MB/s (CPU, 1 core)':24s}" + "".join(f"{mbs[s]:>{width}.1f}" for s in systems))
    if big_bytes:
        big = {s: big_bytes / big_seconds[s] / 1e6 for s in systems}
        print(f"{'MB/s, pages >= 20 kB':24s}" + "".join(f"{big[s]:>{width}.1f}" for s in systems))
    ms = {s: seconds[s] / len(fixtures) * 1e3 for s in systems}
    print(f"{'ms per page':24s}" + "".join(f"{ms[s]:>{width}.2f}" for s in systems))
    print(f"\n{len(fixtures)} pages, {total_bytes / 1e3:.0f} kB; non-article rows show characters output (0 is right)")
    if args.json:
        Path(args.json).write_text(json.dumps({"cer": results, "mean_cer": mean, "mb_per_s": mbs}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
