"""Pure helpers for page chrome: dates, labelled fields, bylines, person names.

Nothing here edits text; the cleaners in ``cleaners/chrome.py``,
``cleaners/captions.py`` and ``cleaners/paragraphs.py`` use these to decide.
Both scripts (Simplified and Traditional) and both punctuation widths are
accepted everywhere.

>>> parse_meta_line("信息來源:南方日報   2022-05-25 11:31:35    瀏覽量: 1360   編輯:黃思嫚 0")
{'source': '南方日報', 'published': '2022-05-25T11:31:35', 'views': '1360', 'editor': '黃思嫚'}
"""

from __future__ import annotations

import re

#: CJK ideographs (basic, extension A, compatibility) for use inside a character class
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# -- dates ---------------------------------------------------------------
_DATE_BODY = (
    r"(?P<y>(?:19|20)\d\d)\s*(?:[-/.]|年)\s*(?P<m>[01]?\d)\s*(?:[-/.]|月)\s*(?P<d>[0-3]?\d)\s*日?"
    r"(?:\s*(?:星期|週|周)[一二三四五六日天])?"
    r"(?:\s*(?P<H>[0-2]?\d)\s*(?:[:：]|时|時|点|點)\s*(?P<M>[0-5]\d)(?:\s*(?:[:：]|分)\s*(?P<S>[0-5]\d))?\s*(?:分|秒)?)?"
)
DATE = re.compile(_DATE_BODY)


def date_to_iso(m: re.Match[str]) -> str:
    """ISO 8601 text for a :data:`DATE` match.

    >>> date_to_iso(DATE.match("2023年09月18日10:21"))
    '2023-09-18T10:21'
    """
    iso = f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
    if m["H"] is not None:
        iso += f"T{int(m['H']):02d}:{m['M']}"
        if m["S"] is not None:
            iso += f":{m['S']}"
    return iso


# -- labelled fields -------------------------------------------------------
#: label -> metadata key; "strong" labels are chrome wherever the line stands
_LABELS: dict[str, tuple[str, ...]] = {
    "source": (
        "本文来源",
        "本文來源",
        "信息来源",
        "信息來源",
        "新闻来源",
        "新聞來源",
        "文章来源",
        "文章來源",
        "稿件来源",
        "稿件來源",
        "来源",
        "來源",
        "稿源",
        "出处",
        "出處",
    ),
    "published": (
        "发布时间",
        "發布時間",
        "發佈時間",
        "发表时间",
        "發表時間",
        "发布日期",
        "發布日期",
        "發佈日期",
        "更新时间",
        "更新時間",
        "录入时间",
        "錄入時間",
        "发稿时间",
        "發稿時間",
        "发布于",
        "發佈於",
        "發布於",
    ),
    "views": (
        "浏览量",
        "瀏覽量",
        "浏览次数",
        "瀏覽次數",
        "阅读量",
        "閱讀量",
        "阅读数",
        "閱讀數",
        "点击量",
        "點擊量",
        "点击数",
        "點擊數",
        "点击率",
        "點擊率",
        "访问量",
        "訪問量",
        "人气",
        "人氣",
        "浏览",
        "瀏覽",
        "阅读",
        "閱讀",
        "点击",
        "點擊",
    ),
    "editor": ("责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯", "小编", "小編"),
    "reviewer": ("审核", "審核", "审校", "審校", "校对", "校對", "编审", "編審", "终审", "終審", "初审", "初審", "复审", "複審"),
    "author": ("作者", "记者", "記者", "撰稿", "撰文", "通讯员", "通訊員", "供稿", "投稿"),
    "photographers": ("摄影", "攝影", "图片", "圖片"),
    "_font": ("字号", "字號", "字体", "字體", "字級"),
}
#: generic labels: chrome only at the head or tail of a document
_WEAK_LABELS: dict[str, tuple[str, ...]] = {"published": ("时间", "時間", "日期"), "author": ("文",)}

