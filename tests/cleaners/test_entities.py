"""decode_html_entities: complete character references decode, ampersands in text stay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean.cleaners.entities import DecodeHtmlEntities
from cnnewsclean.document import Document
from cnnewsclean.edits import replay
from tests.conftest import SEED_IDS, seed_text


def run(text: str, **options: object) -> Document:
    return DecodeHtmlEntities(**options)(Document(text))


@pytest.mark.parametrize(
    ("text", "expected", "reason"),
    [
        ("中国&amp;东盟博览会", "中国&东盟博览会", "named_entity"),
        ("&nbsp;&nbsp;&nbsp;&nbsp;新华社北京3月5日电", "\xa0\xa0\xa0\xa0新华社北京3月5日电", "named_entity"),
        ("&nbsp&nbsp新华社电", "\xa0\xa0新华社电", "named_entity"),
        ("会议强调&#12290;要坚持稳中求进", "会议强调。要坚持稳中求进", "numeric_entity"),
        ("会议强调&#x3002;要坚持稳中求进", "会议强调。要坚持稳中求进", "numeric_entity"),
        ("&ldquo;十四五&rdquo;规划", "“十四五”规划", "named_entity"),
        ("&amp;ldquo;双减&amp;rdquo;政策", "“双减”政策", "double_escaped_entity"),
        ("温度&lt;0&deg;C时", "温度<0°C时", "named_entity"),
        ("見&#0;下文", "見下文", "invalid_entity"),
    ],
)
def test_decodes_references(text: str, expected: str, reason: str) -> None:
    doc = run(text)
    assert doc.text == expected
    assert reason in {e.reason for e in doc.edits}
    assert replay(text, doc.edits) == expected


@pytest.mark.parametrize(
    "text",
    [
        "AT&T公司与R&D部门",
        "价格为5&10元",
        "访问https://example.com/search?q=中国&copy=2&lang=zh查看",
        "参数a=1&amp=2",
        "&foo;不是实体",
        "& 符号单独出现",
        "Johnson & Johnson公司",
    ],
)
def test_leaves_plain_ampersands(text: str) -> None:
    assert run(text).edits == []


def test_seeds_have_no_entities_to_decode() -> None:
    for sid in SEED_IDS:
        assert run(seed_text(sid)).edits == []


def test_options() -> None:
    assert run("&nbsp;正文", nbsp=" ").text == " 正文"
    assert run("&amp;ldquo;好", double_escaped=False).text == "&amp;ldquo;好"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.text(alphabet=st.sampled_from(list("&#;xamplgtnbsq0123456789AF中文")), max_size=40)))
def test_no_crash_and_replay(text: str) -> None:
    doc = run(text)
    assert replay(text, doc.edits) == doc.text
