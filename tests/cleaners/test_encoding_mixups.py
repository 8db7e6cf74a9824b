"""repair_encoding_mixups: wrong-codec spans re-decoded, lost damage removed and logged, clean text untouched."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean.cleaners.encoding_mixups import RepairEncodingMixups
from cnnewsclean.document import Document
from cnnewsclean.edits import replay
from tests.conftest import SEED_IDS, gold, seed_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
from mixup_corruptor import MODES, corrupt_span, only_deletions  # noqa: E402

CLEAN = [ln for ln in (FIXTURES / "mixup_clean.txt").read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


def run(text: str, **options: object) -> Document:
    return RepairEncodingMixups(**options)(Document(text))


def _gb18030(s: str) -> str:
    return s.encode("utf-8").decode("gb18030", "replace")


@pytest.mark.parametrize(
    ("damaged", "expected", "reason"),
    [
        # the strings of the issue
        ("记者获悉，鍙戝睍缁忔祹是重点。", "记者获悉，发展经济是重点。", "utf8_as_gbk"),
        ("本店²úÆ·ÆëÈ«£¬欢迎选购。", "本店产品齐全，欢迎选购。", "gbk_as_latin1"),
        ("页面语言：ç®€ä½“ä¸­æ–‡", "页面语言：简体中文", "utf8_as_latin1"),
        # variants, both scripts, damage mixed with clean text
        ("广东各级工会" + _gb18030("工会各项事业取得新进") + "\n下一段", "广东各级工会工会各项事业取得新进\n下一段", "utf8_as_gbk"),
        ("雲南工會" + _gb18030("企業工會") + "。", "雲南工會企業工會。", "utf8_as_gbk"),
        ("他说" + "全省職工".encode().decode("cp1252", "replace") + "都来了", "他说全省職工都来了", "utf8_as_latin1"),
        ("記者指出，" + "中華民國".encode("cp950").decode("gb18030") + "政府", "記者指出，中華民國政府", "big5_as_gbk"),
        ("会议强调，" + "中文字".encode("gbk").decode("cp950") + "。", "会议强调，中文字。", "gbk_as_big5"),
    ],
)
def test_repairs_wrong_codec_spans(damaged: str, expected: str, reason: str) -> None:
    doc = run(damaged)
    assert doc.text == expected
    assert reason in {e.reason for e in doc.edits}
    assert replay(damaged, doc.edits) == doc.text
    assert doc.metadata["damage"]["mojibake_repaired"] > 0


@pytest.mark.parametrize(
    ("damaged", "expected", "reason"),
    [
        ("一段锟斤拷文字", "一段文字", "lossy_replacement"),
        ("丢失\ufffd\ufffd了", "丢失了", "lossy_replacement"),
        ("记者获悉，闂傚倸鍊搁崐鐎涙ɑ鍎岄梺。后来", "记者获悉，。后来", "unrecoverable_mojibake"),
    ],
)
def test_removes_unrecoverable_damage_with_a_record(damaged: str, expected: str, reason: str) -> None:
    doc = run(damaged)
    assert doc.text == expected
    assert {e.reason for e in doc.edits} == {reason}
    assert doc.metadata["mojibake"][0]["reason"] == reason
    assert doc.metadata["damage"]["mojibake_lost"] > 0
    assert doc.metadata["damage"]["score"] > 0


def test_last_character_with_a_lost_byte_is_guessed_or_dropped() -> None:
    # 11 characters are 33 bytes: the decoder lost the last one (U+FFFD)
    damaged = "广东各级工会" + _gb18030("工会各项事业取得新进展") + "\n下一段"
    doc = run(damaged)
    assert doc.text in ("广东各级工会工会各项事业取得新进展\n下一段", "广东各级工会工会各项事业取得新进\n下一段")
    if "展" not in doc.text:
        assert doc.metadata["mojibake"][0]["reason"] == "unrecoverable_mojibake"


def test_lossy_runs_only_flagged_when_asked() -> None:
    doc = run("一段锟斤拷文字", drop_lossy=False)
    assert doc.text == "一段锟斤拷文字"
    assert doc.metadata["flags"][0]["kind"] == "lossy_replacement"


@pytest.mark.parametrize("line", CLEAN)
def test_clean_fixture_paragraphs_unchanged(line: str) -> None:
    assert run(line).edits == []


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_gold_bodies_unchanged_in_both_scripts(seed_id: str) -> None:
    import opencc

    g = gold(seed_id)
    if g is None:
        pytest.skip("no gold")
    text = "\n".join(g["title"] + g["body"])
    for variant in (text, opencc.OpenCC("s2t").convert(text), opencc.OpenCC("t2s").convert(text)):
        assert run(variant).edits == []


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_seeds_left_to_the_gbk_byte_repair(seed_id: str) -> None:
    # the seeds' damage is GBK byte shifting (repair_gbk_bytes), not a codec mix-up
    assert run(seed_text(seed_id)).edits == []


#: lowest share of exactly repaired spans per mode on the fixture paragraphs (rare characters,
#: kana, Latin-1: harder than news; benchmarks/bench_mixups.py measures the real figures)
FLOORS = {"gbk_as_big5": 0.1, "big5_as_gb18030": 0.4, "utf8_as_windows1252": 0.8, "gbk_as_latin1": 0.8}


@pytest.mark.parametrize("mode", sorted(MODES))
def test_forward_corruptor_spans_mostly_repaired_and_nothing_invented(mode: str) -> None:
    rng = random.Random(7)
    pool = [p for p in CLEAN if not p.isascii()]
    n = exact = invented = 0
    while n < 40:
        line = rng.choice(pool)
        got = corrupt_span(line, mode, rng)
        if got is None:
            continue
        damaged, _, s, e = got
        n += 1
        out = run(damaged).text
        exact += out == line
        invented += not only_deletions(line, out, damaged[s:e])
    floor = FLOORS.get(mode, 0.5)
    assert exact / n >= floor
    assert invented / n <= 0.1


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.text(alphabet=st.sampled_from(list("鍙戝睍缁忔祹涓枃浣犲ソ²úÆ·ÆëÈ«£¬ç®€ä½“\ufffd锟斤拷?。，的一是")), max_size=40),
    )
)
def test_no_crash_and_replay(text: str) -> None:
    doc = run(text)
    assert replay(text, doc.edits) == doc.text


def test_word_salad_of_rare_dictionary_words_unchanged() -> None:
    """Random jieba dictionary words (one in eight drawn uniformly, so many rare ones), both scripts."""
    import os

    jieba = pytest.importorskip("jieba")
    opencc = pytest.importorskip("opencc")
    words: list[str] = []
    freqs: list[int] = []
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            w, f, *_ = line.split()
            words.append(w)
            freqs.append(int(f))
    rng = random.Random(11)
    s2t = opencc.OpenCC("s2t")
    changed = []
    for i in range(300):
        k = rng.randint(20, 60)
        ws = rng.choices(words, weights=freqs, k=k)
        for _ in range(k // 8):
            ws[rng.randrange(k)] = rng.choice(words)
        text = "".join(w + (rng.choice("，。、") if rng.random() < 0.12 else "") for w in ws)
        if i % 2:
            text = s2t.convert(text)
        if run(text).edits:
            changed.append(text)
    assert changed == []


_MIXED = st.sampled_from([*"发展经济是重点，。鍙戝睍缁忔祹²úÆ·殷囑託銜錢\ue268\u3000\u2003\xa0 ab\n?\ufffd锟斤拷", "😀"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_MIXED, max_size=30))
def test_quick_check_passes_every_text_with_a_candidate(text: str) -> None:
    from cnnewsclean.detect.mojibake import candidate_spans, may_hold_mojibake

    if list(candidate_spans(text)) or "\ufffd" in text:
        assert may_hold_mojibake(text)
    if not RepairEncodingMixups().quick_check(text):
        assert RepairEncodingMixups().find_edits(text, Document(text)) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_MIXED, max_size=30))
def test_candidate_regex_matches_the_plain_lookahead_form(text: str) -> None:
    import re

    from cnnewsclean._resources import common_chars
    from cnnewsclean.detect import mojibake

    common = re.escape(common_chars() + mojibake._COMMON_MARKS)
    rare = f"[^\\x00-\\x7f\\u2000-\\u200b\\u3000{common}]"
    lead = "".join(sorted(mojibake.utf8_lead_chars()))
    plain = re.compile(
        f"(?=[^\\x00-\\x7f\\u2000-\\u200b\\u3000{common}]|[{lead}])"
        f"(?:(?P<rare>{rare}(?:[^\\n]{{0,2}}{rare})+|{mojibake.PUA_CLASS})|[{lead}][^\\x00-\\x7f\\u3000])"
    )
    got = [(m.span(), m.lastgroup) for m in mojibake._candidate_re().finditer(text)]
    assert got == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


# -- lost bytes, edges, Latin words ----------------------------------------------------------


def _wrong(s: str, right: str, wrong: str) -> str:
    return s.encode(right).decode(wrong, "replace")


@pytest.mark.parametrize(
    ("damaged", "expected", "reason"),
    [
        # two adjacent bytes cp1252 lacks (提 = E6 8F 90) and one more (升 = E5 8D 87): all guessed
        ("面向职工群众，" + _wrong("提升服务水平", "utf-8", "cp1252") + "。", "面向职工群众，提升服务水平。", "utf8_as_latin1"),
        # cp950 lost the lead of 決 (9B 51) and read its trail as "Q"
        ("研究" + _wrong("解決", "gbk", "cp950") + "262個事關職工切身利益的問題。", "研究解決262個事關職工切身利益的問題。", "gbk_as_big5"),
    ],
)
def test_lost_bytes_guessed_when_clearly_best(damaged: str, expected: str, reason: str) -> None:
    doc = run(damaged)
    assert doc.text == expected
    assert reason in {e.reason for e in doc.edits}
    assert any(f["kind"] == "mojibake_lost_bytes" and f["guessed"] > 0 for f in doc.metadata["flags"])


def test_lost_byte_with_a_close_rival_is_dropped_not_guessed() -> None:
    # 一 (E4 B8 80) lost its last byte before 向; 中 (E4 B8 AD) is nearly as likely there
    damaged = "我的心坎深处" + _gb18030("一向有个为国民办事") + "的想法。"
    doc = run(damaged)
    assert doc.text == "我的心坎深处向有个为国民办事的想法。"
    assert "unrecoverable_mojibake" in {e.reason for e in doc.edits}


def test_edge_character_that_reads_common_is_repaired_in_context() -> None:
    # 賽 in Big5 reads as GB18030 辽, a common character: next to the repaired 比 it is 賽
    damaged = "他說，" + "舉辦職工技能比賽".encode("cp950").decode("gb18030") + "，體系推動。"
    assert run(damaged).text == "他說，舉辦職工技能比賽，體系推動。"


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        (
            "据新华社报道，法国总统马克龙在Ã‰lysÃ©e宫会见了来自CafÃ© de Flore的代表。",
            "据新华社报道，法国总统马克龙在Élysée宫会见了来自Café de Flore的代表。",
        ),
        ("德国媒体报道：Ã¼ber die BrÃ¼cke。", "德国媒体报道：über die Brücke。"),
        # a closing quote (E2 80 9D) whose last byte cp1252 could not decode, or that was stripped
        ("他说：“我们很高兴。â€\ufffd", "他说：“我们很高兴。”"),
        ("他说：“我们很高兴。â€", "他说：“我们很高兴。”"),
        ("他说：“我们很高兴。â€\x9d记者了解到", "他说：“我们很高兴。”记者了解到"),
    ],
)
def test_latin_mojibake_repaired(damaged: str, expected: str) -> None:
    doc = run(damaged)
    assert doc.text == expected
    assert {e.reason for e in doc.edits} == {"utf8_as_latin1"}
    assert replay(damaged, doc.edits) == doc.text


@pytest.mark.parametrize(
    "clean",
    [
        "巴西São Paulo市长会见了德国工程师Müller。",
        "歌手Beyoncé在上海举办演唱会，门票售罄。",
        "长度单位埃（Ångström）等于10的负10次方米。",
        "© 2024 新华网 版权所有",
        "法国总统府爱丽舍宫（Élysée）发表声明；Café de Flore 位于巴黎。",
        "西班牙球员Cesc Fàbregas、葡萄牙的João Félix和Müller都出席了。",
    ],
)
def test_legitimate_latin_letters_stay(clean: str) -> None:
    assert run(clean).edits == []


def test_gbk_read_as_latin1_with_letters_is_not_taken_for_a_latin_word() -> None:
    # GBK trail bytes 0x40-0x7E read as ASCII letters: the run is Chinese, not a Latin word
    line = "外賣員、送餐員等新就業形態群體集中的工作場所"
    damaged = line[:4] + line[4:17].encode("gbk").decode("latin-1") + line[17:]
    doc = run(damaged)
    assert "utf8_as_latin1" not in {e.reason for e in doc.edits}
    assert only_deletions(line, doc.text, damaged[4 : -(len(line) - 17)])


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("发展经济是重点，。工会职工服务提升")), min_size=2, max_size=12))
def test_fill_lost_only_fills_values_the_decoder_rejects(clean: str) -> None:
    """Filled bytes re-decode, under the wrong decoder, to exactly what it wrote."""
    from cnnewsclean.detect.lost_bytes import HOLE, always, fill_lost

    raw = clean.encode("utf-8")
    damaged = raw.decode("cp1252", "replace")
    holes = bytes(HOLE if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else b for b in raw)
    filled, n = fill_lost(holes, (0x81, 0x8D, 0x8F, 0x90, 0x9D), always, "utf-8", "，", "。")
    assert n == sum(1 for b in filled if b != HOLE) - sum(1 for b in holes if b != HOLE)
    assert bytes(b for b in filled if b != HOLE).decode("cp1252", "replace").replace("\ufffd", "") == damaged.replace("\ufffd", "")


@settings(max_examples=300, deadline=None)
@given(st.integers(0x80, 0xFE), st.binary(max_size=3), st.sampled_from(["gbk", "gb18030", "cp950"]))
def test_rejects_before_matches_the_decoder(byte: int, following: bytes, codec: str) -> None:
    from cnnewsclean.detect.lost_bytes import HOLE, rejects_before

    if HOLE in following:
        return
    data = bytes((byte,)) + following
    out = data.decode(codec, "replace")
    expected = out[:1] == "\ufffd" and out[1:] == following.decode(codec, "replace")
    assert rejects_before(codec)(data, 0) == expected