LABEL_KEY: dict[str, str] = {lab: key for key, labs in _LABELS.items() for lab in labs}
WEAK_LABEL_KEY: dict[str, str] = {lab: key for key, labs in _WEAK_LABELS.items() for lab in labs}
_ALL_LABELS = sorted({**LABEL_KEY, **WEAK_LABEL_KEY}, key=len, reverse=True)
LABEL_ALT = _LABEL_ALT = "|".join(_ALL_LABELS)
_LABEL = re.compile(rf"(?P<label>{_LABEL_ALT})\s*[:：]\s*")
_SEP = re.compile(r"[\s|｜丨/／·•【】\[\]()（）<>〈〉]+")
_VALUE = re.compile(rf"《(?P<book>[^》]{{1,40}})》|(?:(?!(?:{_LABEL_ALT})\s*[:：])[^\s|｜丨【】\[\]()（）])+")
#: user-interface words that pad meta lines (font size, print, share ...)
_UI = re.compile(
    r"(?:大|中|小|T|A\+|A-|A|打印|列印|关闭|關閉|关闭窗口|關閉窗口|收藏|分享|分享到|评论|評論|纠错|糾錯|"
    r"返回|返回顶部|返回頂部|默认|默認|\d{1,7})(?=[\s|｜丨/／【】\[\]()（）]|$)"
)


def parse_meta_line(line: str, *, allow_weak: bool = True) -> dict[str, str] | None:
    """Fields of a line made only of labelled chrome fields, or None.

    The line must consist of ``label:value`` fields, dates and interface
    words (``字号 大 中 小``, ``打印``, counters); anything else (a sentence
    that mentions 来源) makes it None. Returns ``{key: value}`` with ISO
    dates; ``{}`` values are never returned (a bare ``字号:`` line gives
    ``{"_font": ""}``).

    >>> parse_meta_line("2023年09月18日10:21  來源:《工人日報》")
    {'published': '2023-09-18T10:21', 'source': '工人日報'}
    >>> parse_meta_line("据介绍，资金来源:财政拨款。") is None
    True
    """
    if len(line) > 160 or "。" in line:
        return None
    fields: dict[str, str] = {}
    strong = dated = False
    pos, n = 0, len(line)
    while pos < n:
        m = _SEP.match(line, pos)
        if m:
            pos = m.end()
            continue
        lab = _LABEL.match(line, pos)
        if lab:
            label = lab["label"]
            key = LABEL_KEY.get(label)
            if key is None:
                if not allow_weak:
                    return None
                key = WEAK_LABEL_KEY[label]
            else:
                strong = True
            pos = lab.end()
            d = DATE.match(line, pos)
            if d:
                fields.setdefault("published", date_to_iso(d))
                dated = True
                pos = d.end()
                continue
            v = _VALUE.match(line, pos)
            value = ""
            if v and not _LABEL.match(line, pos):
                value = v["book"] if v["book"] is not None else v.group()
                pos = v.end()
            if key == "_font":
                fields.setdefault(key, "")
            elif value or key not in fields:
                if value or key not in ("published",):
                    fields[key] = fields.get(key) or value
            continue
        d = DATE.match(line, pos)
        if d:
            fields.setdefault("published", date_to_iso(d))
            dated = True
            pos = d.end()
            continue
        ui = _UI.match(line, pos)
        if ui:
            pos = ui.end()
            continue
        return None
    if not fields:
        return None
    if not strong and not dated:
        return None
    if not strong and set(fields) == {"published"} and not allow_weak:
        return None
    return {k: v for k, v in fields.items() if v or k == "_font"}


