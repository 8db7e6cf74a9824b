"""Properties of the whole default pipeline: replay, idempotence, no crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnewsclean import load_preset, replay
from tests.conftest import SEED_IDS, seed_text

PIPE = load_preset("default", strict=True)


def test_every_seed_replays_and_is_idempotent() -> None:
    for sid in SEED_IDS:
        raw = seed_text(sid)
        doc = PIPE.clean_document(raw)
        assert replay(raw, doc.edits) == doc.text, sid
        again = PIPE.clean_document(doc.text)
        assert again.text == doc.text, (sid, [(e.cleaner, e.reason, e.before, e.after) for e in again.edits][:5])


def test_every_removal_has_a_reason() -> None:
    for sid in SEED_IDS:
        doc = PIPE.clean_document(seed_text(sid))
        assert all(e.reason and e.cleaner for e in doc.edits)


_CHARS = st.sampled_from(list("工會团结發展的是了在，。、：；？！（）“”?!,.:;()|-_ \n\u3000\xa01209aAé包養網▲■"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_CHARS, max_size=120))
def test_pipeline_never_crashes_and_replays(text: str) -> None:
    doc = PIPE.clean_document(text)
    assert replay(text, doc.edits) == doc.text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_does_not_crash(text: str) -> None:
    doc = PIPE.clean_document(text)
    assert replay(text, doc.edits) == doc.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "殷殷囑托，感恩奮進。",
                "廣東省第十二次黨代會以來，廣東各級工會深入落實省委“1+1+9”工作部署。",
                "截至目前，全省已选树“南粤工匠”110名，带动培育各级工匠7800多名。",
                "2023年以来，全省各级工会累计拨付救灾款物1.06亿元。",
                "他问：“这是为什么？”",
                "The union held 12 meetings in 2023.",
            ]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_clean_news_paragraphs_pass_unchanged(paragraphs: list[str]) -> None:
    text = "\n".join(paragraphs)
    doc = PIPE.clean_document(text)
    assert doc.text == text, [(e.cleaner, e.reason, e.before, e.after) for e in doc.edits]
