"""Microsoft cp936 (GBK) with its Private Use Area cells, byte by byte.

Python's ``gbk`` codec rejects the user-defined and unassigned cells, and its
``gb18030`` maps some of them (FE85) to real characters. Windows' cp936 maps
them to the PUA: AAA1–AFFE → U+E000–E233, F8A1–FEFE → U+E234–E4C5,
A140–A7A0 → U+E4C6–E765, and every other unassigned cell in code order →
U+E766–E864. Text decoded by such a decoder is what broken GBK pipelines
leave behind, so the repair needs this exact table in both directions.

>>> decode_pair(0xFE, 0x85), encode_char("\\ue849").hex(), encode_char("國").hex()
('\\ue849', 'fe85', '87f8')
>>> broken_decode(bytes.fromhex("a121b1c8ab87f8d5fe8566"))
'?!比珖\\ue268\\ue849f'
"""

from __future__ import annotations

from functools import cache

#: first and last code points the cp936 table uses in the Private Use Area
PUA_FIRST = "\ue000"
PUA_LAST = "\ue864"

_TRAILS = tuple(range(0x40, 0x7F)) + tuple(range(0x80, 0xFF))


def is_lead(b: int) -> bool:
    """True for a byte that starts a double-byte cell (0x81–0xFE)."""
    return 0x81 <= b <= 0xFE


def is_trail(b: int) -> bool:
    """True for a byte that can end a double-byte cell (0x40–0x7E, 0x80–0xFE)."""
    return 0x40 <= b <= 0xFE and b != 0x7F


def _user_defined(lead: int, trail: int) -> int:
    """Which user-defined block a cell is in (1, 2, 3) or 0."""
    if 0xAA <= lead <= 0xAF and trail >= 0xA1:
        return 1
    if 0xF8 <= lead <= 0xFE and trail >= 0xA1:
        return 2
    if 0xA1 <= lead <= 0xA7 and trail <= 0xA0:
        return 3
    return 0


@cache
def decode_table() -> dict[int, str]:
    """Every double-byte cell (``lead << 8 | trail``) to its character."""
    table: dict[int, str] = {}
    blocks: dict[int, list[int]] = {1: [], 2: [], 3: [], 0: []}
    for lead in range(0x81, 0xFF):
        for trail in _TRAILS:
            code = lead << 8 | trail
            try:
                table[code] = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                blocks[_user_defined(lead, trail)].append(code)
    nxt = 0xE000
    for key in (1, 2, 3, 0):
        for code in blocks[key]:
            table[code] = chr(nxt)
            nxt += 1
    assert nxt == 0xE865, hex(nxt)
    return table


@cache
def encode_table() -> dict[str, int]:
    """Character to its cell (``lead << 8 | trail``)."""
    return {ch: code for code, ch in decode_table().items()}


def decode_pair(lead: int, trail: int) -> str | None:
    """The character of one cell, or None when the bytes are not a cell."""
    return decode_table().get(lead << 8 | trail)


def encode_char(ch: str) -> bytes | None:
    """The cp936 bytes of one character (ASCII included), or None."""
    if ch < "\x80":
        return ch.encode("ascii")
    code = encode_table().get(ch)
    return None if code is None else bytes((code >> 8, code & 0xFF))


def is_pua(ch: str) -> bool:
    """True for a code point of the cp936 PUA block."""
    return PUA_FIRST <= ch <= PUA_LAST


def broken_decode(data: bytes) -> str:
    """Decode like the broken pipeline: cp936 with PUA, ``?`` for invalid pairs.

    A lead 0x81–0xA0 followed by a non-trail byte eats both; a lead 0xA1–0xFE
    eats only itself. A byte 0x80 or 0xFF alone becomes ``?``.
    """
    table = decode_table()
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if is_lead(b) and i + 1 < n and is_trail(data[i + 1]):
            out.append(table[b << 8 | data[i + 1]])
            i += 2
            continue
        out.append("?")
        i += 2 if (0x81 <= b <= 0xA0 and i + 1 < n) else 1
    return "".join(out)
