"""Apache Spark: clean a DataFrame column with ``mapInPandas`` (or a pandas UDF).

Install ``cnnewsclean[spark]`` on the driver and on every worker (that is all
a cluster needs: the package data ships inside the wheel). The pipeline spec
(a few hundred bytes of JSON) is broadcast once; each Python worker builds the
pipeline from it on its first batch and keeps it.

Example (``pip install "cnnewsclean[spark]"``)::

    from pyspark.sql import SparkSession
    from cnnewsclean.integrations.spark import clean_dataframe, clean_udf

    spark = SparkSession.builder.getOrCreate()
    df = spark.read.json("news.jsonl")
    clean = clean_dataframe(df, "text", metadata_column="meta", edit_count_column="edits")
    clean.write.parquet("clean/")
    # only the text, as a column expression:
    df = df.withColumn("clean", clean_udf(to="hans")("text"))

>>> callable(clean_dataframe) and callable(clean_udf)
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..pipeline import Pipeline
from . import BatchCleaner

__all__ = ["clean_dataframe", "clean_udf"]


def _shipped(session: Any, cleaner: BatchCleaner) -> Callable[[], BatchCleaner]:
    """Broadcast ``cleaner`` once where the classic API allows; else it travels in the closure."""
    try:
        bc = session.sparkContext.broadcast(cleaner)
    except Exception:  # Spark Connect has no SparkContext
        return lambda: cleaner
    return lambda: bc.value


def clean_dataframe(
    df: Any,
    column: str = "text",
    *,
    pipeline: Pipeline | str = "default",
    to: str | None = None,
    output_column: str | None = None,
    metadata_column: str | None = None,
    edit_count_column: str | None = None,
) -> Any:
    """A DataFrame like ``df`` with ``column`` cleaned (into ``output_column``, default in place).

    ``metadata_column`` adds each document's metadata as a JSON string,
    ``edit_count_column`` the number of edits (long). Null texts stay null.
    """
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    cleaner = BatchCleaner(column, pipeline, to, output_column, metadata_column, edit_count_column)
    spark_types = {str: StringType(), int: LongType()}
    fields = {f.name: f for f in df.schema.fields}
    for name, pytype in cleaner.added_columns():
        fields[name] = StructField(name, spark_types[pytype], True)
    schema = StructType(list(fields.values()))
    names = schema.fieldNames()
    get_cleaner = _shipped(df.sparkSession, cleaner)
    count_columns = {name for name, pytype in cleaner.added_columns() if pytype is int}

    def clean_partition(frames: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        worker_cleaner = get_cleaner()
        for pdf in frames:
            for name, values in worker_cleaner.clean_columns(pdf[column].tolist()).items():
                pdf[name] = pd.array(values, dtype="Int64") if name in count_columns else values
            yield pdf[names]

    return df.mapInPandas(clean_partition, schema)


def clean_udf(pipeline: Pipeline | str = "default", to: str | None = None) -> Any:
    """A pandas UDF (string -> string) that cleans a column: ``df.withColumn("c", clean_udf()("text"))``."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    cleaner = BatchCleaner("text", pipeline, to)

    def clean_texts(texts: pd.Series) -> pd.Series:
        return pd.Series(cleaner.clean_columns(texts.tolist())["text"], index=texts.index, dtype=object)

    clean_texts.__annotations__ = {"texts": pd.Series, "return": pd.Series}
    return pandas_udf(clean_texts, "string")  # type: ignore[call-overload]
