"""Cached loaders for package data (``data/``); nothing else reads those files.

Each loader runs once per process (``functools.cache``), on first use, so
importing cnnewsclean stays cheap and workers build their own copies.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def data_path(name: str):  # type: ignore[no-untyped-def]
    """A Traversable for ``cnnewsclean/data/<name>``."""
    return resources.files("cnnewsclean").joinpath("data", name)


def read_data_text(name: str) -> str:
    """The text of a data file (UTF-8)."""
    return data_path(name).read_text(encoding="utf-8")


@cache
def script_chars() -> tuple[frozenset[str], frozenset[str]]:
    """``(simplified_only, traditional_only)`` character sets."""
    simp: frozenset[str] = frozenset()
    trad: frozenset[str] = frozenset()
    for line in read_data_text("script_chars.tsv").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        key, chars = line.split("\t", 1)
        if key == "simplified":
            simp = frozenset(chars)
        elif key == "traditional":
            trad = frozenset(chars)
    return simp, trad
