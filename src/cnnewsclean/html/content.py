"""Find the article block of a page and turn it into paragraphs.

Scoring works on text blocks (see :mod:`.dom`): a prose block (Chinese
punctuation, length, few links) gives its score to the element holding its
paragraph and half to that element's parent; candidates are then weighted by
their link density, class/id names and tag. The best candidate and those of
its siblings that score well form the article; inside it, link lists, chrome
blocks, captions and by-lines are set aside and counted by kind.

>>> from .dom import parse_html
>>> html = ("<body><div class='nav'><a href='/'>首页</a> <a href='/n'>新闻</a></div>"
...         "<div id='content'><p>今天上午，全省工会工作会议在石家庄召开，会议总结了去年的工作。</p>"
...         "<p>会议指出，各级工会要团结引领广大职工，积极投身高质量发展。</p></div>"
...         "<div class='footer'>版权所有 © 某某网</div></body>")
>>> find_article(parse_html(html)).paragraphs[1]
'会议指出，各级工会要团结引领广大职工，积极投身高质量发展。'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from .dom import TextBlock, drop_junk, drop_tree, text_blocks, text_content

# class/id words. Long words match anywhere in the "class id" string; short ones only as whole tokens.
_NEG_WORDS = {
    "comment": "comment reply replies discuss pinglun gentie liuyan 评论 跟帖 留言",
    "share": "share sharing social fenxiang bdshare jiathis 分享",
    "related": "related relate recommend xiangguan tuijian hotnews morenews newslist paihang 相关 推荐",
    "nav": "navbar navigation menu breadcrumb crumb daohang channel",
    "footer": "footer copyright banquan disclaimer statement shengming 版权",
    "ad": "advert sponsor guanggao banner",
    "sidebar": "sidebar widget",
    "widget": "login subscribe qrcode erweima download toolbar fontsize font-size zihao pagination fanye pagenav keyword",
}
_NEG_TOKENS = {
    "nav": "nav",
    "position": "nav",
    "location": "nav",
    "weizhi": "nav",
    "crumbs": "nav",
    "foot": "footer",
    "bottom": "footer",
    "ft": "footer",
    "ad": "ad",
    "ads": "ad",
    "adv": "ad",
    "gg": "ad",
    "promo": "ad",
    "side": "sidebar",
    "aside": "sidebar",
    "hot": "related",
    "rank": "related",
    "ranking": "related",
    "more": "related",
    "list": "related",
    "app": "widget",
    "search": "widget",
    "qr": "widget",
    "appendqr": "widget",
    "tool": "widget",
    "tools": "widget",
    "print": "widget",
    "pager": "widget",
    "pages": "widget",
    "tag": "widget",
    "tags": "widget",
}
_WORD_KIND = {w: kind for kind, words in _NEG_WORDS.items() for w in words.split()}
_NEG_RE = regex.compile("|".join(sorted(map(regex.escape, _WORD_KIND), key=len, reverse=True)))
_TOKEN_SPLIT = regex.compile(r"[^a-z0-9\u4e00-\u9fff]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_STRONG_NEG = frozenset({"comment", "share", "footer"})
_POSITIVE = regex.compile(
    r"article|content|text|body|main|post|entry|story|zoom|trs_editor|detail|artibody|neirong|zhengwen|"
    r"wenzhang|contxt|cont\b|txt|news_?con|read|正文"
)


@lru_cache(maxsize=8192)
def classify_names(key: str) -> tuple[str | None, bool, bool]:
    """``(negative kind or None, strong, has a positive word)`` for a lower-cased "class id" string.

    A strong negative (comment, share, footer words) drops the element even
    when a positive word is present too ("comment-content").

    >>> classify_names("bdsharebuttonbox"), classify_names("article-content"), classify_names("header-ad")
    (('share', True, False), (None, False, True), ('ad', False, False))
    """
    positive = bool(_POSITIVE.search(key))
    m = _NEG_RE.search(key)
    if m:
        kind = _WORD_KIND[m.group()]
        return kind, kind in _STRONG_NEG, positive
    for tok in _TOKEN_SPLIT.split(key):
        if tok in _NEG_TOKENS:
            return _NEG_TOKENS[tok], False, positive
    return None, False, positive


_TAG_NEGATIVE = {"nav": "nav", "footer": "footer", "aside": "sidebar"}
_TAG_WEIGHT = {
    "div": 5,
    "article": 25,
    "main": 10,
    "section": 3,
    "td": 3,
    "blockquote": 3,
    "pre": 3,
    "form": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "li": -3,
    "dd": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "th": -5,
}
#: containers whose text blocks are paragraphs of a bigger candidate
_LIST_TAGS = frozenset(("ul", "ol", "dl", "table", "div"))
_PARA_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li pre blockquote dd dt figcaption center caption address".split())
_CAPTION_CLASS = regex.compile(
    r"caption|pic_?(?:txt|text|info|des|title)|img_?(?:txt|text|desc|info|title)|photo_?(?:txt|text|desc)|"
    r"picdes|tuzhu|imgtext|pictext|图注|图片说明"
)
_CAPTION_TEXT = regex.compile(
    r"^(?:图为|圖為|图：|圖：|上图|下图|上圖|下圖|资料图|資料圖|图片来源|圖片來源|图/|圖/)|[（(]?(?:\S{0,20}[摄攝])[）)]?$"
)
_CENTER = regex.compile(r"text-align\s*:\s*center", regex.I)
_BYLINE = regex.compile(
    r"^[【\[]?\s*(?:原标题|原標題|原题|原題)[:：]|"
    r"来源[:：]|來源[:：]|稿源[:：]|作者[:：]|记者[:：]|記者[:：]|责任编辑|責任編輯|责编|編輯[:：]|编辑[:：]|发布时间|發佈時間|发布日期|發布時間|"
    r"时间[:：]|時間[:：]|字号|字號|浏览|瀏覽|点击[:：数]|點擊|阅读[:：数]|閱讀|【?打印】?|【?关闭】?|【?纠错】?|分享到|"
    r"(?:19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}"
)
#: text of copyright footers and site notices: never article prose
_FOOTER_TEXT = regex.compile(
    r"版权所有|版權所有|ICP备|ICP證|ICP证|公网安备|公網安備|Copyright|All Rights Reserved|主办单位|主辦單位|技术支持|技術支援|"
    r"未经(?:协议)?(?:授权|许可|同意)|未經(?:授權|許可|同意)|不得转载|不得轉載|禁止转载|网站标识码|Powered by",
    regex.I,
)
_SENTENCE = regex.compile(r"[，。！？；]")
_DATE_ONLY = regex.compile(
    r"^[\[【(（]?\s*(?:(?:发表于|發表於|发布于|發佈於|发表时间|發表時間|发布时间|發佈時間|更新时间|更新時間|posted|published)\s*[:：]?\s*)?"
    r"(?:(?:19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}日?)?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]】)）]?$"
)
_HEAD_CHROME = regex.compile(r"点击上方|點擊上方|关注我们|關注我們|蓝字|藍字|星标|星標|设为星标|置顶公众号|戳上方|↑|订阅号|訂閱")
_LIST_LABEL = regex.compile(r"[:：]$|^(?:相关|相關|延伸|推荐|推薦|更多|热门|熱門|猜你喜欢|往期)")
#: promotion and contact lines (anywhere in a line) that end or open article blocks
_PROMO = regex.compile(
    r"尽在.{0,12}(?:APP|App|app|客户端|客戶端)|下载.{0,8}(?:APP|App|app|客户端)|扫码|掃碼|二维码|二維碼|"
    r"关注.{0,10}(?:公众号|公眾號|微信|微博|视频号)|聯絡人|联系人|联系电话|聯絡電話|聯繫電話|新闻热线|新聞熱線|"
    r"^《[^》]{1,20}》\s*[（(][^）)]{0,30}版\s*[）)]$"
)
#: a short heading that opens a comment, related-news or recommendation section
_SECTION_HEAD = regex.compile(
    r"^[【\[]?\s*(?:网友|網友|读者|讀者|最新|热门|熱門|精彩|全部)?(?:评论|評論|留言|跟帖|热评|熱評|回复|回覆)|"
    r"^[【\[]?\s*(?:相关|相關|推荐|推薦|延伸|更多|热门|熱門|猜你喜欢|猜你喜歡|为你推荐|為你推薦|往期|精彩)"
    r"(?:新闻|新聞|阅读|閱讀|文章|推荐|推薦|内容|內容|报道|報導|链接|連結|专题|專題|视频|影音|回顾|回顧)?\s*[】\]]?\s*(?:[:：]|[（(]\d+[)）])?$"
)
_TAIL_CHROME = regex.compile(
    r"^[\[【(（]?\s*(?:发表于|發表於|最后编辑|最後編輯|责任编辑|責任編輯|责编|責編|编辑|編輯|来源|來源|作者|审核|審核|校对|校對|监制|監製|原标题|原標題|"
    r"上一篇|下一篇|上一條|下一條|返回|打印|关闭|關閉|分享|相关|相關|纠错|糾錯|版权|版權|声明|聲明|扫一扫|掃一掃|【)"
)


@dataclass
class Article:
    """What the extractor found: paragraphs, captions, by-lines and what it set aside."""

    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # by-lines just before the article block (metadata only)
    dropped: Counter[str] = field(default_factory=Counter)
    reason: str | None = None  # why nothing was extracted
    container: str = ""
    link_density: float = 0.0
    scores: dict[str, Any] = field(default_factory=dict)


def _class_key(el: Any) -> str:
    cls = el.get("class")
    ident = el.get("id")
    if cls is None and ident is None:
        return ""
    return f"{cls or ''} {ident or ''}".lower()


def _negative_kind(el: Any) -> str | None:
    key = _class_key(el)
    if key:
        kind, strong, positive = classify_names(key)
        if kind is not None and (strong or not positive):
            return kind
    role = el.get("role")
    if role:
        role = role.lower()
        if role in ("navigation", "contentinfo", "complementary", "banner"):
            return "nav" if role == "navigation" else "footer"
    return _TAG_NEGATIVE.get(el.tag)


def _class_weight(el: Any) -> int:
    key = _class_key(el)
    w = 25 if el.get("itemprop") == "articleBody" else 0
    if not key:
        return w
    kind, _, positive = classify_names(key)
    return w + (25 if positive else 0) - (25 if kind else 0)


def drop_chrome(root: Any, dropped: Counter[str]) -> None:
    """Drop elements named or tagged as chrome unless they hold most of the page's prose."""
    candidates = [
        (el, kind)
        for el in root.xpath("//*[@class or @id or @role]|//nav|//footer|//aside")
        if el.tag not in ("html", "body") and (kind := _negative_kind(el))
    ]
    if not candidates:
        return
    total = len(_PUNCT.findall(text_content(root))) or 1
    for el, kind in candidates:
        if el.getparent() is None or _detached(el, root):
            continue
        punct = len(_PUNCT.findall(text_content(el)))
        if punct >= 10 and punct > 0.5 * total:
            continue
        if el.get("itemprop") == "articleBody" or el.find(".//article") is not None:
            continue
        dropped[kind] += 1
        drop_tree(el)


