"""Convert between Chinese script variants with OpenCC, after all repairs.

``target`` is a friendly name or a raw OpenCC config:

========  ==========================================================
hans      Simplified (``t2s``)
hant      Traditional, OpenCC standard (``s2t``)
tw        Traditional, Taiwan variants (``s2tw``)
twp       Taiwan variants and Taiwan phrases (``s2twp``: 软件→軟體)
hk        Traditional, Hong Kong variants (``s2hk``)
jp        Japanese shinjitai (``s2t`` then ``t2jp``)
s2t ...   any OpenCC config, applied as is to every document
========  ==========================================================

Every document's script (``hans``, ``hant``, ``mixed``, ``unknown``, from
:func:`cnnewsclean.detect.script.script_of`) goes to ``metadata["script"]``.

A friendly target converts a document already in its script only where the
text has leftover characters of the other script: 002's host is Traditional
but keeps 于 后 里 么 from an incomplete conversion. No OpenCC config does
that by itself: ``s2t`` on Traditional text turns valid 群 峰 吃 into OpenCC's
preferred 羣 峯 喫 and, its phrases being keyed by Simplified text, turns 長征
into 長徵; ``s2tw`` turns Hong Kong 裏 into 裡. So a character is a leftover
only if it is a Simplified form that every Traditional standard changes
(:func:`leftover_chars`) and the ``s2t``, Taiwan and Hong Kong renderings of
its line, converted through Simplified so that phrases see Simplified
neighbours, all change it (:func:`traditional_leftovers`); for Simplified
targets, where ``t2s``, ``tw2s`` and ``hk2s`` all change it
(:func:`simplified_leftovers`). Mixed documents are treated the same way (what
was already valid stays as it was); documents in the other script are
converted fully with the target's config. ``leftovers_only=False`` converts
every document fully.

Reasons (edit slugs):

- ``script_converted``: lines converted to the target script (one edit per
  run of consecutive changed lines, which keeps the log compact and its cost
  a small fraction of the conversion).
- ``leftover_other_script``: in a document already in (or mixed with) the
  target script, one run of leftover characters of the other script converted.

>>> from cnnewsclean.document import Document
>>> doc = ConvertScript(target="hant")(Document("四川有兩位工匠先后被選，本屆運動又有兩人進圍候選名單。"))
>>> doc.text, doc.metadata["script"]
('四川有兩位工匠先後被選，本屆運動又有兩人進圍候選名單。', 'hant')
>>> ConvertScript(target="hans")(Document("廣東省總工會團結動員職工")).text
'广东省总工会团结动员职工'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..cleaner import Cleaner
from ..detect.script import count_script_chars, script_of
from ..document import Document, Edit
from ..edits import apply_edits, diff_to_edits
from ..script_backend import OPENCC_CONFIGS, get_backend, get_converter

#: friendly name -> (family the target belongs to, OpenCC config)
FRIENDLY: dict[str, tuple[str, str]] = {
    "hans": ("hans", "t2s"),
    "hant": ("hant", "s2t"),
    "tw": ("hant", "s2tw"),
    "twp": ("hant", "s2twp"),
    "hk": ("hant", "s2hk"),
    "jp": ("jp", "t2jp"),
}
ALIASES = {
    "zh-hans": "hans",
    "zh-cn": "hans",
    "simplified": "hans",
    "zh-hant": "hant",
    "traditional": "hant",
    "zh-tw": "tw",
    "zh-hk": "hk",
}
#: configs each leftover check uses, by the family of the target
FAMILY_REFERENCES = {"hans": ("t2s", "tw2s", "hk2s"), "hant": ("t2s", "s2t", "t2tw", "t2hk")}

REASON_CONVERTED = "script_converted"
REASON_LEFTOVER = "leftover_other_script"

#: cleaners that must have run before conversion (all repairs)
_REPAIRS = (
    "extract_html",
    "normalize_layout",
    "decode_html_entities",
    "repair_encoding_mixups",
    "repair_gbk_bytes",
    "remove_pinyin_annotations",
    "restore_fullwidth_punctuation",
    "repair_small_damage",
    "remove_spam_lines",
    "remove_county_tail",
    "remove_title_brand_suffix",
    "remove_page_chrome",
    "remove_captions",
    "rejoin_broken_paragraphs",
    "remove_injected_keywords",
    "remove_injected_fiction",
    "score_spun_text",
)

#: a document longer than this has its script detected on three windows of it
DETECT_SAMPLE = 450

_CHANGED = re.compile(rb"[^\x00]+")


def normalize_target(target: str | None) -> str | None:
    """The canonical target (friendly name or OpenCC config), or None for no conversion.

    >>> normalize_target("Zh-Hant"), normalize_target("s2twp.json"), normalize_target("")
    ('hant', 's2twp', None)
    """
    if target is None:
        return None
    t = target.strip().lower().replace("_", "-")
    if not t:
        return None
    t = ALIASES.get(t, t)
    if t.endswith(".json"):
        t = t[:-5]
    if t in FRIENDLY or t in OPENCC_CONFIGS:
        return t
    known = ", ".join([*FRIENDLY, *sorted(OPENCC_CONFIGS)])
    raise ValueError(f"unknown script target {target!r}; use one of: {known}")


@dataclass(frozen=True)
class ScriptOptions:
    """Options of :class:`ConvertScript`.

    ``target``: friendly name (hans, hant, tw, twp, hk, jp) or OpenCC config
    (s2t, t2s, s2twp ...); None or "" means no conversion (the cleaner does
    nothing). ``leftovers_only``: a friendly target converts a document already
    in its script (or mixed) only at leftover characters of the other script.
    ``mixed_share``: minority-script share from which a document is "mixed".
    """

    target: str | None = None
    leftovers_only: bool = True
    mixed_share: float = 0.1

    def __post_init__(self) -> None:
        normalize_target(self.target)  # fail early on typos
        if not 0.0 < self.mixed_share <= 0.5:
            raise ValueError("mixed_share must be in (0, 0.5]")


class ConvertScript(Cleaner):
    """Convert the text to another Chinese script variant with OpenCC (off unless a target is given)."""

    Config = ScriptOptions
    runs_after = _REPAIRS

    def __init__(self, config: ScriptOptions | None = None, /, **options: object) -> None:
        super().__init__(config, **options)
        self._target = normalize_target(self.config.target)
        if self._target is not None:
            needed = set(self._configs_for("hans")) | set(self._configs_for("hant"))
            if self._target in FRIENDLY and self._target != "jp":
                needed |= set(FAMILY_REFERENCES[FRIENDLY[self._target][0]])
            backend = get_backend()
            missing = needed - backend.configs()
            if missing:
                raise ValueError(f"{backend.name} cannot convert to {self._target!r}: it lacks {', '.join(sorted(missing))}")

    # -- planning -------------------------------------------------------
    def _configs_for(self, script: str) -> tuple[str, ...]:
        """OpenCC configs to apply, in order, to a document in ``script``."""
        t = self._target
        assert t is not None
        if t not in FRIENDLY:
            return (t,)
        family, config = FRIENDLY[t]
        if family == "jp":  # t2jp knows only Traditional input: complete it first
            return ("s2t", "t2jp")
        return (config,)

    def _leftover_family(self, script: str) -> str | None:
        """``"hans"``/``"hant"`` when only leftovers of the other script may change, else None."""
        t = self._target
        if not self.config.leftovers_only or t not in FRIENDLY:
            return None
        family = FRIENDLY[t][0]
        if family not in ("hans", "hant") or script not in (family, "mixed"):
            return None
        return family

    # -- the cleaner ----------------------------------------------------
    def quick_check(self, text: str) -> bool:
        return self._target is not None

    def find_edits(self, text: str, doc: Document) -> list[Edit]:
        return self.convert(text, doc)[0]

    def __call__(self, doc: Document, step: int = 0) -> Document:
        text = doc.text
        if not text:
            return doc
        if not self.quick_check(text):
            # no conversion asked for: still say which script the document is in (a bounded sample)
            doc.metadata["script"] = detect_script(text, self.config.mixed_share)
            return doc
        edits, new_text = self.convert(text, doc, step)
        if edits:
            doc.edits.extend(edits)
            doc.text = new_text
        return doc

    def convert(self, text: str, doc: Document, step: int = 0) -> tuple[list[Edit], str]:
        """Edits (against ``text``) and the converted text; records the script in metadata."""
        script = detect_script(text, self.config.mixed_share)
        doc.metadata["script"] = script
        configs = self._configs_for(script)
        family = self._leftover_family(script)
        if family == "hant":
            edits = traditional_leftovers(text, configs[-1], self.name, step)
        elif family == "hans":
            edits = simplified_leftovers(text, self.name, step)
        else:
            converted = text
            for config in configs:
                converted = get_converter(config).convert(converted)
            edits = paragraph_edits(text, converted, self.name, REASON_CONVERTED, step)
            if edits:
                doc.metadata["script_conversion"] = "+".join(configs)
            return edits, converted if edits else text
        if not edits:
            return [], text
        doc.metadata["script_conversion"] = "leftovers:" + configs[-1]
        return edits, apply_edits(text, edits)


def detect_script(text: str, mixed_share: float) -> str:
    """The document's script, judged on a small sample first and a larger one when unclear.

    A 150-character sample that holds at least 15 characters of one script and
    none of the other decides at once (most documents); anything less clear is
    judged on the 450-character sample.

    >>> detect_script("廣東省總工會團結動員職工奮進新征程。" * 40, 0.1)
    'hant'
    """
    if len(text) > DETECT_SAMPLE:
        s, t = count_script_chars(_detection_sample(text, DETECT_SAMPLE // 3))
        if min(s, t) == 0 and max(s, t) >= 15:
            return "hans" if s else "hant"
    return script_of(_detection_sample(text), mixed_share)


def _detection_sample(text: str, size: int = 0) -> str:
    """The text, or three windows of it around 1/6, 1/2 and 5/6 of its length.

    Counting script characters costs about as much per character as OpenCC's
    conversion, so long documents are judged on a bounded sample (away from
    the very start, where leftover page headers sit).

    >>> len(_detection_sample("發" * 100_000))
    450
    """
    n = len(text)
    size = size or DETECT_SAMPLE
    if n <= size:
        return text
    w = size // 3
    starts = (n // 6 - w // 2, n // 2 - w // 2, 5 * n // 6 - w // 2)
    return "".join(text[max(0, s) : max(0, s) + w] for s in starts)


def paragraph_edits(before: str, after: str, cleaner: str, reason: str, step: int = 0) -> list[Edit]:
    """One edit per run of consecutive changed lines (conversion keeps the line structure).

    Comparing whole lines costs a small fraction of the conversion itself; a
    character-level diff of densely converted text, or one Edit object per
    paragraph, costs more than the 20% of conversion time we allow for logging.

    >>> [(e.start, e.before, e.after) for e in paragraph_edits("標題\\n正文\\n發展\\n動員", "标题\\n正文\\n发展\\n动员", "c", "r")]
    [(0, '標題', '标题'), (6, '發展\\n動員', '发展\\n动员')]
    """
    if before == after:
        return []
    a_lines = before.split("\n")
    b_lines = after.split("\n")
    if len(a_lines) != len(b_lines):
        return diff_to_edits(before, after, cleaner, reason, step)
    edits: list[Edit] = []
    pos = bpos = 0
    a0 = b0 = a1 = b1 = -1
    for la, lb in zip(a_lines, b_lines, strict=True):
        if la != lb:
            if a0 < 0:
                a0, b0 = pos, bpos
            a1, b1 = pos + len(la), bpos + len(lb)
        elif a0 >= 0:
            edits.append(Edit(cleaner, a0, a1, before[a0:a1], after[b0:b1], reason, None, step))
            a0 = -1
        pos += len(la) + 1
        bpos += len(lb) + 1
    if a0 >= 0:
        edits.append(Edit(cleaner, a0, a1, before[a0:a1], after[b0:b1], reason, None, step))
    return edits


def change_mask(a: str, b: str) -> bytes:
    """One byte per character of equal-length ``a`` and ``b``: zero where they agree.

    Compares UTF-32 code units with big-integer XOR, so no Python loop runs
    per character.

    >>> [byte != 0 for byte in change_mask("先后于", "先後於")]
    [False, True, True]
    """
    if len(a) != len(b):
        raise ValueError("change_mask needs texts of equal length")
    ab = a.encode("utf-32-le", "surrogatepass")
    bb = b.encode("utf-32-le", "surrogatepass")
    x = int.from_bytes(ab, "little") ^ int.from_bytes(bb, "little")
    x |= (x >> 8) | (x >> 16)  # code points < 2**21: byte 3 is always 0
    return x.to_bytes(len(ab), "little")[0::4]


def changed_runs(a: str, b: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each maximal run where equal-length ``a`` and ``b`` differ.

    >>> changed_runs("先后于里", "先後於里")
    [(1, 3)]
    """
    return [m.span() for m in _CHANGED.finditer(change_mask(a, b))]


