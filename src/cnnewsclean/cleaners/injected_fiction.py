"""Remove fragments of fiction an SEO injector spliced into news text, without a word list.

Each character gets a register score (:mod:`cnnewsclean.detect.register`):
pronouns, 了/著, sentence-final particles, question marks and characters in the
script the host does not use push it towards fiction; digits, spinner
artefacts and character bigrams that recur elsewhere in the document push it
towards the host. The best-scoring runs of a line are candidate spans. Their
boundaries are then moved, a few characters either way, to the cut whose
removal rejoins the host: a dictionary word (``職工群[…]眾`` → ``群眾``), a
number (``400[…]余萬``) or a character pair the document uses elsewhere.

Nothing is removed unless the page itself contrasts with the span: outside
all candidate runs it must read as news (at most ``max_host_marker_rate``
markers per character, at least ``min_host_chars`` characters). Features,
blogs and interviews are full of pronouns, 了 and questions; there a
"fiction-like" run is the page's own voice, so spans are only flagged.

A span is removed only when it is confidently fiction (two kinds of marker, no
digits, news register on both sides, cut inside a clause), its removal rejoins
the host and does not unpair the line's quotation marks (quoted speech in a
report stays), or, without a rejoin, when its evidence is overwhelming (three
kinds of marker, a high score). On a page of plain news (markers rarer than
``contrast_rate``, digits present) every line with a marker is examined, and a
span with a voice (a pronoun, a final particle, ?/!) and a high score needs only
one kind of marker or a weaker rejoin. A whole line is removed when it is
fiction throughout, its quotation marks do not pair up and the page already
shows injection (spam keywords, other fragments). Anything weaker is flagged
(``fiction_span`` in ``metadata["flags"]`` with its score and the tests it
missed: ``quiet_page``, ``keeps_quotes``, ``rejoins`` …), not edited.

The character model (:mod:`cnnewsclean.lm`) weighs each cut too: a splice
leaves two unlikely junctions (host→fiction, fiction→host) where the host read
one likely one, so a large gain of the joined reading over the span's edges
counts as a rejoin, and lets a span with a single marker go. Pages without a
marker cluster are still examined when a pronoun is followed, within a clause,
by 了/著, a final particle or ?/! (``她累了``, ``你…吗``).

Reasons logged: ``fiction_rejoins_word``, ``fiction_rejoins_number``,
``fiction_rejoins_text`` (the cut leaves a character pair the document uses
elsewhere), ``fiction_line``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from .._resources import host_words
from ..cleaner import Cleaner, iter_lines
from ..detect.injection import to_simplified
from ..detect.register import (
    CLUSTER2_RE,
    CLUSTER_RE,
    DIGITS,
    MARKER_CHARS,
    MARKER_RE,
    PUNCT,
    DocProfile,
    best_segments,
    char_scores,
    marker_kinds,
    spun_spans,
)
from ..document import Document, Edit
from ..lm import logprob as lm_logprob
from ..lm import model as lm_model

_NUMBER_TAIL = frozenset("0123456789０１２３４５６７８９.%．％年月日號号時时點点萬万億亿元餘余多個个位名件次項项人家場场歲岁天")
#: separators inside a sentence: a span that starts or ends with one is cut along the host's own clauses
_CLAUSE_PUNCT = frozenset("、，,；;：:")
_OVERLAPPING = tuple(re.compile(f"(?=({rx.pattern}))") for rx in (CLUSTER2_RE, CLUSTER_RE))
_HOSTLIKE = regex.compile(r"[\p{Han}0-9A-Za-z]")
_MARKER_CHAR_RE = re.compile("[" + "".join(sorted(MARKER_CHARS)) + "]")
_DIGIT_RE = re.compile(r"[0-9０-９]")
#: a narrator's or speaker's voice: a personal pronoun closely followed by 了/著, a final particle or ?/!,
#: within one clause (news seldom writes 她…了 or 你…吗 without a quotation around it)
_VOICE_RE = re.compile(r"(?:[她妳]|你(?![们們])|我(?![们們國国省市]))[^\n0-9０-９，。、；：,;:]{0,6}[了著着呢吗嗎啊？！?!]")
#: characters left out of the page's marker rate
_RATE_SKIP = "，。、“”：；\n「」！？ ,.:;!?"
_OPEN_QUOTES = frozenset("“「『‘")
_CLOSE_QUOTES = frozenset("”」』’")


@dataclass(frozen=True)
class Config:
    """Options for :class:`RemoveInjectedFiction`.

    min_markers: marker characters (pronouns, 了, ？, other-script forms) a span needs.
    cluster_markers: markers close together (of two kinds) that make a line worth examining:
        3 (default) is fast on clean text; 2 finds more short fragments but examines many more pages.
    seed_score: score of a run worth examining.
    remove_score: score (after boundary search) that removes a span whose cut rejoins the host.
    flag_score: score that flags a span that is not removed.
    window: how far (characters) a boundary may move to find a rejoining cut.
    move_cost: score cost per character a boundary moves outwards.
    leftover_cost: score cost per fiction marker a cut leaves within 12 characters of it.
    host_score: a boundary never moves outwards across characters summing to this little (clearly host).
    line_score: score that removes a whole broken line of fiction on a page that shows injection.
    strong_score: score (with three kinds of marker) that removes a span even when its cut rejoins no word.
    context: characters either side of a span that must read as the host (news) ...
    max_context_rate: ... with at most this many fiction markers per character (quoted dialogue is not a splice).
    max_host_marker_rate: fiction markers per character the page may show outside all candidates for
        anything to be removed (spliced news: mostly under 0.01; features, blogs, news quoting people at
        length: 0.017 and more); above it spans are flagged.
    min_host_chars: host characters (outside all candidates) needed to judge the page's register at all:
        a snippet of a story is no evidence of a splice.
    contrast_rate: markers per character (outside candidates) under which, with digits on the page, the page
        counts as plain news: every line with a marker is examined and single-kind spans may go.
    contrast_score: score such a span (with a pronoun, final particle or ?/!) needs on a plain-news page
        when it holds a quotation mark (a quoted name or saying of the host's own may look like a voice) ...
    contrast_score_unquoted: ... and when it holds none.
    line_markers: marker clusters (2 or 3 markers, two kinds, no digits) that put a line under examination
        once the page passed the pre-check.
    lm_rejoin_gain: log-probability gain (character model, :func:`_lm_gain`) of the host read across the cut
        over the span's two edges that counts as a rejoin when no word or number is rejoined.
    lm_marker_gain: such a gain that lets a span with a single marker (and no quotation marks) go.
    clause_kinds, clause_score: a span with this many kinds of marker and this score may start or end at
        the host's clause punctuation (、，；：) even without a rejoined word or number.
    """

    min_markers: int = 2
    cluster_markers: int = 3
    seed_score: float = 6.0
    remove_score: float = 7.0
    flag_score: float = 7.0
    window: int = 14
    move_cost: float = 0.3
    leftover_cost: float = 1.5
    host_score: float = -2.0
    line_score: float = 3.5
    strong_score: float = 11.0
    context: int = 30
    max_context_rate: float = 0.04
    max_host_marker_rate: float = 0.015
    min_host_chars: int = 100
    contrast_rate: float = 0.012
    contrast_score: float = 12.0
    contrast_score_unquoted: float = 10.0
    line_markers: int = 2
    clause_kinds: int = 2
    clause_score: float = 16.0
    lm_rejoin_gain: float = 2.5
    lm_marker_gain: float = 4.5


@dataclass(frozen=True, slots=True)
class _Cut:
    start: int
    end: int
    score: float
    junction: str  # word | number | pair | punct | edge | none


class RemoveInjectedFiction(Cleaner):
    """Remove spliced fiction fragments (“是啊，想通了。”藍玉華肯定地點點頭。) and rejoin the host text.

    >>> from cnnewsclean.document import Document
    >>> host = ("全國休息模范李進峰等三位宣講員傾情宣講，將中國工會精力送離職工群眾的身邊。今年以來，全省各級工會共開展"
    ...         "宣講活動1.2萬場，覆蓋職工群眾300余萬人次；各地工會還組織勞模工匠進企業、進社區、進校園，開展技能培訓和"
    ...         "志愿服務活動2300余場。")
    >>> fragment = "藍玉華站在主屋裡愣了半天，不知道自己現在應該是什麼心情和反應，接下來該怎麼辦？他會回來陪"
    >>> RemoveInjectedFiction()(Document(host.replace("群眾的", "群" + fragment + "眾的"))).text == host
    True
    """

    name = "remove_injected_fiction"
    Config = Config
    runs_after = ("remove_injected_keywords",)

    def _clusters(self) -> re.Pattern[str]:
        """Marker clusters starting at every marker (overlapping: a host marker must not swallow a fragment's)."""
        return _OVERLAPPING[0 if self.config.cluster_markers <= 2 else 1]

    def quick_check(self, text: str) -> bool:
        plain = CLUSTER2_RE if self.config.cluster_markers <= 2 else CLUSTER_RE
        if plain.search(text) is None:  # no cluster at all (most clean news): skip the overlapping scan
            return _VOICE_RE.search(text) is not None
        return any(_dialogue_like(m.group(1)) for m in self._clusters().finditer(text))

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        cfg: Config = self.config
        injected_page = bool(doc.metadata.get("injected_keywords"))
        edits: list[Edit] = []
        whole_lines: list[tuple[int, int, float]] = []
        lines = [
            (ls, le)
            for ls, le, line in iter_lines(text)
            if any(_dialogue_like(m.group(1)) for m in _OVERLAPPING[0 if self.config.line_markers <= 2 else 1].finditer(line))
            or (injected_page and _MARKER_CHAR_RE.search(line))
            or _VOICE_RE.search(line)
        ]
        if not lines:
            return []
        profile = DocProfile.of(text, focus="".join(text[ls:le] for ls, le in lines))
        spun = spun_spans(text)
        # per-page caches for the boundary search (positions and character pairs do not change within a page)
        caches: tuple[dict[int, float], dict[tuple[str, str, bool, bool], tuple[str, float]]] = ({}, {})
        # pass 1: rough candidates; pass 2: score again against the host without them
        rough, live = self._rough_pass(text, lines, profile, spun)
        candidates = [(s, e) for s, e, v in rough if v >= cfg.seed_score]
        # the page's own register: weaker runs are left out too (a fragment is not host text)
        host_rate, host_chars = _host_marker_rate(text, profile, [(s, e) for s, e, _ in rough])
        profile.set_candidates(candidates)
        # a page that reads as narrative outside the candidates (features, blogs) shows no contrast: flag only
        quiet_page = host_chars >= cfg.min_host_chars and host_rate <= cfg.max_host_marker_rate
        # plain news around the candidates (almost no markers, digits): any narrative run stands out
        contrast = host_rate <= cfg.contrast_rate and _DIGIT_RE.search(text) is not None
        if contrast and not injected_page:
            seen = set(lines)
            more = [(ls, le) for ls, le, line in iter_lines(text) if (ls, le) not in seen and _MARKER_CHAR_RE.search(line)]
            if more:
                lines = sorted(lines + more)
                profile = profile.refocus("".join(text[ls:le] for ls, le in lines))
                rough, live = self._rough_pass(text, lines, profile, spun)
                candidates = [(s, e) for s, e, v in rough if v >= cfg.seed_score]
                profile.set_candidates(candidates)
        for ls, le in live:
            scores = char_scores(text, ls, le, profile, spun)
            segments = best_segments(scores, min(cfg.seed_score, cfg.line_score))
            for s, e, seg_score in ((ls + a, ls + b, v) for a, b, v in segments):
                if seg_score < cfg.seed_score and _HOSTLIKE.search(text[ls : max(ls, s - cfg.window)] + text[min(le, e + cfg.window) : le]):
                    continue  # too weak for a span, and host text stays on the line whatever the cut: not a fiction line
                around = text[max(ls, s - cfg.window) : e + cfg.window]
                if not _MARKER_CHAR_RE.search(around) and not any(c in profile.minority for c in around):
                    continue  # no fiction marker within reach: nothing a cut could remove or flag
                if marker_kinds(around) < (1 if contrast else 2) and not (injected_page and seg_score >= cfg.line_score):
                    if seg_score >= cfg.flag_score:
                        doc.flag("fiction_span", start=s, end=e, score=round(seg_score, 2), text=text[s:e])
                    continue
                if (
                    seg_score >= cfg.seed_score
                    and _context_marker_rate(text, ls, le, s, e, profile, cfg.context) > 2 * cfg.max_context_rate
                ):
                    # dialogue all around: a quotation in the news, not a splice
                    if seg_score >= cfg.flag_score:
                        doc.flag("fiction_span", start=s, end=e, score=round(seg_score, 2), text=text[s:e], missing=["quiet_host"])
                    continue
                cut = self._best_cut(text, ls, le, s, e, scores, profile, caches)
                markers = sum(1 for i in range(cut.start, cut.end) if i in profile.markers or text[i] in profile.minority)
                digits = sum(1 for c in text[cut.start : cut.end] if c in DIGITS)
                if cut.junction == "edge" or not _HOSTLIKE.search(text[ls : cut.start] + text[cut.end : le]):
                    whole_lines.append((ls, le, cut.score))
                    continue
                if seg_score < cfg.seed_score:
                    continue
                strong_join = cut.junction in ("word", "number") or (
                    cut.junction == "pair" and _is_han(text[cut.start - 1] + text[cut.end])
                )
                kinds = marker_kinds(text[cut.start : cut.end]) + (
                    1 if any(c in profile.minority for c in text[cut.start : cut.end]) else 0
                )
                mid_clause = (
                    (text[cut.start] not in _CLAUSE_PUNCT and text[cut.end - 1] not in _CLAUSE_PUNCT)
                    or (cut.junction in ("word", "number") and cut.score >= cfg.remove_score + 2)
                    or (kinds >= cfg.clause_kinds and cut.score >= cfg.clause_score)
                )
                # the character model across the cut: removing a splice leaves one likely junction for two unlikely ones
                lm_gain = _lm_gain(text, ls, le, cut.start, cut.end)
                # a quotation mark inside: maybe a quoted name or saying of the host's own
                quoted = any(c in _OPEN_QUOTES or c in _CLOSE_QUOTES for c in text[cut.start : cut.end])
                quiet_host = _context_marker_rate(text, ls, le, cut.start, cut.end, profile, cfg.context) <= cfg.max_context_rate
                missing = [
                    name
                    for name, ok in (
                        ("no_digits", digits == 0),
                        (
                            "markers",
                            (markers >= cfg.min_markers and kinds >= 2)
                            or (
                                contrast
                                and strong_join
                                and cut.score >= (cfg.contrast_score if quoted else cfg.contrast_score_unquoted)
                                and _has_voice(text[cut.start : cut.end])
                            )
                            or (markers >= 1 and lm_gain >= cfg.lm_marker_gain and not quoted),
                        ),
                        ("mid_clause", mid_clause),
                        ("quiet_host", quiet_host),
                        ("score", cut.score >= cfg.remove_score),
                        (
                            "rejoins",
                            strong_join
                            or (kinds >= 3 and cut.score >= cfg.strong_score)
                            or (contrast and kinds >= 2 and cut.junction != "none" and cut.score >= cfg.contrast_score)
                            or lm_gain >= cfg.lm_rejoin_gain,
                        ),
                        ("quiet_page", quiet_page),
                        ("keeps_quotes", not _breaks_quotes(text, ls, le, cut.start, cut.end)),
                    )
                    if not ok
                ]
                if not missing:
                    reason = {"word": "fiction_rejoins_word", "number": "fiction_rejoins_number"}.get(cut.junction, "fiction_rejoins_text")
                    edits.append(self.edit(text, cut.start, cut.end, "", reason))
                elif cut.score >= cfg.flag_score and markers >= 1:
                    doc.flag(
                        "fiction_span",
                        start=cut.start,
                        end=cut.end,
                        score=round(cut.score, 2),
                        text=text[cut.start : cut.end],
                        missing=missing,
                    )
        injected_page = injected_page or bool(edits)
        for ls, le, score in whole_lines:
            line = text[ls:le]
            digits = sum(1 for c in line if c in DIGITS)
            if quiet_page and digits == 0 and injected_page and _broken_quotes(line) and score >= cfg.line_score:
                s, e = (ls, le + 1) if le < len(text) else (max(0, ls - 1), le)
                edits.append(self.edit(text, s, e, "", "fiction_line"))
            else:
                doc.flag("fiction_span", start=ls, end=le, score=round(score, 2), text=line)
        if edits:
            doc.metadata["injected_fiction"] = doc.metadata.get("injected_fiction", 0) + len(edits)
        return _non_overlapping(edits)

    def _rough_pass(
        self, text: str, lines: list[tuple[int, int]], profile: DocProfile, spun: list[tuple[int, int]]
    ) -> tuple[list[tuple[int, int, float]], list[tuple[int, int]]]:
        """Pass 1: fiction-like runs of ``lines`` (score ≥ line_score), and the lines worth scoring again.

        A line without even a weak run (score 2) seldom gains a span when the candidates
        are left out of the host's bigrams: only lines with one are scored again.
        """
        cfg: Config = self.config
        low = min(cfg.seed_score, cfg.line_score)
        rough: list[tuple[int, int, float]] = []
        live: list[tuple[int, int]] = []
        for ls, le in lines:
            segments = best_segments(char_scores(text, ls, le, profile, spun), 2.0)
            if segments:
                live.append((ls, le))
                rough += [(ls + a, ls + b, v) for a, b, v in segments if v >= low]
        return rough, live

    def _best_cut(
        self,
        text: str,
        ls: int,
        le: int,
        a: int,
        b: int,
        scores: list[float],
        profile: DocProfile,
        caches: tuple[dict[int, float], dict[tuple[str, str, bool, bool], tuple[str, float]]],
    ) -> _Cut:
        w = self.config.window
        prefix = [0.0]
        for v in scores:
            prefix.append(prefix[-1] + v)
        marker_prefix = [0]
        for i in range(ls, le):
            marker_prefix.append(marker_prefix[-1] + (i in profile.markers))
        # outwards, a boundary may only cross characters that do not read as host text
        lo, run = a, 0.0
        while lo > max(ls, a - w) and run + scores[lo - 1 - ls] > self.config.host_score:
            lo -= 1
            run += scores[lo - ls]
        hi, run = b, 0.0
        while hi < min(le, b + w) and run + scores[hi - ls] > self.config.host_score:
            run += scores[hi - ls]
            hi += 1
        best: _Cut | None = None
        edge_cache, junctions = caches
        edge_pen = {}
        for i in range(max(ls, a - w), min(le, b + w) + 1):
            pen = edge_cache.get(i)
            if pen is None:
                pen = edge_cache[i] = _edge_penalty(text, i, ls, le, profile) if ls < i < le else 0.0
            edge_pen[i] = pen
        # the cut keeps every fiction marker of the run inside it
        inner = [i for i in range(a, b) if i in profile.markers]
        s_max = min(a + w, b - 1, inner[0] if inner else b - 1)
        e_min = max(b - w, inner[-1] + 1 if inner else a + 1)
        # the cost of a cut is separable into a start part, an end part and the junction bonus
        mc, lc = self.config.move_cost, self.config.leftover_cost
        mp, n = marker_prefix, le - ls
        start_part = {
            st: -prefix[st - ls] - edge_pen[st] - mc * max(0, a - st) - lc * (mp[st - ls] - mp[max(0, st - ls - 12)])
            for st in range(lo, s_max + 1)
        }
        end_part = {
            en: prefix[en - ls] - edge_pen[en] - mc * max(0, en - b) - lc * (mp[min(n, en - ls + 12)] - mp[en - ls])
            for en in range(max(lo + 1, e_min), hi + 1)
        }
        # best first, and stop once no junction bonus could lift a pair above the best cut found
        ends = sorted(end_part.items(), key=lambda kv: (-kv[1], kv[0]))
        top = _MAX_JUNCTION_BONUS
        for st, sv in sorted(start_part.items(), key=lambda kv: (-kv[1], kv[0])):
            if best is not None and sv + ends[0][1] + top <= best.score:
                break
            left, at_ls = text[st - 1 : st], st == ls
            for en, ev in ends:
                if best is not None and sv + ev + top <= best.score:
                    break
                if en <= st:
                    continue
                key = (left, text[en : en + 1], at_ls, en == le)
                found = junctions.get(key)
                if found is None:
                    found = junctions[key] = _junction(text, ls, le, st, en, profile)
                total = sv + ev + found[1]
                if best is None or total > best.score or (total == best.score and (st, en) < (best.start, best.end)):
                    best = _Cut(st, en, total, found[0])
        assert best is not None
        return best


def _host_marker_rate(text: str, profile: DocProfile, candidates: list[tuple[int, int]]) -> tuple[float, int]:
    """Fiction markers per non-punctuation character of the page outside ``candidates``, and how many characters that is."""
    inside = bytearray(len(text))
    for s, e in candidates:
        inside[s:e] = b"\x01" * (e - s)
    n = len(text) - inside.count(1) - sum(text.count(c) for c in _RATE_SKIP)
    m = sum(1 for i in profile.markers if not inside[i])
    return m / n if n > 0 else 0.0, n


def _lm_gain(text: str, ls: int, le: int, s: int, e: int) -> float:
    """How much likelier (character model, log) the host reads joined across ``text[s:e]`` than at its two edges.

    Compares two characters either side of the cut, joined, with the mean of the two
    four-character windows at the span's edges; 0.0 when a cut touches the line's ends.
    """
    if s - 2 < ls or e + 2 > le:
        return 0.0
    lm = lm_model()
    if not all(lm.is_known(c) or c in PUNCT or c.isascii() for c in text[s - 2 : e + 2]):
        return 0.0  # characters the model has never seen (garbled text): the model says nothing about a splice
    joined = lm_logprob(text[s - 2 : s] + text[e : e + 2])
    return joined - 0.5 * (lm_logprob(text[s - 2 : s + 2]) + lm_logprob(text[e - 2 : e + 2]))


def _has_voice(span: str) -> bool:
    """A marker other than 了/著 (a pronoun, a final particle, ?/!): news writes 了 too, rarely a voice."""
    return any(m.group() not in "了著着" for m in MARKER_RE.finditer(span))


def _dialogue_like(window: str) -> bool:
    """A marker cluster worth a closer look: two kinds of fiction marker and no digits."""
    return marker_kinds(window) >= 2 and not any(c in DIGITS for c in window)


def _context_marker_rate(text: str, ls: int, le: int, s: int, e: int, profile: DocProfile, width: int) -> float:
    """Fiction markers per character just around ``text[s:e]`` (same line, other candidates left out)."""
    masked = profile.masked_at
    n = m = 0
    for i in list(range(max(ls, s - width), s)) + list(range(e, min(le, e + width))):
        if masked(i) or text[i] in PUNCT:
            continue
        n += 1
        m += i in profile.markers
    return m / n if n else 0.0


def _edge_penalty(text: str, i: int, ls: int, le: int, profile: DocProfile) -> float:
    """Cost of cutting before ``text[i]``: more when the pair across the cut recurs or a word spans it."""
    pen = 1.5 if profile.recurs_at(i - 1) else 0.0
    if not ("\u3400" <= text[i - 1] <= "\u9fff" and "\u3400" <= text[i] <= "\u9fff"):
        return pen  # every word across the cut holds text[i-1] and text[i]
    common = host_words()[0]
    far_left = i - 2 >= ls and "\u3400" <= text[i - 2] <= "\u9fff"
    far_right = i + 2 <= le and "\u3400" <= text[i + 1] <= "\u9fff"
    for a, b, ok in ((i - 1, i + 1, True), (i - 2, i + 1, far_left), (i - 1, i + 2, far_right), (i - 2, i + 2, far_left and far_right)):
        if ok and to_simplified(text[a:b]) in common:
            return pen + 2.0
    return pen


#: the largest bonus :func:`_junction` gives (a rejoined word or number)
_MAX_JUNCTION_BONUS = 4.0


def _junction(text: str, ls: int, le: int, s: int, e: int, profile: DocProfile) -> tuple[str, float]:
    """How well the host rejoins when ``text[s:e]`` goes: kind and bonus."""
    if s == ls and e == le:
        return "edge", 0.0
    if s == ls or e == le:
        return "punct", 0.0
    left, right = text[s - 1], text[e]
    if left in DIGITS and right in _NUMBER_TAIL:
        return "number", 4.0
    if left in PUNCT or right in PUNCT:
        return ("pair", 1.0) if profile.bigrams[left + right] > 0 else ("punct", 0.0)
    common, every = host_words()
    pair = to_simplified(left + right)
    if pair in common:
        return "word", 4.0
    if pair in every:
        return "word", 3.0
    if pair in _inner_bigrams():
        return "word", 1.0
    if profile.bigrams[left + right] > 1:
        return "pair", 2.5
    return "none", -2.0


@cache
def _inner_bigrams() -> frozenset[str]:
    """Character pairs inside common words of 3-4 characters (現代化 gives 現代, 代化)."""
    return frozenset(w[i : i + 2] for w in host_words()[0] if len(w) > 2 for i in range(len(w) - 1))


_HAN_RUN = regex.compile(r"[\u3400-\u9fff]+")


def _is_han(s: str) -> bool:
    return _HAN_RUN.fullmatch(s) is not None


def _breaks_quotes(text: str, ls: int, le: int, s: int, e: int) -> bool:
    """True when the line's quotation marks pair up with ``text[s:e]`` and not without it: the span is part of a quote.

    A spliced fragment brings its own unpaired marks (``寶說呢?如果?”裴翔皺了皺眉。``) and leaves them paired when it goes.
    """
    if s > ls and e < le and text[s - 1] not in PUNCT and text[e] not in PUNCT:
        return False  # a cut inside words on both sides is a splice's, not a quotation's edge
    return not _broken_quotes(text[ls:le]) and _broken_quotes(text[ls:s] + text[e:le])


def _broken_quotes(line: str) -> bool:
    """True when the line's quotation marks do not pair up (a fragment cut out of dialogue)."""
    depth = 0
    for c in line:
        if c in _OPEN_QUOTES:
            depth += 1
        elif c in _CLOSE_QUOTES:
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


def _non_overlapping(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for ed in sorted(edits, key=lambda x: (x.start, -x.end)):
        if out and ed.start < out[-1].end:
            continue
        out.append(ed)
    return out
