"""convert_script: OpenCC conversion after all repairs, script detection, leftovers-only for same-script text."""

from __future__ import annotations

import json
import os
import pickle
import sys
import types
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean import script_backend
from cnnewsclean.cleaners.script import (
    REASON_CONVERTED,
    REASON_LEFTOVER,
    ConvertScript,
    changed_runs,
    normalize_target,
    paragraph_edits,
)
from cnnewsclean.detect.script import count_script_chars
from cnnewsclean.document import Document
from cnnewsclean.edits import replay
from cnnewsclean.presets import load_preset
from cnnewsclean.script_backend import get_converter
from tests.conftest import SEED_IDS, seed_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NEGATIVE = [json.loads(line) for line in (FIXTURES / "script_negative.jsonl").read_text(encoding="utf-8").splitlines() if line]
SEED_000 = next(s for s in SEED_IDS if s.startswith("000"))
SEED_002 = next(s for s in SEED_IDS if s.startswith("002"))
HANS_SEEDS = [s for s in SEED_IDS if s.startswith(("003", "004"))]
CHINESE_TARGETS = ["hans", "hant", "tw", "twp", "hk"]


def run(text: str, **options: object) -> Document:
    return ConvertScript(**options)(Document(text))


# -- targets -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_target", "canonical"),
    [
        ("hans", "hans"),
        ("HANT", "hant"),
        ("zh-Hant", "hant"),
        ("zh_tw", "tw"),
        ("twp", "twp"),
        ("hk", "hk"),
        ("jp", "jp"),
        ("s2t", "s2t"),
        ("s2twp.json", "s2twp"),
        ("hk2sp", "hk2sp"),
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_normalize_target(given_target: str | None, canonical: str | None) -> None:
    assert normalize_target(given_target) == canonical


@pytest.mark.parametrize("bad", ["hanz", "s2x", "traditional-chinese", "zh"])
def test_unknown_target_fails_early(bad: str) -> None:
    with pytest.raises(ValueError, match="unknown script target"):
        ConvertScript(target=bad)


def test_unknown_target_is_a_usage_error_in_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from cnnewsclean.cli import main

    assert main(["--to", "klingon", str(Path("seeds") / f"{SEED_000}.txt")]) == 2
    assert "unknown script target" in capsys.readouterr().err


@pytest.mark.parametrize("target", [None, ""])
def test_no_target_is_a_no_op(target: str | None) -> None:
    text = seed_text(SEED_000)
    doc = run(text, target=target)
    assert doc.text == text
    assert doc.edits == []
    assert doc.metadata == {"script": "hant"}  # detection still runs, on a bounded sample


# -- full conversion ---------------------------------------------------------


def test_hant_seed_to_hans_is_fully_simplified() -> None:
    text = seed_text(SEED_000)
    doc = run(text, target="hans")
    assert doc.metadata["script"] == "hant"
    assert doc.metadata["script_conversion"] == "t2s"
    assert count_script_chars(doc.text)[1] == 0
    assert "广东省总工会" in doc.text
    assert doc.text == get_converter("t2s").convert(text)
    assert replay(text, doc.edits) == doc.text
    assert {e.reason for e in doc.edits} == {REASON_CONVERTED}


@pytest.mark.parametrize("sid", HANS_SEEDS)
def test_hans_seed_to_hant_is_converted_with_s2t(sid: str) -> None:
    text = seed_text(sid)
    doc = run(text, target="hant")
    assert doc.metadata["script"] == "hans"
    assert doc.text == get_converter("s2t").convert(text)
    assert replay(text, doc.edits) == doc.text


def test_one_edit_per_changed_paragraph_not_per_character() -> None:
    text = "廣東省總工會\n\n2022-05-25\n團結動員職工奮進新征程"
    doc = run(text, target="hans")
    assert [(e.start, e.before, e.after) for e in doc.edits] == [
        (0, "廣東省總工會", "广东省总工会"),
        (19, "團結動員職工奮進新征程", "团结动员职工奋进新征程"),
    ]


def test_jp_target_converts_simplified_via_traditional() -> None:
    doc = run("广东省总工会团结动员职工", target="jp")
    assert doc.text == "広東省総工会団結動員職工"
    assert doc.metadata["script_conversion"] == "s2t+t2jp"


def test_raw_config_converts_every_document_as_is() -> None:
    text = "群眾聚集在廣場上，山峰上的積雪開始融化。"
    assert run(text, target="s2t").text == "羣眾聚集在廣場上，山峯上的積雪開始融化。"
    assert run(text, target="hant").text == text


# -- same script: only leftovers --------------------------------------------


def test_002_keeps_its_traditional_but_fixes_leftover_simplified() -> None:
    text = seed_text(SEED_002)
    doc = run(text, target="hant")
    assert doc.metadata["script"] == "hant"
    assert {e.reason for e in doc.edits} == {REASON_LEFTOVER}
    changed = {e.before for e in doc.edits}
    assert {"于", "后", "么"} <= changed
    assert "里" in "".join(changed)
    assert "先後被選" in doc.text and "先后被選" not in doc.text
    # valid Traditional characters that s2t would swap for OpenCC's preferred variants stay
    assert "群眾" in doc.text and "羣" not in doc.text
    assert replay(text, doc.edits) == doc.text
    # every edit is short: leftovers, not paragraphs
    assert max(len(e.before) for e in doc.edits) <= 4


def test_leftovers_are_simplified_forms_that_every_traditional_standard_changes() -> None:
    text = seed_text(SEED_000)
    doc = run(text, target="tw")
    assert doc.edits
    simp = get_converter("t2s").convert(text)
    base = get_converter("s2t").convert(simp)
    renderings = [base, get_converter("t2tw").convert(base), get_converter("t2hk").convert(base)]
    assert len(simp) == len(text) and all(len(r) == len(text) for r in renderings)
    for e in doc.edits:
        for k in range(e.start, e.end):
            assert simp[k] == text[k], e  # a Simplified form
            assert all(r[k] != text[k] for r in renderings), e
        assert e.after == renderings[1][e.start : e.end]  # Taiwan rendering for --to tw


def test_traditional_context_is_kept_where_s2t_alone_would_break_it() -> None:
    # s2t on Traditional text misses the phrase 長征 (-> 長徵) and swaps 群 -> 羣
    text = "長征五號火箭今天發射，群眾在海邊觀看，先后有數千人到場。"
    assert get_converter("s2t").convert(text) != text.replace("后", "後")
    doc = run(text, target="hant")
    assert doc.text == text.replace("先后", "先後")


@pytest.mark.parametrize("sid", HANS_SEEDS)
def test_clean_simplified_seed_to_hans_is_unchanged(sid: str) -> None:
    text = seed_text(sid)
    doc = run(text, target="hans")
    assert doc.edits == []
    assert doc.metadata == {"script": "hans"}


@pytest.mark.parametrize("case", NEGATIVE, ids=[c["why"] for c in NEGATIVE])
def test_clean_news_in_its_own_script_is_unchanged(case: dict[str, str]) -> None:
    doc = run(case["text"], target=case["target"])
    assert doc.text == case["text"]
    assert doc.edits == []


def test_leftovers_only_can_be_switched_off() -> None:
    text = "群眾聚集在廣場上，市長說：他们的意见很重要。"
    kept = run(text, target="hant")
    assert "群眾" in kept.text and "他們的意見" in kept.text
    full = run(text, target="hant", leftovers_only=False)
    assert full.text == get_converter("s2t").convert(text)


def test_simplified_leftover_in_traditional_text_is_fixed() -> None:
    doc = run("工會工作要創造無愧于黨、無愧于時代的新業績，這里是我們的家。", target="hant")
    assert doc.text == "工會工作要創造無愧於黨、無愧於時代的新業績，這裏是我們的家。"
    assert [e.before for e in doc.edits] == ["于", "于", "里"]


def test_traditional_leftover_in_simplified_text_is_fixed() -> None:
    doc = run("广东各级工会深入落实省委工作部署，聚焦職工思想政治引领，推进产业工人队伍建设改革。", target="hans")
    assert doc.text == "广东各级工会深入落实省委工作部署，聚焦职工思想政治引领，推进产业工人队伍建设改革。"
    assert [(e.before, e.after, e.reason) for e in doc.edits] == [("職", "职", REASON_LEFTOVER)]


# -- properties --------------------------------------------------------------

_SEED_SLICES = st.sampled_from(SEED_IDS).flatmap(
    lambda sid: st.tuples(st.integers(0, len(seed_text(sid))), st.integers(0, 400)).map(
        lambda p, sid=sid: seed_text(sid)[p[0] : p[0] + p[1]]
    )
)


@settings(max_examples=80, deadline=None)
@given(_SEED_SLICES, st.sampled_from(CHINESE_TARGETS))
def test_replays_and_is_idempotent_on_seed_slices(text: str, target: str) -> None:
    cleaner = ConvertScript(target=target)
    doc = cleaner(Document(text))
    assert replay(text, doc.edits) == doc.text
    assert cleaner(Document(doc.text)).text == doc.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120), st.sampled_from([*CHINESE_TARGETS, "jp", "s2twp", "t2s"]))
