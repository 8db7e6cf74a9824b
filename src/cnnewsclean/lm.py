"""Character language model: how likely is a string as Chinese news text?

A character model built on word statistics: after a character, the text
either continues the current word (bigram counts inside words) or ends it
(how often the character ends a word) and starts a new token: a word-initial
character, punctuation, digits or Latin letters, with hand-set rates per
class of the previous token. Counts come from jieba's dictionary in
Simplified and Traditional script (``data/char_lm.tsv.gz``, built by
``scripts/build_char_lm.py``); the model is loaded once, on first use.

Use it to rank alternative readings of the same stretch of text: ``score`` is
the mean log-probability per character (higher is more Chinese-like),
``logprob`` the total, ``CharLM.logp`` one transition.

>>> score("發展產業") > score("鍙戝睍濞")
True
>>> logprob("必行。”全國") > logprob("必行常”全國")
True
"""

from __future__ import annotations

import math
from functools import cache

from ._resources import char_lm_tables

_CJK, _PUNCT, _DIGIT, _LATIN, _OTHER = range(5)

#: full-width punctuation after a word boundary inside running text (relative rates)
_PUNCT_RATE = {
    "，": 0.36, "。": 0.15, "、": 0.10, "“": 0.11, "”": 0.11, "：": 0.03, "；": 0.02,
    "（": 0.02, "）": 0.02, "《": 0.02, "》": 0.02, "！": 0.01, "？": 0.01, "‘": 0.005,
    "’": 0.005, "·": 0.005, "—": 0.005, "…": 0.005,
}  # fmt: skip
_ASCII_PUNCT = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"})
#: what follows a boundary, by class of the previous token: (cjk, punct, digit, latin)
_NEXT = {
    None: (0.90, 0.03, 0.05, 0.02),
    _CJK: (0.775, 0.20, 0.02, 0.005),
    _PUNCT: (0.88, 0.06, 0.05, 0.01),
    _DIGIT: (0.40, 0.10, 0.45, 0.05),
    _LATIN: (0.25, 0.05, 0.05, 0.65),
    _OTHER: (0.70, 0.10, 0.10, 0.10),
}
#: punctuation pairs that are much likelier than the rates above say
_PUNCT_AFTER = {
    "。": {"”": 0.05, "“": 0.03, "’": 0.01, "）": 0.01},
    "”": {"，": 0.15, "。": 0.04, "、": 0.05, "“": 0.08},
    "？": {"”": 0.12},
    "！": {"”": 0.12},
}
_UNKNOWN_CJK = 1e-7
_SENTENCE_END = frozenset("。！？!?")
_PUA_LOGP = math.log(1e-10)
_OTHER_LOGP = math.log(1e-6)
_ASCII_PUNCT_FACTOR = 0.3


def char_class(ch: str) -> int:
    """Class of a character for the boundary model."""
    if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000":
        return _CJK
    if ch in _PUNCT_RATE or ch in ",:;!?()":
        return _PUNCT
    if ch.isascii():
        if ch.isdigit():
            return _DIGIT
        if ch.isalpha():
            return _LATIN
    return _OTHER


class CharLM:
    """Word-boundary character bigram model (see module docstring)."""

    def __init__(self) -> None:
        uni, bi = char_lm_tables()
        total_initial = sum(v[2] for v in uni.values()) or 1
        total_multi = sum(v[3] for v in uni.values()) or 1
        total = sum(v[0] for v in uni.values()) or 1
        self._freq = {ch: v[0] / total for ch, v in uni.items()}
        self._start: dict[str, float] = {}
        # a sentence rarely opens with a one-character function word (和, 的, 了)
        self._sentence_start: dict[str, float] = {}
        # per history char: (P(boundary), 1 / continuation total)
        self._hist: dict[str, tuple[float, float]] = {}
        for ch, (c, e, s, m) in uni.items():
            self._start[ch] = (s + 0.5) / total_initial
            self._sentence_start[ch] = 0.5 * self._start[ch] + 0.5 * (m + 0.5) / total_multi
            cont = max(c - e, 1)
            b = (e + 0.02 * c + 1.0) / (c * 1.02 + 2.0)
            self._hist[ch] = (b, (1.0 - b) / cont)
        self._bi = bi

    def logp(self, prev: str | None, ch: str) -> float:
        """Log-probability of ``ch`` after ``prev`` (None: start of text)."""
        if "\ue000" <= ch <= "\uf8ff":
            return _PUA_LOGP
        cls = char_class(ch)
        pcls = None if prev is None else char_class(prev)
        boundary = 1.0
        within = 0.0
        if pcls == _CJK:
            h = self._hist.get(prev)  # type: ignore[arg-type]
            if h is not None:
                boundary = h[0]
                if cls == _CJK:
                    c = self._bi.get(ord(prev) << 21 | ord(ch))  # type: ignore[arg-type]
                    if c:
                        within = c * h[1]
        rates = _NEXT[pcls]
        if cls == _CJK:
            start = self._sentence_start if prev in _SENTENCE_END else self._start
            p = rates[0] * start.get(ch, _UNKNOWN_CJK)
        elif cls == _PUNCT:
            factor = 1.0
            if ch.isascii():
                ch = ch.translate(_ASCII_PUNCT)
                factor = _ASCII_PUNCT_FACTOR
            special = _PUNCT_AFTER.get(prev, {}).get(ch) if prev else None  # type: ignore[call-overload]
            p = factor * (special if special is not None else rates[1] * _PUNCT_RATE.get(ch, 0.005))
        elif cls == _DIGIT:
            p = rates[2] * 0.1
        elif cls == _LATIN:
            p = rates[3] / 52
        else:
            return _OTHER_LOGP
        return math.log(within + boundary * p)

    def logprob(self, text: str, prev: str | None = None) -> float:
        """Total log-probability of ``text`` (after ``prev``)."""
        total = 0.0
        for ch in text:
            total += self.logp(prev, ch)
            prev = ch
        return total

    def score(self, text: str) -> float:
        """Mean log-probability per character (0.0 for empty text)."""
        return self.logprob(text) / len(text) if text else 0.0

    def char_logp(self, ch: str) -> float:
        """Log of the share of word occurrences that contain ``ch`` (context-free commonness)."""
        return math.log(self._freq.get(ch, 1e-9))

    def is_known(self, ch: str) -> bool:
        """True when the word list has seen ``ch``."""
        return ch in self._start


@cache
def model() -> CharLM:
    """The shared model (loaded on first call)."""
    return CharLM()


def score(text: str) -> float:
    """Mean log-probability per character of ``text`` under the shared model."""
    return model().score(text)


def logprob(text: str, prev: str | None = None) -> float:
    """Total log-probability of ``text`` (after ``prev``) under the shared model."""
    return model().logprob(text, prev)
