"""remove_injected_fiction: spliced fiction fragments go and the host rejoins; news quotes stay."""

from __future__ import annotations

import functools
import itertools
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean import clean_document
from cnnewsclean.cleaners.injected_fiction import MARKER_RE, Config, RemoveInjectedFiction
from cnnewsclean.cleaners.injected_keywords import RemoveInjectedKeywords
from cnnewsclean.cleaners.layout import NormalizeLayout
from cnnewsclean.cleaners.punctuation import RestoreFullwidthPunctuation
from cnnewsclean.detect.fiction_model import best_run, llr_scores, viterbi_segments
from cnnewsclean.detect.names import clause_names, stranger_names
from cnnewsclean.detect.quote_marks import broken_quotes, carried_quotation_marks, quotes_people_at_length, takes_host_quote
from cnnewsclean.detect.register import DocProfile, marker_kinds, minority_script_chars
from cnnewsclean.detect.splice import RATE_SKIP, rejoin_gain
from cnnewsclean.document import Document
from cnnewsclean.pipeline import Pipeline
from tests.conftest import gold, seed_text
from tests.injector import (
    fiction_texts,
    host_texts,
    in_script,
    inject_text,
    keyword_terms,
    make_cases,
    removal_mask,
    score,
    script_guess,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_002 = "002_0cc95ad011e00dc5"
CLEAN_SEEDS = ["000_04f726505ebab9a0", "001_ef19e07390bc0016", "003_0bf3a46272197683", "004_70b0acb36bfb5e52"]
NEGATIVES = sorted(FIXTURES.glob("inject_negative_*.txt")) + sorted(FIXTURES.glob("inject_host_*.txt"))
#: clean texts the cleaner still edits (known false positives, each found on a held-out set): a test fails
#: when one of them starts passing, so the list stays true
KNOWN_FALSE_CUTS = {
    # a lift mechanic's round told step by step in the shaft (轿顶很窄，只够一个人半蹲，头顶是黑洞洞的井道): the page
    # reads as news outside it, and words form across two cuts by chance (合|一) (held-out set 16; the code before
    # the larger models of 2026-12-03 cut it too)
    "inject_host_elevator_upkeep_hans",
    # a wheat-harvest wire report that describes the field (收割机[在麦田里并排作业…收下的麦粒直接装]车): the
    # description reads like a story's and 机车 forms across the cut by chance (held-out set 15; the code before
    # the larger models of 2026-12-03 kept it)
    "inject_host_wheat_progress_hans",
}
#: the default preset's order: punctuation is restored before the injected-spam cleaners
PIPE = Pipeline([NormalizeLayout(), RestoreFullwidthPunctuation(), RemoveInjectedKeywords(), RemoveInjectedFiction()])


def _mine(doc: Document) -> list:
    return [e for e in doc.edits if e.cleaner == "remove_injected_fiction"]


@pytest.fixture(scope="module")
def doc_002() -> Document:
    return PIPE(Document(seed_text(SEED_002)))


def test_seed_002_fragments_removed_and_host_rejoined(doc_002: Document) -> None:
    text = doc_002.text
    for rejoined in ("送離職工群眾的身邊。", "打點各類營業400余萬件次", "推進四川工會任務高東西的品質成長（主題）", "聚智聚力促成長"):
        assert rejoined in text
    for fiction in ("藍玉華", "裴翔", "奴隸", "勳開心"):
        assert fiction not in text


def test_seed_002_whole_fiction_line_removed(doc_002: Document) -> None:
    assert any(e.reason == "fiction_line" for e in _mine(doc_002))
    assert "——”" not in doc_002.text


def test_seed_002_keeps_host_quotes(doc_002: Document) -> None:
    assert "“無論你在哪個職位，只需你‘干一行、愛一行、專注行’，都可以或許找到屬于本身的舞臺。”" in doc_002.text
    assert "“我的心坎深處一向有個‘為國民辦事’的幻想信心，這才是我想追隨的人生價值。”" in doc_002.text


def test_seed_002_body_matches_gold(doc_002: Document) -> None:
    g = gold(SEED_002)
    assert g is not None
    out = doc_002.text.replace(",", "，").replace("?", "？").replace("(", "（").replace(")", "）").replace(";", "；")
    for para in g["body"]:
        assert para in out, para[:30]


@pytest.mark.parametrize("seed_id", CLEAN_SEEDS)
def test_clean_seeds_get_no_edit(seed_id: str) -> None:
    # the whole default pipeline: byte-level repair and punctuation come first, as they do for every user
    doc = clean_document(seed_text(seed_id))
    assert [e for e in doc.edits if e.cleaner in ("remove_injected_fiction", "remove_injected_keywords")] == []


@pytest.mark.parametrize("seed_id", CLEAN_SEEDS)
def test_clean_gold_bodies_get_no_edit(seed_id: str) -> None:
    g = gold(seed_id)
    if g is None:
        pytest.skip("gold not available")
    assert _mine(PIPE(Document("\n".join(g["body"])))) == []


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="known false cut")) if p.stem in KNOWN_FALSE_CUTS else p
        for p in NEGATIVES
    ],
    ids=lambda p: p.stem,
)
def test_clean_news_with_quotes_unchanged(path: Path) -> None:
    assert _mine(PIPE(Document(path.read_text(encoding="utf-8")))) == []


