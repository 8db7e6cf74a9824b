"""Score lines for porn/gambling SEO spam vocabulary (pure: never edits).

The vocabulary (``data/spam_vocab.tsv``) gives each term a category and a
weight: strong terms (一区二区, 无码, 百家乐, 华体会 ...) weigh 3, ordinary words
that spam also uses (欧美, 美女, 免费) weigh 0.5, so they never decide alone.

>>> s = score_spam_line("日本中文字幕8区手机看片秋霞92|偷拍美女福利超碰首页中文字幕亚洲")
>>> s.strong >= 4, s.phrases
(True, 2)
>>> score_spam_line("欧美国家的美女运动员参加比赛").strong
0
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .._resources import spam_vocab

#: characters that join the phrases of a spam line
SEPARATORS = "|｜丨_,，、/／·•\u00a0\u3000 \t"
_SPLIT = re.compile(f"[{re.escape(SEPARATORS)}]+")
#: categories whose terms count as spam vocabulary (``suffix`` words only mark a brand)
SPAM_CATEGORIES = frozenset({"porn", "gambling", "brand", "ascii"})


@dataclass(frozen=True, slots=True)
class SpamScore:
    """Vocabulary evidence on one line."""

    score: float
    strong: int
    coverage: float
    phrases: int
    terms: tuple[str, ...]


def _grouped_alternation(terms: list[str]) -> str:
    """Alternation grouped by first character (much faster in ``re`` than a flat one)."""
    groups: dict[str, set[str]] = {}
    for t in terms:
        groups.setdefault(t[0], set()).add(t[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        tails = sorted((r for r in rests if r), key=lambda x: (-len(x), x))
        alt = "|".join(map(re.escape, tails))
        if "" in rests:
            parts.append(re.escape(first) + (f"(?:{alt})?" if tails else ""))
        else:
            parts.append(re.escape(first) + (f"(?:{alt})" if len(tails) > 1 else alt))
    return "|".join(parts)


@cache
def term_table() -> dict[str, dict[str, float]]:
    """``{term: {category: weight}}`` for every vocabulary term (lower case)."""
    table: dict[str, dict[str, float]] = {}
    for category, weight, term in spam_vocab():
        table.setdefault(term, {})[category] = weight
    return table


@cache
def _matchers() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """CJK-initial terms as one regex; ASCII-initial terms by their ASCII head (``m6`` -> ``m6米乐``...)."""
    cjk = [t for t in term_table() if not t[0].isascii()]
    by_head: dict[str, list[str]] = {}
    for t in term_table():
        if t[0].isascii():
            head = _ASCII_TOKEN.match(t)
            if head:
                by_head.setdefault(head.group(), []).append(t)
    return re.compile(_grouped_alternation(cjk)), {h: tuple(sorted(ts, key=len, reverse=True)) for h, ts in by_head.items()}


_ASCII_RUN = re.compile(r"[A-Za-z0-9.]+")
_ASCII_TOKEN = re.compile(r"\.?[a-z0-9]+")


def find_terms(line: str) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` for the vocabulary terms in ``line``, left to right, not overlapping.

    ASCII terms match whole tokens only (``av`` in ``日韩av`` but not in ``java``).

    >>> [t for _, _, t in find_terms("欧韩av日韩av超碰|天堂.com|m6米乐网页版")]
    ['av', '日韩av', '超碰', '天堂', '.com', 'm6米乐', '网页版']
    """
    cjk, by_head = _matchers()
    hits = [(m.start(), m.end(), m.group()) for m in cjk.finditer(line)]
    if line.isascii() or _ASCII_RUN.search(line):
        for run in _ASCII_RUN.finditer(line):
            low = run.group().lower()
            for tok in _ASCII_TOKEN.finditer(low):
                start = run.start() + tok.start()
                for term in by_head.get(tok.group(), ()):
                    if line[start : start + len(term)].lower() == term and (
                        len(term) > len(tok.group()) or tok.end() == len(low) or not low[tok.end()].isalnum()
                    ):
                        hits.append((start, start + len(term), term))
                        break
    if not hits:
        return hits
    hits.sort(key=lambda h: (h[0], -h[1]))
    out: list[tuple[int, int, str]] = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            continue
        out.append(h)
    return out


