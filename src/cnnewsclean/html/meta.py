"""Page metadata: title without site-name suffix, publish time, author, source, editor, canonical URL, language.

>>> clean_title("高歌唱响新时代“咱们工人有力量”-m6米乐网页版")
'高歌唱响新时代“咱们工人有力量”'
>>> iso_time("发布时间：2024年3月1日 12:38")
'2024-03-01T12:38'
"""

from __future__ import annotations

from typing import Any

import regex

from .dom import text_content

_TITLE_SEP = regex.compile(r"\s*(?:[_|｜]+|(?<![0-9A-Za-z])-+|-+(?![0-9A-Za-z])|\s+-+\s+|\s+[–—]\s+|::|\s+·\s+)\s*")
_DATE = regex.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*T?\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?"
)
_ISO_FULL = regex.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$")
_LABEL_VALUE = regex.compile(
    r"(?P<label>来源|來源|稿源|出处|出處|作者|记者|記者|文|责任编辑|責任編輯|责编|責編|编辑|編輯|发布者)\s*[:：/]\s*"
    r"(?P<value>[^\s:：|｜]{1,30}(?:\s(?!阅读|閱讀|浏览|瀏覽|点击|點擊|字号|字號|分享|打印)[^\s:：|｜\d]{1,10}(?=\s|$))*)"
)
_LABEL_KEY = {
    "来源": "source",
    "來源": "source",
    "稿源": "source",
    "出处": "source",
    "出處": "source",
    "作者": "author",
    "记者": "author",
    "記者": "author",
    "文": "author",
    "发布者": "author",
    "责任编辑": "editor",
    "責任編輯": "editor",
    "责编": "editor",
    "責編": "editor",
    "编辑": "editor",
    "編輯": "editor",
}
_TIME_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:release_date",
    "datepublished",
    "publishdate",
    "pubdate",
    "publish_time",
    "publishtime",
    "ptime",
    "firstpublishedtime",
    "dc.date.issued",
    "dc.date",
    "date",
    "sailthru.date",
)
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl")
_SOURCE_KEYS = ("source", "contentsource", "og:source", "article:source")
_LABEL_PREFIX = regex.compile(r"^\s*(?:来源|來源|作者|稿源|source|author)\s*[:：]\s*", regex.I)
_LANG_TAG = regex.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_TITLE_KEYS = ("og:title", "articletitle", "twitter:title", "title", "headline")
#: a trailing title segment that names a site, channel or app
_SITE_WORDS = regex.compile(
    r"网|網|报|報|频道|頻道|在线|在線|新闻|新聞|官网|官方|首页|首頁|门户|平台|app|\.com|\.cn|\.net|中心|电视台|電視台|网页版|客户端",
    regex.I,
)


def iso_time(text: str) -> str | None:
    """The first date (and time) in ``text`` as ISO 8601, or None.

    >>> iso_time("2023-09-18T10:21:00+08:00"), iso_time("2023年09月18日10:21"), iso_time("无日期")
    ('2023-09-18T10:21:00+08:00', '2023-09-18T10:21', None)
    """
    text = text.strip()
    if _ISO_FULL.match(text):
        return text
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d, h, mi, s = m.groups()
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return None
    out = f"{y}-{int(mo):02d}-{int(d):02d}"
    if h is not None and int(h) < 24 and int(mi) < 60:
        out += f"T{int(h):02d}:{mi}"
        if s is not None:
            out += f":{s}"
    return out