# -- names and bylines -------------------------------------------------------
_SURNAMES_S = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊"
    "葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
    "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班"
    "储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阎练洪傅萧"
)
_SURNAMES_T = (
    "儲劉勞區厲叢吳呂喬單嚴塗婁孫宮寧嶽師張應於時楊榮樂樓欒歐湯溫滿畢盤盧竇範簡紀練繆羅聞聶荊莊華萬葉蔣藍藺蘆蘇"
    "蘭衛許談諶謝譚費賀賈趙車農連遊遲邊鄒鄔鄧鄭鄺錢鍾閆閔閻關陳陸陽鞏韋韓項顏顧餘饒馬馮駱鬱魯鮑麥黃黨齊龍龐龔蕭"
)
SURNAMES = frozenset(_SURNAMES_S + _SURNAMES_T)
COMPOUND_SURNAMES = frozenset(
    "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 令狐 夏侯 端木 长孙 長孫 宇文 司徒 申屠".split()
)
#: words that follow 记者 in headings but are not names
_NOT_NAMES = frozenset(
    "手记 手記 观察 觀察 调查 調查 走访 走訪 探访 探訪 见闻 見聞 体验 體驗 日记 日記 连线 連線 专访 專訪 视角 視角 札记 札記 "
    "笔记 筆記 节日 節日 表示 获悉 獲悉 了解 采访 採訪 发现 發現 注意 看到 一行 来到 來到".split()
)
_NAME = re.compile(rf"(?:[{HAN}]{{2,4}}·[{HAN}]{{2,6}}|[{HAN}]{{2,4}})")


def looks_like_name(word: str) -> bool:
    """A Chinese personal name: surname first, 2–3 characters (4 with a compound surname).

    >>> looks_like_name("黃榆"), looks_like_name("手记"), looks_like_name("金秋时节"), looks_like_name("欧阳小明")
    (True, False, False, True)
    """
    if not _NAME.fullmatch(word) or word in _NOT_NAMES:
        return False
    if word[:2] in COMPOUND_SURNAMES:
        return True
    return word[0] in SURNAMES and ("·" in word or len(word) <= 3)


_NAME_SPLIT = re.compile(r"[\s、，,；;]+")


def split_names(text: str) -> list[str] | None:
    """Names in a run like ``郑荣玺 杨磊涛 林峰``, or None when any item is not a name."""
    items = [w for w in _NAME_SPLIT.split(text.strip()) if w]
    if not items or len(items) > 8:
        return None
    return items if all(looks_like_name(w) for w in items) else None


_DECOR = r"[■●◆★☆□◇▲△◎○•·]"
_ROLE = (
    r"(?:摄影记者|攝影記者|文字记者|文字記者|特约记者|特約記者|见习记者|見習記者|首席记者|首席記者|记者|記者|"
    r"通讯员|通訊員|实习生|實習生|撰稿人|撰稿|作者|特约撰稿|特約撰稿|摄影|攝影)"
)
_ORG = (
    r"(?:本报|本報|本刊|本台|本网|本網|本站|全媒体|全媒體|融媒体|融媒體|新华社|新華社|中新社|中新网|中新網|人民网|人民網|"
    rf"[{HAN}]{{2,6}}?(?:报|報|台|网|網|社))?"
)
_PREFIX = r"(?P<kind>文\s*[/／]\s*[图圖]|文图|文圖|图文|圖文|文字|文|图|圖|摄影|攝影|摄|攝|撰文|视频|視頻)\s*[/／|｜:：\s]\s*"
BYLINE = re.compile(
    rf"^{_DECOR}?\s*(?:{_PREFIX})?(?P<org>{_ORG})\s*(?P<role>{_ROLE})?\s*[:：]?\s*(?P<names>[{HAN}·、，, 　]+?)"
    rf"\s*(?P<shot>摄|攝|拍摄|拍攝)?$"
)
#: a character of every prefix, role and 摄 mark: a byline without one has no marker
_BYLINE_MARKER = re.compile("[文图圖摄攝视視记記通实實撰作]")
_MORE_ROLE = re.compile(rf"\s*{_ROLE}\s*[:：]?\s*")
_PHOTO_KIND = frozenset("图 圖 摄影 攝影 摄 攝 文图 文圖 图文 圖文".split())
_PHOTO_ROLE = ("摄影", "攝影")


