"""Hugging Face datasets: Dataset.map(batched=True, num_proc=2) really runs the pipeline in worker processes."""

from __future__ import annotations

import json

import pytest

datasets = pytest.importorskip("datasets")

from cnnewsclean.integrations.hf import clean_dataset, map_function  # noqa: E402
from cnnewsclean.presets import load_preset  # noqa: E402
from tests.integrations.conftest import OPTIONS, PRESET, TO  # noqa: E402

pytestmark = pytest.mark.integration


def test_map_with_two_processes_matches_the_pipeline(texts: list[str | None], expected: list[dict | None]) -> None:
    ds = datasets.Dataset.from_dict({"id": list(range(len(texts))), "text": texts})
    out = clean_dataset(ds, "text", num_proc=2, batch_size=3, **OPTIONS)
    assert out.column_names == ["id", "text", "clean", "meta", "edits"]
    assert list(out["text"]) == texts  # input column kept
    for row, want in zip(out, expected, strict=True):
        if want is None:
            assert row["clean"] is None and row["meta"] is None and row["edits"] is None
            continue
        assert row["clean"] == want["text"]
        assert json.loads(row["meta"]) == want["meta"]
        assert row["edits"] == want["edits"]
    assert json.loads(out[0]["meta"])["script"] == "hant"


def test_in_place_with_a_built_pipeline_on_a_dataset_dict(texts: list[str | None], expected: list[dict | None]) -> None:
    pipe = load_preset(PRESET, to=TO)
    dd = datasets.DatasetDict(
        {"train": datasets.Dataset.from_dict({"text": texts[:3]}), "test": datasets.Dataset.from_dict({"text": texts[3:]})}
    )
    out = dd.map(map_function("text", pipeline=pipe), batched=True, batch_size=2)
    got = list(out["train"]["text"]) + list(out["test"]["text"])
    assert got == [None if w is None else w["text"] for w in expected]
