"""Bytes to text: BOM, UTF-8, the page's declared charset, then detection.

A declared charset is trusted only when its decoding looks like real text;
every candidate decoding is scored by what a wrong guess produces (U+FFFD,
private-use and C1 characters, Latin-1 letters, rare CJK characters), so a
GBK page labelled ``big5`` or ``iso-8859-1`` still decodes, and a few broken
bytes in a GB page cost a few U+FFFD instead of switching the codec.

>>> decode_bytes("發展".encode("big5")).encoding
'big5hkscs'
>>> page = '<html><head><meta charset="big5"></head><p>发展很好，经济增长。</p></html>'.encode("gbk")
>>> d = decode_bytes(page)
>>> d.encoding, d.how, d.declared, "发展很好" in d.text
('gb18030', 'detected', 'big5', True)
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache

import regex

from .detect.charfreq import _common

#: codec names users and pages give, mapped to the superset codec we decode with
ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "gb18030": "gb18030",
    "gb_2312-80": "gb18030",
    "gb_2312": "gb18030",
    "csgb2312": "gb18030",
    "euc-cn": "gb18030",
    "ms936": "gb18030",
    "hz-gb-2312": "hz",
    "936": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "big-5": "big5hkscs",
    "csbig5": "big5hkscs",
    "ms950": "big5hkscs",
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "utf_8": "utf-8",
    "unicode": "utf-8",
    # WHATWG: these labels mean windows-1252 in browsers
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}

#: codecs that decode any byte string; a wrong one never shows U+FFFD
_SINGLE_BYTE = frozenset({"cp1252", "latin-1", "iso8859-1", "ascii", "cp1250", "cp1251", "iso8859-15", "koi8-r", "mac-roman"})

_META_CHARSET = regex.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]{2,40})""",
    regex.I,
)
_NON_ASCII = regex.compile(r"[^\x00-\x7f]+")
_SAMPLE_CHARS = 3000
#: a declared codec is kept unless another decodes clearly better (score units)
_DECLARED_MARGIN = 0.12


_CONTROL_BYTES = bytes(c for c in range(1, 32) if c not in (9, 10, 12, 13, 27))


class BinaryInput(ValueError):
    """The bytes are not text."""


@dataclass(frozen=True)
class Decoded:
    """A decoding decision: the text, the codec used and why.

    ``how`` is ``"bom"``, ``"utf-8"``, ``"declared"``, ``"detected"`` or
    ``"forced"``; ``declared`` is the charset the page (or caller) named, and
    ``rejected`` says why it was not used when it was not.
    """

    text: str
    encoding: str
    how: str
    replaced: int = 0  # undecodable byte sequences turned into U+FFFD
    declared: str | None = None
    declared_from: str | None = None  # "meta" (sniffed from the page) or "caller"
    rejected: str | None = None
    score: float | None = None  # badness of the chosen decoding (lower is better)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"encoding": self.encoding, "how": self.how, "replaced": self.replaced}
        if self.declared:
            out["declared"] = self.declared
            out["declared_from"] = self.declared_from
        if self.rejected:
            out["rejected"] = self.rejected
        if self.score is not None:
            out["score"] = round(self.score, 3)
        return out


