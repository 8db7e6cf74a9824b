"""Ray Data in local mode: map_batches with an actor pool of RayCleaner really runs the pipeline."""

from __future__ import annotations

import json

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")
pytest.importorskip("pandas")

from cnnewsclean.integrations.ray import RayCleaner, clean_dataset  # noqa: E402
from tests.integrations.conftest import OPTIONS, PRESET, TO  # noqa: E402

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def ray_local():  # type: ignore[no-untyped-def]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    yield ray
    ray.shutdown()


def test_actor_pool_matches_the_pipeline(ray_local, texts: list[str | None], expected: list[dict | None]) -> None:  # type: ignore[no-untyped-def]
    ds = ray.data.from_items([{"id": i, "text": t} for i, t in enumerate(texts)], override_num_blocks=2)
    out = clean_dataset(ds, "text", concurrency=2, batch_size=3, **OPTIONS)
    rows = {r["id"]: r for r in out.take_all()}
    assert len(rows) == len(texts)
    for i, want in enumerate(expected):
        row = rows[i]
        if want is None:
            assert row["clean"] is None and row["meta"] is None
            continue
        assert row["clean"] == want["text"]
        assert json.loads(row["meta"]) == want["meta"]
        assert row["edits"] == want["edits"]


def test_numpy_batches_in_place(ray_local, texts: list[str | None], expected: list[dict | None]) -> None:  # type: ignore[no-untyped-def]
    ds = ray.data.from_items([{"id": i, "text": t} for i, t in enumerate(texts) if t is not None])
    kwargs = {"column": "text", "pipeline": PRESET, "to": TO}
    out = ds.map_batches(RayCleaner, fn_constructor_kwargs=kwargs, batch_format="numpy", concurrency=1)
    got = {r["id"]: r["text"] for r in out.take_all()}
    assert got == {i: w["text"] for i, w in enumerate(expected) if w is not None}
