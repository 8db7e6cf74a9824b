"""Applying, replaying, diffing and rendering edits.

>>> e = Edit("demo", 2, 4, "包養", "", "spam")
>>> apply_edits("上午包養好", [e])
'上午好'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from .document import Edit


class EditConflict(ValueError):
    """Edits of one batch overlap or fall outside the text."""


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply one batch of non-overlapping edits whose offsets index ``text``."""
    if not edits:
        return text
    return apply_sorted_edits(text, sorted(edits, key=_span_key))


def _span_key(e: Edit) -> tuple[int, int]:
    return e.start, e.end


def apply_sorted_edits(text: str, ordered: Sequence[Edit]) -> str:
    """:func:`apply_edits` for edits already sorted by ``(start, end)``."""
    parts: list[str] = []
    pos = 0
    for e in ordered:
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise EditConflict(f"edit {e.cleaner}/{e.reason} at {e.start}:{e.end} overlaps or is out of range")
        if text[e.start : e.end] != e.before:
            raise EditConflict(f"edit {e.cleaner}/{e.reason} at {e.start}:{e.end} does not match the text")
        parts.append(text[pos : e.start])
        parts.append(e.after)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def batches(edits: Iterable[Edit]) -> list[list[Edit]]:
    """Split an edit log into the batches cleaners produced (consecutive step/cleaner)."""
    out: list[list[Edit]] = []
    key: tuple[int, str] | None = None
    for e in edits:
        k = (e.step, e.cleaner)
        if k != key:
            out.append([])
            key = k
        out[-1].append(e)
    return out


def replay(original: str, edits: Iterable[Edit]) -> str:
    """Reproduce a cleaned text from the original and its edit log.

    >>> log = [Edit("a", 0, 1, "x", "", "r", step=0), Edit("b", 0, 1, "y", "Y", "r", step=1)]
    >>> replay("xyz", log)
    'Yz'
    """
    text = original
    for batch in batches(edits):
        text = apply_edits(text, batch)
    return text


def diff_to_edits(before: str, after: str, cleaner: str, reason: str, step: int = 0) -> list[Edit]:
    """Describe ``before -> after`` as compact edits (one per changed run).

    Equal-length texts (most script conversion) are compared run by run without
    a full diff; other texts use difflib on lines, then characters.

    >>> [(e.before, e.after) for e in diff_to_edits("发展很好", "發展很好", "c", "r")]
    [('发', '發')]
    """
    if before == after:
        return []
    edits: list[Edit] = []
    if len(before) == len(after):
        _equal_length_runs(before, after, 0, cleaner, reason, step, edits)
        return edits
    a_lines = before.splitlines(keepends=True)
    b_lines = after.splitlines(keepends=True)
    a_off = _offsets(a_lines)
    matcher = difflib.SequenceMatcher(a=a_lines, b=b_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old = "".join(a_lines[i1:i2])
        new = "".join(b_lines[j1:j2])
        base = a_off[i1]
        if len(old) == len(new):
            _equal_length_runs(old, new, base, cleaner, reason, step, edits)
            continue
        sub = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for t2, k1, k2, m1, m2 in sub.get_opcodes():
            if t2 != "equal":
                edits.append(Edit(cleaner, base + k1, base + k2, old[k1:k2], new[m1:m2], reason, step=step))
    return edits


def _offsets(lines: list[str]) -> list[int]:
    offs = [0]
    for line in lines:
        offs.append(offs[-1] + len(line))
    return offs


def _equal_length_runs(a: str, b: str, base: int, cleaner: str, reason: str, step: int, out: list[Edit]) -> None:
    i, n = 0, len(a)
    while i < n:
        if a[i] == b[i]:
            i += 1
            continue
        j = i + 1
        while j < n and a[j] != b[j]:
            j += 1
        out.append(Edit(cleaner, base + i, base + j, a[i:j], b[i:j], reason, step=step))
        i = j


def render_edits(original: str, edits: Sequence[Edit], context: int = 12, width: int = 60) -> str:
    """Readable list of edits, one per line, with a little context around each.

    >>> print(render_edits("上午包養好", [Edit("remove_x", 2, 4, "包養", "", "spam_keyword")]))
    remove_x  spam_keyword  上午[-包養-]好
    """
    lines: list[str] = []
    text = original
    for batch in batches(edits):
        for e in sorted(batch, key=lambda x: x.start):
            left = text[max(0, e.start - context) : e.start].replace("\n", "⏎")
            right = text[e.end : e.end + context].replace("\n", "⏎")
            change = f"[-{_short(e.before, width)}-]" if e.before else ""
            if e.after:
                change += f"{{+{_short(e.after, width)}+}}"
            moved = f"  → metadata.{e.moved_to}" if e.moved_to else ""
            lines.append(f"{e.cleaner}  {e.reason}  {left}{change}{right}{moved}")
        text = apply_edits(text, batch)
    return "\n".join(lines)


def _short(s: str, width: int) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= width else s[: width // 2] + "…" + s[-width // 2 :]
