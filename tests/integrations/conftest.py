"""Shared data for the integration tests: the seed articles plus edge cases, and what the pipeline makes of them."""

from __future__ import annotations

import json

import pytest

from cnnewsclean.presets import load_preset
from tests.conftest import SEED_IDS, seed_text

PRESET = "default"
TO = "hans"
#: the pipeline and output columns every integration test asks for (compared with ``expected``)
OPTIONS = {"pipeline": PRESET, "to": TO, "output_column": "clean", "metadata_column": "meta", "edit_count_column": "edits"}


@pytest.fixture(scope="session")
def texts() -> list[str | None]:
    """Five seeds, a short clean line, an empty text and a null."""
    return [*(seed_text(s) for s in SEED_IDS), "　　廣東省總工會團結動員職工。", "", None]


@pytest.fixture(scope="session")
def expected(texts: list[str | None]) -> list[dict[str, object] | None]:
    """Per text: cleaned text, metadata JSON and edit count from the plain pipeline."""
    pipe = load_preset(PRESET, to=TO)
    out: list[dict[str, object] | None] = []
    for t in texts:
        if t is None:
            out.append(None)
            continue
        doc = pipe.clean_document(t)
        meta = json.loads(json.dumps(doc.metadata, ensure_ascii=False, default=str))
        out.append({"text": doc.text, "meta": meta, "edits": len(doc.edits)})
    return out
