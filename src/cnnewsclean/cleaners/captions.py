"""Photo captions: marked ones (``▲ …  林景余/攝``, ``… 資料圖``) and unmarked runs.

Captions leave the text and go to ``metadata["captions"]`` (without the mark
and the credit); names in a credit go to ``metadata["photographers"]``.

Unmarked captions are short lines that describe a photo: they open with a
date (``2023年3月14日，公益律师为职工讲解法律知识。``) or name a scene
without a full stop (``…决赛现场``). They are removed only where the
signals agree: a run of two or more such lines right under the title block,
or a run next to a lone ``……`` line (a gallery separator). A single
caption-like line elsewhere is kept and recorded as a low-confidence
``caption_candidate`` flag.

Reasons logged: ``marked_caption`` (a ▲/△ mark, 图为, or a photo credit at
the end), ``unmarked_caption`` (a run as above), ``caption_separator`` (the
``……`` line between captions), ``ellipsis_line`` (a lone ``……`` that
``remove_page_chrome`` left here because a date-led line stood next to it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..cleaner import Cleaner, iter_lines
from ..detect.chrome import DATE_LEAD, ELLIPSIS_LINE, HAN, YEAR_LEAD, looks_like_name, strip_heading_marks
from ..document import Document, Edit
from .chrome import removal_spans

#: first characters of caption marks and last characters of photo credits (cheap pre-check)
_MARK_FIRST = frozenset("▲△▼▽↑↓☝⬆⬇图圖上下左右")
_CREDIT_LAST = frozenset("摄攝影图圖片国國发發)）")
_MARK = re.compile(
    r"^[▲△▼▽↑↓☝⬆⬇]\s*|^(?:图为|圖為|图片说明|圖片說明|图注|圖注|[上下左右]图|[上下左右]圖|图\s*\d+|圖\s*\d+)\s*[:：]\s*|^(?=图为|圖為)"
)
_SHOT_TAIL = re.compile(r"\s*[/／|]?\s*(?:摄|攝|拍摄|拍攝|摄影|攝影)\s*[)）]?$")
_ROLE_SPLIT = re.compile(r"(?:记者|記者|通讯员|通訊員|摄影师|攝影師|摄影记者|攝影記者)\s*[:：]?")
_TOKEN = re.compile(r"[(（]?[^\s(（]+")
_CREDIT_SOURCE = re.compile(
    r"(?:\s+|[/／|]|[(（])\s*(?P<src>资料图片|資料圖片|资料图|資料圖|网络图片|網絡圖片|网络配图|網絡配圖|视觉中国|視覺中國|图虫创意|圖蟲創意|"
    rf"新华社发|新華社發|[{HAN}]{{0,10}}?供图|[{HAN}]{{0,10}}?供圖|图片来源[:：]?\s*[^\s()（）]{{1,20}}|圖片來源[:：]?\s*[^\s()（）]{{1,20}})\s*[)）]?$"
)
_SENT = re.compile(r"[。！？!?]")
_CLAUSE = re.compile(r"[，,；;：:]")
#: what follows the date in a caption: an optional time of day, then a comma
_SCENE_START = re.compile(r"(?:上午|下午|晚上|晚间|晚間|凌晨|中午|早上|早晨|傍晚|夜间|夜間)?\s*[，,]")
_OPENERS = ("“", "「", "『", '"')


@dataclass(frozen=True)
class CaptionOptions:
    """Options for :class:`RemoveCaptions`.

    ``max_caption``: the longest line taken as a marked caption;
    ``max_unmarked``: the longest unmarked caption line. ``min_run``: how
    many unmarked caption lines right under the title are needed to remove
    them (fewer are only flagged). ``unmarked``: set False to remove marked
    captions only.
    """

    max_caption: int = 120
    max_unmarked: int = 70
    min_run: int = 2
    unmarked: bool = True


class RemoveCaptions(Cleaner):
    """Move photo captions (▲ marks, photo credits, runs of date-led scene lines) to metadata.

    >>> from cnnewsclean.document import Document
    >>> doc = RemoveCaptions()(Document("標題\\n正文一段。\\n▲ 廣東工人藝術團送文藝進企業  林景余/攝\\n正文二段。"))
    >>> doc.text
    '標題\\n正文一段。\\n正文二段。'
    >>> doc.metadata["captions"], doc.metadata["photographers"]
    (['廣東工人藝術團送文藝進企業'], ['林景余'])
    """

    Config = CaptionOptions

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        cfg: CaptionOptions = self.config
        raw = text.split("\n")
        if text.endswith("\n"):
            raw.pop()  # the lines iter_lines gives: none after a final newline
        lines = list(map(str.strip, raw))
        n = len(lines)
        reasons: list[str | None] = [None] * n
        longest = cfg.max_caption + 40
        for i, line in enumerate(lines):
            if line and len(line) <= longest and _may_be_marked(line) and _marked(line) is not None:
                reasons[i] = "marked_caption"
        if cfg.unmarked:
            self._unmarked(lines, reasons, doc, "…" in text or "..." in text or "。。。" in text)
        if reasons.count(None) == n:
            return []
        removal = removal_spans(text, list(iter_lines(text)), [r is not None for r in reasons])
        edits: list[Edit] = []
        for reason, (s, e) in zip(reasons, removal, strict=True):
            if reason is not None:
                moved = "captions" if reason.endswith("caption") else None
                edits.append(self.edit(text, s, e, "", reason, moved))
        return edits

    def _unmarked(self, lines: list[str], reasons: list[str | None], doc: Document, ellipsis: bool = True) -> None:
        """Unmarked captions; ``ellipsis``: False when the text holds no ellipsis (no separator line)."""
        cfg: CaptionOptions = self.config
        n = len(lines)
        kinds = [_candidate(line, cfg.max_unmarked) if line[:1].isdigit() and reasons[i] is None else None for i, line in enumerate(lines)]
        # 1. runs next to a lone ellipsis line
        for k, line in enumerate(lines if ellipsis else ()):
            if not line or len(line) > 12 or reasons[k] is not None or not ELLIPSIS_LINE.fullmatch(line):
                continue
            near: list[int] = []
            i = k - 1
            while i >= 0 and kinds[i] is not None and reasons[i] is None and k - i <= 5:
                near.append(i)
                i -= 1
            i = k + 1
            while i < n and kinds[i] is not None and reasons[i] is None and i - k <= 5:
                near.append(i)
                i += 1
            if any(kinds[i] == "dated" for i in near):
                for i in near:
                    reasons[i] = "unmarked_caption"
                reasons[k] = "caption_separator"
            else:
                reasons[k] = "ellipsis_line"
        # 2. a run right under the title block
        start = _header_end(lines, doc, reasons)
        j = start
        run: list[int] = []
        while j < n and (kinds[j] is not None or reasons[j] is not None) and j - start < 6:
            if kinds[j] is not None:
                run.append(j)
            j += 1
        if run and any(kinds[i] == "dated" for i in run):
            follows_body = j < n and _body_like(lines[j])
            if len(run) >= cfg.min_run and follows_body:
                for i in run:
                    reasons[i] = "unmarked_caption"
            else:
                for i in run:
                    doc.flag("caption_candidate", line=i, text=lines[i][:80], why="single line under the title")
        # 3. anything else that looks like a caption is only flagged
        for i, kind in enumerate(kinds if "dated" in kinds else ()):
            if kind == "dated" and reasons[i] is None and i >= start and len(lines[i]) <= 60:
                doc.flag("caption_candidate", line=i, text=lines[i][:80], why="date-led one-sentence line")

    def to_metadata(self, edit: Edit, doc: Document) -> None:
        """Keep the caption text (mark and credit stripped) and the photographers."""
        line = edit.before.strip()
        got = _marked(line) if edit.reason == "marked_caption" else (line, [])
        caption, names = got if got is not None else (line, [])
        doc.metadata.setdefault("captions", []).append(caption or line)
        if names:
            have = doc.metadata.setdefault("photographers", [])
            have.extend(x for x in names if x not in have)


def _may_be_marked(line: str) -> bool:
    return line[0] in _MARK_FIRST or line[-1] in _CREDIT_LAST or "来源" in line or "來源" in line


def _marked(line: str) -> tuple[str, list[str]] | None:
    """``(caption text, photographer names)`` for a marked caption, else None."""
    mark = _MARK.match(line)
    body = line[mark.end() :] if mark else line
    names: list[str] = []
    cut = _shot_credit(body, names)
    if cut is None:
        credit = _CREDIT_SOURCE.search(body)
        cut = credit.start() if credit is not None else None
    if cut is not None:
        text = body[:cut].strip().rstrip("(（/／|").strip()
        if not text or len(_SENT.findall(text.rstrip("。"))) > 1:
            return None
        return text, names
    if mark is not None and body.strip() and len(_SENT.findall(body.rstrip("。！？!? "))) <= 1:
        return body.strip(), names
    return None


def _shot_credit(body: str, names: list[str]) -> int | None:
    """Where a ``… 林景余/攝`` / ``(新华社记者 张三 摄)`` credit starts; fills ``names``."""
    m = _SHOT_TAIL.search(body)
    if m is None:
        return None
    head = body[: m.start()]
    cut = len(head)
    found: list[str] = []
    for tok in reversed(_tokens(head)):
        word = tok.group().lstrip("(（")
        roles = list(_ROLE_SPLIT.finditer(word))
        role = roles[-1] if roles else None
        if role is not None:
            name = word[role.end() :]
            if name and not looks_like_name(name):
                break
            if name:
                found.append(name)
            cut = tok.start()
            break
        if not looks_like_name(word):
            break
        found.append(word)
        cut = tok.start()
        if len(found) >= 4:
            break
    if not found or cut == 0:
        return None
    names.extend(reversed(found))
    return cut


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _candidate(line: str, max_len: int) -> str | None:
    """``"dated"`` for a date-led one-sentence line, ``"scene"`` for a short unpunctuated year-led line.

    >>> _candidate("2023年3月14日，公益律师为职工讲解法律知识。", 70), _candidate("2023年河北省职工技能大赛决赛现场", 70)
    ('dated', 'scene')
    >>> _candidate("2月17日，大会在广州开幕，大会听取了工作报告，并选举产生了新一届领导机构。", 70) is None
    True
    """
    if not line or len(line) > max_len or line.startswith(_OPENERS):
        return None
    inner = _SENT.findall(line[:-1])
    date = DATE_LEAD.match(line)
    if date:
        if inner or line[-1] in "，,；;：:、":
            return None
        rest = line[date.end() :]
        if not (_SCENE_START.match(rest) or not _CLAUSE.search(rest)):
            return None  # "3月1日起，……" opens a news sentence, not a photo
        if len(_CLAUSE.findall(rest)) > 2:
            return None  # a caption is one short sentence of at most three clauses
        return "dated"
    if YEAR_LEAD.match(line) and len(line) <= 50 and not _SENT.search(line) and not _CLAUSE.search(line):
        return "scene"
    return None


def _header_end(lines: list[str], doc: Document, skip: list[str | None]) -> int:
    """Index of the first line after the title block (title, kicker, subtitle).

    Lines already chosen for removal (``skip``) are passed over.
    """
    heads = {str(doc.metadata.get(k, "")) for k in ("title", "kicker", "subtitle")} - {""}
    i = 0
    seen_title = False
    while i < len(lines):
        if not lines[i] or skip[i] is not None:
            i += 1
        elif heads and strip_heading_marks(lines[i]) in heads:
            seen_title = True
            i += 1
        elif not seen_title and not heads:
            return i + 1  # no title known: the first remaining line is the title
        else:
            break
    return i


def _body_like(line: str) -> bool:
    return len(line) >= 40 or bool(_SENT.search(line))