def test_never_crashes_and_replays(text: str, target: str) -> None:
    doc = run(text, target=target)
    assert replay(text, doc.edits) == doc.text


_PAIR_CHARS = st.sampled_from(list("于於后後里裏工會\n a𠀀𠀁\U0010ffff\x00"))


@given(st.lists(st.tuples(_PAIR_CHARS, _PAIR_CHARS), max_size=60))
def test_changed_runs_match_a_naive_scan(pairs: list[tuple[str, str]]) -> None:
    a = "".join(x for x, _ in pairs)
    b = "".join(y for _, y in pairs)
    naive: list[tuple[int, int]] = []
    for i, (x, y) in enumerate(pairs):
        if x != y:
            if naive and naive[-1][1] == i:
                naive[-1] = (naive[-1][0], i + 1)
            else:
                naive.append((i, i + 1))
    assert changed_runs(a, b) == naive


@given(st.text(alphabet=st.sampled_from(list("發展发展於于\n甲")), max_size=80))
def test_paragraph_edits_replay(text: str) -> None:
    after = get_converter("t2s").convert(text)
    assert replay(text, paragraph_edits(text, after, "c", "r")) == after


# -- pipeline, pickling, backend ---------------------------------------------


def test_preset_with_to_puts_conversion_last_and_replays() -> None:
    pipe = load_preset("default", to="hans", strict=True)
    assert pipe.cleaners[-1].name == "convert_script"
    text = seed_text(SEED_000)
    doc = pipe.clean_document(text)
    assert count_script_chars(doc.text)[1] == 0
    assert doc.metadata["script"] == "hant"
    assert replay(text, doc.edits) == doc.text


