"""Page chrome: breadcrumbs, source/date/editor lines, bylines, statements, related links.

Works on whole lines (one paragraph per line, after ``normalize_layout``).
Every removed line keeps what a reader would want in ``Document.metadata``:
``source``, ``published`` (ISO 8601), ``views``, ``editor``, ``reviewer``,
``author``, ``photographers``, ``credit``/``photo_credit``, ``breadcrumb``.
The cleaner also records ``title`` (the heading line, which stays in the
text), ``kicker`` (引题, above the title) and ``subtitle`` (副题, below it).

Reasons logged:

- ``breadcrumb``: ``中國共產黨新聞網>>中國工會新聞``, ``您现在的位置：首页 > …``
- ``meta_line``: a line made only of labelled fields: ``来源: … 发布时间: … 字号:``
- ``editor_credit``: ``(責編:劉瓊、黃瑾)``
- ``empty_label``: ``摘要:`` with nothing after it
- ``byline``: ``■全媒体记者马大为``, ``图/记者郑荣玺 杨磊涛 林峰``
- ``author_line``: a bare person name next to the source/date line under the title
- ``photo_credit``: ``川工宣(圖片由四川省總工會供給)``
- ``copyright``: a statement heading (``版權相關聲明:``) with its numbered lines, ``版权所有 ©``
- ``related_links``: ``頻道精選`` / ``相关阅读`` blocks and ``…[詳細]`` teasers
- ``nav_link``: ``上一篇：…`` / ``下一篇：…``
- ``ui_line``: ``【打印】【关闭】``, ``分享到：``, ``扫一扫在手机打开当前页``
- ``end_mark``: ``（完）`` closing a wire story
- ``ellipsis_line``: a line that is only ``……`` (left to ``remove_captions`` when
  it separates unmarked photo captions)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from operator import add
from typing import Any

from ..cleaner import Cleaner
from ..detect.chrome import (
    DATE_LEAD,
    ELLIPSIS_LINE,
    find_heading_mark,
    parse_byline,
    parse_meta_line,
    split_names,
    strip_heading_marks,
)
from ..document import Document, Edit

_BREAD_LEAD = re.compile(
    r"^(?:您现在的位置|您現在的位置|你现在的位置|你現在的位置|您的位置|你的位置|当前位置|當前位置|所在位置|现在位置|現在位置|位置)"
    r"\s*(?:是)?\s*[:：]"
)
_BREAD_SEP = re.compile(r"\s*(?:>>|>|»|›|→|＞＞|＞|〉|>>)\s*")
_BREAD_SEP_CHAR = re.compile(r"[>»›→＞〉]")
_BREAD_STRONG_SEP = re.compile(r">>|»|›|＞＞")
_BREAD_WORD = re.compile(r"首页|首頁|主页|主頁|正文|频道|頻道|栏目|欄目|新闻|新聞|资讯|資訊|网$|網$|要闻|要聞|本站")
_NO_BREAD = re.compile(r"[。，,！？!?；;“”\"]")

_EMPTY_LABEL = re.compile(
    r"^[【\[]?(?:摘要|导语|導語|导读|導讀|简介|簡介|内容提要|內容提要|提要|核心提示|关键词|關鍵詞|关键字|關鍵字|标签|標籤|"
    r"Tags|TAG|tags)[】\]]?\s*[:：]?\s*$"
)
_CREDIT_WHO = r"[^()（）【】\[\]，,。；;！？!?\s]{1,30}"
_PHOTO_CREDIT = re.compile(
    rf"^(?P<credit>[^\s()（），,。]{{0,12}}?)\s*[(（【\[]?\s*(?:图片|圖片|照片|配图|配圖|图|圖)\s*"
    rf"(?:由\s*(?P<who>{_CREDIT_WHO}?)\s*(?:提供|供给|供給|供图|供圖|拍摄|拍攝)|(?:来源|來源|来自|來自)\s*[:：]?\s*(?P<who2>{_CREDIT_WHO}))"
    r"\s*[)）】\]]?$"
)
_TEASER = re.compile(
    r"(?:[\[【［]\s*(?:详细|詳細|详情|詳情|全文|更多|阅读全文|閱讀全文|查看全文|点击查看|點擊查看)\s*[\]】］]|"
    r"(?:详细|詳細|更多|全文)\s*(?:>>|»|＞＞))$"
)
_RELATED_HEAD = re.compile(
    r"^[【\[]?(?:频道精选|頻道精選|相关新闻|相關新聞|相关阅读|相關閱讀|相关文章|相關文章|相关链接|相關鏈接|相关报道|相關報道|相關報導|"
    r"推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热点推荐|熱點推薦|热门推荐|熱門推薦|精彩推荐|精彩推薦|猜你喜欢|猜你喜歡|"
    r"更多新闻|更多新聞|热门文章|熱門文章|最新文章|最新新闻|最新新聞|编辑推荐|編輯推薦|今日推荐|今日推薦|图片新闻|圖片新聞|"
    r"热点新闻|熱點新聞|往期回顾|往期回顧|为您推荐|為您推薦|相关推荐|相關推薦|网友评论|網友評論|热门评论|熱門評論)"
    r"[】\]]?\s*[:：]?\s*(?:更多\s*)?(?:>>|»)?$"
)
_COPYRIGHT_HEAD = re.compile(
    r"^.{0,20}?(?:(?:版权|版權|免责|免責)(?:相关|相關)?(?:声明|聲明|说明|說明)?|特别声明|特別聲明)\s*[:：]?$|^(?:声明|聲明)\s*[:：]$"
)
_NUMBERED = re.compile(r"^(?:[①-⑳]|\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）]|[一二三四五六七八九十][、.．])")
_STATEMENT = re.compile(
    r"本网|本網|本站|本报|本報|本刊|转载|轉載|版权|版權|侵权|侵權|联系方式|聯系方式|聯繫方式|联系电话|聯繫電話|聯系電話|\d{7,}"
)
#: © counts unless a Latin letter precedes it: ``CafÃ©`` is UTF-8 ``é`` read as cp1252, not a notice
_COPYRIGHT_STRONG = re.compile(
    r"(?<![A-Za-z\u00c0-\u024f])©|\(c\)\s*\d{4}|copyright|all rights reserved|"
    r"版权所有(?![人者])|版權所有(?![人者])|icp[备備证證]",
    re.IGNORECASE,
)
_COPYRIGHT_WEAK = re.compile(
    r"转载请注明|轉載請註明|轉載請注明|不代表本(?:网|網|站|报|報|刊)(?:观点|觀點|立场|立場)|"
    r"(?:(?:本网|本網|本站|本报|本報|本刊|本台|本平台|本公众号|本公眾號)[^。]{0,20}|^)(?:未经|未經).{0,12}(?:授权|许可|同意|授權|許可).{0,12}"
    r"(?:转载|复制|使用|镜像|轉載|複製|鏡像)"
)
_NAV = re.compile(r"^[【\[]?(?:上一篇|下一篇|上一条|下一条|上一條|下一條|上一页|下一页|上一頁|下一頁)[】\]]?\s*[:：]")
_UI_TOKEN = (
    r"(?:打印|列印|打印本页|打印本頁|关闭窗口|關閉窗口|关闭|關閉|收藏|收藏本页|分享到|分享|返回顶部|返回頂部|返回首页|返回首頁|返回列表|"
    r"微信|微博|QQ空间|QQ空間|朋友圈|复制链接|複製鏈接|扫一扫|掃一掃|字号|字號|大|中|小)"
)
_UI_LINE = re.compile(
    rf"^(?:[【\[(（]?\s*{_UI_TOKEN}\s*[】\])）]?[\s:：|/｜]*)+$|^(?:分享到|分享)\s*[:：]\s*$|"
    r"^(?:扫一扫|掃一掃|用微信扫|用微信掃|用手机扫|用手機掃|手机扫码|手機掃碼|扫描二维码|掃描二維碼|微信扫一扫|微信掃一掃).{0,24}$"
)
#: the end mark of a wire story: （完） 【完】 ——完——
_END_MARK = re.compile(r"^(?:[(（【\[]\s*完\s*[)）】\]]|[—\-－]+\s*完\s*[—\-－]+|完)$")
#: a UI line needs one of these (大 中 小 alone is not enough)
_UI_WORD = re.compile(r"打印|列印|关闭|關閉|收藏|分享|返回|微信|微博|QQ|朋友圈|复制|複製|扫一扫|掃一掃|字号|字號")
_SENT_PUNCT = re.compile(r"[。！？!?]")
#: chrome that can stand in the middle of a page: checked by one fast scan (every branch
#: starts with a newline); all other lines are looked at only near the top and the bottom
_MID_LINE = re.compile(
    r"\n(?:[【\[]?(?:频道精选|頻道精選|相关|相關|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热点|熱點|热门|熱門|精彩推荐|精彩推薦|猜你|"
    r"更多新闻|更多新聞|最新|编辑推荐|編輯推薦|今日推荐|今日推薦|图片新闻|圖片新聞|往期|为您推荐|為您推薦|网友评论|網友評論|上一|下一)"
    r"|…|\.\.\.|。。。|[(（\[【](?:责编|責編|责任编辑|責任編輯|编辑|編輯|审核|審核|作者|来源|來源|记者|記者)|您|你|当前|當前|所在)"
)
_TEASER_END = re.compile(r"[\]】］](?=\n)")
_HEADING_MAX = 80
_MAX_CHROME = 200


@dataclass(frozen=True)
class ChromeOptions:
    """Options for :class:`RemovePageChrome`.

    ``head_lines``/``tail_lines``: how many lines at each end count as the
    page header/footer, where generic labels (``时间:``) and weaker
    statements (``未经授权不得转载``) are chrome. ``set_title``: record
    ``title``/``kicker``/``subtitle`` in metadata.
    """

    head_lines: int = 8
    tail_lines: int = 8
    set_title: bool = True


@dataclass(frozen=True, slots=True)
class _Hit:
    reason: str
    moved_to: str | None


class RemovePageChrome(Cleaner):
    """Remove page chrome lines (breadcrumbs, source/date/editor, bylines, statements, related links).

    >>> from cnnewsclean.document import Document
    >>> doc = RemovePageChrome()(Document("標題\\n2023年09月18日10:21  來源:《工人日報》\\n正文第一段。\\n(責編:劉瓊、黃瑾)"))
    >>> doc.text
    '標題\\n正文第一段。'
    >>> doc.metadata["source"], doc.metadata["published"], doc.metadata["editor"], doc.metadata["title"]
    ('工人日報', '2023-09-18T10:21', '劉瓊、黃瑾', '標題')
    """

    Config = ChromeOptions

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        cfg: ChromeOptions = self.config
        raw = text.split("\n")
        n = len(raw)
        hits: list[_Hit | None] = [None] * n
        starts = [0, *map(add, accumulate(map(len, raw[:-1])), range(1, n))]  # one newline after each line
        edge = set(range(min(n, cfg.head_lines))) | set(range(max(0, n - cfg.tail_lines), n))
        looked = sorted(edge | _mid_lines(text, starts))
        lines = list(raw)  # stripped below where looked at (normalize_layout already strips)
        for i in looked:
            lines[i] = raw[i].strip()
        candidates = [i for i in looked if _may_be_chrome(lines[i])]
        for i in candidates:
            if lines[i]:
                hits[i] = self._classify(lines[i], i in edge, i < cfg.head_lines and i <= n // 2)
        self._blocks(lines, hits, candidates)
        # a block that runs to the end (related links): the lines above it are the page footer too
        b = n
        while b > 0 and (hits[b - 1] is not None or not lines[b - 1].strip()):
            b -= 1
        if b < n - cfg.tail_lines:
            more = []
            for i in range(max(0, b - cfg.tail_lines), b):
                lines[i] = lines[i].strip()
                if i not in edge and hits[i] is None and _may_be_chrome(lines[i]):
                    more.append(i)
            for i in more:
                if lines[i]:
                    hits[i] = self._classify(lines[i], True, False)
            self._blocks(lines, hits, more)
        if "…" in text or "..." in text or "。。。" in text:  # else no line is an ellipsis line
            self._ellipsis_for_captions(lines, hits)
        self._header(lines, hits, doc)
        if not any(hits):
            return []
        return self._edits(text, starts, raw, hits)

    # -- per line --------------------------------------------------------
    def _classify(self, line: str, edge: bool, head: bool) -> _Hit | None:
        if "。" in line and "。。。" not in line:
            # a full stop: a sentence, unless it is a teaser or a statement
            if line[-1] in _TEASER_LAST and _TEASER.search(line):
                return _Hit("related_links", "related")
            if len(line) <= 120 and _is_statement(line, edge):
                return _Hit("copyright", None)
            return None
        if ELLIPSIS_LINE.fullmatch(line):
            return _Hit("ellipsis_line", None)
        if len(line) > 160:
            return None
        if _is_breadcrumb(line):
            return _Hit("breadcrumb", "breadcrumb")
        if _EMPTY_LABEL.match(line):
            return _Hit("empty_label", None)
        fields = parse_meta_line(line, allow_weak=edge)
        if fields is not None and not head and line[:1].isdigit() and set(fields) <= {"published", "_font"}:
            fields = None  # a bare date at the end signs a letter or notice: keep it
        if fields is not None:
            wrapped = line[0] in "(（[【" and line[-1] in ")）]】"
            if wrapped and set(fields) <= {"editor", "reviewer"}:
                return _Hit("editor_credit", "editor")
            return _Hit("meta_line", next((k for k in fields if not k.startswith("_")), None))
        if parse_byline(line) is not None:
            return _Hit("byline", "author")
        if len(line) <= 50 and ("图" in line or "圖" in line or "照" in line) and _PHOTO_CREDIT.match(line):
            return _Hit("photo_credit", "photo_credit")
        if line[-1] in _TEASER_LAST and _TEASER.search(line):
            return _Hit("related_links", "related")
        if _NAV.match(line):
            return _Hit("nav_link", None)
        if len(line) <= 8 and _END_MARK.match(line):
            return _Hit("end_mark", None)
        if len(line) <= 120 and _is_statement(line, edge):
            return _Hit("copyright", None)
        if len(line) <= 60 and _UI_WORD.search(line) and _UI_LINE.match(line):
            return _Hit("ui_line", None)
        return None

    # -- blocks: statement and related-link sections ------------------------
    def _blocks(self, lines: list[str], hits: list[_Hit | None], candidates: list[int]) -> None:
        n = len(lines)
        done = -1
        for i in candidates:
            if i <= done:
                continue
            line = lines[i]
            if line and len(line) <= 40 and _COPYRIGHT_HEAD.match(line):
                hits[i] = _Hit("copyright", None)
                j = i + 1
                while j < n and _statement_item(lines[j].strip()):
                    if lines[j].strip():
                        hits[j] = _Hit("copyright", None)
                    j += 1
                done = j - 1
                continue
            if line and _RELATED_HEAD.match(line):
                hits[i] = _Hit("related_links", None)
                j = i + 1
                prev = ""
                while j < n:
                    cur = lines[j].strip()
                    if cur and not (_TEASER.search(cur) or cur == prev or _short_link(cur)):
                        break
                    if cur:
                        hits[j] = _Hit("related_links", "related")
                        prev = cur
                    j += 1
                done = j - 1

    @staticmethod
    def _ellipsis_for_captions(lines: list[str], hits: list[_Hit | None]) -> None:
        """Leave a lone ``……`` next to date-led caption lines to ``remove_captions``."""
        for i, hit in enumerate(hits):
            if hit is None or hit.reason != "ellipsis_line":
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and hits[j] is None and DATE_LEAD.match(lines[j].strip()):
                    hits[i] = None
                    break

    # -- header: author line, title, kicker, subtitle -----------------------
    def _header(self, lines: list[str], hits: list[_Hit | None], doc: Document) -> None:
        cfg: ChromeOptions = self.config
        limit = min(len(lines), cfg.head_lines)
        candidates: list[int] = []
        anchor: int | None = None  # first byline/source/date line
        for i in range(limit):
            line = lines[i]
            if not line:
                continue
            hit = hits[i]
            if hit is not None:
                if anchor is None and hit.reason in ("meta_line", "byline", "editor_credit"):
                    anchor = i
                continue
            if not _heading_like(line):
                break
            candidates.append(i)
        # a bare author name right next to the source/date line
        for i in list(candidates):
            if candidates and i == candidates[0]:
                continue
            if len(lines[i]) <= 14 and split_names(lines[i]) is not None and _next_to_meta(i, lines, hits):
                hits[i] = _Hit("author_line", "author")
                candidates.remove(i)
                if anchor is None or i < anchor:
                    anchor = i
        if not cfg.set_title or not candidates:
            return
        _set_title(lines, candidates, anchor, doc)

    # -- edits ---------------------------------------------------------------
    def _edits(self, text: str, starts: list[int], raw: list[str], hits: list[_Hit | None]) -> list[Edit]:
        removed = [i for i, h in enumerate(hits) if h is not None]
        edits = []
        for i, (s, e) in zip(removed, line_removals(text, starts, raw, removed), strict=True):
            hit = hits[i]
            assert hit is not None
            edits.append(self.edit(text, s, e, "", hit.reason, hit.moved_to))
        return edits

    def to_metadata(self, edit: Edit, doc: Document) -> None:
        """Parse the removed line into fields (source, published, editor, author ...)."""
        line = edit.before.strip()
        meta = doc.metadata
        if edit.reason in ("meta_line", "editor_credit"):
            for key, value in (parse_meta_line(line) or {}).items():
                if key.startswith("_") or not value:
                    continue
                if key == "photographers":
                    _extend(meta, key, split_names(value) or [value])
                else:
                    meta.setdefault(key, value)
        elif edit.reason == "byline":
            for key, names in (parse_byline(line) or {}).items():
                if key == "author":
                    meta.setdefault("author", "、".join(names))
                else:
                    _extend(meta, key, names)
        elif edit.reason == "author_line":
            meta.setdefault("author", "、".join(split_names(line) or [line]))
        elif edit.reason == "photo_credit":
            m = _PHOTO_CREDIT.match(line)
            if m:
                if m["credit"]:
                    meta.setdefault("credit", m["credit"])
                meta.setdefault("photo_credit", (m["who"] or m["who2"]).strip())
        elif edit.reason == "breadcrumb":
            meta.setdefault("breadcrumb", line)
        elif edit.reason == "related_links":
            _extend(meta, "related", [line])


# -- helpers -----------------------------------------------------------------
def _statement_item(line: str) -> bool:
    """A numbered or statement line under a copyright heading (blank lines pass)."""
    return not line or ((_NUMBERED.match(line) or _STATEMENT.search(line)) is not None and len(line) <= 200)


_STRONG_HINT = re.compile(r"©|opyright|OPYRIGHT|版权所有|版權所有|ICP|icp|\([cC]\)|ights reserved|IGHTS RESERVED")
_WEAK_HINT = re.compile(r"转载|轉載|不代表本")
_TEASER_LAST = frozenset("]】］>»")


def _is_statement(line: str, edge: bool) -> bool:
    """A copyright or reprint statement (the weaker forms only at the head or tail)."""
    if _STRONG_HINT.search(line) and _COPYRIGHT_STRONG.search(line):
        return True
    return edge and _WEAK_HINT.search(line) is not None and _COPYRIGHT_WEAK.search(line) is not None


def _may_be_chrome(line: str) -> bool:
    """Cheap pre-check: chrome lines are short."""
    return 0 < len(line) <= _MAX_CHROME


def _mid_lines(text: str, starts: list[int]) -> set[int]:
    """Lines that may hold mid-page chrome (related-link headings, ``……``, teasers, credits)."""
    out = {bisect_right(starts, m.start() + 1) - 1 for m in _MID_LINE.finditer(text)}
    if "]\n" in text or "】\n" in text or "］\n" in text:
        out.update(bisect_right(starts, m.start()) - 1 for m in _TEASER_END.finditer(text))
    return out


def removal_spans(text: str, spans: list[tuple[int, int, str]], remove: list[bool]) -> list[tuple[int, int]]:
    """For each line, the span that deletes it with one newline (meaningful where ``remove``).

    Lines removed up to the end of the text take the newline before them, so
    the text never ends with a newline; the others take the one after.

    >>> from cnnewsclean.cleaner import iter_lines
    >>> t = "A\\nB\\nC"
    >>> removal_spans(t, list(iter_lines(t)), [False, True, True])[1:]
    [(1, 3), (3, 5)]
    """
    n = len(spans)
    tail_from = n
    while tail_from > 0 and (remove[tail_from - 1] or not spans[tail_from - 1][2].strip()):
        tail_from -= 1
    out: list[tuple[int, int]] = []
    for i, (s, e, _) in enumerate(spans):
        if tail_from > 0 and i >= tail_from:
            s -= 1
        elif e < len(text):
            e += 1
        out.append((s, e))
    return out


def line_removals(text: str, starts: list[int], lines: list[str], removed: list[int]) -> list[tuple[int, int]]:
    """:func:`removal_spans` of the lines ``removed`` (ascending indices) only.

    ``lines`` are the text's lines (``text.split("\\n")`` or :func:`iter_lines`) and ``starts`` their offsets.

    >>> line_removals("A\\nB\\nC", [0, 2, 4], ["A", "B", "C"], [1, 2])
    [(1, 3), (3, 5)]
    """
    tail_from = len(lines)
    k = len(removed) - 1
    while tail_from > 0:
        i = tail_from - 1
        while k >= 0 and removed[k] > i:
            k -= 1
        if not ((k >= 0 and removed[k] == i) or not lines[i].strip()):
            break
        tail_from = i
    size = len(text)
    out: list[tuple[int, int]] = []
    for i in removed:
        s = starts[i]
        e = s + len(lines[i])
        if tail_from > 0 and i >= tail_from:
            s -= 1
        elif e < size:
            e += 1
        out.append((s, e))
    return out


def _is_breadcrumb(line: str) -> bool:
    if len(line) > 100:
        return False
    if _BREAD_LEAD.match(line):
        return True
    if len(line) > 80 or _NO_BREAD.search(line) or not _BREAD_SEP_CHAR.search(line):
        return False  # (without a separator the line is one part)
    parts = [p for p in _BREAD_SEP.split(line) if p.strip()]
    if len(parts) < 2 or any(len(p) > 20 for p in parts):
        return False
    return bool(_BREAD_STRONG_SEP.search(line)) or any(_BREAD_WORD.search(p) for p in parts)


def _short_link(line: str) -> bool:
    """A related-link headline: short, no full stop inside."""
    return len(line) <= 40 and not _SENT_PUNCT.search(line.rstrip("…. "))


def _heading_like(line: str) -> bool:
    if find_heading_mark(line):
        return True
    if len(line) > _HEADING_MAX:
        return False
    return not _SENT_PUNCT.search(line)


def _next_to_meta(i: int, lines: list[str], hits: list[_Hit | None]) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and hits[j] is not None and hits[j].reason in ("meta_line", "byline"):  # type: ignore[union-attr]
            return True
    return False


def _extend(meta: dict[str, Any], key: str, values: list[str]) -> None:
    have = meta.setdefault(key, [])
    for v in values:
        if v not in have:
            have.append(v)


def _set_title(lines: list[str], candidates: list[int], anchor: int | None, doc: Document) -> None:
    """Pick title, kicker and subtitle among the heading lines above the body."""
    marked = {i: m["mark"] for i in candidates if (m := find_heading_mark(lines[i]))}
    meta = doc.metadata
    if marked:
        for i, mark in marked.items():
            key = "title" if mark in ("主题", "主題") else "subtitle" if mark in ("副题", "副題") else "kicker"
            meta.setdefault(key, strip_heading_marks(lines[i]))
        return
    if anchor is not None and any(i < anchor for i in candidates):
        pool = [i for i in candidates if i < anchor]
    else:
        pool = []
        for i in candidates:  # the leading run from the first heading line
            if pool and i != pool[-1] + 1:
                break
            pool.append(i)
        if anchor is None:
            # without a byline/source line, only lines flagged by dashes join the title
            pool = pool[:1] + [i for i in pool[1:] if lines[i].startswith(("——", "－－", "--"))]
    kickers = [i for i in pool if lines[i].rstrip().endswith(("——", "—", "－－"))]
    subs = [i for i in pool if lines[i].lstrip().startswith(("——", "－－", "--"))]
    plain = [i for i in pool if i not in kickers and i not in subs]
    if not plain:
        return
    title = max(plain, key=lambda i: len(lines[i])) if anchor is not None else plain[0]
    kickers += [i for i in plain if i < title]
    subs += [i for i in plain if i > title]
    meta.setdefault("title", strip_heading_marks(lines[title]))
    if kickers:
        meta.setdefault("kicker", " ".join(strip_heading_marks(lines[i]) for i in sorted(kickers)))
    if subs:
        meta.setdefault("subtitle", " ".join(strip_heading_marks(lines[i]) for i in sorted(subs)))
