"""Rejoin paragraphs that a page break split in the middle of a sentence.

A line is joined with the next one when it is clearly an unfinished
sentence: it is long enough to be a paragraph, has clause punctuation
inside (``，、；``), and ends without sentence-final punctuation (or with an
unclosed quote); and the next line continues it (it does not open with a
heading mark, a quote, a list number or a date). Headings (short lines
without inner punctuation, like ``坚持深化产改 组织动员广大职工…``) and the
title block are never joined.

Because it runs late (after spam removal and punctuation repair), it also
brings ``title``/``kicker``/``subtitle`` metadata in line with the final
heading lines (``sync_title``): a value recorded earlier that still carried
injected text or ASCII punctuation is replaced by the heading line it became.

Reasons logged: ``broken_sentence`` (the line ends mid-sentence),
``open_quote`` (the line ends inside an unclosed quote, ``完善“普``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..cleaner import Cleaner
from ..detect.chrome import DATE_LEAD, HAN, strip_heading_marks
from ..document import Document, Edit

#: a line break between a character that cannot end a paragraph (the last of a line that may be
#: cut mid-sentence) and one that can continue it; the newline comes first so the regex engine
#: jumps from newline to newline, the lookbehind then checks the character before it
_CUT_BREAK = re.compile(rf"\n(?<=[{HAN}\w“「『《（(、，,]\n)(?=[{HAN}\w”」』、，,；;：:。）)%])")
_CLAUSE = re.compile(r"[，,、；;。！？!?]")
_NEW_PARA = re.compile(
    r"^(?:[■●▲◆★☆□◇△○◎•·\-—－*#]|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,2}[)）]|"
    r"第[一二三四五六七八九十\d]+[章节節条條部分]|(?:19|20)\d\d\s*年)"
)
_OPENER = re.compile(r"[\u4e00-\u9fff]{2,4}[，,]")
_LABELLED = re.compile(r"[\u4e00-\u9fff]{1,4}[:：]")
_SENT = re.compile(r"[。！？!?]")
_STOP = re.compile(r"[。！？!?；;]")
_HEADING_MARK = re.compile(r"[(（](?:引题|引題|主题|主題|副题|副題)[)）]$")


@dataclass(frozen=True)
class RejoinOptions:
    """Options for :class:`RejoinBrokenParagraphs`.

    ``min_line``: the shortest line that may be the first half of a broken
    paragraph (shorter lines are headings); ``min_comma_line``: the same for a
    line with only commas inside (no 。 or ；), which may be a long heading.
    ``skip_head``: lines at the top
    never joined (title block) when no title is known in metadata.
    ``sync_title``: update title metadata to the final heading lines.
    """

    min_line: int = 25
    min_comma_line: int = 36
    skip_head: int = 1
    sync_title: bool = True


class RejoinBrokenParagraphs(Cleaner):
    """Join a paragraph cut mid-sentence by a page break with its continuation.

    >>> from cnnewsclean.document import Document
    >>> text = "標題\\n已選樹110名。力爭到2029年,培養造就50名左右大國\\n工匠、500名左右南粵工匠。"
    >>> RejoinBrokenParagraphs(min_line=10)(Document(text)).text
    '標題\\n已選樹110名。力爭到2029年,培養造就50名左右大國工匠、500名左右南粵工匠。'
    """

    Config = RejoinOptions

    def quick_check(self, text: str) -> bool:
        return self.config.sync_title or _CUT_BREAK.search(text, 1) is not None

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        cfg: RejoinOptions = self.config
        if cfg.sync_title:
            sync_heading_metadata(text, doc)
        heads = {str(doc.metadata.get(k, "")) for k in ("title", "kicker", "subtitle")} - {""}
        first_nl = text.find("\n")
        edits: list[Edit] = []
        for m in _CUT_BREAK.finditer(text, 1):
            nl = m.start()
            if cfg.skip_head and nl <= first_nl:
                continue
            a_start = text.rfind("\n", 0, nl) + 1
            b_end = text.find("\n", nl + 1)
            a = text[a_start:nl].strip()
            b = text[nl + 1 : len(text) if b_end < 0 else b_end].strip()
            reason = _join_reason(a, b, cfg.min_line, cfg.min_comma_line)
            if reason is None or (heads and strip_heading_marks(a) in heads):
                continue
            edits.append(self.edit(text, nl, nl + 1, "", reason))
        return edits


def _join_reason(a: str, b: str, min_line: int, min_comma_line: int = 36) -> str | None:
    """Why ``a`` and ``b`` are one paragraph, or None."""
    if not a or not b or _NEW_PARA.match(b) or DATE_LEAD.match(b) or _HEADING_MARK.search(a):
        return None
    if a.count("“") > a.count("”") or a.count("「") > a.count("」"):
        if b.count("”") > b.count("“") or b.count("」") > b.count("「"):
            return "open_quote"
    if len(a) < min_line or not _CLAUSE.search(a):
        return None
    if not _STOP.search(a) and len(a) < min_comma_line and a[-1] not in "、，,":
        return None  # only commas inside: may be a long heading ("坚持…，推动…")
    if len(_LABELLED.findall(a)) >= 2 or (_LABELLED.search(a) and _LABELLED.search(b) and not _SENT.search(a)):
        return None  # contact or schedule lines ("地址：…，电话：…"), not a cut sentence
    if b[0] in "“「『《":
        return None
    if not _CLAUSE.search(b) and b[-1] not in "”」』…":
        return None  # a heading line, not the rest of a sentence
    if _OPENER.match(b):
        return None  # "第一，" "此外，" "近日，": a new sentence starts the line
    if a[-1] in "”」』":  # a closing quote usually ends the paragraph
        return None
    return "broken_sentence"


_FOLD = str.maketrans("，：；？！（）", ",:;?!()")


def sync_heading_metadata(text: str, doc: Document, lines: int = 6) -> None:
    """Replace title/kicker/subtitle metadata by the heading line each became.

    A recorded value matches a line of the first ``lines`` when the line,
    punctuation width folded, is what is left of the value after deletions
    (injected text removed), keeps a good part of it and shares its first four
    and last two characters.

    >>> doc = Document("廣東省總工會：團結動員職工奮進新征程\\n正文。", metadata={"title": "廣東省總工會:團結動員職工奮進新征程"})
    >>> sync_heading_metadata(doc.text, doc); doc.metadata["title"]
    '廣東省總工會：團結動員職工奮進新征程'
    """
    meta = doc.metadata
    keys = [k for k in ("title", "kicker", "subtitle") if isinstance(meta.get(k), str) and meta[k]]
    if not keys:
        return
    heads = [strip_heading_marks(line) for line in text.split("\n", lines)[:lines]]
    for key in keys:
        value = meta[key]
        if value in heads:
            continue
        folded = value.translate(_FOLD)
        for head in heads:
            h = head.translate(_FOLD)
            if len(h) >= max(4, 0.4 * len(folded)) and h[:4] == folded[:4] and h[-2:] == folded[-2:] and _is_subsequence(h, folded):
                meta[key] = head
                break


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)