NARRATIVE = sorted(FIXTURES.glob("inject_negative_narrative_*.txt"))
HTML_EXPECTED = sorted((FIXTURES / "html").glob("*.expected.txt"))
MINE = {"remove_injected_fiction", "remove_injected_keywords", "score_spun_text"}


@pytest.fixture(scope="module")
def default_pipeline() -> Pipeline:
    from cnnewsclean.presets import load_preset

    return load_preset("default")


@pytest.mark.parametrize("path", NARRATIVE + HTML_EXPECTED, ids=lambda p: p.stem)
def test_clean_narrative_and_html_texts_unchanged_by_default_pipeline(path: Path, default_pipeline: Pipeline) -> None:
    doc = default_pipeline.clean_document(path.read_text(encoding="utf-8"))
    assert [(e.reason, e.before) for e in doc.edits if e.cleaner in MINE] == []


def test_narrative_negative_set_is_large_and_in_both_scripts() -> None:
    texts = [p.read_text(encoding="utf-8") for p in NARRATIVE]
    assert len(texts) >= 10
    assert {p.stem.rsplit("_", 1)[1] for p in NARRATIVE} == {"hans", "hant"}
    # real narrative register: dialogue, pronouns, 了 and questions throughout
    assert all(marker_kinds(t) >= 3 for t in texts)


def test_fiction_in_a_narrative_page_is_flagged_not_cut() -> None:
    host = (FIXTURES / "inject_negative_narrative_feature_hans.txt").read_text(encoding="utf-8")
    frag = "“师兄，你真的要去万妖谷吗？”小师妹端着一碗灵药走过来，眼眶有些发红。"
    text = host.replace("学生要走", "学生" + frag + "要走")
    doc = RemoveInjectedFiction()(Document(text))
    assert doc.text == text  # no contrast with a host that reads like a story: not confident enough to cut
    assert any(f["kind"] == "fiction_span" for f in doc.metadata.get("flags", []))


def test_quoted_speech_in_statistics_news_is_kept() -> None:
    text = (FIXTURES / "inject_negative_narrative_mixed_hant.txt").read_text(encoding="utf-8")
    assert _mine(PIPE(Document(text))) == []


def test_fragment_after_a_host_marker_and_digits_is_found() -> None:
    # the host's own 了 earlier on the line must not hide the fragment's markers from the cluster scan
    host = (
        "今年以来，全省各级工会已经累计拨付救灾款物1.06亿元，慰问了受灾职工和一线抢险救灾人员，帮助受灾企业恢复生产；"
        "投入1500万元举办就业培训班200期，培训1.7万职工，1.2万余人取得执业技能等级证书。\n"
        "全省各级工会还开展职工互助保障活动，募集资金1.84亿元，312万职工参加，救助6.3万人，"
        "为困难职工家庭发放帮扶资金2.6亿元，惠及职工群众18万户。"
    )
    frag = "天冷了，别著凉。」林晚晴笑了笑，说：「我没有在等谁，只是想走"
    text = host.replace("生产", "生" + frag + "产")
    assert RemoveInjectedFiction()(Document(text)).text == host


def test_simplified_xianxia_fragment_in_word_is_removed() -> None:
    host = (
        "广东省总工会组织开展劳动和技能竞赛，带动职工参与超过500万人次，评选出一批优秀工匠人才。"
        "截至目前，全省已建成各级劳模和工匠人才创新工作室近1.5万家，累计完成技术革新项目3.2万项，"
        "为企业创造经济效益超过80亿元。今年，全省还将组织开展技能竞赛项目100项以上。"
    )
    frag = "“师兄，你真的要去万妖谷吗？”小师妹端着一碗灵药走过来，眼眶有些发红。"
    text = host.replace("职工", "职" + frag + "工")
    assert RemoveInjectedFiction()(Document(text)).text == host


def test_lm_gain_rewards_the_cut_of_a_splice_not_of_host_words() -> None:
    host = "今年以來，全省各級工會共開展宣講活動1.2萬場，覆蓋職工群眾300余萬人次。"
    frag = "她咬著牙說，可是劍卻遲遲沒有刺出去"
    text = host.replace("職工群眾", "職工" + frag + "群眾")
    s = text.index(frag)
    assert rejoin_gain(text, 0, len(text), s, s + len(frag)) >= RemoveInjectedFiction.Config.lm_rejoin_gain
    word = host.index("宣講活動")
    assert rejoin_gain(host, 0, len(host), word, word + 4) < 0  # cutting a host phrase breaks words
    assert rejoin_gain(host, 0, len(host), 1, 5) == 0.0  # too close to the line's start to judge


def test_single_marker_fragment_removed_on_character_model_evidence() -> None:
    # one marker (她), a number split in two (123[…]51): the character model across the cut decides
    case = json.loads((FIXTURES / "inject_splice_number_hans.json").read_text(encoding="utf-8"))
    out = RemoveInjectedFiction()(Document(case["text"])).text
    assert case["fragment"] not in out and "建成全省12351工会" in out
    # the register pass alone needs the character model across the cut to let a one-marker span go
    register_only = RemoveInjectedFiction(model=False, register_pass=True, lm_marker_gain=99.0, lm_rejoin_gain=99.0)
    assert case["fragment"] in register_only(Document(case["text"])).text


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_voice_in_reported_speech_passes_precheck_but_is_kept(script: str) -> None:
    text = (FIXTURES / f"inject_negative_voice_{script}.txt").read_text(encoding="utf-8")
    cleaner = RemoveInjectedFiction()
    assert cleaner.quick_check(text)  # 她累了: the page is examined ...
    assert cleaner(Document(text)).edits == []  # ... and left alone


