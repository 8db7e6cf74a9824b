"""remove_title_brand_suffix: casino brands cut off titles; site names and brand-like words stay."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean import Document, replay
from cnnewsclean.cleaners.brand_suffix import RemoveTitleBrandSuffix
from cnnewsclean.cleaners.layout import NormalizeLayout
from tests.conftest import seed_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NEGATIVE = [x for x in (FIXTURES / "lines_negative.txt").read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
TITLE = "高歌唱响新时代“咱们工人有力量”"
BODY = "在省委和全总的坚强领导下，2023年，全省各级工会忠诚履职、勇于担当。\n劳动创造幸福，实干成就伟业。"
cleaner = RemoveTitleBrandSuffix()


def run(text: str) -> Document:
    doc = cleaner(Document(text))
    assert replay(text, doc.edits) == doc.text
    return doc


def test_seed_004_title_suffix() -> None:
    text = NormalizeLayout()(Document(seed_text("004_70b0acb36bfb5e52"))).text
    doc = run(text)
    assert doc.text.split("\n")[:2] == [TITLE, "——2023年全省工会工作综述"]
    assert [e.reason for e in doc.edits] == ["title_brand_suffix"]
    assert doc.metadata["removed_spam"] == ["m6米乐网页版"]


@pytest.mark.parametrize(
    ("suffixed", "brand"),
    [
        (TITLE + "_华体会", "华体会"),
        (TITLE + " | 必威betway中文版", "必威betway中文版"),
        (TITLE + "_乐虎国际登录器下载", "乐虎国际登录器下载"),
        (TITLE + "｜開雲體育官網", "開雲體育官網"),
        (TITLE + "－m6米乐网页版", "m6米乐网页版"),
        (TITLE + "＿華體會", "華體會"),
        (TITLE + " m6米乐网页版", "m6米乐网页版"),
        (TITLE + "\u3000华体会官网", "华体会官网"),
        (TITLE + "丨欧宝官网", "欧宝官网"),
        (TITLE + "—M6米樂網頁版", "M6米樂網頁版"),
    ],
)
def test_suffix_variants(suffixed: str, brand: str) -> None:
    doc = run(suffixed + "\n" + BODY)
    assert doc.text == TITLE + "\n" + BODY
    assert doc.metadata["removed_spam"] == [brand]


def test_bracketed_brand_and_chained_suffix() -> None:
    doc = run(TITLE + "【欧宝体育app】_欧宝体育app\n" + BODY)
    assert doc.text == TITLE + "\n" + BODY
    assert doc.metadata["removed_spam"] == ["欧宝体育app", "欧宝体育app"]


def test_leading_brand() -> None:
    assert run("【华体会】" + TITLE + "\n" + BODY).text == TITLE + "\n" + BODY
    assert run("欧宝体育官网入口-" + TITLE + "\n" + BODY).text == TITLE + "\n" + BODY


def test_traditional_title() -> None:
    title = opencc.OpenCC("s2t").convert(TITLE)
    assert run(title + "_華體會\n" + BODY).text == title + "\n" + BODY


def test_lone_brand_lines_at_edges() -> None:
    doc = run("m6米乐网页版\n" + TITLE + "\n" + BODY + "\n欧宝体育app官网入口")
    assert doc.text == TITLE + "\n" + BODY
    assert [e.reason for e in doc.edits] == ["brand_line", "brand_line"]


def test_sure_brand_line_in_the_body() -> None:
    text = TITLE + "\n" + BODY + "\nm6米乐网页版\n" + BODY + "\n" + BODY
    doc = run(text)
    assert doc.text == TITLE + "\n" + BODY + "\n" + BODY + "\n" + BODY
    assert [e.reason for e in doc.edits] == ["brand_line"]
    weak = TITLE + "\n" + BODY + "\n欧宝官网\n" + BODY + "\n" + BODY
    assert run(weak).edits == []


def test_brand_suffix_only_in_title_area() -> None:
    body_line = "赛事回顾_华体会"
    text = TITLE + "\n" + BODY + "\n" + body_line + "\n" + BODY + "\n" + BODY
    assert run(text).edits == []


@pytest.mark.parametrize(
    "title",
    [
        "华为发布新一代折叠屏手机-新华网",
        "国务院常务会议部署稳就业举措_新闻频道_央视网",
        "华为发布新手机-小米官网",
        "标题——2023年全省工会工作综述",
        "开云集团公布2023年全年财报",
        "美食节开幕-澳门威尼斯人",
        "欧宝汽车在华推出新款车型-汽车频道",
        "澳门博彩收入连升三月 百家乐贡献过半",
        "新款车型亮相 欧宝官网同步开售",
        "德系新款车型亮相 欧宝",
    ],
)
def test_site_names_and_ordinary_titles_stay(title: str) -> None:
    assert run(title + "\n" + BODY).edits == []


@pytest.mark.parametrize("line", NEGATIVE)
def test_negative_lines_unchanged(line: str) -> None:
    assert run(line).edits == []


def test_negative_document_unchanged() -> None:
    assert run("\n".join(NEGATIVE)).edits == []


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["", "_华体会", "-m6米乐网页版", "【欧宝体育app】_欧宝体育app", "-新华网"]),
    st.lists(st.sampled_from([*NEGATIVE[:30], "m6米乐网页版"]), max_size=5),
)
def test_idempotent_and_replayable(suffix: str, rest: list[str]) -> None:
    once = run("\n".join([TITLE + suffix, *rest]))
    assert run(once.text).edits == []


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("标题华体会欧宝app官网-_|【】 \n。m6")), max_size=120))
def test_no_crash_on_arbitrary_text(text: str) -> None:
    run(text)