def _detached(el: Any, root: Any) -> bool:
    for anc in el.iterancestors():
        if anc is root:
            return False
    return True


_PUNCT = regex.compile(r"[，。！？；、“”]")


def _is_para_container(el: Any, leafish: bool) -> bool:
    return el.tag in _PARA_TAGS or (leafish and el.tag not in ("td", "th", "body", "html", "article", "main"))


@dataclass
class BlockStats:
    """Per element: candidate score, text and link length, first text block inside it."""

    scores: dict[Any, float]
    total: dict[Any, int]
    links: dict[Any, int]
    first: dict[Any, TextBlock]

    def link_density(self, el: Any) -> float:
        n = self.total.get(el, 0)
        return self.links.get(el, 0) / n if n else 1.0

    def opens_section(self, el: Any) -> bool:
        """``el`` starts with a comment / related / recommendation heading."""
        b = self.first.get(el)
        return b is not None and len(b.text) <= 16 and bool(_SECTION_HEAD.search(b.text)) and self.total.get(el, 0) > len(b.text)


def score_candidates(blocks: list[TextBlock]) -> BlockStats:
    """Score candidate elements and sum their text and link lengths."""
    total: dict[Any, int] = {}
    links: dict[Any, int] = {}
    first: dict[Any, TextBlock] = {}
    count: Counter[Any] = Counter()
    parent: dict[Any, Any] = {}
    depth: dict[Any, int] = {}
    for b in blocks:
        c = b.container
        n = len(b.text)
        if c in total:
            total[c] += n
            links[c] += b.link_chars
        else:
            total[c] = n
            links[c] = b.link_chars
            first[c] = b
        count[c] += 1
        anc = b.ancestors
        i = len(anc) - 1
        while i > 0 and anc[i] not in parent:  # record each element's parent once
            parent[anc[i]] = anc[i - 1]
            depth[anc[i]] = i
            i -= 1
    has_block_child = set(parent.values())
    # push sums up the tree, deepest elements first: each element is visited once
    for el in sorted(depth, key=depth.__getitem__, reverse=True):
        up = parent[el]
        if el not in total:
            continue
        if up in total:
            total[up] += total[el]
            links[up] += links[el]
            if first[el].index < first[up].index:
                first[up] = first[el]
        else:
            total[up] = total[el]
            links[up] = links[el]
            first[up] = first[el]
    scores: dict[Any, float] = {}
    for b in blocks:
        n = len(b.text)
        if n < 8 or b.link_density > 0.5 or (b.punct == 0 and n < 30) or _FOOTER_TEXT.search(b.text):
            continue
        s = 1.0 + b.punct + min(n / 40.0, 4.0)
        c = b.container
        leafish = c not in has_block_child and count[c] <= 1
        chain = b.ancestors[:-1] if _is_para_container(c, leafish) else b.ancestors
        if not chain:
            continue
        scores[chain[-1]] = scores.get(chain[-1], 0.0) + s
        if len(chain) >= 2:
            scores[chain[-2]] = scores.get(chain[-2], 0.0) + s / 2
        if len(chain) >= 3:
            scores[chain[-3]] = scores.get(chain[-3], 0.0) + s / 4
    final: dict[Any, float] = {}
    for el, s in scores.items():
        ld = links[el] / total[el] if total.get(el) else 0.0
        base = s + _class_weight(el) + _TAG_WEIGHT.get(el.tag, 0)
        final[el] = base * (1.0 - ld) if base > 0 else base
    return BlockStats(final, total, links, first)