def test_marker_kinds_and_minority_script() -> None:
    assert marker_kinds("寶說呢?如果?”裴翔皺了皺眉。") == 3
    assert marker_kinds("全省技能人才總量已達1096萬人") == 0
    assert minority_script_chars("此后 以后 然后 先后 之後") == frozenset("後")


def test_profile_host_bigrams_ignore_candidates() -> None:
    pad = "全省工會組織" * 10
    text = "藍玉華說了。" + pad + "職工群藍玉華笑了眾。"
    prof = DocProfile.of(text)
    assert prof.recurs_at(0)  # 藍玉 occurs twice, far apart
    second = text.rindex("藍玉華")
    prof.set_candidates([(0, 6), (second, second + 5)])
    assert not prof.recurs_at(0)  # ... but only inside fiction candidates
    assert prof.recurs_at(6)  # 全省 is host vocabulary


def _marked_case(name: str) -> tuple[str, list[bool]]:
    """A case fixture's text and injected mask (【】 mark the fragments the injector spliced in)."""
    raw = json.loads((FIXTURES / name).read_text(encoding="utf-8"))["text"]
    chars: list[str] = []
    mask: list[bool] = []
    inside = False
    for ch in raw:
        if ch in "【】":
            inside = ch == "【"
        else:
            chars.append(ch)
            mask.append(inside)
    return "".join(chars), mask


def _hit_and_damage(text: str, mask: list[bool], doc: Document) -> tuple[float, int]:
    """Share of injected characters removed, and host characters removed."""
    removed = removal_mask(text, doc.edits)
    hit = sum(1 for r, m in zip(removed, mask, strict=True) if r and m)
    return hit / sum(mask), sum(1 for r, m in zip(removed, mask, strict=True) if r and not m)


def test_page_just_outside_the_page_test_loses_cuts_with_a_splice_mark() -> None:
    # a farming report that quotes its experts: the page reads a little story-like outside the fragment (between
    # the page test's -2.0 and -1.85, the doubtful band), so only a high-scoring cut with a splice's mark goes
    text, mask = _marked_case("splice_doubtful_page_hans.json")
    hit, damage = _hit_and_damage(text, mask, RemoveInjectedFiction()(Document(text)))
    assert hit >= 0.8 and damage == 0
    # with no doubtful band (its bound at the page test's) the page fails: the fragment is flagged, not cut
    cfg = Config()
    no_band = RemoveInjectedFiction(model_doubtful_llr=cfg.model_max_host_llr, model_splice_tier=False)(Document(text))
    spans = [f for f in no_band.metadata["flags"] if f["kind"] == "fiction_span"]
    assert no_band.edits == [] and spans and all(f["missing"] == ["page"] for f in spans)
    # a wider band (-1.7, share 0.4) is an option: on unseen hosts quoting people at length it raised the damage
    wide = RemoveInjectedFiction(model_doubtful_llr=-1.7, model_doubtful_share=0.4)
    assert _hit_and_damage(text, mask, wide(Document(text))) == (hit, damage)


def test_spam_keywords_let_the_model_cut_what_the_page_test_held_back_when_asked() -> None:
    # model_recheck_injected (off by default: on unseen hosts quoting people at length it doubled the damage)
    text, mask = _marked_case("splice_recheck_page_hans.json")
    at = text.index("研究员") + 2
    spammed, mask = text[:at] + "包養網" + text[at:], mask[:at] + [True] * 3 + mask[at:]  # now shown to be injected
    strict = {
        "model_doubtful_llr": -9.0,
        "model_doubtful_share": 0.0,
        "register_on_spam": False,
        "model_recheck_injected": True,
        "model_splice_tier": False,
    }
    doc = Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction(**strict)])(Document(spammed))
    assert [e.before for e in doc.edits if e.cleaner == "remove_injected_keywords"] == ["包養網"]
    hit, damage = _hit_and_damage(spammed, mask, doc)
    assert len(_mine(doc)) >= 2 and hit >= 0.6 and damage == 0
    off = Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction(**{**strict, "model_recheck_injected": False})])
    assert _mine(off(Document(spammed))) == []