def clean_title(title: str, known: tuple[str, ...] = ()) -> str:
    """Drop site-name and spam segments from a page title.

    ``known`` holds cleaner candidates (``og:title``, ``<h1>``); one that the
    page title contains wins.

    >>> clean_title("广东工会深入推进产改_中国网"), clean_title("新闻中心 | 两会召开，代表热议发展")
    ('广东工会深入推进产改', '两会召开，代表热议发展')
    >>> clean_title("国务院关于印发方案的通知_政府信息公开_中国政府网", known=("国务院关于印发方案的通知",))
    '国务院关于印发方案的通知'
    """
    title = " ".join(title.split())
    for k in known:
        k = " ".join(k.split())
        if len(k) >= 4 and k in title and len(k) < len(title):
            return k
    parts = [p for p in _TITLE_SEP.split(title) if p.strip()]
    if len(parts) <= 1:
        return title
    for k in known:
        if "".join(k.split()) in parts:
            return "".join(k.split())
    first = parts[0]
    if len(first) >= 6 or not _SITE_WORDS.search(first):
        # the article title comes first, site or spam segments follow
        if len(first) >= 4:
            return first
    # a short site-name first ("新闻中心 | 标题"): the longest segment
    return max(parts, key=len)


def _meta_map(root: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content and content.strip():
            out.setdefault(key.strip().lower(), content.strip())
    return out


def page_metadata(root: Any) -> dict[str, Any]:
    """Title candidates and ``<meta>``/``<time>``/``<link>`` facts, read before any element is dropped."""
    metas = _meta_map(root)
    info: dict[str, Any] = {}
    title_el = root.find(".//title")
    info["page_title"] = " ".join((text_content(title_el) if title_el is not None else "").split())
    info["title_candidates"] = [metas[k] for k in _TITLE_KEYS if k in metas]
    h1s = [" ".join(text_content(h).split()) for h in root.iter("h1")]
    info["h1"] = [h for h in h1s if h]
    for k in _TIME_KEYS:
        if k in metas and (t := iso_time(metas[k])):
            info["published"] = t
            break
    if "published" not in info:
        for el in root.iter("time"):
            t = iso_time(el.get("datetime") or text_content(el) or "")
            if t:
                info["published"] = t
                break
    for keys, name in ((_AUTHOR_KEYS, "author"), (_SOURCE_KEYS, "source")):
        for k in keys:
            value = _LABEL_PREFIX.sub("", metas.get(k, ""))
            if value and not value.startswith("http") and not value.isdigit():
                info[name] = value
                break
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            info["url"] = link.get("href").strip()
            break
    if "url" not in info and metas.get("og:url"):
        info["url"] = metas["og:url"]
    for lang in (root.get("lang"), root.get("xml:lang"), metas.get("content-language"), metas.get("language")):
        if lang and _LANG_TAG.match(lang.strip()):
            info["lang"] = lang.strip()
            break
    return info


def choose_title(info: dict[str, Any]) -> str:
    """The article title: a ``<h1>``/``og:title`` the page title contains, else the cleaned page title.

    >>> choose_title({"page_title": "两会召开-新华网", "title_candidates": [], "h1": ["两会召开"]})
    '两会召开'
    """
    page = info.get("page_title") or ""
    known = tuple(info.get("h1", [])) + tuple(info.get("title_candidates", []))
    if page:
        cleaned = clean_title(page, known)
        if len(cleaned) <= 12 and _SITE_WORDS.search(cleaned):
            # the page title is only the site's name: a longer heading names the article
            better = [k for k in known if len(k) >= 6 and k != page and cleaned not in k]
            if better:
                return clean_title(better[0])
        return cleaned
    for k in known:
        if k:
            return clean_title(k)
    return ""


def facts_from_line(line: str) -> dict[str, str]:
    """Source, author, editor and time named in a by-line.

    >>> facts_from_line("2024-03-01 12:38:44 来源: 河工新闻网 作者：高会坡")
    {'published': '2024-03-01T12:38:44', 'source': '河工新闻网', 'author': '高会坡'}
    """
    out: dict[str, str] = {}
    t = iso_time(line)
    if t:
        out["published"] = t
    for m in _LABEL_VALUE.finditer(line):
        key = _LABEL_KEY[m.group("label")]
        value = m.group("value").strip("　 ）)]】")
        if value and key not in out and not _DATE.match(value):
            out[key] = value
    return out
