"""cnnewsclean: turn scraped Chinese news text into clean article bodies.

>>> import cnnewsclean
>>> cnnewsclean.clean("　　正文第一段。\\n\\n　　正文第二段。")
'正文第一段。\\n正文第二段。'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

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
def _cached_pipeline(preset: str, to: str | None, only: tuple[str, ...] | None, skip: tuple[str, ...], options: str) -> Pipeline:
    return load_preset(preset, to=to, only=only, skip=skip, options=json.loads(options))


def clean_document(
    text: str,
    *,
    preset: str = "default",
    to: str | None = None,
    only: Iterable[str] | None = None,
    skip: Iterable[str] = (),
    options: dict[str, dict[str, Any]] | None = None,
    id: str | None = None,
) -> Document:
    """Clean ``text`` and return a Document with metadata and the edit log.

    ``preset`` names the pipeline, ``to`` converts the script afterwards
    (``"hans"``, ``"hant"``, ``"tw"`` ...), ``only``/``skip`` pick cleaners by
    name and ``options`` maps a cleaner name to option overrides. Pipelines
    are cached per argument set.
    """
    key = json.dumps(options or {}, sort_keys=True, ensure_ascii=False)
    pipeline = _cached_pipeline(preset, to, tuple(only) if only is not None else None, tuple(skip), key)
    return pipeline.clean_document(text, id=id)


def clean(text: str, **options: Any) -> str:
    """Clean ``text`` and return only the clean text (options as for :func:`clean_document`)."""
    return clean_document(text, **options).text
