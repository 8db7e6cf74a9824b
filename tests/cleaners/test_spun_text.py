"""score_spun_text: spinner artefacts per 1,000 characters and the page's injection score; no edits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnnewsclean.cleaners.injected_fiction import RemoveInjectedFiction
from cnnewsclean.cleaners.injected_keywords import RemoveInjectedKeywords
from cnnewsclean.cleaners.layout import NormalizeLayout
from cnnewsclean.cleaners.spun_text import ScoreSpunText
from cnnewsclean.detect.register import spun_spans
from cnnewsclean.document import Document
from cnnewsclean.pipeline import Pipeline
from tests.conftest import gold, seed_text

PIPE = Pipeline([NormalizeLayout(), RemoveInjectedKeywords(), RemoveInjectedFiction(), ScoreSpunText()])
CLEAN_SEEDS = ["000_04f726505ebab9a0", "001_ef19e07390bc0016", "003_0bf3a46272197683", "004_70b0acb36bfb5e52"]


def test_seed_002_is_spun_and_injected() -> None:
    doc = PIPE(Document(seed_text("002_0cc95ad011e00dc5")))
    assert 20 <= doc.metadata["spun_score"] <= 60
    assert doc.metadata["injection_score"] > 5


@pytest.mark.parametrize("seed_id", CLEAN_SEEDS)
def test_other_seeds_score_zero(seed_id: str) -> None:
    doc = PIPE(Document(seed_text(seed_id)))
    assert doc.metadata["spun_score"] == 0
    assert doc.metadata["injection_score"] == 0


@pytest.mark.parametrize("seed_id", CLEAN_SEEDS)
def test_gold_bodies_have_no_spun_forms(seed_id: str) -> None:
    g = gold(seed_id)
    if g is None:
        pytest.skip("gold not available")
    assert spun_spans("\n".join(g["body"])) == []


def test_real_words_are_not_spun() -> None:
    assert spun_spans("一家人吃年夜飯，他平易近人，標新立異，大年夜放鞭炮") == []
    assert len(spun_spans("年夜国工匠可以或许经由过程比赛")) == 3


def test_never_edits() -> None:
    doc = ScoreSpunText()(Document("年夜國工匠可以或許找到舞臺。"))
    assert doc.edits == [] and doc.text == "年夜國工匠可以或許找到舞臺。"


@given(st.text(max_size=200))
def test_property_no_edit_no_crash(text: str) -> None:
    doc = ScoreSpunText()(Document(text))
    assert doc.text == text and doc.edits == []
