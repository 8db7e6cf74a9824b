"""Shared helpers for the chrome, caption and paragraph tests."""

from __future__ import annotations

from pathlib import Path

from cnnewsclean import Document, Pipeline

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MY_CLEANERS = ("remove_page_chrome", "remove_captions", "rejoin_broken_paragraphs")


def negative_lines() -> list[str]:
    """The clean-news paragraphs of tests/fixtures/chrome_negative.txt."""
    text = (FIXTURES / "chrome_negative.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def pipeline(*names: str) -> Pipeline:
    return Pipeline.from_config([{"name": n} for n in names])


def removed(doc: Document, cleaner: str) -> dict[str, str]:
    """``{removed line: reason}`` for the line removals ``cleaner`` made."""
    return {e.before.strip(): e.reason for e in doc.edits if e.cleaner == cleaner and e.after == ""}