@cache
def strong_regex() -> re.Pattern[str]:
    """Only the strong CJK spam terms: a cheap scan that finds candidate lines."""
    strong = [t for t, cats in term_table().items() if not t[0].isascii() and any(w >= 3 for c, w in cats.items() if c != "suffix")]
    return re.compile(_grouped_alternation(strong))


def term_weight(term: str) -> float:
    """Spam weight of a vocabulary term (suffix-only words weigh 0.5)."""
    cats = term_table().get(term.lower(), {})
    spam = [w for c, w in cats.items() if c in SPAM_CATEGORIES]
    if spam:
        return max(spam)
    return 0.5 if cats else 0.0


def score_spam_line(line: str) -> SpamScore:
    """Vocabulary score, strong-term count, covered share and phrase count of ``line``."""
    hits = [t for _, _, t in find_terms(line)]
    weights = [term_weight(h) for h in hits]
    body = len(_SPLIT.sub("", line)) or 1
    covered = sum(len(h) for h in hits)
    parts = [p for p in _SPLIT.split(line) if p]
    # a phrase naming a brand-like word with a marker (太阳城娱乐, 欧宝官网) counts as one strong term
    brand_phrases = sum(1 for p in parts if brand_strength(p) == 1)
    return SpamScore(
        score=sum(weights) + 2 * brand_phrases,
        strong=sum(1 for w in weights if w >= 3) + brand_phrases,
        coverage=min(1.0, covered / body),
        phrases=len(parts),
        terms=tuple(hits),
    )


def brand_strength(segment: str) -> int:
    """2: names a gambling brand for sure; 1: a brand-like word with a 官网/app/下载 marker; 0: neither.

    >>> brand_strength("m6米乐网页版"), brand_strength("欧宝官网"), brand_strength("欧宝汽车"), brand_strength("新华网")
    (2, 1, 0, 0)
    """
    weak = marker = False
    for _, _, term in find_terms(segment):
        for cat, w in term_table().get(term, {}).items():
            if w >= 3 and cat in ("brand", "ascii", "gambling"):
                return 2
            if term in _ASCII_MARKERS or cat in ("suffix", "gambling"):
                marker = True
            elif cat in ("brand", "ascii"):
                weak = True
    return 1 if weak and marker else 0


_ASCII_MARKERS = frozenset({"app", ".com", ".net", ".cc", ".vip", ".top", ".xyz", "tv"})


def vocab_coverage(segment: str) -> float:
    """Share of ``segment``'s characters (separators and spaces aside) covered by vocabulary terms.

    >>> vocab_coverage("m6米乐网页版"), round(vocab_coverage("澳门博彩收入连升三月"), 1)
    (1.0, 0.2)
    """
    body = len(_SPLIT.sub("", segment))
    if not body:
        return 0.0
    return min(1.0, sum(e - s for s, e, _ in find_terms(segment)) / body)


@cache
def brand_gate_regex() -> re.Pattern[str]:
    """Brand and gambling CJK terms only: a cheap test that a short line might name a brand."""
    terms = [t for t, cats in term_table().items() if not t[0].isascii() and ("brand" in cats or "gambling" in cats)]
    return re.compile(_grouped_alternation(terms))


@cache
def latin_gate_regex() -> re.Pattern[str]:
    """The ASCII heads of vocabulary terms (m6, betway, app ...): a cheap test for Latin-letter brands."""
    heads = {h.group() for t in term_table() if t[0].isascii() and (h := _ASCII_TOKEN.match(t))}
    return re.compile(rf"(?<![a-z0-9])(?:{_grouped_alternation(sorted(heads))})(?![a-z])", re.IGNORECASE)
