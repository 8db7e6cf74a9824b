"""remove_page_chrome: chrome lines go to metadata; clean news stays untouched."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean import Document, replay
from cnnewsclean.cleaners.layout import NormalizeLayout
from cnnewsclean.registry import get_cleaner_class
from tests.cleaners.chrome_helpers import MY_CLEANERS, negative_lines, pipeline, removed
from tests.conftest import SEED_IDS, gold, seed_text

chrome = get_cleaner_class("remove_page_chrome")()
BODY = "殷殷囑托，感恩奮進。廣東省第十二次黨代會以來，廣東各級工會深入落實省委工作部署，工會各項事業取得新進展新成效。"


def clean(text: str) -> Document:
    return chrome(NormalizeLayout()(Document(text)))


def test_seed_000_meta_line_label_and_tail_blocks() -> None:
    raw = seed_text("000_04f726505ebab9a0")
    doc = clean(raw)
    gone = removed(doc, "remove_page_chrome")
    reasons = set(gone.values())
    assert {"meta_line", "empty_label", "related_links"} <= reasons
    assert gone["摘要:"] == "empty_label"
    assert gone["頻道精選"] == "related_links"
    assert not any(line.startswith(("頻道精選", "汕尾召開", "為貫徹")) for line in doc.text.splitlines())
    m = doc.metadata
    assert (m["source"], m["published"], m["views"], m["editor"]) == ("南方日報", "2022-05-25T11:31:35", "1360", "黃思嫚")
    assert replay(raw, doc.edits) == doc.text
    # the five-year summary and the body stay
    assert "●目前" in doc.text and doc.text.count("\n") > 40


def test_seed_000_copyright_block() -> None:
    text = (
        "標題\n" + BODY + "\n汕尾一線網 版權相關聲明:\n"
        "① 本網歡迎各類媒體、出版社、影視公司等機構與本網進行長期的內容合作。聯系方式:18138138798\n"
        "② 在本網轉載其他媒體稿件是為傳播更多的信息,此類稿件不代表本網觀點。聯系方式:18138138798\n"
        "③本網原創新聞信息均有明確、明顯的標識,本網嚴正抗議所有以“汕尾一線網”稿源的名義原創新聞信息轉載行為。"
    )
    doc = chrome(Document(text))
    assert doc.text == "標題\n" + BODY
    assert set(removed(doc, "remove_page_chrome").values()) == {"copyright"}


def test_seed_001_breadcrumb_author_date_source_editor() -> None:
    raw = strip_pinyin(seed_text("001_ef19e07390bc0016"))  # remove_pinyin_annotations runs first in the pipeline
    doc = clean(raw)
    gone = removed(doc, "remove_page_chrome")
    assert gone["黃榆"] == "author_line"
    assert gone["(責編:劉瓊、黃瑾)"] == "editor_credit"
    assert any(r == "breadcrumb" for r in gone.values())
    m = doc.metadata
    assert (m["author"], m["published"], m["source"]) == ("黃榆", "2023-09-18T10:21", "工人日報")
    assert m["editor"] == "劉瓊、黃瑾"
    lines = doc.text.splitlines()
    assert lines[0].startswith("雲南工會堅持") and lines[1].startswith("發揮特色")
    assert m["title"] == "發揮特色用足資源 為高質量發展貢獻“工”力量" and m["kicker"].endswith("建功立業")


def strip_pinyin(text: str) -> str:
    return regex.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", text)


def test_seed_002_photo_credit() -> None:
    doc = clean(seed_text("002_0cc95ad011e00dc5"))
    assert removed(doc, "remove_page_chrome") == {"川工宣(圖片由四川省總工會供給)": "photo_credit"}
    assert (doc.metadata["credit"], doc.metadata["photo_credit"]) == ("川工宣", "四川省總工會")
    assert doc.metadata["kicker"] == "凝心聚力共奮進 立異衝破開新局"


def test_seed_003_byline_and_title_choice() -> None:
    doc = clean(seed_text("003_0bf3a46272197683"))
    assert removed(doc, "remove_page_chrome") == {"■全媒体记者马大为": "byline"}
    assert doc.metadata["author"] == "马大为"
    assert doc.metadata["title"].startswith("牢牢锚定")
    assert doc.metadata["kicker"] == "广东省工会第十五次代表大会报告解读"
    assert "坚持深化产改 组织动员广大职工为广东高质量发展建功立业" in doc.text


def test_seed_004_meta_and_bylines() -> None:
    doc = clean(seed_text("004_70b0acb36bfb5e52"))
    gone = removed(doc, "remove_page_chrome")
    assert gone["发布时间: 2024-03-01 12:38:44 来源: 河工新闻网 字号:"] == "meta_line"
    assert gone["■文/记者高会坡"] == gone["图/记者郑荣玺 杨磊涛 林峰"] == "byline"
    m = doc.metadata
    assert (m["published"], m["source"], m["author"]) == ("2024-03-01T12:38:44", "河工新闻网", "高会坡")
    assert m["photographers"] == ["郑荣玺", "杨磊涛", "林峰"]
    assert m["subtitle"] == "2023年全省工会工作综述"
    assert "……" in doc.text  # the separator between captions is left to remove_captions


VARIANTS = [
    ("您现在的位置：首页 > 新闻中心 > 正文", "breadcrumb"),
    ("您現在的位置: 首頁 > 新聞 > 社會", "breadcrumb"),
    ("首页 » 工会要闻 » 基层动态", "breadcrumb"),
    ("人民網＞＞時政＞＞正文", "breadcrumb"),
    ("来源：人民网  发布时间：2023-01-05 09:30  作者：张伟", "meta_line"),
    ("發佈時間：2023年1月5日 09:30 | 來源：中央社 | 編輯：陳美玲", "meta_line"),
    ("2023年09月18日10:21 來源：《工人日報》", "meta_line"),
    ("2023-09-18 10:21:00  来源:新华网", "meta_line"),
    ("来源:河工新闻网 浏览次数: 2048 【字号:大 中 小】", "meta_line"),
    ("點擊量：5321", "meta_line"),
    ("责任编辑：王五", "meta_line"),
    ("（责任编辑：王五）", "editor_credit"),
    ("[編輯:趙六 審核:錢七]", "editor_credit"),
    ("摘要：", "empty_label"),
    ("【關鍵詞】", "empty_label"),
    ("本报记者 张三 李四", "byline"),
    ("记者 张三 通讯员 李四", "byline"),
    ("文/图 王五", "byline"),
    ("●文/記者 陳大文", "byline"),
    ("新华社记者 李四 摄", "byline"),
    ("（圖片由受訪者提供）", "photo_credit"),
    ("图片来源：新华社", "photo_credit"),
    ("照片由当地档案馆提供", "photo_credit"),
    ("本网所有内容，未经授权不得转载", "copyright"),
    ("转载请注明出处：河北工人报", "copyright"),
    ("版权所有 © 2023 河北工人报社", "copyright"),
    ("Copyright © 2008-2023 www.example.com All Rights Reserved", "copyright"),
    ("冀ICP备12345678号", "copyright"),
    ("近日，市总工会召开专题会议…[详细]", "related_links"),
    ("上一篇：全省工会工作会议召开", "nav_link"),
    ("下一篇：", "nav_link"),
    ("【打印】【关闭】", "ui_line"),
    ("返回首页", "ui_line"),
    ("扫一扫在手机打开当前页", "ui_line"),
    ("【字体：大 中 小】", "meta_line"),
    ("（完）", "end_mark"),
    ("（记者 张三）", "byline"),
    ("本文来源：经济日报", "meta_line"),
    ("作者：李明 来源：中国工人出版社 发布时间：2023-09-01 点击数：328", "meta_line"),
    ("位置：首页 > 工会新闻", "breadcrumb"),
    ("……", "ellipsis_line"),
    ("。。。", "ellipsis_line"),
]


@pytest.mark.parametrize(("line", "reason"), VARIANTS)
def test_chrome_variants(line: str, reason: str) -> None:
    doc = chrome(Document(f"標題\n{BODY}\n{line}\n{BODY}"))
    assert removed(doc, "remove_page_chrome") == {line: reason}
    assert doc.text == f"標題\n{BODY}\n{BODY}"


def test_variant_metadata_both_scripts() -> None:
    doc = chrome(Document(f"標題\n發佈時間：2023年1月5日 09:30 | 來源：中央社 | 編輯：陳美玲\n{BODY}"))
    assert (doc.metadata["published"], doc.metadata["source"], doc.metadata["editor"]) == ("2023-01-05T09:30", "中央社", "陳美玲")
    doc = chrome(Document(f"标题\n记者 张三 通讯员 李四\n{BODY}"))
    assert doc.metadata["author"] == "张三、李四"
    doc = chrome(Document(f"标题\n{BODY}\n时间：2023年5月1日"))  # generic label at the tail
    assert doc.metadata["published"] == "2023-05-01" and doc.text == f"标题\n{BODY}"


def test_related_block_statement_and_duplicates() -> None:
    text = f"標題\n{BODY}\n相关阅读\n全省工会工作会议召开\n全省工会工作会议召开\n为进一步推进工作，近日，...[详细]\n更多新闻..."
    doc = chrome(Document(text))
    assert doc.text == f"標題\n{BODY}"
    assert set(removed(doc, "remove_page_chrome").values()) == {"related_links"}


def test_signature_date_at_the_end_stays() -> None:
    text = f"关于表彰先进集体的通知\n{BODY}\n河北省总工会\n2023年5月1日"
    assert chrome(Document(text)).edits == []
    doc = chrome(Document(f"标题\n2023-05-01 09:30\n{BODY}"))
    assert doc.text == f"标题\n{BODY}" and doc.metadata["published"] == "2023-05-01T09:30"


def test_generic_labels_in_the_body_stay() -> None:
    body = [BODY] * 30
    text = "\n".join(["標題", *body[:15], "时间：2023年5月1日", *body[15:]])
    assert chrome(Document(text)).edits == []


def test_title_without_chrome_is_first_line() -> None:
    doc = chrome(Document(f"全省工会工作会议召开\n一、加强组织领导\n{BODY}"))
    assert doc.metadata["title"] == "全省工会工作会议召开"
    assert "subtitle" not in doc.metadata and doc.edits == []


def test_negative_fixture_untouched() -> None:
    lines = negative_lines()
    assert len(lines) >= 40
    p = pipeline(*MY_CLEANERS)
    doc = p.clean_document("\n".join(lines))
    assert doc.edits == [], [(e.cleaner, e.reason, e.before) for e in doc.edits]
    for line in lines:
        assert p.clean_document(line).edits == [], line


@settings(max_examples=60, deadline=None)
@given(st.permutations(negative_lines()))
def test_negative_lines_in_any_order_untouched(lines: list[str]) -> None:
    doc = pipeline(*MY_CLEANERS).clean_document("\n".join(lines[:25]))
    assert doc.edits == [], [(e.cleaner, e.reason, e.before) for e in doc.edits]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from([*negative_lines()[:12], "摘要：", "……", "(責編:劉瓊)", "记者 张三", "頻道精選", "x"]), max_size=12),
    st.text(max_size=30),
)
def test_no_crash_idempotent_replayable(lines: list[str], noise: str) -> None:
    text = "\n".join([*lines, noise])
    doc = chrome(Document(text))
    assert replay(text, doc.edits) == doc.text
    again = chrome(Document(doc.text))
    assert again.text == doc.text or again.edits  # a second pass may only find what the first exposed
    assert chrome(Document(again.text)).text == again.text


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_seeds_replay(seed_id: str) -> None:
    raw = seed_text(seed_id)
    doc = pipeline("normalize_layout", *MY_CLEANERS).clean_document(raw)
    assert replay(raw, doc.edits) == doc.text


@pytest.mark.parametrize(
    "line",
    [
        "信息来源：南方日报　2022-05-25 11:31:35　浏览量：1360　编辑：黄思嫚",
        "信息來源：南方日報 | 2022/05/25 11:31 | 瀏覽量：1360 | 編輯：黃思嫚",
        "2022年05月25日 11:31:35 来源：《南方日报》 浏览：1360 责任编辑：黄思嫚",
    ],
)
def test_seed_000_meta_line_variants(line: str) -> None:
    doc = chrome(Document(f"標題\n{line}\n{BODY}"))
    assert doc.text == f"標題\n{BODY}"
    m = doc.metadata
    assert m["source"] in ("南方日报", "南方日報") and m["views"] == "1360" and m["editor"] in ("黄思嫚", "黃思嫚")
    assert m["published"].startswith("2022-05-25T11:31")


def test_meta_line_with_missing_pieces() -> None:
    doc = chrome(Document(f"標題\n來源：工人日報\n{BODY}"))
    assert doc.text == f"標題\n{BODY}" and doc.metadata["source"] == "工人日報" and "published" not in doc.metadata


def test_traditional_byline_and_related_block_mid_page() -> None:
    body = [BODY] * 12
    text = "\n".join(["標題", *body[:6], "相關閱讀", "全省工會工作會議召開", "【詳細】", *body[6:], "■文/記者 高會坡"])
    doc = chrome(Document(text))
    assert doc.text == "\n".join(["標題", *body])
    assert doc.metadata["author"] == "高會坡"


def test_ellipsis_next_to_dated_line_is_left_for_captions() -> None:
    text = f"標題\n{BODY}\n2023年11月13日，工匠齐聚唐山。\n……\n{BODY}"
    assert chrome(Document(text)).edits == []


def test_negative_fixture_in_the_other_script() -> None:
    opencc = pytest.importorskip("opencc")
    lines = negative_lines()
    p = pipeline(*MY_CLEANERS)
    for config in ("s2t", "t2s"):
        converted = [opencc.OpenCC(config).convert(line) for line in lines]
        doc = p.clean_document("\n".join(converted))
        assert doc.edits == [], (config, [(e.cleaner, e.reason, e.before) for e in doc.edits])


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_gold_articles_pass_unchanged(seed_id: str) -> None:
    g = gold(seed_id)
    if g is None:
        pytest.skip("no gold file")
    text = "\n".join(g["title"] + g["body"])
    doc = pipeline(*MY_CLEANERS).clean_document(text)
    assert doc.edits == [], [(e.cleaner, e.reason, e.before) for e in doc.edits]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(SEED_IDS),
    st.lists(st.sampled_from([v for v, r in VARIANTS if r != "ellipsis_line"]), max_size=4),
    st.lists(st.sampled_from([v for v, r in VARIANTS if r != "ellipsis_line"]), max_size=4),
)
def test_chrome_injected_into_clean_articles_is_removed_exactly(seed_id: str, head: list[str], tail: list[str]) -> None:
    g = gold(seed_id)
    if g is None:
        return
    article = g["title"] + g["body"]
    text = "\n".join([article[0], *head, *article[1:], *tail])
    doc = pipeline(*MY_CLEANERS).clean_document(text)
    assert doc.text == "\n".join(article)


# -- fast paths give the same answers as the plain scans they replace ------------------------
_LINE_CHARS = st.sampled_from([*"标题正文原題目:：(（【[]】）)引题主副 \t\u3000—-a\n", "引题", "原标题", "副題"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_CHARS, max_size=14).map("".join))
def test_heading_mark_fast_path_matches_the_plain_search(line: str) -> None:
    from cnnewsclean.detect.chrome import HEADING_LABEL, HEADING_MARK, find_heading_mark, strip_heading_marks

    fast, slow = find_heading_mark(line), HEADING_MARK.search(line)
    assert (fast and (fast.span(), fast["mark"])) == (slow and (slow.span(), slow["mark"]))
    plain = HEADING_MARK.sub("", HEADING_LABEL.sub("", line.strip())).strip().strip("—－-").strip()
    assert strip_heading_marks(line) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["正文", "", " ", "a"]), min_size=1, max_size=8), st.data())
def test_line_removals_match_removal_spans(lines: list[str], data: st.DataObject) -> None:
    from cnnewsclean.cleaners.chrome import line_removals, removal_spans

    text = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    remove = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    spans = [(s, s + len(line), line) for s, line in zip(starts, lines, strict=True)]
    expected = [span for span, r in zip(removal_spans(text, spans, remove), remove, strict=True) if r]
    assert line_removals(text, starts, lines, [i for i, r in enumerate(remove) if r]) == expected


def test_latin_mojibake_copyright_sign_is_not_a_notice() -> None:
    """``CafÃ©`` is ``Café`` read through cp1252: its © must not make a news sentence a copyright line."""
    text = (
        "据新华社报道，法国总统马克龙在爱丽舍宫会见了来自CafÃ© de Flore的代表。\n"
        "双方就文化交流与合作深入交换了意见。\n"
        "版权所有 © 2023 新华网\n"
    )
    doc = get_cleaner_class("remove_page_chrome")()(Document(text))
    assert "CafÃ© de Flore的代表" in doc.text
    assert "版权所有" not in doc.text
