"""The framework-free core of the integrations: BatchCleaner and pipeline specs."""

from __future__ import annotations

import json
import pickle

import pytest

from cnnewsclean.integrations import BatchCleaner, is_missing, pipeline_from_spec, pipeline_spec
from cnnewsclean.presets import load_preset


def test_spec_round_trips_a_preset_and_a_built_pipeline() -> None:
    by_name = pipeline_from_spec(pipeline_spec("minimal", to="hans"))
    assert [c.name for c in by_name.cleaners] == ["extract_html", "normalize_layout", "convert_script"]
    built = load_preset("minimal", skip=["extract_html"])
    again = pipeline_from_spec(pipeline_spec(built, to="tw"))
    assert again.to_config() == [*built.to_config(), {"name": "convert_script", "target": "tw", "leftovers_only": True, "mixed_share": 0.1}]
    assert pipeline_from_spec(pipeline_spec("minimal")) is pipeline_from_spec(pipeline_spec("minimal"))  # built once per process


def test_a_spec_is_not_taken_for_a_preset_name() -> None:
    spec = pipeline_spec("minimal", to="hans")
    assert pipeline_spec(spec) == spec
    with pytest.raises(ValueError):
        pipeline_spec(spec, to="hant")


def test_batch_keeps_other_columns_and_nulls() -> None:
    cleaner = BatchCleaner("body", pipeline="minimal", to="hans", output_column="clean", metadata_column="meta", edit_count_column="n")
    out = cleaner({"id": [1, 2, 3], "body": ["　　廣東省總工會。\n\n\n發展", None, float("nan")]})
    assert out["id"] == [1, 2, 3]
    assert out["clean"] == ["广东省总工会。\n发展", None, None]
    assert json.loads(out["meta"][0]) == {"script": "hant", "script_conversion": "t2s"}
    assert out["n"][0] >= 2 and out["n"][1:] == [None, None]
    assert out["body"][0].startswith("　　廣東")  # the input column is kept


def test_batch_cleaner_pickles_small() -> None:
    cleaner = BatchCleaner(pipeline=load_preset("default", to="hans"), edit_count_column="edits")
    data = pickle.dumps(cleaner)
    assert len(data) < 4000
    assert pickle.loads(data) == cleaner


@pytest.mark.parametrize(("value", "missing"), [(None, True), (float("nan"), True), ("", False), ("正文", False), (0.5, False)])
def test_is_missing(value: object, missing: bool) -> None:
    assert is_missing(value) is missing