def _flags(mask: bytes) -> int:
    """The mask as an integer with bit 0 of byte i set where mask[i] is non-zero."""
    return int.from_bytes(mask.translate(_TO_FLAG), "little")


_TO_FLAG = bytes([0] + [1] * 255)


def _runs_of_flags(flags: int, n: int) -> list[tuple[int, int]]:
    return [m.span() for m in _CHANGED.finditer(flags.to_bytes(n, "little"))]


def _aligned_units(text: str, others: Sequence[str]) -> list[tuple[int, str, list[str]]]:
    """``(offset, piece, pieces of others)``: the whole text when all align, else each line that does."""
    if all(len(o) == len(text) for o in others):
        return [(0, text, list(others))]
    lines = text.split("\n")
    other_lines = [o.split("\n") for o in others]
    if any(len(ol) != len(lines) for ol in other_lines):  # pragma: no cover - OpenCC keeps newlines
        return []
    units = []
    pos = 0
    for k, line in enumerate(lines):
        pieces = [ol[k] for ol in other_lines]
        if all(len(p) == len(line) for p in pieces):
            units.append((pos, line, pieces))
        pos += len(line) + 1
    return units


#: the rendering of a leftover for each Traditional target (phrases are not applied to Traditional text)
_TRADITIONAL_RENDERING = {"s2t": 0, "s2tw": 1, "s2twp": 1, "s2hk": 2}


