"""OpenCC's own test cases against the default conversion backend.

The cases are OpenCC's ``test/testcases/testcases.json`` (Apache-2.0, see
``fixtures/opencc_testcases.SOURCE.md``): 232 inputs, 543 expectations over 16
configs. They run once through the backend and once through ``convert_script``
with the raw config as target (which must give the same text, and a log that
replays to it).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from cnnewsclean.cleaners.script import ConvertScript
from cnnewsclean.document import Document
from cnnewsclean.edits import replay
from cnnewsclean.script_backend import OPENCC_CONFIGS, get_backend, get_converter

CASES_FILE = Path(__file__).parent / "fixtures" / "opencc_testcases.json"
CASES = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]
EXPECTATIONS = [(c["id"], config, c["input"], want) for c in CASES for config, want in sorted(c["expected"].items())]


@pytest.fixture(scope="module", autouse=True)
def official_backend() -> None:
    if not get_backend().exact:
        pytest.skip("the installed 'opencc' is opencc-python-reimplemented; conformance is for the official wheel")


def test_cases_cover_every_config() -> None:
    assert len(CASES) == 232
    assert len(EXPECTATIONS) == 543
    assert set(Counter(config for _, config, _, _ in EXPECTATIONS)) == OPENCC_CONFIGS


def test_backend_passes_all_cases() -> None:
    failures = [
        (case_id, config, got, want) for case_id, config, text, want in EXPECTATIONS if (got := get_converter(config).convert(text)) != want
    ]
    assert failures == [], f"{len(failures)} of {len(EXPECTATIONS)} expectations fail: {failures[:5]}"


@pytest.mark.parametrize("config", sorted(OPENCC_CONFIGS))
def test_cleaner_with_raw_config_matches_opencc(config: str) -> None:
    cleaner = ConvertScript(target=config)
    cases = [(text, want) for _, cfg, text, want in EXPECTATIONS if cfg == config]
    assert cases
    for text, want in cases:
        doc = cleaner(Document(text))
        assert doc.text == want
        assert replay(text, doc.edits) == want