def parse_byline(line: str) -> dict[str, list[str]] | None:
    """``{"author": [...], "photographers": [...]}`` for a byline line, or None.

    A byline needs a marker: a role word (记者, 通讯员 ...), a ``文/`` or
    ``图/`` prefix, or a trailing 摄; every other item must be a person name.

    >>> parse_byline("■全媒体记者马大为")
    {'author': ['马大为']}
    >>> parse_byline("图/记者郑荣玺 杨磊涛 林峰")
    {'photographers': ['郑荣玺', '杨磊涛', '林峰']}
    >>> parse_byline("记者手记") is None
    True
    """
    line = line.strip()
    if len(line) > 60 or not line or not _BYLINE_MARKER.search(line):
        return None
    if line[0] in "(（[【" and line[-1] in ")）]】":
        line = line[1:-1].strip()  # "（记者 张三）"
        if not line:
            return None
    m = BYLINE.match(line)
    if not m:
        return None
    kind, role, shot = m["kind"], m["role"], m["shot"]
    if not (kind or role or shot):
        return None
    if m["org"] and not role:
        return None
    # several role groups: "记者 张三 通讯员 李四"
    parts = _MORE_ROLE.split(m["names"])
    names: list[str] = []
    for part in parts:
        if not part.strip():
            continue
        got = split_names(part)
        if got is None:
            return None
        names.extend(got)
    if not names:
        return None
    photo = bool(shot) or (kind is not None and kind in _PHOTO_KIND) or (role in _PHOTO_ROLE)
    out: dict[str, list[str]] = {}
    if kind and kind[0] in "文图圖" and kind[-1] in "文图圖" and len(kind) > 1:
        out["author"] = names
        out["photographers"] = list(names)
    elif photo:
        out["photographers"] = names
    else:
        out["author"] = names
    return out


# -- small line predicates ---------------------------------------------------
ELLIPSIS_LINE = re.compile(r"[\s.。…·・]*(?:……|…|\.{3,}|。{3,})[\s.。…·・]*")
SENTENCE_END = frozenset("。！？!?…")
#: a line that opens with a calendar day (``2023年10月26日``, ``1月19日``, ``2023年7月28-30日``)
DATE_LEAD = re.compile(r"(?:(?:19|20)\d\d\s*年\s*)?[01]?\d\s*月\s*[0-3]?\d(?:\s*[-－—至~～]\s*[0-3]?\d)?\s*日")
#: a line that opens with a year (``2023年河北省……现场``)
YEAR_LEAD = re.compile(r"(?:19|20)\d\d\s*年")


def strip_heading_marks(line: str) -> str:
    """A title line without 原标题 labels, (主题)/(引题) marks and leading/trailing dashes.

    >>> strip_heading_marks("原題目:凝心聚力共奮進 立異衝破開新局(引題)")
    '凝心聚力共奮進 立異衝破開新局'
    >>> strip_heading_marks("——2023年全省工会工作综述")
    '2023年全省工会工作综述'
    """
    line = HEADING_LABEL.sub("", line.strip())
    if line[-1:] in _MARK_LAST:  # the line ends on a non-space: a mark can only end on its bracket
        line = HEADING_MARK.sub("", line)
    return line.strip().strip("—－-").strip()


_MARK_LAST = frozenset(")）】]")


HEADING_LABEL = re.compile(r"^(?:原标题|原標題|原题目|原題目|原题|原題|标题|標題)\s*[:：]\s*")
HEADING_MARK = re.compile(r"\s*[(（【\[]\s*(?P<mark>引题|引題|主题|主題|副题|副題|肩题|肩題|眉题|眉題)\s*[)）】\]]\s*$")


def find_heading_mark(line: str) -> re.Match[str] | None:
    """``HEADING_MARK.search(line)``, skipping the scan when the line does not end on a bracket.

    >>> find_heading_mark("凝心聚力共奮進（引題） ")["mark"], find_heading_mark("正文第一段。")
    ('引題', None)
    """
    if line.rstrip()[-1:] not in _MARK_LAST:
        return None
    return HEADING_MARK.search(line)