def traditional_leftovers(text: str, config: str, cleaner: str, step: int = 0) -> list[Edit]:
    """Edits for the Simplified characters left in Traditional (or mixed) text.

    OpenCC's ``s2t`` expects Simplified input: on Traditional text its phrases
    miss (長征 becomes 長徵) and it swaps valid variants (群→羣). So only lines
    holding a possible leftover (see :func:`leftover_chars`) are looked at;
    they are rendered through Simplified (``t2s`` then ``s2t``, and from that
    ``t2tw`` and ``t2hk``), and a character is a leftover where it is in
    :func:`leftover_chars`, ``t2s`` leaves it alone and all three Traditional
    renderings of its context differ from it. Leftovers take the target's
    rendering, one edit per run.

    >>> [(e.before, e.after) for e in traditional_leftovers("長征火箭先后發射，群眾在這里觀看", "s2t", "c")]
    [('后', '後'), ('里', '裏')]
    """
    chars, pattern = _leftover_table()
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        spans.append((start, end))
        pos = end + 1
    if not spans:
        return []
    lines = [text[a:b] for a, b in spans]
    sub = "\n".join(lines)
    simp = get_converter("t2s").convert(sub)
    base = get_converter("s2t").convert(simp)
    tw = get_converter("t2tw").convert(base)
    hk = get_converter("t2hk").convert(base)
    pick = _TRADITIONAL_RENDERING[config]
    sub_starts = []
    k = 0
    for line in lines:
        sub_starts.append(k)
        k += len(line) + 1
    edits: list[Edit] = []
    for off, piece, (p_simp, p_base, p_tw, p_hk) in _aligned_units(sub, (simp, base, tw, hk)):
        n = len(piece)
        if p_base == piece:
            continue
        flags = int.from_bytes(b"\x01" * n, "little") ^ _flags(change_mask(piece, p_simp))  # set: t2s keeps it
        for rendering in (p_base, p_tw, p_hk):
            flags &= _flags(change_mask(piece, rendering))
        if not flags:
            continue
        render = (p_base, p_tw, p_hk)[pick]
        for i, j in _runs_of_flags(flags, n):
            for a, b in _sub_runs(piece, i, j, chars.__contains__):
                line_no = bisect.bisect_right(sub_starts, off + a) - 1
                shift = spans[line_no][0] - sub_starts[line_no]
                edits.append(Edit(cleaner, off + a + shift, off + b + shift, piece[a:b], render[a:b], REASON_LEFTOVER, None, step))
    return edits