def test_local_tier_reads_paragraphs_more_loosely_on_a_page_with_spam_keywords() -> None:
    # the same features page with and without a spliced keyword: shown to be injected, its paragraphs that read
    # a little story-like (but not like speech) may lose a splice's cut; without the keyword nothing is cut
    text, mask = _marked_case("splice_recheck_page_hans.json")
    at = text.index("研究员") + 2
    spammed, mask = text[:at] + "包養網" + text[at:], mask[:at] + [True] * 3 + mask[at:]
    # the marker pass would cut on the spammed page too; -1.2 is looser than the default (-2.0: at -1.2 a feature's
    # scene-setting lead went on held-out set 11, see test_a_spammed_features_own_scene_is_kept)
    # (the stranger-name tier is left out: it cuts a fragment naming 江屿 on both pages, see below)
    model_only = {"register_on_spam": False, "model_local_llr_spam": -1.2, "model_name_tier": False}
    pipe = Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction(**model_only)])
    doc = pipe(Document(spammed))
    hit, damage = _hit_and_damage(spammed, mask, doc)
    assert len(_mine(doc)) == 2 and hit >= 0.6 and damage == 0
    assert _mine(pipe(Document(text))) == []
    named = RemoveInjectedFiction(**{**model_only, "model_name_tier": True})(Document(text))
    _hit, damage = _hit_and_damage(text, [m for i, m in enumerate(mask) if not at <= i < at + 3], named)
    assert [e.before.count("江屿") for e in _mine(named)] == [2] and damage == 0
    same = {**model_only, "model_local_llr_spam": Config().model_local_llr}
    same_bound = Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction(**same)])
    assert _mine(same_bound(Document(spammed))) == []


@pytest.mark.parametrize(
    ("host", "line", "loose_bound", "scene"),
    [
        # held-out set 11: a feature opens on a classroom scene (布告欄, 講台); the looser local bound of a spammed
        # page (-1.2) cut 47 characters of it; with the tables of 2026-12-03 it reads between -2.0 and -1.9
        ("inject_host_vietnamese_mother_hant.txt", 3, -1.9, "教室"),
        # held-out set 12: a neon-sign maker bends a glass tube (盯著桌上按一比一畫好的字稿，等管身燒軟); -1.9 cut 49
        # characters of the scene with the tables of its day; with the larger tables no bound cuts it
        ("inject_host_neon_sign_hant.txt", 6, None, "字稿"),
    ],
)
def test_a_spammed_features_own_scene_is_kept(host: str, line: int, loose_bound: float | None, scene: str) -> None:
    # with one spam keyword on the page the default bound (-2.0, as on any page) keeps the feature's scene
    text = (FIXTURES / host).read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[line] = lines[line][:10] + "包養網" + lines[line][10:]
    spammed = "\n".join(lines)
    doc = Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction()])(Document(spammed))
    assert [e.before for e in doc.edits] == ["包養網"] and doc.text == text
    if loose_bound is not None:
        loose = Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction(model_local_llr_spam=loose_bound)])
        assert any(scene in e.before for e in _mine(loose(Document(spammed))))


@pytest.mark.parametrize("name", ["splice_quote_heavy_page_hans.json", "splice_quote_heavy_page_hant.json"])
def test_fragment_with_dialogue_goes_from_a_page_quoting_people_at_length_when_asked(name: str) -> None:
    text, mask = _marked_case(name)
    cfg = Config()
    assert quotes_people_at_length(text, MARKER_RE, RATE_SKIP, cfg.max_quoted_voice, cfg.min_quoted_voice)
    assert any(c in "“”「」" for c, m in zip(text, mask, strict=True) if m)  # the fragment holds dialogue marks
    # page-wide rules alone (no local splice tier): both of a splice's marks are needed, so the fragment is flagged ...
    both_marks = RemoveInjectedFiction(model_splice_tier=False)(Document(text))
    assert _mine(both_marks) == [] and any("quiet_quotes" in f["missing"] for f in both_marks.metadata["flags"])
    # ... unless either mark is allowed (off by default: see Config) ...
    either = RemoveInjectedFiction(model_quote_heavy_either=True, model_splice_tier=False)
    hit, damage = _hit_and_damage(text, mask, either(Document(text)))
    assert hit >= 0.85 and damage == 0
    # ... or, by default, the fragment's own paragraph reads as news: one of a splice's marks is enough there
    hit, damage = _hit_and_damage(text, mask, RemoveInjectedFiction()(Document(text)))
    assert hit >= 0.85 and damage == 0