def _describe(el: Any) -> str:
    out = el.tag
    if el.get("id"):
        out += "#" + el.get("id")
    if el.get("class"):
        out += "." + ".".join(el.get("class").split())
    return out


def _select(stats: BlockStats, scores: dict[Any, float]) -> list[Any]:
    """The best candidate and those of its siblings that belong to the article."""
    top = max(scores, key=lambda el: scores[el])
    top_score = scores[top]
    parent = top.getparent()
    if parent is None:
        return [top]
    chosen = []
    threshold = max(10.0, top_score * 0.2)
    top_class = top.get("class")
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is top:
            chosen.append(sib)
            continue
        if stats.opens_section(sib):
            continue  # "网友评论（3）", "相关新闻": not the article
        s = scores.get(sib, 0.0)
        if s > 0 and top_class and sib.get("class") == top_class:
            s += top_score * 0.2
        if s >= threshold or (sib.tag == "p" and stats.link_density(sib) < 0.25 and stats.total.get(sib, 0) >= 60):
            chosen.append(sib)
    return chosen


def find_article(root: Any, *, title: str = "", min_chars: int = 20, fragment: bool = False) -> Article:
    """Drop junk and chrome from ``root`` (in place), pick the article block, return its paragraphs.

    ``fragment``: the input is a snippet (no ``<html>``/``<body>``), e.g. a JSONL
    field; short text without prose is then kept as it is instead of rejected.
    """
    art = Article()
    drop_junk(root, art.dropped)
    drop_chrome(root, art.dropped)
    blocks = text_blocks(root)
    if not blocks:
        art.reason = "empty_page"
        return art
    page_chars = sum(len(b.text) for b in blocks)
    page_links = sum(b.link_chars for b in blocks)
    art.link_density = round(page_links / page_chars, 3) if page_chars else 0.0
    stats = score_candidates(blocks)
    positive = {el: s for el, s in stats.scores.items() if s > 0}
    if not positive:
        if fragment and art.link_density <= 0.4:
            art.paragraphs = [b.text for b in blocks if b.link_density <= 0.5]
            return art
        art.reason = "list_page" if art.link_density > 0.4 else "no_article_text"
        return art
    chosen = _select(stats, positive)
    art.container = " + ".join(_describe(el) for el in chosen)
    art.scores = {"top": round(max(positive.values()), 1)}
    chosen_set = set(chosen)
    selected = [b for b in blocks if chosen_set.intersection(b.ancestors)]
    _emit(selected, art, title, stats, chosen_set)
    if selected:
        first = selected[0].index
        for b in blocks[max(0, first - 8) : first]:
            if len(b.text) <= 120 and b.link_density < 0.5 and (_BYLINE.search(b.text) or _is_credit(b.text)):
                art.context.append(b.text)
    body_chars = sum(len(p) for p in art.paragraphs)
    sel_chars = sum(len(b.text) for b in selected) or 1
    sel_links = sum(b.link_chars for b in selected)
    link_blocks = sum(1 for b in selected if b.link_density > 0.5)
    long_paras = sum(1 for p in art.paragraphs if len(p) >= 60)
    if link_blocks >= 5 and sel_links / sel_chars > 0.35 and long_paras < 3:
        art.reason = "list_page"
    elif art.scores["after_links"] >= 4 and art.scores["after_links"] * 2 >= len(art.paragraphs) and long_paras < 4:
        art.reason = "list_page"
    elif (body_chars < min_chars or not any(_PUNCT.search(p) for p in art.paragraphs)) and not (fragment and art.paragraphs):
        art.reason = "list_page" if art.link_density > 0.4 else "no_article_text"
    if art.reason:
        art.dropped["not_article"] += len(art.paragraphs)
        art.paragraphs = []
    return art


