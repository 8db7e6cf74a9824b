"""Ray Data: ``Dataset.map_batches`` with a callable class that holds the pipeline.

Install ``cnnewsclean[ray]`` in the environment of every node (or pass it in
a ``runtime_env``); each actor builds the pipeline once in ``__init__`` and
cleans batches with it.

Example (``pip install "cnnewsclean[ray]"``)::

    import ray
    from cnnewsclean.integrations.ray import RayCleaner, clean_dataset

    ds = ray.data.read_json("news.jsonl")
    ds = clean_dataset(ds, "text", concurrency=8, metadata_column="meta")
    # or, by hand:
    ds = ds.map_batches(RayCleaner, fn_constructor_kwargs={"column": "text", "to": "hans"},
                        batch_format="pandas", batch_size=256, concurrency=8)
    ds.write_parquet("clean/")

>>> RayCleaner("text", pipeline="minimal", to="hans")({"text": ["廣東省總工會團結動員職工"]})
{'text': ['广东省总工会团结动员职工']}
"""

from __future__ import annotations

from typing import Any

from ..pipeline import Pipeline
from . import BatchCleaner, pipeline_from_spec

__all__ = ["RayCleaner", "clean_dataset"]


class RayCleaner:
    """Callable class for ``map_batches``: pandas DataFrames or ``{column: array}`` batches."""

    def __init__(
        self,
        column: str = "text",
        *,
        pipeline: Pipeline | str = "default",
        to: str | None = None,
        output_column: str | None = None,
        metadata_column: str | None = None,
        edit_count_column: str | None = None,
    ) -> None:
        self.cleaner = BatchCleaner(column, pipeline, to, output_column, metadata_column, edit_count_column)
        self.pipeline = pipeline_from_spec(self.cleaner.spec)  # built once per actor

    def __call__(self, batch: Any) -> Any:
        column = self.cleaner.column
        if hasattr(batch, "columns"):  # pandas.DataFrame
            out = batch.copy()
            for name, values in self.cleaner.clean_columns(batch[column].tolist()).items():
                out[name] = values
            return out
        result = dict(batch)
        cols = self.cleaner.clean_columns(list(batch[column]))
        if any(hasattr(v, "dtype") for v in batch.values()):  # numpy batch: answer in kind
            import numpy as np

            result.update({k: np.array(v, dtype=object) for k, v in cols.items()})
        else:
            result.update(cols)
        return result


def clean_dataset(
    dataset: Any,
    column: str = "text",
    *,
    concurrency: int | tuple[int, int] = 1,
    batch_size: int = 256,
    pipeline: Pipeline | str = "default",
    to: str | None = None,
    output_column: str | None = None,
    metadata_column: str | None = None,
    edit_count_column: str | None = None,
    **map_kwargs: Any,
) -> Any:
    """``dataset.map_batches(RayCleaner, ...)`` with an actor pool of ``concurrency`` actors."""
    kwargs = {
        "column": column,
        "pipeline": pipeline,
        "to": to,
        "output_column": output_column,
        "metadata_column": metadata_column,
        "edit_count_column": edit_count_column,
    }
    return dataset.map_batches(
        RayCleaner,
        fn_constructor_kwargs=kwargs,
        batch_format="pandas",
        batch_size=batch_size,
        concurrency=concurrency,
        **map_kwargs,
    )