@pytest.mark.parametrize(
    ("name", "page_test"),
    [
        ("inject_host_egg_shortage_hant", "page"),
        ("inject_host_highspeed_rail_extension_hans", "page"),
        ("inject_host_heating_subsidy_hans", "quiet_quotes"),
        ("inject_host_coastal_erosion_hant", "quiet_quotes"),
    ],
)
def test_fragment_in_a_paragraph_of_plain_news_goes_from_a_page_that_fails_the_page_tests(name: str, page_test: str) -> None:
    # features that quote people at length fail a page-wide test; a fragment spliced into one of their plain
    # news paragraphs (figures, officials' words), next to the unit of a number, still goes on the local tier
    host = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").strip()
    fragment = in_script("她把冻得发红的手揣进袖口里，眼睛却一直望着窗外的雪，半天没说一句话", script_guess(host))
    para = next(p for p in host.split("\n")[2:] if re.search(r"[0-9][万萬亿億]", p) and not re.search("[“「]", p))
    at = re.search(r"[0-9][万萬亿億]", para).end() - 1
    text = host.replace(para, para[:at] + fragment + para[at:])
    # page-wide rules alone (no local tier) cut nothing; the pages failing the register test read within the
    # doubtful band (-2.0 to -1.85, where a high-scoring cut with a splice's mark goes), so it is closed here
    closed = {"model_doubtful_llr": Config().model_max_host_llr} if page_test == "page" else {}
    page_wide = RemoveInjectedFiction(model_splice_tier=False, **closed)(Document(text))
    assert _mine(page_wide) == []
    assert any(page_test in f["missing"] for f in page_wide.metadata["flags"] if fragment[:6] in f["text"])
    doc = RemoveInjectedFiction()(Document(text))
    assert [e.before for e in _mine(doc)] == [fragment] and doc.text == host


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_quotation_carried_over_paragraphs_is_speech_on_a_spammed_page(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # a migrant worker quoted over three paragraphs (each opens with “, only the last closes): the marker pass
    # and the model must read every paragraph as his speech, not as lines of a story with broken quotes
    host = (FIXTURES / "inject_host_highspeed_rail_extension_hans.txt").read_text(encoding="utf-8").strip()
    assert "“我儿子在老家读初二" in host
    text, _mask = inject_text(host, random.Random(seed), keyword_terms("hans"), [], 4, 0)
    pipe = Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction()])
    assert _mine(pipe(Document(text))) == []
    import cnnewsclean.cleaners.injected_fiction as fiction

    monkeypatch.setattr(fiction, "continued_quotation_lines", lambda _text: set())
    assert any(e.before.startswith("“我儿子在老家读初二") for e in _mine(pipe(Document(text))))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_page_cut_short_inside_a_quotation_keeps_the_speech_on_a_spammed_page(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # a feature whose text stops in the middle of a nurse's speech (its last paragraph opens with “ and the
    # quotation goes on in the next one, which the page lacks): her words stay, keywords or not
    host = (FIXTURES / "inject_host_home_nurse_hans.txt").read_text(encoding="utf-8").strip().split("\n")
    last = next(i for i, line in enumerate(host) if line.startswith("“你别看就是换根管子"))
    text, _mask = inject_text("\n".join(host[: last + 1]), random.Random(seed), keyword_terms("hans"), [], 4, 0)
    pipe = Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction()])
    assert _mine(pipe(Document(text))) == []
    import cnnewsclean.cleaners.injected_fiction as fiction

    monkeypatch.setattr(fiction, "continued_quotation_lines", lambda _text: set())
    assert any("她说，“灯光暗" in e.before for e in _mine(pipe(Document(text))))


def test_injected_benchmark_recall_and_damage_with_keywords_too() -> None:
    cases = make_cases(100, seed=11, keywords=(1, 6), fiction=(1, 3))
    r = score(cases, Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction()]))
    assert r["recall"] >= 0.55  # 0.63 on these 100 documents
    assert r["host_damage"] <= 0.005  # 0.17% here (0.60% with the smaller tables before 2026-12-03's)


def test_injector_one_story_mode_splices_successive_passages_of_one_story() -> None:
    stories = fiction_texts("hans") + fiction_texts("hant")
    for case in make_cases(40, seed=3, keywords=(0, 2), fiction=(2, 3), one_story=True):
        frags, run = [], ""
        for ch, m in zip(case.text, case.mask, strict=True):
            run += ch if m else ""
            if not m and run:
                frags.append(run)
                run = ""
        frags = [f for f in frags if len(f) >= 12] + ([run] if len(run) >= 12 else [])
        assert any(all(f in story for f in frags) and _in_order(story, frags) for story in stories)


def _in_order(story: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        at = story.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def test_injected_benchmark_recall_and_damage() -> None:
    cases = make_cases(100, seed=11, keywords=(0, 0), fiction=(1, 3))
    r = score(cases, Pipeline([RemoveInjectedFiction()]))
    # 0.475 on these 100 documents, with the start code of 2026-12-03 too: the retired held-out set 13 (hosts
    # that quote people at length, genres the models had not seen) joined the fixtures (0.55 before it)
    assert r["recall"] >= 0.45
    assert r["host_damage"] <= 0.005


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_property_host_damage_bounded(seed: int) -> None:
    rng = random.Random(seed)
    host = rng.choice(host_texts())[:800]
    text, mask = inject_text(host, rng, [], fiction_texts("hans" if "会" in host else "hant"), 0, 2)
    doc = RemoveInjectedFiction()(Document(text))
    removed = removal_mask(text, doc.edits)
    # a cut may overshoot a fragment by a few characters and, next to a host that quotes people at length
    # in story-like speech (the quote-heavy hosts), take a sentence of that speech with it (about 1 document
    # in 100: a known weakness), never a paragraph
    assert sum(r and not m for r, m in zip(removed, mask, strict=True)) <= 120


@functools.cache
def _hosts_without_known_false_cuts() -> list[str]:
    known = {(FIXTURES / f"{stem}.txt").read_text(encoding="utf-8").strip() for stem in KNOWN_FALSE_CUTS}
    return [h for h in host_texts() if h not in known]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_property_spam_keywords_alone_give_the_fiction_cleaner_nothing_to_cut(seed: int) -> None:
    # keywords make a page "injected": the fiction cleaner then judges its stretches again and runs the marker
    # pass, but the host's own story-like sentences and people's speech must stay (hosts with a known false cut,
    # xfailed above, are left out: the cut is theirs with or without keywords)
    rng = random.Random(seed)
    host = rng.choice(_hosts_without_known_false_cuts())
    at = rng.randrange(0, max(1, len(host) - 800))
    host = host[at : at + 800]
    text, _mask = inject_text(host, rng, keyword_terms(script_guess(host)), [], rng.randint(1, 6), 0)
    assert _mine(Pipeline([RemoveInjectedKeywords(), RemoveInjectedFiction()])(Document(text))) == []


def test_idempotent_on_seed_002(doc_002: Document) -> None:
    again = PIPE(Document(doc_002.text))
    assert [e for e in again.edits if e.cleaner == "remove_injected_fiction"] == []


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(50, 800))
def test_property_clean_news_unchanged(start: int, length: int) -> None:
    blob = "\n".join(host_texts())
    a = start % max(1, len(blob) - length)
    piece = blob[a : a + length]
    assert RemoveInjectedFiction()(Document(piece)).text == piece


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(NARRATIVE), st.integers(0, 100_000), st.integers(40, 900))
def test_property_narrative_windows_unchanged(path: Path, start: int, length: int) -> None:
    # any stretch of a clean feature, blog or interview, cut anywhere, is not a splice
    # (stretches across two files are not clean text: a story paragraph before a news report is what a splice looks like)
    text = path.read_text(encoding="utf-8").strip()
    a = start % max(1, len(text) - length)
    piece = text[a : a + length]
    doc = PIPE(Document(piece))
    assert _mine(doc) == []


