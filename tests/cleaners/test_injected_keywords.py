"""remove_injected_keywords: spliced spam keywords go, news about the trade keeps its words."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean.cleaners.injected_keywords import RemoveInjectedKeywords
from cnnewsclean.cleaners.layout import NormalizeLayout
from cnnewsclean.detect.injection import find_keyword_hits, split_evidence
from cnnewsclean.document import Document
from cnnewsclean.pipeline import Pipeline
from tests.conftest import gold, seed_text
from tests.injector import host_texts, inject_text, keyword_terms, make_cases, score

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_002 = "002_0cc95ad011e00dc5"
CLEAN_SEEDS = ["000_04f726505ebab9a0", "001_ef19e07390bc0016", "003_0bf3a46272197683", "004_70b0acb36bfb5e52"]
NEGATIVES = sorted(FIXTURES.glob("inject_negative_*.txt"))


def _clean(text: str) -> Document:
    return Pipeline([NormalizeLayout(), RemoveInjectedKeywords()])(Document(text))


def _mine(doc: Document) -> list:
    return [e for e in doc.edits if e.cleaner == "remove_injected_keywords"]


def test_seed_002_all_keywords_removed_and_words_rejoined() -> None:
    doc = _clean(seed_text(SEED_002))
    assert len(_mine(doc)) == 32
    assert not find_keyword_hits(doc.text)
    for joined in ("2024年1月13日上午", "等三位宣講員", "組織開設各類", "實行措施", "靜態監測", "帶動花費", "居全國第三", "走進攀枝花"):
        assert joined in doc.text
    reasons = {e.reason for e in _mine(doc)}
    assert {"split_host_word", "split_number", "repeated_spam_keyword"} <= reasons


def test_seed_002_body_paragraphs_match_gold_apart_from_fiction() -> None:
    doc = _clean(seed_text(SEED_002))
    g = gold(SEED_002)
    assert g is not None
    para = next(p for p in g["body"] if p.startswith("一頭一尾"))
    assert para.replace("，", ",") in doc.text


@pytest.mark.parametrize("seed_id", CLEAN_SEEDS)
def test_clean_seeds_get_no_edit(seed_id: str) -> None:
    assert _mine(_clean(seed_text(seed_id))) == []


@pytest.mark.parametrize("seed_id", CLEAN_SEEDS)
def test_clean_gold_bodies_get_no_edit(seed_id: str) -> None:
    g = gold(seed_id)
    if g is None:
        pytest.skip("gold not available")
    assert _mine(_clean("\n".join(g["body"]))) == []


@pytest.mark.parametrize("path", NEGATIVES, ids=lambda p: p.stem)
def test_news_about_sugar_dating_gambling_porn_keeps_its_words(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = _clean(text)
    assert _mine(doc) == []
    assert doc.text == NormalizeLayout()(Document(text)).text


def test_negative_fixtures_do_contain_lexicon_hits() -> None:
    # the negatives only prove something if the lexicon fires on them
    hits = sum(len(find_keyword_hits(p.read_text(encoding="utf-8"))) for p in NEGATIVES)
    assert hits >= 15


def test_split_evidence_words_and_numbers() -> None:
    text = "省總工包養網會組織引領，全年400包養萬人次，他包養情婦。"
    found = [split_evidence(text, h.start, h.end) for h in find_keyword_hits(text)]
    assert found == ["split_word:工會", "split_number:400萬", None]


def test_single_injection_in_simplified_news_is_removed() -> None:
    text = "广东省总工会组织开展劳动和技能竞赛，带动职工参与超过500万人次。"
    injected = text.replace("参与", "参威尼斯人现金网与")
    assert RemoveInjectedKeywords()(Document(injected)).text == text


def test_flags_kept_hits() -> None:
    doc = RemoveInjectedKeywords()(Document("法院審理一起六合彩開獎簽賭案，被告涉嫌經營賭場。"))
    assert doc.edits == []
    assert doc.metadata["flags"][0]["kind"] == "spam_keyword"


def test_injected_benchmark_recall_and_damage() -> None:
    cases = make_cases(120, seed=7, keywords=(1, 6), fiction=(0, 0))
    r = score(cases, Pipeline([RemoveInjectedKeywords()]))
    assert r["recall"] >= 0.95
    assert r["host_damage"] <= 0.001


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 5))
def test_property_injection_removed_idempotent(seed: int, n: int) -> None:
    rng = random.Random(seed)
    host = rng.choice(host_texts())[:600]
    text, _ = inject_text(host, rng, keyword_terms("hant" if "會" in host else "hans"), [], n, 0)
    once = RemoveInjectedKeywords()(Document(text)).text
    assert RemoveInjectedKeywords()(Document(once)).text == once
    assert len(once) >= len(host) - 1


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(20, 400))
def test_property_clean_news_unchanged(start: int, length: int) -> None:
    texts = host_texts() + [p.read_text(encoding="utf-8") for p in NEGATIVES]
    blob = "\n".join(texts)
    a = start % max(1, len(blob) - length)
    piece = blob[a : a + length]
    assert RemoveInjectedKeywords()(Document(piece)).text == piece


@given(st.text(max_size=200))
def test_property_no_crash(text: str) -> None:
    RemoveInjectedKeywords()(Document(text))
