"""Hugging Face ``datasets``: clean a text column with ``Dataset.map(batched=True, num_proc=N)``.

>>> fn = map_function("text", pipeline="minimal", to="hans", edit_count_column="edits")
>>> fn({"text": ["廣東省總工會團結動員職工。"], "id": [1]})
{'text': ['广东省总工会团结动员职工。'], 'id': [1], 'edits': [1]}

With a dataset (``pip install "cnnewsclean[hf]"``)::

    from datasets import load_dataset
    from cnnewsclean.integrations.hf import clean_dataset, map_function

    ds = load_dataset("json", data_files="news.jsonl", split="train")
    ds = clean_dataset(ds, "text", num_proc=8, metadata_column="meta", edit_count_column="edits")
    # or, by hand:
    ds = ds.map(map_function("text", to="hans"), batched=True, batch_size=256, num_proc=8)

The function is a small picklable object; each of the ``num_proc`` worker
processes builds the pipeline once, on its first batch.
"""

from __future__ import annotations

from typing import Any

from ..pipeline import Pipeline
from . import BatchCleaner

__all__ = ["clean_dataset", "map_function"]


def map_function(
    column: str = "text",
    *,
    pipeline: Pipeline | str = "default",
    to: str | None = None,
    output_column: str | None = None,
    metadata_column: str | None = None,
    edit_count_column: str | None = None,
) -> BatchCleaner:
    """A function for ``Dataset.map(fn, batched=True)`` that cleans ``column``.

    ``pipeline`` is a preset name or a built Pipeline; ``to`` converts the
    script (``"hans"``, ``"hant"`` ...). ``output_column`` (default: the input
    column), ``metadata_column`` (metadata as a JSON string) and
    ``edit_count_column`` (number of edits) name the columns written.
    """
    return BatchCleaner(column, pipeline, to, output_column, metadata_column, edit_count_column)


def clean_dataset(
    dataset: Any,
    column: str = "text",
    *,
    num_proc: int | None = None,
    batch_size: int = 256,
    pipeline: Pipeline | str = "default",
    to: str | None = None,
    output_column: str | None = None,
    metadata_column: str | None = None,
    edit_count_column: str | None = None,
    **map_kwargs: Any,
) -> Any:
    """``dataset.map`` with :func:`map_function`; works for ``Dataset`` and ``DatasetDict``."""
    fn = map_function(
        column,
        pipeline=pipeline,
        to=to,
        output_column=output_column,
        metadata_column=metadata_column,
        edit_count_column=edit_count_column,
    )
    map_kwargs.setdefault("desc", "cnnewsclean")
    return dataset.map(fn, batched=True, batch_size=batch_size, num_proc=num_proc, **map_kwargs)