_LEFTOVER_TABLE: list[tuple[frozenset[str], re.Pattern[str]]] = []


def leftover_chars() -> frozenset[str]:
    """Characters that can be Simplified leftovers in Traditional text (built once per process).

    Those CJK characters that ``t2s`` leaves alone and that ``s2t``, ``s2tw``
    and ``s2hk`` all change when the character stands alone: 于 后 里 么 干 范,
    but not 群 台 (valid in Taiwan/Hong Kong) or 家 具 (shared; only phrases
    turn 家具 into 傢俱).

    >>> {"于", "后", "里", "么"} <= leftover_chars(), {"群", "台", "家", "長"} & leftover_chars()
    (True, set())
    """
    return _leftover_table()[0]


def _leftover_table() -> tuple[frozenset[str], re.Pattern[str]]:
    if not _LEFTOVER_TABLE:
        candidates = [chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000)) for c in range(*r)]
        joined = "\n".join(candidates)
        base = get_converter("s2t").convert(joined)
        renderings = [base, get_converter("t2tw").convert(base), get_converter("t2hk").convert(base), get_converter("t2s").convert(joined)]
        columns = [r.split("\n") for r in renderings]
        keep = frozenset(c for c, b, t, h, s in zip(candidates, *columns, strict=True) if b != c and t != c and h != c and s == c)
        pattern = re.compile("[" + "".join(sorted(keep)) + "]")
        _LEFTOVER_TABLE.append((keep, pattern))
    return _LEFTOVER_TABLE[0]


