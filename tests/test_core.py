"""Core types: edits, replay, pipeline, registry, presets, pickling."""

from __future__ import annotations

import pickle

import pytest

import cnnewsclean
from cnnewsclean import Document, Edit, Pipeline, apply_edits, diff_to_edits, load_preset, replay
from cnnewsclean.edits import EditConflict, render_edits
from cnnewsclean.presets import list_presets, preset_config
from cnnewsclean.registry import UnknownCleaner, available_names, get_cleaner_class


def test_apply_edits_rejects_overlap_and_mismatch() -> None:
    text = "上午包養好"
    with pytest.raises(EditConflict):
        apply_edits(text, [Edit("a", 0, 3, "上午包", "", "r"), Edit("a", 2, 4, "包養", "", "r")])
    with pytest.raises(EditConflict):
        apply_edits(text, [Edit("a", 0, 2, "下午", "", "r")])


def test_replay_applies_batches_in_order() -> None:
    original = "　　發展很好。\n\n"
    doc = load_preset("minimal").clean_document(original)
    assert doc.text == "發展很好。"
    assert replay(original, doc.edits) == doc.text
    assert {e.reason for e in doc.edits} == {"edge_space"}


def test_diff_to_edits_round_trips() -> None:
    before = "第一行\n第二行有錯字\n第三行"
    after = "第一行\n第二行沒有錯字了\n第三行\n第四行"
    edits = diff_to_edits(before, after, "c", "r")
    assert apply_edits(before, edits) == after
    same_len = diff_to_edits("发展和发达", "發展和發達", "c", "r")
    assert [(e.before, e.after) for e in same_len] == [("发", "發"), ("发达", "發達")]


def test_pipeline_records_stats_and_survives_a_broken_cleaner() -> None:
    class Broken(cnnewsclean.cleaner.Cleaner):
        name = "broken"

        def find_edits(self, text, doc):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

    layout = get_cleaner_class("normalize_layout")()
    pipe = Pipeline([layout, Broken()])
    doc = pipe.clean_document("  正文。 ")
    assert doc.text == "正文。"
    assert doc.metadata["errors"] == ["broken: RuntimeError: boom"]
    assert pipe.stats["broken"].errors == 1
    assert pipe.stats["normalize_layout"].docs_changed == 1
    assert pipe.stats["normalize_layout"].chars_removed == 3
    with pytest.raises(RuntimeError):
        Pipeline([Broken()], strict=True).clean("x")


def test_pipeline_pickles_and_round_trips_config() -> None:
    pipe = load_preset("default")
    clone = pickle.loads(pickle.dumps(pipe))
    assert clone.to_config() == pipe.to_config()
    text = "　　殷殷囑托，感恩奮進。\n\n　　五年來。"
    assert clone.clean(text) == pipe.clean(text)
    assert Pipeline.from_config(pipe.to_config()).to_config() == pipe.to_config()


def test_every_preset_loads_and_names_known_cleaners() -> None:
    known = set(available_names())
    for name in list_presets():
        entries = preset_config(name)
        assert entries, name
        assert {e["name"] for e in entries} <= known
        assert load_preset(name).cleaners


def test_unknown_names_give_helpful_errors() -> None:
    with pytest.raises(UnknownCleaner, match="normalize_layout"):
        get_cleaner_class("no_such_cleaner")
    with pytest.raises(KeyError, match="default"):
        load_preset("no_such_preset")
    with pytest.raises(UnknownCleaner):
        load_preset("default", skip=["no_such_cleaner"])


def test_only_and_skip_select_cleaners() -> None:
    assert [c.name for c in load_preset("default", only=["normalize_layout"]).cleaners] == ["normalize_layout"]
    assert "normalize_layout" not in [c.name for c in load_preset("default", skip=["normalize_layout"]).cleaners]


def test_list_cleaners_describes_each() -> None:
    listing = cnnewsclean.list_cleaners()
    assert "normalize_layout" in listing
    assert all(desc for desc in listing.values())


def test_moved_to_keeps_removed_text_in_metadata() -> None:
    class TakeTitle(cnnewsclean.cleaner.Cleaner):
        name = "take_title"

        def find_edits(self, text, doc):  # type: ignore[no-untyped-def]
            end = text.index("\n") + 1
            return [self.edit(text, 0, end, "", "demo", moved_to="source")]

    doc = Pipeline([TakeTitle()]).clean_document("來源：工人日報\n正文。")
    assert doc.text == "正文。"
    assert doc.metadata["source"] == "來源：工人日報"
    assert doc.edits[0].moved_to == "source"


def test_render_edits_shows_context_and_reason() -> None:
    original = "\n\n　　正文。"
    doc = load_preset("minimal").clean_document(original)
    shown = render_edits(original, doc.edits)
    assert "normalize_layout" in shown and "edge_space" in shown


def test_document_flag() -> None:
    doc = Document("x")
    doc.flag("caption", line=3, score=0.4)
    assert doc.metadata["flags"] == [{"kind": "caption", "line": 3, "score": 0.4}]
