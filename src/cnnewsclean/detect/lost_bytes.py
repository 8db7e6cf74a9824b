"""Guess the bytes a wrong decoder lost (each U+FFFD it wrote), scored by the character LM in context.

A decoder run with ``errors="replace"`` writes one U+FFFD per byte it cannot use and
reads the next byte afresh (Python's gbk, gb18030, cp950 and cp1252 all do). Undoing
the damage means re-encoding what it wrote and filling each lost byte (a ``HOLE``)
with a value that (1) the wrong decoder would indeed have rejected before the bytes
that follow, and (2) makes the right decoding read best. :func:`fill_lost` runs a beam
search over the holes, left to right, and fills a hole only when the best reading
beats every reading with another byte there by ``margin`` nats; the others stay
``HOLE`` (the caller drops what cannot be told).

>>> lost = (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # the bytes cp1252 cannot decode
>>> data = bytes(HOLE if b in lost else b for b in "提升".encode("utf-8"))  # 提 = E6 8F 90, 升 = E5 8D 87
>>> fill_lost(data, lost, always, "utf-8", "要", "服")[0].decode()
'提升'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache, lru_cache

HOLE = 0xFF  # a byte neither UTF-8 nor GBK ever holds

#: ``rejects(data, p)``: would the wrong decoder turn ``data[p]`` alone into U+FFFD?
Rejects = Callable[[bytes, int], bool]


@lru_cache(maxsize=1 << 16)
def _rejected(codec: str, byte: int, following: bytes) -> bool:
    out = (bytes((byte,)) + following).decode(codec, "replace")
    return out[:1] == "\ufffd" and out[1:] == following.decode(codec, "replace")


@cache
def rejects_before(codec: str) -> Rejects:
    """The ``rejects`` test of a Python decoder: ``data[p]`` makes U+FFFD alone before the (up to 3) known bytes after it.

    >>> rejects_before("gbk")(b"\\x80\\xe5\\x90", 0), rejects_before("gbk")(b"\\x87\\xe5\\x90", 0)
    (True, False)
    """

    def rejects(data: bytes, p: int) -> bool:
        following = data[p + 1 : p + 4]
        cut = following.find(HOLE)
        if cut >= 0:
            following = following[:cut]
        return _rejected(codec, data[p], bytes(following))

    return rejects


def always(data: bytes, p: int) -> bool:
    """``rejects`` for decoders that reject some byte values whatever follows (cp1252's five holes)."""
    return True


#: a hole is filled only when the best reading beats every reading with another byte there by this much (nats)
FILL_MARGIN = 2.0
_BEAM = 24


def fill_lost(
    data: bytes,
    choices: Iterable[int],
    rejects: Rejects,
    target: str,
    prev: str | None,
    after: str | None,
    margin: float = FILL_MARGIN,
    score: Callable[[str, str | None], float] | None = None,
    keep: frozenset[int] = frozenset(),
    adjacent_doubles: bool = False,
    wide_beam: int = 0,
    ending: Callable[[str], float] | None = None,
) -> tuple[bytes, int]:
    """``data`` with the holes it can tell filled in, and how many.

    ``target``: the right codec; ``prev``/``after``: the text around (None: none);
    ``score(text, prev)``: log-probability (default: the shared character LM);
    ``keep``: hole positions that may also stand for themselves (a ``?`` the decoder wrote
    may be a real question mark: value 0x3F is then a choice); ``adjacent_doubles``: a hole next to
    another needs twice the margin (a whole character lost); ``wide_beam``: states kept before an
    adjacent hole, where the character is still incomplete and scores cannot tell them apart;
    ``ending(text)``: log-prior of how the text ends when nothing follows (``after`` is None).
    """
    holes = [i for i, b in enumerate(data) if b == HOLE]
    if not holes:
        return data, 0
    if score is None:
        score = _lm_logprob
    values = tuple(choices)
    # state: (score of decoded prefix, bytes, decoded prefix, cumulative scores)
    states: list[tuple[float, bytearray, str, list[float]]] = [(0.0, bytearray(data), "", [0.0])]
    for h, p in enumerate(holes):
        q = holes[h + 1] if h + 1 < len(holes) else len(data)
        nxt: dict[bytes, tuple[float, bytearray, str, list[float]]] = {}
        options = values + ((0x3F,) if p in keep else ())
        for _, buf, text, cum in states:
            for v in options:
                buf[p] = v
                if v != 0x3F or p not in keep:
                    if q > p + 1 and not rejects(buf, p):
                        continue
                if h and holes[h - 1] == p - 1 and buf[p - 1] != 0x3F and not rejects(buf, p - 1):
                    continue
                new = bytes(buf[:q]).decode(target, "replace")
                k = _common_prefix(text, new)
                total = cum[k] + score(new[k:], new[k - 1] if k else prev)
                if q == len(data) and new:
                    total += score(after, new[-1]) if after is not None else ending(new) if ending else 0.0
                key = bytes(buf[:q])
                old = nxt.get(key)
                if old is None or total > old[0]:
                    nxt[key] = (total, bytearray(buf), new, [])
        if not nxt:
            return data, 0
        # before an adjacent hole the character is incomplete and the scores cannot tell: keep all
        width = max(_BEAM, wide_beam) if q == p + 1 else _BEAM
        ranked = sorted(nxt.values(), key=lambda s: -s[0])[:width]
        states = [(s, b, t, _cumulative(t, prev, score)) for s, b, t, _ in ranked]
    best = states[0]
    out = bytearray(data)
    filled = 0
    hole_set = set(holes)
    for p in holes:
        rival = max((s for s, b, _, _ in states[1:] if b[p] != best[1][p]), default=None)
        # a byte next to another lost one is a wilder guess: the margin doubles
        need = margin * (2 if p - 1 in hole_set or p + 1 in hole_set else 1) if adjacent_doubles else margin
        if rival is None or best[0] - rival >= need:
            out[p] = best[1][p]
            filled += 1
    return bytes(out), filled


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    k = 0
    while k < n and a[k] == b[k]:
        k += 1
    return k


def _cumulative(text: str, prev: str | None, score: Callable[[str, str | None], float]) -> list[float]:
    cum = [0.0]
    for ch in text:
        cum.append(cum[-1] + score(ch, prev))
        prev = ch
    return cum


def _lm_logprob(text: str, prev: str | None) -> float:
    from ..lm import model
    from .mojibake import safe_logp

    lm = model()
    total = 0.0
    for ch in text:
        total += _memo_logp(lm, prev, ch) if prev is None or len(prev) == 1 else safe_logp(lm, prev, ch)
        prev = ch
    return total


@lru_cache(maxsize=1 << 17)
def _memo_logp(lm, prev: str | None, ch: str) -> float:  # type: ignore[no-untyped-def]
    from .mojibake import safe_logp

    return safe_logp(lm, prev, ch)
