"""remove_captions: marked captions and agreed-on unmarked runs go to metadata."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean import Document, replay
from cnnewsclean.registry import get_cleaner_class
from tests.cleaners.chrome_helpers import negative_lines, pipeline, removed
from tests.conftest import seed_text

captions = get_cleaner_class("remove_captions")()
BODY = "在推进经济社会发展主战场，他们苦干、实干、加油干；在改革发展第一线，他们奋发进取、勇挑重担；在科技创新最前沿，他们深入钻研。"
BODY_T = "近年來，廣東各級工會全力攻堅、大膽創新，產業工人主人翁地位不斷提升、隊伍不斷壯大。"


def test_seed_000_marked_captions() -> None:
    doc = pipeline("normalize_layout", "remove_captions").clean_document(seed_text("000_04f726505ebab9a0"))
    gone = removed(doc, "remove_captions")
    assert len(gone) == 8 and set(gone.values()) == {"marked_caption"}
    assert "▲" not in doc.text
    caps = doc.metadata["captions"]
    assert caps[0].startswith("廣東工人藝術") and "林景余" not in caps[0]
    assert caps[1].endswith("現(xiàn)場") and "資料圖" not in caps[1]
    assert doc.metadata["photographers"] == ["林景余", "許接英"]


def test_seed_004_unmarked_runs() -> None:
    raw = seed_text("004_70b0acb36bfb5e52")
    doc = pipeline("normalize_layout", "remove_title_brand_suffix", "remove_page_chrome", "remove_captions").clean_document(raw)
    gone = removed(doc, "remove_captions")
    assert sorted(gone.values()).count("unmarked_caption") == 5
    assert gone["……"] == "caption_separator"
    assert doc.metadata["captions"][1] == "2023年3月14日,公益律师为职工讲解法律知识。"
    lines = doc.text.splitlines()
    assert lines[2].startswith("在推进经济社会发展主战场")
    assert "2023年以来,劳动者披荆斩棘的身影惊艳时光" in doc.text  # date-led body paragraph stays
    assert replay(raw, doc.edits) == doc.text


@pytest.mark.parametrize(
    ("line", "caption", "names"),
    [
        ("▲ 廣東工人藝術團送文藝進企業  林景余/攝", "廣東工人藝術團送文藝進企業", ["林景余"]),
        ("△ 职工在技能大赛现场比拼 张三 摄", "职工在技能大赛现场比拼", ["张三"]),
        ("图为北京冬奥会开幕式现场。（新华社记者 李四 摄）", "图为北京冬奥会开幕式现场。", ["李四"]),
        ("圖為工人在車間勞動。 本報記者 陳大文 攝", "圖為工人在車間勞動。", ["陳大文"]),
        ("上图：环卫工在驿站休息", "环卫工在驿站休息", []),
        ("会场一角  资料图片", "会场一角", []),
        ("工人们在车间劳动（受访者供图）", "工人们在车间劳动", []),
        ("▲ 智慧工會服務（部分）　資料圖", "智慧工會服務（部分）", []),
        ("劳模工匠在宣讲 / 市总工会供图", "劳模工匠在宣讲", []),
    ],
)
def test_marked_caption_variants(line: str, caption: str, names: list[str]) -> None:
    doc = captions(Document(f"標題\n{BODY}\n{line}\n{BODY_T}"))
    assert doc.text == f"標題\n{BODY}\n{BODY_T}"
    assert doc.metadata["captions"] == [caption]
    assert doc.metadata.get("photographers", []) == names


def test_unmarked_run_under_title_both_scripts() -> None:
    text = "標題\n2023年3月14日，律師為職工講解法律知識。\n2023年5月1日上午，勞模代表合影留念。\n" + BODY_T
    doc = captions(Document(text))
    assert doc.text == "標題\n" + BODY_T
    assert set(removed(doc, "remove_captions").values()) == {"unmarked_caption"}


def test_news_leads_under_title_are_not_captions() -> None:
    text = (
        "標題\n2023年10月26日，全国总工会在北京召开第十八次全国代表大会，来自各行各业的代表齐聚一堂，共商工会事业发展大计。\n"
        "2月17日，广东省工会第十五次代表大会在广州开幕，大会听取和审议了工作报告，并选举产生了新一届领导机构。\n" + BODY
    )
    assert captions(Document(text)).edits == []


def test_single_dated_line_under_title_is_only_flagged() -> None:
    text = "標題\n2月17日，广东省工会第十五次代表大会在广州开幕。\n" + BODY
    doc = captions(Document(text))
    assert doc.text == text and doc.edits == []
    assert doc.metadata["flags"][0]["kind"] == "caption_candidate"


def test_run_needs_a_dated_line_and_a_body_after() -> None:
    text = "標題\n2023年技能大赛决赛现场\n2023年工会工作掠影"  # no dated line, nothing after
    assert captions(Document(text)).edits == []


def test_captions_around_lone_ellipsis() -> None:
    text = f"標題\n{BODY}\n2023年11月13日，工匠齐聚唐山。\n……\n{BODY_T}"
    doc = captions(Document(text))
    assert doc.text == f"標題\n{BODY}\n{BODY_T}"
    assert removed(doc, "remove_captions")["……"] == "caption_separator"


def test_ellipsis_next_to_a_long_dated_paragraph_goes_alone() -> None:
    long_dated = "2023年11月13日，" + BODY
    text = f"標題\n{BODY_T}\n……\n{long_dated}"
    doc = captions(Document(text))
    assert doc.text == f"標題\n{BODY_T}\n{long_dated}"
    assert removed(doc, "remove_captions") == {"……": "ellipsis_line"}


def test_date_led_body_paragraphs_stay() -> None:
    text = "\n".join(
        [
            "標題",
            BODY,
            "2023年以来，全省各级工会累计拨付救灾款物1.06亿元，慰问受灾职工和一线抢险救灾人员，帮助受灾企业恢复生产。",
            "1月19日，第四屆“四川工匠”命名大會在成都舉辦，來自全省各行業一線的200名優秀代表獲得光榮稱號。全省人數已達380人。",
            "2024年3月1日起，新修订的《反不正当竞争法》正式施行。",
            BODY_T,
        ]
    )
    assert captions(Document(text)).edits == []


def test_negative_fixture_untouched() -> None:
    lines = negative_lines()
    assert captions(Document("\n".join(lines))).edits == []


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([*negative_lines()[:10], "▲ 職工合影 張三/攝", "……", "2023年3月14日，公益律师讲解法律。"]), max_size=10))
def test_replay_and_idempotence(lines: list[str]) -> None:
    text = "\n".join(lines)
    doc = captions(Document(text))
    assert replay(text, doc.edits) == doc.text
    assert captions(Document(doc.text)).edits == []
    assert "▲" not in doc.text