def _sub_runs(text: str, i: int, j: int, keep: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Maximal runs inside ``text[i:j]`` whose characters all satisfy ``keep``."""
    out: list[tuple[int, int]] = []
    start = -1
    for k in range(i, j):
        if keep(text[k]):
            if start < 0:
                start = k
        elif start >= 0:
            out.append((start, k))
            start = -1
    if start >= 0:
        out.append((start, j))
    return out


def simplified_leftovers(text: str, cleaner: str, step: int = 0) -> list[Edit]:
    """Edits for the Traditional characters left in Simplified (or mixed) text.

    ``t2s`` maps Traditional forms to Simplified almost without ambiguity, so
    a run of its changes is kept where ``tw2s`` and ``hk2s`` (which first undo
    Taiwan and Hong Kong variants) change every character of it too.

    >>> [(e.before, e.after) for e in simplified_leftovers("广东各级工会聚焦職工思想引领", "c")]
    [('職', '职')]
    """
    converted = get_converter("t2s").convert(text)
    if converted == text:
        return []
    refs = [get_converter(r).convert(text) for r in ("tw2s", "hk2s")]
    edits: list[Edit] = []
    for off, piece, pieces in _aligned_units(text, (converted, *refs)):
        target, ref_pieces = pieces[0], pieces[1:]
        if target == piece:
            continue
        changed = _flags(change_mask(piece, target))
        agreed = changed
        for r in ref_pieces:
            agreed &= _flags(change_mask(piece, r))
        agreed_bytes = agreed.to_bytes(len(piece), "little")
        for i, j in _runs_of_flags(changed, len(piece)):
            if 0 not in agreed_bytes[i:j]:
                edits.append(Edit(cleaner, off + i, off + j, piece[i:j], target[i:j], REASON_LEFTOVER, None, step))
    return edits
