"""Apache Spark in local mode: mapInPandas and a pandas UDF really run the pipeline in Python workers."""

from __future__ import annotations

import json
import os
import sys

import pytest

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from cnnewsclean.integrations.spark import clean_dataframe, clean_udf  # noqa: E402
from tests.integrations.conftest import OPTIONS, PRESET, TO  # noqa: E402

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("cnnewsclean-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_map_in_pandas_matches_the_pipeline(spark, texts: list[str | None], expected: list[dict | None]) -> None:  # type: ignore[no-untyped-def]
    df = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string").repartition(2)
    out = clean_dataframe(df, "text", **OPTIONS)
    assert out.columns == ["id", "text", "clean", "meta", "edits"]
    assert dict(out.dtypes) == {"id": "bigint", "text": "string", "clean": "string", "meta": "string", "edits": "bigint"}
    rows = {r["id"]: r for r in out.collect()}
    assert len(rows) == len(texts)
    for i, want in enumerate(expected):
        row = rows[i]
        assert row["text"] == texts[i]
        if want is None:
            assert row["clean"] is None and row["meta"] is None and row["edits"] is None
            continue
        assert row["clean"] == want["text"]
        assert json.loads(row["meta"]) == want["meta"]
        assert row["edits"] == want["edits"]


def test_in_place_and_pandas_udf(spark, texts: list[str | None], expected: list[dict | None]) -> None:  # type: ignore[no-untyped-def]
    df = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string")
    in_place = {r["id"]: r["text"] for r in clean_dataframe(df, "text", pipeline=PRESET, to=TO).collect()}
    via_udf = {r["id"]: r["clean"] for r in df.withColumn("clean", clean_udf(PRESET, to=TO)("text")).collect()}
    want = {i: None if w is None else w["text"] for i, w in enumerate(expected)}
    assert in_place == want
    assert via_udf == want
