"""Tests for remove_pinyin_annotations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean.cleaners.pinyin import RemovePinyinAnnotations, reads_as, split_syllable
from cnnewsclean.document import Document
from cnnewsclean.edits import replay
from tests.corruptor import FIXTURES, clean_paragraphs

CLEANER = RemovePinyinAnnotations()


def clean(text: str) -> str:
    return CLEANER(Document(text)).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("廣東省總工會:團結(jié)動員職工奮進新征程", "廣東省總工會:團結動員職工奮進新征程"),
        ("推進產(chǎn)業(yè)工人隊伍建設(shè)改革", "推進產業工人隊伍建設改革"),
        ("團結(jie2)動員、產(chan3)業(ye4)工人", "團結動員、產業工人"),  # tone numbers
        ("團結(jie)動員、產(chan)業(ye)工人", "團結動員、產業工人"),  # no tones
        ("团结(jié)动员、产(chǎn)业(yè)工人", "团结动员、产业工人"),  # Simplified
        ("綠(lǜ)色、綠(lv4)色、綠(lü)色", "綠色、綠色、綠色"),
        ("銀行(háng)和行(xíng)動、產(chǎn)業(yè)", "銀行和行動、產業"),  # any reading once damage is evident
    ],
)
def test_removes_readings(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(
    "text",
    [line for line in (FIXTURES / "pinyin_clean_negatives.txt").read_text(encoding="utf-8").splitlines() if line],
)
def test_keeps_non_readings_and_lone_glosses(text: str) -> None:
    assert CLEANER(Document(text)).edits == []


def test_wrong_tone_stays() -> None:
    assert clean("團結(jiè)動員、產(chǎn)業(yè)工人、隊伍建設(shè)") == "團結(jiè)動員、產業工人、隊伍建設"


def test_lone_gloss_needs_default_reading() -> None:
    assert clean("他的同事單(shàn)先生") == "他的同事單(shàn)先生"
    assert clean("推進產(chǎn)業改革") == "推進產業改革"


def test_many_annotations_remove_rare_ones_too() -> None:
    text = "張犇(bēn)說:產(chǎn)業(yè)工人隊伍建設(shè)改革"
    assert clean(text) == "張犇說:產業工人隊伍建設改革"


def test_edits_logged() -> None:
    doc = CLEANER(Document("團結(jié)引領(lǐng)"))
    assert [(e.before, e.reason) for e in doc.edits] == [("(jié)", "pinyin_annotation"), ("(lǐng)", "pinyin_annotation")]


def test_helpers() -> None:
    assert split_syllable("lǚ") == ("lv", 3)
    assert reads_as("業", "yè") and not reads_as("業", "yōu")


def test_clean_news_unchanged() -> None:
    assert CLEANER(Document("\n".join(clean_paragraphs()))).edits == []


_PIECES = ["團結", "(jié)", "(App)", "(1)", "產", "(chǎn)", "業", "(yè)", "(", ")", "x", "。"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_properties(text: str) -> None:
    doc = CLEANER(Document(text))
    assert replay(text, doc.edits) == doc.text
    assert clean(doc.text) == doc.text