@given(st.text(max_size=300))
def test_property_no_crash(text: str) -> None:
    RemoveInjectedFiction()(Document(text))


# --- the class-conditional character model (detect/fiction_model.py) and the model pass ---

NEWS_HANS = (
    "广东省总工会组织开展劳动和技能竞赛，带动职工参与超过500万人次，评选出一批优秀工匠人才。"
    "截至目前，全省已建成各级劳模和工匠人才创新工作室近1.5万家，累计完成技术革新项目3.2万项，"
    "为企业创造经济效益超过80亿元。今年，全省还将组织开展省级一类职业技能竞赛项目100项以上。"
)
#: written for these tests (not taken from the fiction fixtures, the held-out set or the training stories)
STORY_BITS = (
    "盘膝坐在蒲团上，体内灵气如潮水般涌入丹田，剑光映着窗外的月色",
    "她把伞往他头上挪了挪，小声说：“你怎么又淋雨了？”",
    "那年冬天下了很大的雪，他背着受伤的少女走了一夜",
)


def test_fiction_model_reads_stories_above_news() -> None:
    story = "".join(STORY_BITS)
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    assert mean(llr_scores(story, bias=0.0)) > mean(llr_scores(NEWS_HANS, bias=0.0)) + 2.0
    # both scripts: the Traditional spelling of a story reads as a story too
    assert mean(llr_scores(in_script(story, "hant"), bias=0.0)) > mean(llr_scores(in_script(NEWS_HANS, "hant"), bias=0.0)) + 2.0


def test_viterbi_finds_the_story_inside_news() -> None:
    text = NEWS_HANS[:60] + STORY_BITS[1] + NEWS_HANS[60:]
    segs = viterbi_segments(llr_scores(text))
    assert len(segs) == 1
    a, b, _ = segs[0]
    assert abs(a - 60) <= 2 and abs(b - 60 - len(STORY_BITS[1])) <= 2


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-5, 5, allow_nan=False), max_size=60), st.floats(0.5, 8))
def test_property_viterbi_segments_are_disjoint_and_worth_their_switches(scores: list[float], switch: float) -> None:
    segs = viterbi_segments(scores, switch)
    for k, (a, b, v) in enumerate(segs):
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        assert 0 <= a < b <= len(scores)
        assert v == pytest.approx(sum(scores[a:b]))
        assert v >= 2 * switch - 1e-9  # a stretch pays for entering and leaving fiction
        if nxt is not None:
            assert b < nxt[0]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-5, 5, allow_nan=False), max_size=40))
def test_property_best_run_is_the_maximum_subarray(scores: list[float]) -> None:
    brute = max([0.0] + [sum(scores[i:j]) for i in range(len(scores)) for j in range(i + 1, len(scores) + 1)])
    assert best_run(scores) == pytest.approx(brute)


@pytest.mark.parametrize("bit", STORY_BITS)
@pytest.mark.parametrize("script", ["hans", "hant"])
def test_marker_poor_fragment_is_removed_by_the_model(bit: str, script: str) -> None:
    # 盘膝…月色 holds no pronoun, no 了 and no question: the marker pass alone never saw it
    host = in_script(NEWS_HANS, script)
    at = in_script("技术革新", script)
    text = host.replace(at, at[:2] + in_script(bit, script) + at[2:])
    doc = RemoveInjectedFiction()(Document(text))
    # the fragment goes; the cut may take the host word after it (革新 reads a little like a story) but no more
    # than that, and nothing elsewhere; it may stop two characters short of an edge that reads like news
    # (那年 and 一夜 of the third: news features tell recollections too)
    removed = removal_mask(text, doc.edits)
    pos = host.index(at) + 2
    frag = range(pos, pos + len(in_script(bit, script)))
    assert all(removed[i] for i in frag[2:-2])
    assert sum(1 for i in range(len(text)) if removed[i] and i not in frag) <= 2
    assert all(e.reason.startswith("fiction_rejoins_") for e in doc.edits)


