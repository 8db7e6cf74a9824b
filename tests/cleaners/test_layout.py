"""normalize_layout: indentation, trailing space and empty lines go; text stays."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cnnewsclean import Document, replay
from cnnewsclean.cleaners.layout import NormalizeLayout
from tests.conftest import SEED_IDS, seed_text

layout = NormalizeLayout()


def run(text: str) -> Document:
    return layout(Document(text))


def test_seed_000_indentation_and_blank_lines() -> None:
    raw = seed_text("000_04f726505ebab9a0")
    doc = run(raw)
    lines = doc.text.split("\n")
    assert all(line and line == line.strip(" \u3000\xa0\t") for line in lines)
    assert lines[1].startswith("廣東省總工會")
    assert replay(raw, doc.edits) == doc.text
    reasons = {e.reason for e in doc.edits}
    assert {"indentation", "empty_lines"} <= reasons


def test_crlf_nbsp_and_fullwidth_space() -> None:
    doc = run("\ufeff標題\r\n\r\n\xa0\xa0正文第一段。 \t\r\n\u3000\u3000正文第二段。\r\n")
    assert doc.text == "標題\n正文第一段。\n正文第二段。"


def test_inner_spaces_are_kept() -> None:
    text = "信息來源:南方日報   2022-05-25 11:31:35\n思想引領 推動黨的理論入腦入心入行"
    assert run(text).text == text
    assert run(text).edits == []


def test_clean_paragraphs_of_seeds_003_004_pass_unchanged() -> None:
    for sid in ("003_0bf3a46272197683", "004_70b0acb36bfb5e52"):
        paragraphs = [p.strip() for p in seed_text(sid).split("\n") if p.strip()]
        text = "\n".join(paragraphs)
        assert run(text).edits == [], sid


def test_all_seeds_replay() -> None:
    for sid in SEED_IDS:
        raw = seed_text(sid)
        doc = run(raw)
        assert replay(raw, doc.edits) == doc.text


@given(st.text(alphabet=st.sampled_from(list("發展 \u3000\xa0\t\r\nab。")), max_size=60))
def test_layout_properties(text: str) -> None:
    doc = run(text)
    assert replay(text, doc.edits) == doc.text
    again = run(doc.text)
    assert again.text == doc.text and again.edits == []
    assert "\n\n" not in doc.text and "\r" not in doc.text
    kept = [c for c in text if c not in " \u3000\xa0\t\r\n\ufeff"]
    assert [c for c in doc.text if c != "\n" and c != " " and c != "\u3000" and c != "\xa0" and c != "\t"] == kept