def test_cleaner_and_pipeline_pickle() -> None:
    cleaner = ConvertScript(target="tw")
    again = pickle.loads(pickle.dumps(cleaner))
    assert again == cleaner
    assert again(Document("先后")).text == "先後"
    pipe = load_preset("default", to="hk")
    assert pickle.loads(pickle.dumps(pipe)).to_config() == pipe.to_config()


def test_converters_are_cached_per_config() -> None:
    t2s = get_converter("t2s")
    assert get_converter("t2s") is t2s
    assert get_converter("s2t") is not t2s
    assert get_converter("t2s").convert("發展") == "发展"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_worker_builds_its_own_converters() -> None:
    get_converter("t2s")
    assert script_backend._STATE["converters"]
    pid = os.fork()
    if pid == 0:  # child: nothing inherited, and conversion still works
        ok = not script_backend._STATE["converters"] and get_converter("t2s").convert("發展") == "发展"
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert script_backend._STATE["converters"]


class _FakeReimplemented:
    """Stands in for opencc-python-reimplemented: same API, no C library."""

    def __init__(self, conversion: str | None = None) -> None:
        self.conversion = conversion

    def convert(self, string: str) -> str:
        table = str.maketrans("後於", "后于") if self.conversion == "t2s" else str.maketrans("后于", "後於")
        return string.translate(table)