def test_model_cut_keeps_a_number_whole() -> None:
    text = NEWS_HANS.replace("1.5万家", "1.5" + STORY_BITS[2] + "万家")
    out = RemoveInjectedFiction()(Document(text)).text
    assert out == NEWS_HANS


def test_story_like_quotation_of_the_host_is_kept() -> None:
    text = (
        "今年以來，全市在主要道路沿線建成戶外勞動者驛站120個，為環衛工人、快遞員和外賣騎手提供休息服務。"
        "驛站配備了冰箱、微波爐和飲水機，滿足他們“餓了能熱飯，渴了有水喝，熱了能乘涼，冷了能取暖，累了能歇腳”的需求。"
        "市總工會表示，明年將再建設驛站50個，覆蓋全部城區和重點鄉鎮。"
    )
    doc = RemoveInjectedFiction()(Document(text))
    assert doc.text == text


def _build_script():  # type: ignore[no-untyped-def]
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_fiction_lm.py"
    spec = importlib.util.spec_from_file_location("build_fiction_lm", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", ["fiction", "news"])
def test_training_text_shares_no_run_with_test_or_heldout_texts(name: str) -> None:
    build = _build_script()
    used = sorted(FIXTURES.glob("inject_*.txt")) + sorted((FIXTURES / "inject_heldout").glob("*.txt"))
    assert len([p for p in used if "heldout" in str(p)]) >= 20
    n = build.RUN
    grams = set()
    for p in used:
        t = in_script(p.read_text(encoding="utf-8").replace("\n", ""), "hans")
        grams.update(t[i : i + n] for i in range(len(t) - n + 1))
    assert len(grams) > 50_000
    lines = build.training_text(name)
    assert sum(map(len, lines)) > 50_000
    shared = {g for line in lines for s in [in_script(line, "hans")] for g in (s[i : i + n] for i in range(len(s) - n + 1)) if g in grams}
    assert shared == set()
    # ... and the filter drops the stock phrases two texts share (觥筹交错, 记者了解到 …), not whole files
    raw = sum(len(p.read_text(encoding="utf-8")) for p in (build.SOURCES / name).glob("*.txt"))
    assert 0.8 * raw < sum(map(len, lines)) < raw


@pytest.mark.parametrize("name", ["fiction", "news"])
def test_shipped_register_tables_are_what_the_script_builds(name: str) -> None:
    from cnnewsclean._resources import register_lm_tables

    build = _build_script()
    uni, bi = build.count(build.training_text(name))
    assert (dict(uni), dict(bi)) == register_lm_tables(name)


def test_page_flattened_to_one_huge_line_is_cut_in_pieces_with_document_offsets() -> None:
    """Seed 002 with its line breaks lost, eight times over: each piece is judged as a page, offsets stay right."""
    from cnnewsclean.cleaners.injected_fiction import _pieces
    from cnnewsclean.edits import replay

    one = seed_text("002_0cc95ad011e00dc5").replace("\n", "")
    text = one * 8
    pieces = _pieces(text)
    assert pieces is not None and pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a2 == b1 for (_, b1), (a2, _) in itertools.pairwise(pieces))
    doc = PIPE(Document(text))
    mine = _mine(doc)
    assert mine, "fiction spliced into the flattened page is still found"
    assert all(e.before for e in mine)
    assert replay(text, doc.edits) == doc.text
    for f in doc.metadata.get("flags", []):
        if isinstance(f.get("start"), int) and f["kind"] == "fiction_span":
            assert 0 <= f["start"] < len(text)
    assert _pieces(one) is None or len(one) > 6000


@given(st.text(alphabet="ab“”「」『』", max_size=16), st.integers(0, 16), st.integers(0, 16))
def test_property_quote_depth_matches_broken_quotes(line: str, a: int, b: int) -> None:
    from cnnewsclean.detect.quote_marks import QuoteDepth, broken_quotes

    a, b = sorted((min(a, len(line)), min(b, len(line))))
    assert QuoteDepth(line).broken_without(a, b) == broken_quotes(line[:a] + line[b:])


def test_a_quotation_carried_into_the_next_paragraph_keeps_its_opening_mark() -> None:
    # held-out set 11: a barber's words open at the end of one paragraph (「洗髮精漲、電費漲⋯⋯) and the next paragraph
    # carries them on (it opens with 「); the line's marks look unpaired, so a cut taking that opening mark looked
    # like a splice repairing them (44 characters of his speech went)
    text = (FIXTURES / "inject_host_barbershop_tainan_hant.txt").read_text(encoding="utf-8")
    assert carried_quotation_marks(text)
    # the clause rule off (the old score), so only the carried-quotation guard stands between his words and a cut
    doc = RemoveInjectedFiction(model_clause_score=25.0)(Document(text))
    assert not any("拖很久" in e.before for e in doc.edits)


