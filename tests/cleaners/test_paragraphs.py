"""rejoin_broken_paragraphs: page-break splits are joined; headings and titles are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean import Document, replay
from cnnewsclean.registry import get_cleaner_class
from tests.cleaners.chrome_helpers import negative_lines, pipeline
from tests.conftest import seed_text

rejoin = get_cleaner_class("rejoin_broken_paragraphs")()
HEAD = "报告指出，迈上新征程，我们要更加深刻认识把握工会组织的职能定位"


def test_seed_003_five_breaks() -> None:
    raw = seed_text("003_0bf3a46272197683")
    doc = pipeline("normalize_layout", "rejoin_broken_paragraphs").clean_document(raw)
    joins = [e for e in doc.edits if e.cleaner == "rejoin_broken_paragraphs"]
    assert [e.reason for e in joins] == ["broken_sentence"] * 4 + ["open_quote"]
    assert all(e.before == "\n" and e.after == "" for e in joins)
    for joined in (
        "50名左右大国工匠、500名左右南粤工匠",
        "劳模和工匠人才创新工作室联盟",
        "超400万人次;",
        "金秋助学、",
        "完善“普惠性+特殊性”",
    ):
        assert joined in doc.text
    assert "坚持深化产改 组织动员广大职工为广东高质量发展建功立业\n报告指出" in doc.text
    assert replay(raw, doc.edits) == doc.text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("過去五年，廣東省總工會全面開展專項行動；成立粵港澳大灣區勞模和工匠人才", "創新工作室聯盟，建成各級各類創新工作室近1.5萬家。"),
        ("實施新業態勞動者溫暖行動，投入專項資金2.3億元，惠及新業態勞動者超400萬人", "次；提升職工服務質量。"),
        ("未来五年，将拓宽职工服务领域，做优做强送温暖、送清凉、", "职工医疗互助等服务品牌。"),
        ("未來五年，將加強全域數智工會建設，完善“普", "惠性+特殊性”網上服務工作體系。"),
    ],
)
def test_joins_variants(a: str, b: str) -> None:
    doc = rejoin(Document(f"標題\n{a}\n{b}"))
    assert doc.text == f"標題\n{a}{b}"


def test_short_unfinished_line_is_a_heading() -> None:
    text = "標題\n惠及新業態勞動者超400萬人\n次；提升職工服務質量。"
    assert rejoin(Document(text)).edits == []


@pytest.mark.parametrize(
    "b",
    [
        "“我们企业与职业教育集团开展校企合作。”",
        "一、加强组织领导",
        "2023年10月，习近平总书记在同中华全国总工会新一届领导班子成员集体谈话时强调。",
        "■凝心铸魂",
    ],
)
def test_does_not_join_new_blocks(b: str) -> None:
    assert rejoin(Document(f"標題\n{HEAD}\n{b}")).edits == []


def test_heading_with_comma_is_not_joined() -> None:
    text = "標題\n深化产业工人队伍建设改革，组织动员广大职工建功立业\n在推进中国式现代化建设中走在前列，这是总书记指引的方向。"
    assert rejoin(Document(text)).edits == []


def test_heading_is_not_joined_to_its_paragraph() -> None:
    text = "標題\n坚持深化产改 组织动员广大职工为广东高质量发展建功立业\n报告指出，迈上新征程，我们要更加深刻认识。"
    assert rejoin(Document(text)).edits == []


def test_title_and_kicker_never_joined() -> None:
    title = "雲南工會堅持服務大局、服務職工主題主線，團結引領廣大職工比學趕超"
    doc = Document(f"{title}\n發揮特色用足資源 為高質量發展貢獻力量\n正文。", metadata={"kicker": title})
    assert rejoin(doc).edits == []
    doc2 = Document("廣東省總工會：團結動員職工奮進新征程，再創新業績\n殷殷囑托，感恩奮進。")
    assert rejoin(doc2).edits == []


def test_title_metadata_follows_the_final_heading() -> None:
    doc = Document(
        "原題目：凝心聚力共奮進 立異衝破開新局（引題）\n在新的出發點上推進四川工會任務高東西的品質成長（主題）\n正文。",
        metadata={"title": "在新的出發點上推進四川工會任務高東西的“是啊,想通了。”藍玉華肯定地點點頭。品質成長"},
    )
    rejoin(doc)
    assert doc.metadata["title"] == "在新的出發點上推進四川工會任務高東西的品質成長"


def test_negative_fixture_untouched() -> None:
    assert rejoin(Document("\n".join(negative_lines()))).edits == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*negative_lines(), HEAD, "次；提升職工服務質量。", "惠性+特殊性”網上服務。"]), max_size=8))
def test_replay_and_idempotence(lines: list[str]) -> None:
    text = "\n".join(lines)
    doc = rejoin(Document(text))
    assert replay(text, doc.edits) == doc.text
    assert rejoin(Document(doc.text)).edits == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("工会，。、“”\n a1(（)）%")), max_size=20))
def test_cut_break_scan_matches_the_two_step_test(text: str) -> None:
    import re

    from cnnewsclean.cleaners import paragraphs
    from cnnewsclean.detect.chrome import HAN

    brk = re.compile(rf"\n(?=[{HAN}\w”」』、，,；;：:。）)%])")
    cut_end = re.compile(rf"[{HAN}\w“「『《（(、，,]")
    plain = [m.start() for m in brk.finditer(text, 1) if cut_end.match(text, m.start() - 1)]
    assert [m.start() for m in paragraphs._CUT_BREAK.finditer(text, 1)] == plain