def normalize_encoding(name: str) -> str:
    """Map a declared charset to the codec that decodes it best.

    >>> normalize_encoding("GB2312"), normalize_encoding("Big5"), normalize_encoding("ISO-8859-1")
    ('gb18030', 'big5hkscs', 'cp1252')
    """
    key = name.strip().strip("\"'").lower()
    if key in ALIASES:
        return ALIASES[key]
    try:
        return codecs.lookup(key).name
    except LookupError as exc:
        raise ValueError(f"unknown encoding {name!r}") from exc


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 64 KiB mean binary data."""
    head = data[:65536]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > len(head) * 0.05


def looks_like_html_bytes(data: bytes) -> bool:
    """A cheap test on the first bytes: a doctype, ``<html``, ``<head`` or ``<meta``."""
    head = data[:2048].lower()
    return b"<html" in head or b"<!doctype" in head or b"<head" in head or b"<meta" in head or b"<?xml" in head


def sniff_charset(data: bytes) -> str | None:
    """The charset named in a page's ``<meta>`` or XML declaration (first 16 KiB).

    >>> sniff_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb2312'
    """
    m = _META_CHARSET.search(data, 0, min(len(data), 16384))
    if not m:
        return None
    raw = m.group(1) or m.group(2)
    return raw.decode("ascii", "replace").lower()


def _decode_count(data: bytes, encoding: str) -> tuple[str, int]:
    text = data.decode(encoding, errors="replace")
    return text, text.count("\ufffd")


@cache
def _char_classes() -> dict[int, str]:
    """Translation table: character -> class letter (c common CJK, r rare CJK, f U+FFFD, p private/C1, l Latin, n neutral)."""
    table: dict[int, str] = {}
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)):
        for o in range(lo, hi + 1):
            table[o] = "r"
    for ch in _common():
        table[ord(ch)] = "c"
    for lo, hi, cls in (
        (0xE000, 0xF8FF, "p"),
        (0x80, 0x9F, "p"),
        (0xA0, 0x24F, "l"),
        (0xFF61, 0xFF9F, "l"),
        (0x3000, 0x303F, "n"),
        (0xFF01, 0xFF5E, "n"),
        (0x2010, 0x2027, "n"),
    ):
        for o in range(lo, hi + 1):
            table[o] = cls
    table[0xFFFD] = "f"
    return table


#: weight per class letter; anything else (other scripts, symbols) counts 0.6
_WEIGHTS = {"r": 1.0, "f": 6.0, "p": 4.0, "l": 1.2, "c": 0.0, "n": 0.0}


def decoding_badness(text: str) -> float:
    """How wrong a decoding looks, per non-ASCII character (0 = perfect, about 0.2-0.4 for real Chinese).

    Rare CJK characters count 1, U+FFFD 6, private-use and C1 characters 4,
    Latin-1 letters and half-width katakana (mojibake of CJK bytes) 1.2.

    >>> decoding_badness("发展很好，经济增长。") < decoding_badness("鍙戝睍寰堝ソ锛岀粡娴庡闀裤��")
    True
    """
    sample = "".join(_NON_ASCII.findall(text))
    if len(sample) > _SAMPLE_CHARS:
        step = len(sample) // _SAMPLE_CHARS + 1
        sample = sample[::step]
    n = len(sample)
    if not n:
        return 0.0
    classes = sample.translate(_char_classes())
    bad = 0.0
    known = 0
    for letter, weight in _WEIGHTS.items():
        k = classes.count(letter)
        known += k
        bad += weight * k
    bad += 0.6 * (n - known)
    return bad / n


def _score(data: bytes, codec: str) -> tuple[float, str, int]:
    text, bad = _decode_count(data, codec)
    return decoding_badness(text), text, bad


def _detector_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data[:65536]).best()
    if best is None:
        return None
    try:
        return normalize_encoding(best.encoding)
    except ValueError:
        return None


def decode_bytes(data: bytes, encoding: str | None = None, declared: str | None = None) -> Decoded:
    """Decode ``data``: forced encoding, BOM, UTF-8, declared charset, then detection.

    When ``declared`` is None and the data looks like HTML, the page's own
    ``<meta charset>`` is sniffed. Raises :class:`BinaryInput` for data that is
    not text at all.
    """
    if encoding:
        codec = normalize_encoding(encoding)
        text, bad = _decode_count(data, codec)
        return Decoded(text, codec, "forced", bad)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text, bad = _decode_count(data[len(bom) :], codec)
            return Decoded(text, codec, "bom", bad)
    if looks_binary(data):
        raise BinaryInput("input looks binary (NUL or control bytes), not text")
    declared_from = "caller" if declared else None
    if declared is None and looks_like_html_bytes(data):
        declared = sniff_charset(data)
        declared_from = "meta" if declared else None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        rejected = None
        if declared and _safe_normalize(declared) not in (None, "utf-8") and not text.isascii():
            rejected = "bytes are valid UTF-8"
        return Decoded(text, "utf-8", "utf-8", 0, declared, declared_from, rejected)
    return _choose(data, declared, declared_from)


def _safe_normalize(name: str) -> str | None:
    try:
        return normalize_encoding(name)
    except ValueError:
        return None


def _choose(data: bytes, declared: str | None, declared_from: str | None) -> Decoded:
    """Score the declared codec against the CJK codecs (and the detector when those fail)."""
    declared_codec = _safe_normalize(declared) if declared else None
    results: dict[str, tuple[float, str, int]] = {}
    if declared_codec:
        results[declared_codec] = _score(data, declared_codec)
        score, text, bad = results[declared_codec]
        # fast path: a multi-byte declared codec that decodes cleanly and reads like Chinese
        if declared_codec not in _SINGLE_BYTE and score < 0.45 and bad <= max(2, len(data) // 20000):
            return Decoded(text, declared_codec, "declared", bad, declared, declared_from, None, score)
    for codec in ("gb18030", "big5hkscs", "utf-8"):
        if codec not in results:
            results[codec] = _score(data, codec)
    best_codec = min(results, key=lambda c: results[c][0])
    if results[best_codec][0] > 0.5:
        guess = _detector_guess(data)
        if guess and guess not in results:
            results[guess] = _score(data, guess)
            if results[guess][0] < results[best_codec][0]:
                best_codec = guess
    if best_codec == "big5hkscs" and results[best_codec][2]:
        results["cp950"] = _score(data, "cp950")
        if results["cp950"][0] < results[best_codec][0]:
            best_codec = "cp950"
    rejected = None
    if declared_codec and declared_codec != best_codec:
        if results[declared_codec][0] <= results[best_codec][0] + _DECLARED_MARGIN:
            best_codec = declared_codec
        else:
            rejected = f"{declared_codec} decoding looks wrong (badness {results[declared_codec][0]:.2f})"
    elif declared and not declared_codec:
        rejected = "unknown charset name"
    score, text, bad = results[best_codec]
    how = "declared" if best_codec == declared_codec else "detected"
    return Decoded(text, best_codec, how, bad, declared, declared_from, rejected, score)