@pytest.fixture
def reimplemented(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    fake = types.ModuleType("opencc")
    fake.OpenCC = _FakeReimplemented  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "opencc", fake)
    script_backend.reset()
    yield fake
    script_backend.reset()


def test_reimplemented_backend_works_with_a_warning(reimplemented: types.ModuleType) -> None:
    with pytest.warns(RuntimeWarning, match="opencc-python-reimplemented"):
        cleaner = ConvertScript(target="hans")
    backend = script_backend.get_backend()
    assert backend.name == "opencc-python-reimplemented" and not backend.exact
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = cleaner(Document("先後於此"))
    assert doc.text == "先后于此"


@pytest.mark.parametrize("target", ["jp", "hk2t", "tw2t"])
def test_reimplemented_backend_refuses_configs_it_lacks(reimplemented: types.ModuleType, target: str) -> None:
    with pytest.warns(RuntimeWarning), pytest.raises(ValueError, match="cannot convert"):
        ConvertScript(target=target)


def _naive_traditional_leftovers(text: str, config: str) -> list[tuple[int, int, str, str]]:
    """The leftover rule applied character by character to the whole text (no line filter)."""
    from cnnewsclean.cleaners.script import leftover_chars

    simp = get_converter("t2s").convert(text)
    base = get_converter("s2t").convert(simp)
    renderings = [base, get_converter("t2tw").convert(base), get_converter("t2hk").convert(base)]
    pick = {"s2t": 0, "s2tw": 1, "s2hk": 2}[config]
    hits = [k for k, c in enumerate(text) if c in leftover_chars() and simp[k] == c and all(r[k] != c for r in renderings)]
    runs: list[tuple[int, int, str, str]] = []
    for k in hits:
        if runs and runs[-1][1] == k:
            i, _, before, after = runs[-1]
            runs[-1] = (i, k + 1, before + text[k], after + renderings[pick][k])
        else:
            runs.append((k, k + 1, text[k], renderings[pick][k]))
    return runs


_MIXED_LINES = st.lists(
    st.text(alphabet=st.sampled_from(list("長征先后於于里裏裡這麼么範范干幹群台臺颱家具發展工會。，")), max_size=30), max_size=6
).map("\n".join)


@settings(max_examples=120, deadline=None)
@given(_MIXED_LINES, st.sampled_from(["s2t", "s2tw", "s2hk"]))
def test_traditional_leftovers_match_the_rule_applied_to_the_whole_text(text: str, config: str) -> None:
    from cnnewsclean.cleaners.script import traditional_leftovers

    got = [(e.start, e.end, e.before, e.after) for e in traditional_leftovers(text, config, "c")]
    assert got == _naive_traditional_leftovers(text, config)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("台灣的經濟發展穩健，台北市政府今日公布預算。", "hant"),  # 台 is Taiwan's everyday form
        ("今日氣溫偏低，市民注意保暖，床位供應充足。", "hant"),  # 温/床 are written in Hong Kong too
        ("台湾的经济发展稳健，台北市政府今日公布预算。", "hans"),
        ("這是臺灣，这是大陆，兩岸交流持续深化。", "mixed"),
    ],
)
def test_script_of_regional_traditional(text: str, script: str) -> None:
    from cnnewsclean.detect.script import script_of

    assert script_of(text) == script
