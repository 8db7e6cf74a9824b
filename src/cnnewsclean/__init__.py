"""cnnewsclean: turn scraped Chinese news text into clean article bodies.

>>> import cnnewsclean
>>> cnnewsclean.clean("　　正文第一段。\\n\\n　　正文第二段。")
'正文第一段。\\n正文第二段。'
"""

from __future__ import annotations

from functools import lru_cache

from .document import Document, Edit
from .edits import apply_edits, diff_to_edits, render_edits, replay
from .pipeline import CleanerStats, Pipeline
from .presets import list_presets, load_preset
from .registry import list_cleaners, register

__version__ = "0.1.0"

__all__ = [
    "CleanerStats",
    "Document",
    "Edit",
    "Pipeline",
    "apply_edits",
    "clean",
    "clean_document",
    "diff_to_edits",
    "list_cleaners",
    "list_presets",
    "load_preset",
    "register",
    "render_edits",
    "replay",
]


@lru_cache(maxsize=32)
def _cached_pipeline(preset: str, to: str | None, skip: tuple[str, ...]) -> Pipeline:
    return load_preset(preset, to=to, skip=skip)


def clean_document(text: str, *, preset: str = "default", to: str | None = None, skip: tuple[str, ...] = (), id: str | None = None) -> Document:
    """Clean ``text`` and return a Document with metadata and the edit log."""
    return _cached_pipeline(preset, to, tuple(skip)).clean_document(text, id=id)


def clean(text: str, *, preset: str = "default", to: str | None = None, skip: tuple[str, ...] = ()) -> str:
    """Clean ``text`` with a preset (``to`` converts the script afterwards)."""
    return clean_document(text, preset=preset, to=to, skip=skip).text
