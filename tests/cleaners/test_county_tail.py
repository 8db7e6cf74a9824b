"""remove_county_tail: bare lists of county names go; sentences naming counties stay."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean import Document, replay
from cnnewsclean._resources import county_names
from cnnewsclean.cleaners.county_tail import RemoveCountyTail
from cnnewsclean.cleaners.layout import NormalizeLayout
from tests.conftest import seed_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NEGATIVE = [x for x in (FIXTURES / "lines_negative.txt").read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
SEED_TAIL = (
    "集安市| 虞城县| 深泽县| 搜索| 开江县| 勐海县| 通海县| 上杭县| 哈密市| 紫金县| 手游| 交城县| 连城县| 三穗县| 西贡区| "
    "正镶白旗| 新化县| 扶绥县| 永德县| 津南区| 永年县| 安西县| 赣州市| 沂水县| 信宜市| 成都市| 谷城县| 伊川县| 河北区| "
    "平果县| 伊宁县| 杨浦区| 红河县| 黄浦区| 凤庆县| 阿拉尔市| 霍林郭勒市| 高台县| 汝城县| 岳普湖县|"
)
BODY = "如今，雲南省總工會積極推進“數字工會”建設，推動全省工會工作不斷創新發展。\n(責編:劉瓊、黃瑾)"
cleaner = RemoveCountyTail()


def run(text: str) -> Document:
    doc = cleaner(Document(text))
    assert replay(text, doc.edits) == doc.text
    return doc


def test_seed_001_tail_removed() -> None:
    text = NormalizeLayout()(Document(seed_text("001_ef19e07390bc0016"))).text
    doc = run(text)
    assert [e.reason for e in doc.edits] == ["county_tail"]
    assert doc.text.endswith("(責(zé)編:劉瓊、黃瑾)")
    assert doc.metadata["removed_spam"] == [SEED_TAIL]


def test_gazetteer_has_historical_and_traditional_names() -> None:
    names = county_names()
    for name in ["永年县", "安西县", "平果县", "永年縣", "西贡区", "正镶白旗", "霍林郭勒市", "瓜州县", "平果市", "雲南省", "新竹縣"]:
        assert name in names, name


@pytest.mark.parametrize("sep", ["、", " ", "|", "｜", "，", " / ", "丨"])
def test_other_separators(sep: str) -> None:
    line = sep.join(["集安市", "虞城县", "深泽县", "搜索", "开江县", "勐海县", "永年县", "安西县"])
    assert run(BODY + "\n" + line).text == BODY


def test_traditional_tail() -> None:
    line = opencc.OpenCC("s2t").convert(SEED_TAIL)
    assert run(BODY + "\n" + line).text == BODY


def test_tail_in_the_middle_and_at_the_start() -> None:
    line = "集安市 虞城县 深泽县 开江县 勐海县 通海县 上杭县 哈密市"
    assert run(line + "\n" + BODY).text == BODY
    assert run("第一段。\n" + line + "\n第二段。").text == "第一段。\n第二段。"


@pytest.mark.parametrize(
    "line",
    [
        "在集安市、虞城县等地开展非遗进景区活动",
        "集安市、虞城县、深泽县、开江县、勐海县、通海县。",
        "获奖名单：集安市、虞城县、深泽县、开江县、勐海县",
        "集安市 虞城县 深泽县三地联合开展汛期应急演练",
        "集安市| 虞城县| 搜索| 手游| 登录| 注册",
        "北京市 1234 上海市 2345 广州市 3456",
    ],
)
def test_sentences_and_non_lists_stay(line: str) -> None:
    assert run(line + "\n" + BODY).edits == []


@pytest.mark.parametrize("line", NEGATIVE)
def test_negative_lines_unchanged(line: str) -> None:
    assert run(line).edits == []


def test_negative_document_unchanged() -> None:
    assert run("\n".join(NEGATIVE)).edits == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*NEGATIVE[:40], SEED_TAIL, "集安市、虞城县、深泽县、开江县、勐海县"]), max_size=8))
def test_idempotent_and_replayable(lines: list[str]) -> None:
    once = run("\n".join(lines))
    assert SEED_TAIL not in once.text
    assert run(once.text).edits == []


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("集安市虞城县深泽区旗| 、\n。搜索")), max_size=200))
def test_no_crash_on_arbitrary_text(text: str) -> None:
    run(text)


def test_tail_glued_to_last_sentence() -> None:
    para = "如今，雲南省總工會積極推進“數字工會”建設，推動全省工會工作不斷創新發展。"
    doc = run(para + "集安市| 虞城县| 深泽县| 搜索| 开江县| 勐海县| 永年县|\n下一段。")
    assert doc.text == para + "\n下一段。"
    assert [e.reason for e in doc.edits] == ["county_tail_inline"]


def test_one_name_per_line_run() -> None:
    names = ["集安市", "虞城县", "深泽县", "搜索", "开江县", "勐海县", "永年县", "安西县"]
    doc = run(BODY + "\n" + "\n".join(names))
    assert doc.text == BODY
    assert {e.reason for e in doc.edits} == {"county_tail"}
    doc = run("\n".join(names) + "\n" + BODY)
    assert doc.text == BODY


def test_short_plain_lists_and_introduced_lists_stay() -> None:
    # a 、 or space list of a few names may be a table row; a | list of five is SEO
    assert run(BODY + "\n集安市、虞城县、深泽县、开江县、勐海县、通海县").edits == []
    assert run(BODY + "\n集安市|虞城县|深泽县|开江县|勐海县|通海县").text == BODY
    names = "\n".join(["集安市", "虞城县", "深泽县", "开江县", "勐海县", "通海县", "上杭县", "哈密市", "紫金县"])
    assert run("首批示范县名单如下：\n" + names).edits == []
    assert run("首批示范县名单如下：\n" + names.replace("\n", "| ")).edits == []
    # one name per line in the middle of the article is content, not a tail
    assert run(BODY + "\n" + names + "\n" + BODY).edits == []


def test_few_name_lines_stay() -> None:
    text = "成都市\n記者從成都市政府獲悉，今年共開工重點項目120個。\n重庆市\n西安市\n當地加快推進城市更新。"
    assert run(text).edits == []
