"""Remove spam keywords an SEO injector spliced into news text, and rejoin the host text.

A lexicon hit (sugar dating, gambling, porn SEO terms; both scripts) is removed
only with evidence that it was injected rather than written:

* it splits a host word or number (``上包養午`` → ``上午``, ``2024包養年`` → ``2024年``);
* hits repeat across the document, several of them splitting words;
* a hit sits in news that never otherwise talks about the trade (no 援交, 賭場 …
  on the page, no 警方, 網站 … next to it).

Real news *about* sugar dating or gambling keeps its words: there the keywords
sit between whole words, and the text carries topic words around them.

Reasons logged: ``split_host_word``, ``split_number`` (the hit cut a word or
number in two), ``repeated_spam_keyword`` (an injected document's other hits),
``off_topic_spam_keyword`` (a hit in news about something else),
``spam_keyword_line`` (a line that held nothing but keywords).
Metadata: ``injected_keywords`` (count removed); flag ``spam_keyword`` for hits kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..cleaner import Cleaner
from ..detect.injection import Hit, find_keyword_hits, has_anchor, is_off_topic, split_evidence, topic_support
from ..document import Document, Edit
from ..lines import LineIndex


@dataclass(frozen=True)
class Config:
    """Options for :class:`RemoveInjectedKeywords`.

    min_split_hits: split hits that mark the whole document as injected.
    min_split_share: ... and the share of all hits they must make up.
    min_repeats: hits (on ≥2 lines) that mark a document with no topic words as injected.
    remove_single_split: remove a lone split hit in an otherwise unremarkable text.
    remove_off_topic: remove hits on a page without topic words and with no reporting words (警方, 網站 …) near them.
    """

    min_split_hits: int = 2
    min_split_share: float = 0.2
    min_repeats: int = 3
    remove_single_split: bool = True
    remove_off_topic: bool = True


class RemoveInjectedKeywords(Cleaner):
    """Remove spliced spam keywords (包養網, 威尼斯人现金网 …) and rejoin the words they split.

    >>> from cnnewsclean.document import Document
    >>> RemoveInjectedKeywords()(Document("2024包養年1月13日上包養午，發布運動在成都舉辦。")).text
    '2024年1月13日上午，發布運動在成都舉辦。'
    >>> RemoveInjectedKeywords()(Document("警方查獲一個包養網站，逾百名女大生在平台上援交。")).text
    '警方查獲一個包養網站，逾百名女大生在平台上援交。'
    """

    name = "remove_injected_keywords"
    Config = Config

    def quick_check(self, text: str) -> bool:
        return has_anchor(text)

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        cfg: Config = self.config
        hits = find_keyword_hits(text)
        if not hits:
            return []
        evidence = [split_evidence(text, h.start, h.end) for h in hits]
        n_split = sum(1 for e in evidence if e)
        support = topic_support(text, hits)
        index = LineIndex(text)
        lines = {index.number(h.start) for h in hits}
        injected_doc = (n_split >= cfg.min_split_hits and n_split / len(hits) >= cfg.min_split_share) or (
            support == 0 and len(hits) >= cfg.min_repeats and len(lines) >= 2 and n_split >= 1
        )
        off_topic = is_off_topic(text, hits, support) if cfg.remove_off_topic else [False] * len(hits)
        edits: list[Edit] = []
        for h, ev, off in zip(hits, evidence, off_topic, strict=True):
            if injected_doc or (ev and support == 0 and cfg.remove_single_split):
                edits.append(self._removal(text, index, h, ev))
            elif off:
                edits.append(self._removal(text, index, h, "off_topic:"))
            else:
                doc.flag("spam_keyword", start=h.start, end=h.end, term=h.term, category=h.category, score=0.5 if ev else 0.2)
        if edits:
            doc.metadata["injected_keywords"] = doc.metadata.get("injected_keywords", 0) + len(edits)
        return edits

    def _removal(self, text: str, index: LineIndex, h: Hit, ev: str | None) -> Edit:
        ls, le = index.span(h.start)
        if text[ls : h.start].strip() == "" and text[h.end : le].strip() == "":
            s, e = (ls, le + 1) if le < len(text) else (max(0, ls - 1), le)
            return self.edit(text, s, e, "", "spam_keyword_line")
        reason = (
            "repeated_spam_keyword"
            if ev is None
            else ev.split(":", 1)[0].replace("split_word", "split_host_word").replace("off_topic", "off_topic_spam_keyword")
        )
        return self.edit(text, h.start, h.end, "", reason)