def _emit(selected: list[TextBlock], art: Article, title: str, stats: BlockStats, chosen: set[Any]) -> None:
    """Turn the chosen blocks into paragraphs; set aside link lists, sections, captions, title and by-lines."""
    total, links = stats.total, stats.links
    heavy_by_container: dict[Any, bool] = {}  # container -> inside a link list
    sections: set[Any] = set()
    kept: list[TextBlock] = []
    title_key = "".join(title.split())
    after_links = 0  # text blocks that directly follow a dropped link block (list-page signal)
    prev_links = False
    for b in selected:
        c = b.container
        if sections and not sections.isdisjoint(b.ancestors):
            art.dropped["section"] += 1
            continue
        if len(b.text) <= 16 and kept and _SECTION_HEAD.search(b.text):
            section = _section_of(b, stats, chosen)
            if section is not None:
                sections.add(section)
                art.dropped["section"] += 1
                continue
        heavy = b.link_density > 0.6 and b.punct <= 1
        if not heavy:
            in_list = heavy_by_container.get(c)
            if in_list is None:
                in_list = any(
                    a.tag in _LIST_TAGS and links.get(a, 0) > 0.6 * total.get(a, 0) and total.get(a, 0) < 2000 for a in b.ancestors
                )
                heavy_by_container[c] = in_list
            heavy = in_list
        if heavy:
            art.dropped["links"] += 1
            if kept and len(kept[-1].text) <= 15 and _LIST_LABEL.search(kept[-1].text) and not prev_links:
                kept.pop()  # "相关阅读：" heading of the dropped list
                art.dropped["links"] += 1
            prev_links = True
            continue
        if prev_links:
            after_links += 1
        prev_links = False
        if title_key and len(kept) < 3 and _same_title("".join(b.text.split()), title_key):
            art.dropped["title"] += 1
            continue
        if _is_caption(b, c):
            art.captions.append(b.text)
            art.dropped["caption"] += 1
            continue
        if _DATE_ONLY.match(b.text):
            art.bylines.append(b.text)
            art.dropped["byline"] += 1
            continue
        kept.append(b)
    art.scores["after_links"] = after_links
    # by-lines and chrome lines before the first / after the last prose paragraph
    start = 0
    while start < len(kept) and not _is_prose(kept[start]):
        t = kept[start].text
        if len(t) <= 120 and (_BYLINE.search(t) or _HEAD_CHROME.search(t) or _is_credit(t) or _PROMO.search(t)):
            art.bylines.append(t)
            art.dropped["byline"] += 1
            start += 1
        else:
            break
    end = len(kept)
    tail: list[str] = []
    while (
        end > start
        and len(kept[end - 1].text) <= 150
        and (_TAIL_CHROME.search(kept[end - 1].text) or _FOOTER_TEXT.search(kept[end - 1].text) or _PROMO.search(kept[end - 1].text))
    ):
        end -= 1
        tail.append(kept[end].text)
        art.dropped["tail"] += 1
    art.bylines.extend(reversed(tail))
    art.paragraphs.extend(b.text for b in kept[start:end])


