"""Run cnnewsclean inside data engines: Hugging Face ``datasets``, Spark, Ray Data.

Each adapter lives in its own module and imports its framework only inside
functions, so ``import cnnewsclean.integrations.spark`` works without pyspark
until you call it. All of them share what is here: a pipeline is described by
a small JSON spec (what crosses process and machine boundaries), and each
worker process builds the :class:`~cnnewsclean.pipeline.Pipeline` from it once
and caches it.

>>> cleaner = BatchCleaner(pipeline="minimal", to="hans", edit_count_column="edits")
>>> cleaner.clean_columns(["　　廣東省總工會團結動員職工。"])
{'text': ['广东省总工会团结动员职工。'], 'edits': [2]}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..pipeline import Pipeline
from ..presets import load_preset

__all__ = ["BatchCleaner", "is_missing", "pipeline_from_spec", "pipeline_spec"]


def is_missing(value: Any) -> bool:
    """None, NaN or pandas' NA (how engines hand over a null text).

    >>> is_missing(None), is_missing(float("nan")), is_missing("正文")
    (True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


def pipeline_spec(pipeline: Pipeline | str = "default", to: str | None = None) -> str:
    """A JSON spec of the pipeline: a preset name (plus ``to``) or a built Pipeline."""
    if isinstance(pipeline, str) and pipeline.startswith("{"):  # already a spec
        if to:
            raise ValueError("pass 'to' with a preset name or a Pipeline, not with a spec")
        return pipeline
    if isinstance(pipeline, Pipeline):
        config = pipeline.to_config()
        if to:
            config = [c for c in config if c["name"] != "convert_script"] + [{"name": "convert_script", "target": to}]
        return json.dumps({"config": config, "name": pipeline.name}, ensure_ascii=False, sort_keys=True)
    return json.dumps({"preset": pipeline, "to": to}, ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=16)
def pipeline_from_spec(spec: str) -> Pipeline:
    """Build (once per process) the pipeline a spec describes."""
    data = json.loads(spec)
    if "config" in data:
        return Pipeline.from_config(data["config"], name=data.get("name"))
    return load_preset(data["preset"], to=data.get("to"))


@dataclass(frozen=True)
class BatchCleaner:
    """Clean a column of texts; picklable (only the spec and column names travel).

    ``output_column`` defaults to the input column (cleaned in place).
    ``metadata_column`` adds each document's metadata as a JSON string (a
    string, so the column has one type whatever keys documents have);
    ``edit_count_column`` adds the number of edits. ``None`` texts stay None.
    """

    column: str = "text"
    pipeline: Pipeline | str = "default"
    to: str | None = None
    output_column: str | None = None
    metadata_column: str | None = None
    edit_count_column: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "pipeline", pipeline_spec(self.pipeline, self.to))
        object.__setattr__(self, "to", None)

    @property
    def spec(self) -> str:
        return str(self.pipeline)

    @property
    def out_column(self) -> str:
        return self.output_column or self.column

    def added_columns(self) -> list[tuple[str, type]]:
        """``(name, python type)`` of the columns this cleaner writes."""
        cols: list[tuple[str, type]] = [(self.out_column, str)]
        if self.metadata_column:
            cols.append((self.metadata_column, str))
        if self.edit_count_column:
            cols.append((self.edit_count_column, int))
        return cols

    def clean_columns(self, texts: Iterable[str | None]) -> dict[str, list[Any]]:
        """Clean texts; return the new columns (output text, metadata, edit count)."""
        pipe = pipeline_from_spec(self.spec)
        out: list[str | None] = []
        metas: list[str | None] = []
        counts: list[int | None] = []
        for text in texts:
            if is_missing(text):
                out.append(None)
                metas.append(None)
                counts.append(None)
                continue
            doc = pipe.clean_document(str(text))
            out.append(doc.text)
            if self.metadata_column:
                metas.append(json.dumps(doc.metadata, ensure_ascii=False, default=str))
            if self.edit_count_column:
                counts.append(len(doc.edits))
        cols: dict[str, list[Any]] = {self.out_column: out}
        if self.metadata_column:
            cols[self.metadata_column] = metas
        if self.edit_count_column:
            cols[self.edit_count_column] = counts
        return cols

    def __call__(self, batch: dict[str, Sequence[Any]]) -> dict[str, list[Any]]:
        """Clean one batch given as ``{column: values}``; returns the batch with the new columns."""
        result = {k: list(v) for k, v in batch.items()}
        result.update(self.clean_columns(batch[self.column]))
        return result
