"""Remove gambling-brand suffixes from titles (``高歌唱响新时代-m6米乐网页版``) and lone brand lines.

Hijacked pages append a casino brand to the title after a separator (``-``,
``_``, ``|``, ``【…】``): ``…_华体会``, ``【欧宝体育app】_欧宝体育app``,
``_必威betway中文版``, ``…_乐虎国际登录器下载``. In the first lines (the title
area) a trailing or leading segment is cut when it names a gambling brand for
sure (华体会, 必威, m6米乐 …) or a brand-like word together with a marker
(官网, 网页版, app, 下载, 登录, 平台, 入口). Site names (``-新华网``) are not
brands and stay. A line that is nothing but a brand is removed when it sits
among the first or last lines of the document; elsewhere only when the brand is a
sure one (华体会, m6米乐 ...), never for brand-like words (欧宝官网).

Reasons logged: ``title_brand_suffix``, ``title_brand_prefix``, ``brand_line``
(all kept in ``metadata["removed_spam"]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..cleaner import Cleaner
from ..detect.spam import brand_gate_regex, brand_strength, latin_gate_regex, strong_regex, vocab_coverage
from ..document import Document, Edit
from .spam_lines import line_group_edits

_SEPS = "-_|｜丨–—~－＿"
# a trailing segment: separator(s) then a short run without separators or sentence punctuation
_TAIL = re.compile(rf"\s*[{re.escape(_SEPS)}]+\s*([^{re.escape(_SEPS)}。！？!?，,：:“”【】]{{1,40}})\s*$")
_TAIL_SPACE = re.compile(r"[\s\u3000]+(\S{2,30})\s*$")
_TAIL_BRACKET = re.compile(r"\s*[【\[]([^【】\[\]]{1,40})[】\]]\s*$")
_HEAD_BRACKET = re.compile(r"^\s*[【\[]([^【】\[\]]{1,40})[】\]]\s*")
_HEAD = re.compile(rf"^\s*([^{re.escape(_SEPS)}。！？!?，,：:“”【】]{{1,40}}?)\s*[{re.escape(_SEPS)}]+\s*")
_PARTS = re.compile(rf"[{re.escape(_SEPS)}【】\[\]\s]+")
_STRIP = f" \t\n\u3000{_SEPS}【】[]"


@dataclass(frozen=True)
class BrandSuffixConfig:
    """Options for :class:`RemoveTitleBrandSuffix`.

    ``title_lines``: how many first lines count as the title area; ``edge_lines``:
    how many first and last lines may be removed whole when they are only a brand;
    ``min_strength``: 2 cuts only sure brands, 1 also brand-like words beside a
    官网/app/下载 marker; ``min_coverage``: share of a cut segment that brand and marker
    words must cover; ``line_coverage``: the same for a line removed whole;
    ``max_line_chars``: longest line removed whole as a brand line; ``max_title_chars``:
    longer lines (and lines with a 。) are paragraphs, not titles; ``body_lines``: also
    remove lines elsewhere that are nothing but a sure brand (m6米乐网页版, 华体会官网).
    """

    title_lines: int = 3
    edge_lines: int = 3
    min_strength: int = 1
    body_lines: bool = True
    min_coverage: float = 0.5
    line_coverage: float = 0.7
    max_line_chars: int = 40
    max_title_chars: int = 150


class RemoveTitleBrandSuffix(Cleaner):
    """Cut gambling-brand suffixes off title lines; drop lone brand lines at the edges.

    >>> from cnnewsclean.document import Document
    >>> doc = RemoveTitleBrandSuffix()(Document("高歌唱响新时代“咱们工人有力量”-m6米乐网页版\\n——2023年全省工会工作综述"))
    >>> doc.text.splitlines()[0], doc.metadata["removed_spam"]
    ('高歌唱响新时代“咱们工人有力量”', ['m6米乐网页版'])
    """

    name = "remove_title_brand_suffix"
    Config = BrandSuffixConfig

    def to_metadata(self, edit: Edit, doc: Document) -> None:
        value = edit.before.strip().strip(_STRIP).strip()
        if value:
            doc.metadata.setdefault("removed_spam", []).append(value)

    def _is_brand(self, segment: str) -> bool:
        c = self.config
        return brand_strength(segment) >= max(1, c.min_strength) and vocab_coverage(segment) >= c.min_coverage

    def _title_edits(self, text: str, s: int, e: int) -> tuple[list[Edit], bool]:
        """Edits cutting brand segments off the line ``text[s:e]``; True when the whole line is a brand."""
        line = text[s:e]
        if len(line) > self.config.max_title_chars or "。" in line:
            return [], False
        if not (brand_gate_regex().search(line) or latin_gate_regex().search(line)):
            return [], False
        if len(line.strip(_STRIP)) and self._is_whole_brand(line):
            return [], True
        edits: list[Edit] = []
        end = e
        while True:  # trailing segments, repeatedly: 标题【欧宝体育app】_欧宝体育app
            cur = text[s:end]
            m = _TAIL_BRACKET.search(cur) or _TAIL.search(cur)
            if not m or not self._is_brand(m.group(1)):
                # only a space before it: cut sure brands only (高歌唱响新时代 m6米乐网页版)
                m = _TAIL_SPACE.search(cur)
                if m and not (brand_strength(m.group(1)) == 2 and vocab_coverage(m.group(1)) >= self.config.line_coverage):
                    m = None
            if not m or not cur[: m.start()].strip(_STRIP):
                break
            edits.append(self.edit(text, s + m.start(), end, "", "title_brand_suffix", moved_to="removed_spam"))
            end = s + m.start()
        start = s
        while True:  # leading segments: 【欧宝体育app】标题, 华体会-标题
            cur = text[start:end]
            m = _HEAD_BRACKET.match(cur) or _HEAD.match(cur)
            if not m or not self._is_brand(m.group(1)) or not cur[m.end() :].strip(_STRIP):
                break
            edits.append(self.edit(text, start, start + m.end(), "", "title_brand_prefix", moved_to="removed_spam"))
            start += m.end()
        return edits, False

    def _is_whole_brand(self, line: str) -> bool:
        core = line.strip(_STRIP)
        if not core or len(core) > self.config.max_line_chars or not (brand_gate_regex().search(core) or latin_gate_regex().search(core)):
            return False
        parts = [p for p in _PARTS.split(core) if p]
        return bool(parts) and all(self._is_brand(p) for p in parts) and vocab_coverage(core) >= self.config.line_coverage

    def _body_brand_lines(self, text: str, start: int, stop: int) -> list[tuple[int, int, str, str | None]]:
        """Short lines between the edges that are nothing but a sure gambling brand."""
        if stop <= start:
            return []
        strong, latin = strong_regex(), latin_gate_regex()
        out: list[tuple[int, int, str, str | None]] = []
        pos = start
        for line in text[start:stop].split("\n"):
            end = pos + len(line)
            if 2 <= len(line) <= self.config.max_line_chars and "。" not in line and (strong.search(line) or latin.search(line)):
                core = line.strip(_STRIP)
                parts = [p for p in _PARTS.split(core) if p]
                if parts and all(brand_strength(p) == 2 for p in parts) and vocab_coverage(core) >= self.config.line_coverage:
                    out.append((pos, end, "brand_line", "removed_spam"))
            pos = end + 1
        return out

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        c = self.config
        spans: list[tuple[int, int]] = []
        pos = 0
        # the first lines
        while len(spans) < max(c.title_lines, c.edge_lines) and pos <= len(text):
            nl = text.find("\n", pos)
            end = len(text) if nl < 0 else nl
            spans.append((pos, end))
            if nl < 0:
                break
            pos = nl + 1
        # the last lines
        tail: list[tuple[int, int]] = []
        end = len(text)
        while len(tail) < c.edge_lines and end > 0:
            start = text.rfind("\n", 0, end) + 1
            if spans and start <= spans[-1][0]:
                break
            tail.append((start, end))
            end = start - 1
        edits: list[Edit] = []
        whole: list[tuple[int, int, str, str | None]] = []
        for i, (s, e) in enumerate(spans):
            if e - s < 2:
                continue
            if i < c.title_lines:
                found, is_whole = self._title_edits(text, s, e)
                edits.extend(found)
            else:
                is_whole = self._is_whole_brand(text[s:e])
            if is_whole and i < c.edge_lines:
                whole.append((s, e, "brand_line", "removed_spam"))
        if c.body_lines:
            body_start = spans[-1][1] + 1 if spans else 0
            body_end = tail[-1][0] - 1 if tail else len(text)
            whole.extend(self._body_brand_lines(text, body_start, body_end))
        for s, e in reversed(tail):
            if e - s >= 2 and self._is_whole_brand(text[s:e]):
                whole.append((s, e, "brand_line", "removed_spam"))
        if whole:
            edits.extend(line_group_edits(self, text, whole))
        return edits