def test_a_cut_along_the_hosts_own_clause_marks_needs_a_high_score() -> None:
    # held-out set 11: a barbershop scene (替熟客刮鬍子、修鬢角。店門口擺著兩張舊木椅，) cut from after one comma
    # to a comma of its own: a splice seldom starts after the host's mark and ends on one; the host's clauses do
    # (with the tables of 2026-12-03 the page fails its page tests too; the scene's flag still names the clause test)
    text = (FIXTURES / "inject_host_barbershop_tainan_hant.txt").read_text(encoding="utf-8")

    def scene_missing(doc: Document) -> list[str]:
        return next(f["missing"] for f in doc.metadata["flags"] if f["kind"] == "fiction_span" and "舊木椅" in f["text"])

    strict = RemoveInjectedFiction()(Document(text))
    assert strict.edits == [] and "mid_clause" in scene_missing(strict)
    assert "mid_clause" not in scene_missing(RemoveInjectedFiction(model_clause_score=25.0)(Document(text)))


def test_clause_names_finds_a_storys_cast_not_words_titles_or_measure_words() -> None:
    text = "院子里很静。林知夏把文件放在桌角，”沈遙回頭衝她笑了笑。林太太坐在椅子上，周围的人都散了，许多人没来。"
    assert [name for _i, name in clause_names(text, 0, len(text))] == ["林知", "沈遙"]
    # a role after the surname (林太太, 何师傅) is a form of address; 周围 and 许多 are words
    assert clause_names("。何师傅说，", 0, 6) == []
    # nor is an idiom that opens with a surname (何去何从: a dictionary word of four characters; 宁多勿少: 多 is a
    # quantity word, no given name; a forum post's tip was cut as a story's for it)
    assert clause_names("。何去何从，宁多勿少。", 0, 11) == []


def test_a_name_the_page_uses_elsewhere_is_no_stranger() -> None:
    page = "外卖骑手唐建军今年42岁。\n唐建军的手机响了，又来一单。\n站长说，唐建军跑得最快。"
    s = page.index("唐建军的手机")
    assert clause_names(page, s - 1, s + 10) == [(s, "唐建")]
    assert stranger_names(page, s - 1, s + 10, bytearray(len(page))) == []
    lone = page.replace("外卖骑手唐建军", "外卖骑手老唐").replace("站长说，唐建军", "站长说，老唐")
    s = lone.index("唐建军的手机")
    assert stranger_names(lone, s - 1, s + 10, bytearray(len(lone))) == ["唐建"]


def test_fragments_naming_strangers_go_from_a_feature_that_fails_the_page_test() -> None:
    # a delivery rider's feature (his own words, a narrated scene) reads as story-like as the fragments, so the page
    # tests fail; each fragment names a story's character (林知夏, 林七) that the page never names elsewhere
    host = (FIXTURES / "inject_host_delivery_rider_hans.txt").read_text(encoding="utf-8")
    f1 = "明天董事会要用的并购方案，财务那边刚核完数。”林知夏把文件轻轻放在桌角，“还有，您让我订的机票，改到后天上午九点"
    f2 = "铁皮烟灰缸，转身去拿扳手。林七咬住自己的衣领。深灰色的防水外套，领口早就磨出毛边。她"
    text = host.replace("商场门口，外卖骑手", "商场门口，" + f1 + "外卖骑手", 1).replace("工作日以内", "工作日以内" + f2, 1)
    off = RemoveInjectedFiction(model_name_tier=False)(Document(text))
    assert _mine(off) == [] and all("page" in f["missing"] for f in off.metadata["flags"])
    doc = RemoveInjectedFiction()(Document(text))
    cut = [e.before for e in _mine(doc)]
    assert len(cut) == 2 and "林知夏把文件" in cut[0] and cut[1] == f2
    # removed only because each names a stranger, and the edits say so
    assert [e.reason for e in _mine(doc)] == ["fiction_names_stranger"] * 2
    # the rider's own scene stays: he is named elsewhere on the page
    assert "唐建军的手机响了，又来一单。" in doc.text and doc.text.count("唐建军") == host.count("唐建军")
    # what was cut is only the fragments (the first one's head reads as news and stays)
    assert all(c in f1 + f2 for c in cut)


def test_a_cut_never_takes_half_of_a_host_quotation_of_another_kind_of_mark() -> None:
    # a fisherman's words in 「」 with a fragment of a story in “” spliced into them (淹到膝[…]蓋): the line's marks
    # do not pair up as a whole, but the host's 「」 do, so no cut may take the 「 and leave the 」 (one took 128
    # characters of his words, 可以|蓋半棟房子，「那時候…誰|來拜, with a word, 以來, formed across the cut by chance)
    host = (FIXTURES / "inject_host_coastal_erosion_hant.txt").read_text(encoding="utf-8")
    frag = "“能長出啥呀？”蘇小樹蹲在地頭，用樹枝撥弄着土塊，“爹以前種過豆子，一畝地收不了半袋。”“豆子不行"
    text = host.replace("淹到膝蓋", "淹到膝" + frag + "蓋", 1)
    cuts = _mine(RemoveInjectedFiction()(Document(text)))
    assert all("「那時候" not in e.before for e in cuts) and any(frag in e.before for e in cuts)
    # the guard itself, on that cut: the line's marks as a whole do not pair up (the fragment's “” unpair them),
    # so a test of the whole line would not tell it; the host's 「」 do, and the cut takes the 「 only
    ls = text.rfind("\n", 0, text.index(frag)) + 1
    le = text.find("\n", ls)
    s, e = text.index("蓋半棟房子"), text.index("來拜他們")
    assert broken_quotes(text[ls:le]) and takes_host_quote(text, ls, le, s, e)
