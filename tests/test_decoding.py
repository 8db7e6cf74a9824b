"""Bytes to text: BOM, meta charset, detection, wrong declarations, broken bytes."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnewsclean.decoding import BinaryInput, decode_bytes, decoding_badness, normalize_encoding, sniff_charset

FIXTURES = Path(__file__).parent / "fixtures" / "html"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))

HANS = "全省各级工会忠诚履职、勇于担当，团结引领广大职工群众积极投身推动高质量发展火热实践。"
HANT = "台中捷運綠線通車屆滿一個月，台中捷運公司今天公布最新統計，通車以來累計運量突破一百二十萬人次。"


def page(body: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>新聞</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_fixture_pages_decode_with_the_right_codec(name: str) -> None:
    data = (FIXTURES / f"{name}.html").read_bytes()
    decoded = decode_bytes(data)
    assert decoded.encoding == MANIFEST[name]["encoding"]
    expected = (FIXTURES / f"{name}.expected.txt").read_text(encoding="utf-8").splitlines()
    if expected:
        assert expected[0] in decoded.text  # the title reads right


def test_gbk_page_without_meta_is_detected() -> None:
    d = decode_bytes(page(HANS).encode("gbk"))
    assert (d.encoding, d.how, d.declared) == ("gb18030", "detected", None)
    assert HANS in d.text


def test_big5_page_declaring_gb2312_is_rejected_and_read_as_big5() -> None:
    data = page(HANT, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("big5")
    d = decode_bytes(data)
    assert d.encoding == "big5hkscs" and d.how == "detected"
    assert d.declared == "gb2312" and d.declared_from == "meta" and d.rejected
    assert HANT in d.text
    assert d.to_dict()["rejected"].startswith("gb18030")


def test_gbk_page_declaring_latin1_is_read_as_gb() -> None:
    d = decode_bytes(page(HANS, '<meta charset="iso-8859-1">').encode("gbk"))
    assert d.encoding == "gb18030" and HANS in d.text


def test_gb2312_declaration_decodes_gbk_only_characters() -> None:
    text = "副局长王堃、主任李喆出席会议。朱镕基同志的讲话。"
    with pytest.raises(UnicodeDecodeError):
        text.encode("gbk").decode("gb2312")
    d = decode_bytes(page(text, '<meta charset="gb2312">').encode("gbk"))
    assert (d.encoding, d.how, d.replaced) == ("gb18030", "declared", 0)
    assert text in d.text


@pytest.mark.parametrize("declared", [None, "gb2312"])
def test_a_few_broken_bytes_keep_the_gb_codec(declared: str | None) -> None:
    meta = f'<meta charset="{declared}">' if declared else ""
    data = page(HANS * 3, meta).encode("gbk")
    cut = data.index("团结".encode("gbk"))
    data = data[:cut] + b"\x80" + data[cut:]
    data = data.replace(b"2</p>", b"2\xb3</p>")
    d = decode_bytes(data)
    assert d.encoding == "gb18030"
    assert 1 <= d.replaced <= 3
    assert d.text.count("团结引领广大职工") == 3


def test_utf8_wins_over_a_wrong_gbk_declaration() -> None:
    d = decode_bytes(page(HANS, '<meta charset="gbk">').encode("utf-8"))
    assert (d.encoding, d.how, d.declared) == ("utf-8", "utf-8", "gbk")
    assert d.rejected == "bytes are valid UTF-8"


def test_caller_declaration_is_used_for_plain_text() -> None:
    d = decode_bytes(HANT.encode("big5"), declared="big5")
    assert (d.encoding, d.how, d.declared_from) == ("big5hkscs", "declared", "caller")


def test_bom_and_forced_encoding() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + HANS.encode()).how == "bom"
    assert decode_bytes(codecs.BOM_UTF16_LE + HANS.encode("utf-16-le")).text == HANS
    forced = decode_bytes(HANS.encode("gbk"), encoding="GBK")
    assert (forced.encoding, forced.how, forced.text) == ("gb18030", "forced", HANS)


def test_binary_input_raises() -> None:
    with pytest.raises(BinaryInput):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="GBK">', "gbk"),
        (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=big5'>", "big5"),
        (b'<?xml version="1.0" encoding="gb2312"?><html>', "gb2312"),
        (b"<html><head><title>x</title></head>", None),
    ],
)
def test_sniff_charset(head: bytes, expected: str | None) -> None:
    assert sniff_charset(head) == expected


def test_normalize_encoding_maps_to_supersets() -> None:
    assert [normalize_encoding(n) for n in ("gb2312", "GBK", "x-gbk", "big5", "cp950", "UTF8")] == [
        "gb18030",
        "gb18030",
        "gb18030",
        "big5hkscs",
        "big5hkscs",
        "utf-8",
    ]
    with pytest.raises(ValueError):
        normalize_encoding("no-such-codec")


def test_badness_orders_right_and_wrong_decodings() -> None:
    gb = HANS.encode("gbk")
    assert decoding_badness(gb.decode("gb18030")) < 0.5
    assert decoding_badness(gb.decode("big5hkscs", "replace")) > 0.8
    assert decoding_badness(gb.decode("cp1252", "replace")) > 0.8


SENTENCES = [line for p in FIXTURES.glob("*.expected.txt") for line in p.read_text(encoding="utf-8").splitlines() if line]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4), st.sampled_from(["gbk", "big5", "utf-8"]))
def test_round_trip_of_real_sentences(parts: list[str], codec: str) -> None:
    text = "\n".join(parts)
    try:
        data = page(text).encode(codec)
    except UnicodeEncodeError:
        return  # Simplified-only characters have no Big5 code
    d = decode_bytes(data)
    assert text in d.text


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        d = decode_bytes(data)
    except BinaryInput:
        return
    assert isinstance(d.text, str)


@pytest.mark.parametrize("meta", ["", '<meta charset="utf-8">'])
def test_utf8_page_with_a_truncated_character_stays_utf8(meta: str) -> None:
    data = page(HANS * 3, meta).encode("utf-8")
    cut = data.index("团结".encode())
    data = data[:cut] + "团".encode()[:2] + data[cut:]  # half a character
    d = decode_bytes(data)
    assert d.encoding == "utf-8" and d.replaced == 1
    assert d.text.count("团结引领广大职工") == 3
