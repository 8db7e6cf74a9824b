"""Bytes to text: UTF-8 first, then GB18030 / Big5, with the decision recorded.

>>> decode_bytes("發展".encode("big5")).encoding
'big5hkscs'
>>> decode_bytes("发展很好".encode("gbk")).encoding
'gb18030'
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

#: codec names users and pages give, mapped to the superset codec we decode with
ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030",
    "big5": "big5hkscs", "cp950": "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs",
    "utf8": "utf-8", "utf-8": "utf-8", "utf_8": "utf-8",
}


class BinaryInput(ValueError):
    """The bytes are not text."""


@dataclass(frozen=True)
class Decoded:
    """A decoding decision: the text, the codec used and why."""

    text: str
    encoding: str
    how: str  # "bom", "utf-8", "declared", "detected", "forced"
    replaced: int = 0  # undecodable byte sequences turned into U+FFFD

    def to_dict(self) -> dict[str, object]:
        return {"encoding": self.encoding, "how": self.how, "replaced": self.replaced}


def normalize_encoding(name: str) -> str:
    """Map a declared charset to the codec that decodes it best.

    >>> normalize_encoding("GB2312"), normalize_encoding("Big5")
    ('gb18030', 'big5hkscs')
    """
    key = name.strip().lower()
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
    controls = sum(head.count(bytes([c])) for c in range(1, 32) if c not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def _decode_count(data: bytes, encoding: str) -> tuple[str, int]:
    text = data.decode(encoding, errors="replace")
    return text, text.count("\ufffd")


def decode_bytes(data: bytes, encoding: str | None = None, declared: str | None = None) -> Decoded:
    """Decode ``data``: forced encoding, BOM, UTF-8, declared charset, then detection.

    Raises :class:`BinaryInput` for data that is not text at all.
    """
    if encoding:
        codec = normalize_encoding(encoding)
        text, bad = _decode_count(data, codec)
        return Decoded(text, codec, "forced", bad)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text, bad = _decode_count(data[len(bom):], codec)
            return Decoded(text, codec, "bom", bad)
    if looks_binary(data):
        raise BinaryInput("input looks binary (NUL or control bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    if declared:
        try:
            candidates.append(normalize_encoding(declared))
        except ValueError:
            pass
    candidates += [c for c in ("gb18030", "big5hkscs", "utf-8") if c not in candidates]
    scored = []
    for i, codec in enumerate(candidates):
        text, bad = _decode_count(data, codec)
        scored.append((_badness(text, bad), i, codec, text, bad))
    scored.sort()
    _, _, codec, text, bad = scored[0]
    how = "declared" if declared and codec == candidates[0] else "detected"
    return Decoded(text, codec, how, bad)


def _badness(text: str, replaced: int) -> float:
    """Lower is better: replacement chars, private-use and rare CJK characters."""
    if not text:
        return 0.0
    pua = sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff")
    from .detect.charfreq import rare_share

    return (replaced * 5 + pua * 3) / len(text) + rare_share(text)