_BYLINE_START = regex.compile(r"^[■●▲◆\s]*(?:本报|本報|本网|本網)?(?:记者|通讯员|記者|通訊員|文[/／]|图[/／]|圖[/／]|撰文|摄影|攝影)")


def _section_of(b: TextBlock, stats: BlockStats, chosen: set[Any]) -> Any | None:
    """The outermost element below the chosen ones that ``b`` opens (None if ``b`` stands alone)."""
    best = None
    for a in reversed(b.ancestors):
        if a in chosen:
            break
        if stats.first.get(a) is b:
            best = a
        else:
            break
    if best is None or stats.total.get(best, 0) <= len(b.text):
        return None
    return best


def _same_title(key: str, title_key: str) -> bool:
    """The block repeats the title (maybe with a site suffix, or the title shortened)."""
    if key == title_key:
        return True
    if len(key) < 6 or len(key) > 2 * len(title_key) + 10 or key.endswith("。"):
        return False
    return key in title_key or title_key in key


def _is_credit(text: str) -> bool:
    """A reporter/photographer credit line such as "■记者 刘洋 通讯员 张静"."""
    return len(text) <= 40 and bool(_BYLINE_START.match(text)) and not _SENTENCE.search(text)


def _is_prose(b: TextBlock) -> bool:
    return len(b.text) >= 20 and bool(_SENTENCE.search(b.text))


def _bold_only(el: Any) -> bool:
    """A block whose text is one ``<strong>``/``<b>``: a heading such as a poem title, not a caption."""
    return len(el) == 1 and el[0].tag in ("strong", "b") and not (el.text or "").strip() and not (el[0].tail or "").strip()


def _is_caption(b: TextBlock, c: Any) -> bool:
    if c.tag == "figcaption":
        return True
    n = len(b.text)
    if n > 120:
        return False
    if _CAPTION_CLASS.search(_class_key(c)):
        return True
    if b.after_image and n <= 100 and not _bold_only(c):
        centered = c.tag == "center" or (c.get("align") or "").lower() == "center" or bool(_CENTER.search(c.get("style") or ""))
        return centered or bool(_CAPTION_TEXT.search(b.text))
    return False
