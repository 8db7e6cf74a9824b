"""repair_small_damage: "+" lost to form decoding and lower-cased acronyms, only with document-level evidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean.cleaners.small_damage import RepairSmallDamage
from cnnewsclean.document import Document
from cnnewsclean.edits import replay
from tests.conftest import SEED_IDS, gold

SEED_004 = (
    "特别是创新运用“工会 ”工作模式，倾心打造河北工会品牌。\n"
    "配备了健康体检、aed急救等功能，通过利用互联网技术等“工会 ”方式，实施“‘6 x’职工服务中心”建设。"
)


def run(text: str, **options: object) -> Document:
    return RepairSmallDamage(**options)(Document(text))


def test_seed_004_strings() -> None:
    doc = run(SEED_004)
    assert doc.text == (
        "特别是创新运用“工会+”工作模式，倾心打造河北工会品牌。\n"
        "配备了健康体检、AED急救等功能，通过利用互联网技术等“工会+”方式，实施“‘6+X’职工服务中心”建设。"
    )
    assert {e.reason for e in doc.edits} == {"plus_restored", "acronym_case"}
    assert replay(SEED_004, doc.edits) == doc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进“互联网 ”行动，发展“旅游 ”产业", "推进“互联网+”行动，发展“旅游+”产业"),
        ("实行“1 n”帮扶模式", "实行“1+N”帮扶模式"),
        ("全年gdp增长5%，cpi温和上涨", "全年GDP增长5%，CPI温和上涨"),
    ],
)
def test_variants(text: str, expected: str) -> None:
    assert run(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # a "+" elsewhere means the page was not form-decoded: the space is just a space
        "推进“互联网+”行动，发展“旅游 ”产业",
        # upper case elsewhere means no lower-casing happened
        "GDP增长5%，全年aed配置到位",
        # a legitimate space between two quoted words
        "推出劳模工匠“学习二十大 奋进新时代”融媒体宣传视频",
        # lower-case words that are not acronyms, pinyin and English
        "这个字读作ai，拼音为ài",
        "The word app is lower case here，我们知道",
    ],
)
def test_leaves_clean_text(text: str) -> None:
    assert run(text).edits == []


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_gold_bodies_unchanged(seed_id: str) -> None:
    g = gold(seed_id)
    if g is None:
        pytest.skip("no gold")
    assert run("\n".join(g["title"] + g["body"])).edits == []


def test_options_off() -> None:
    assert run(SEED_004, plus=False, acronyms=False).edits == []


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.text(alphabet=st.sampled_from(list("“”‘’ +工会6xaedgpX中")), max_size=40)))
def test_no_crash_and_idempotent(text: str) -> None:
    once = run(text)
    assert replay(text, once.edits) == once.text
    assert run(once.text).text == once.text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"“”‘’ abcXYZ019工会", "aed", "gdp"]), max_size=16).map("".join))
def test_scan_patterns_match_their_lookbehind_forms(text: str) -> None:
    import re

    from cnnewsclean.cleaners import small_damage
    from cnnewsclean.detect.context import IDEOGRAPH

    quoted = re.compile(f"(?<=[“‘])([{IDEOGRAPH}A-Za-z0-9]{{1,8}}) (?=[”’])")
    formula = re.compile(r"(?<=[“‘])([0-9]{1,3}|[A-Za-z]) ([0-9]{1,3}|[A-Za-z])(?=[”’])")
    lower = re.compile("(?<![A-Za-z])[a-z]{2,6}(?![A-Za-z])")
    assert [m.end(1) for m in small_damage._QUOTED_TERM.finditer(text)] == [m.end(1) for m in quoted.finditer(text)]
    assert [(m.start(1), m.end(), m.groups()) for m in small_damage._FORMULA.finditer(text)] == [
        (m.start(), m.end(), m.groups()) for m in formula.finditer(text)
    ]
    assert [m.span() for m in small_damage._LOWER_RUN.finditer(text)] == [m.span() for m in lower.finditer(text)]
