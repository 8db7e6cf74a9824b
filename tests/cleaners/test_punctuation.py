"""restore_fullwidth_punctuation: ASCII marks in Chinese context become full-width, nothing else moves."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean.cleaners.punctuation import RestoreFullwidthPunctuation
from cnnewsclean.document import Document
from cnnewsclean.edits import replay
from tests.conftest import SEED_IDS, gold

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CLEAN = [line for line in (FIXTURES / "punct_clean.txt").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def run(text: str, **options: object) -> Document:
    return RestoreFullwidthPunctuation(**options)(Document(text))


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # seed strings
        ("报告指出,迈上新征程,我们要更加深刻认识", "报告指出，迈上新征程，我们要更加深刻认识"),
        ("健全“省—市—县(区)—基层”四级", "健全“省—市—县（区）—基层”四级"),
        ("建成三位(App、小程序、公眾號)一體", "建成三位（App、小程序、公眾號）一體"),
        ("會數字化PaaS(基礎計算平臺)服務", "會數字化PaaS（基礎計算平臺）服務"),
        ("全省職工為之動容:", "全省職工為之動容："),
        ("技師夏立說:“用畢生精力做好一件事情,將生命化作絕技!”", "技師夏立說：“用畢生精力做好一件事情，將生命化作絕技！”"),
        ("試點超1萬個;實施產業工人素質提升計劃", "試點超1萬個；實施產業工人素質提升計劃"),
        ("問有什么可以幫您?”", "問有什么可以幫您？”"),
        ("熱線(以下簡稱“12351熱線”)暨四川省", "熱線（以下簡稱“12351熱線”）暨四川省"),
        # variants
        ("占比33.7%,全省组建25人以上企业工会3.2万家", "占比33.7%，全省组建25人以上企业工会3.2万家"),
        ("1月13日,2023年“年度人物”发布", "1月13日，2023年“年度人物”发布"),
        ("“南粤工匠”,“广东技能大师”", "“南粤工匠”，“广东技能大师”"),
        ("他说“OK”,然后离开", "他说“OK”，然后离开"),
        ("来源: 河工新闻网", "来源：河工新闻网"),
        ("网址:http://a.b/c?d=1,欢迎访问", "网址：http://a.b/c?d=1，欢迎访问"),
        ("真的吗?我不信!", "真的吗？我不信！"),
        ("他说:“好.”", "他说：“好。”"),
        ("会议圆满结束.", "会议圆满结束。"),
        ("上市(2024年)以来", "上市（2024年）以来"),
        ("（试行)》,结合", "（试行）》，结合"),
    ],
)
def test_restores_marks_in_chinese_context(damaged: str, expected: str) -> None:
    doc = run(damaged)
    assert doc.text == expected
    assert replay(damaged, doc.edits) == expected


@pytest.mark.parametrize(
    "text",
    [
        "11:31:35",
        "1+1+9",
        "33.7%",
        "3,000",
        "http://a.b/c?d=1",
        "下载(App)",
        "團結(jié)動員職工",
        "She said “Yes,” and left.",
        "the word for China (中国) is zhongguo, as in the dictionary",
        "中文&nbsp;中文",
        '調用f("中文")返回',
        "(1)第一条",
        # GBK byte damage traces are left for repair_gbk_bytes
        "勢在必行?!比珖\ue268\ue849f(xié)委員",
        "成績?yōu)殡?yún)南",
        "防線?;I集資金",
        "“六?!保瑥V東",
        # a period that is not a sentence end
        "中體彩...[詳細]",
        "文件见附件报告.pdf",
    ],
)
def test_leaves_non_chinese_marks(text: str) -> None:
    assert run(text).edits == []


@pytest.mark.parametrize("line", CLEAN)
def test_clean_fixture_paragraphs_unchanged(line: str) -> None:
    assert run(line).edits == []


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_gold_bodies_unchanged(seed_id: str) -> None:
    g = gold(seed_id)
    if g is None:
        pytest.skip("no gold")
    text = "\n".join(g["title"] + g["body"])
    assert run(text).edits == []


def test_options_switch_marks_off() -> None:
    text = "报告指出,迈上新征程(区)好."
    assert run(text, marks="", parentheses=False, period=False).text == text
    assert run(text, marks=";", parentheses=True, period=False).text == "报告指出,迈上新征程（区）好."
    assert run("指出, 迈上", drop_space_after=False).text == "指出， 迈上"
    assert run("指出, 迈上").text == "指出，迈上"


def test_reasons_are_logged() -> None:
    doc = run("报告指出,迈上(区)好!")
    assert {e.reason for e in doc.edits} == {"fullwidth_comma", "fullwidth_parentheses", "fullwidth_exclamation"}
    assert all(e.cleaner == "restore_fullwidth_punctuation" for e in doc.edits)


_MIXED = st.text(alphabet=st.sampled_from(list("报告指出迈上新征程區縣ab AZ019,:;?!().%+“”‘’…—\n\ue268")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), _MIXED))
def test_no_crash_and_idempotent(text: str) -> None:
    once = run(text)
    assert replay(text, once.edits) == once.text
    assert run(once.text).text == once.text
