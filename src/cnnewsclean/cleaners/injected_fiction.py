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

Model pass (the default, run first where both run). A class-conditional
character model (:mod:`cnnewsclean.detect.fiction_model`: a bigram model of
the project's own short stories against the general model of
:mod:`cnnewsclean.lm`) scores each character; together with the register score
above, a two-state segmentation (host/fiction, a cost per switch) cuts each
line into stretches. A cut search around each stretch trades the evidence
inside against a rejoined host outside (a word, a number, the character
model's gain across the cut, no host word cut in two, quotation marks still
paired). A stretch is removed when the page outside all stretches reads as
news, the score is high, the cut rejoins the host mid-clause, holds no digits,
splits no number and no quotation of the host; otherwise it is flagged
(``fiction_span`` with its score and ``missing`` tests). Cheap gates (a regex of
story characters, then the character model near them) keep clean pages fast.
The marker pass above runs as well on pages where spam keywords were found.

Reasons logged: ``fiction_rejoins_word``, ``fiction_rejoins_number``,
``fiction_rejoins_text`` (the cut leaves a character pair the document uses
elsewhere, or the character model reads the joined text as likelier), ``fiction_line``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from .._resources import host_words
from ..cleaner import Cleaner, iter_lines
from ..detect.fiction_model import (
    best_run,
    fiction_model,
    llr_scores,
    story_anchor_re,
    story_lines,
    viterbi_segments,
)
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
#: how a finished paragraph ends
_LINE_END = frozenset("。！？!?…”」』’）)")
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

    The model pass (the default; :mod:`cnnewsclean.detect.fiction_model`):

    model: run it. register_pass: also run the marker pass above on every page (by default it runs
        only on pages where spam keywords were found, as in seed 002).
    model_bias: added to each character's fiction/general log ratio (higher: more recall, more host
        damage; see benchmarks/bench_injection.py; 0.9 keeps damage under 0.5% on news outside the benchmark).
    model_register_weight: weight of the page-aware register score (recurring bigrams, markers, digits).
    model_switch: cost of each host/fiction switch in the two-state segmentation.
    model_seed: segment score worth a cut search; model_remove: cut score that removes.
    model_gate, model_gate_bias, model_line_run: cheap gates (character model only, fixed bias) before
        a page is profiled: a line needs a run of model_line_run near an anchor and a segment of model_gate.
    model_max_host_llr, model_max_share, model_min_host_chars: the page outside the candidates must read
        as news (mean log ratio at most this, candidates at most this share, at least this many characters).
    model_gain_weight, model_move_cost, model_edge_weight: the cut search (character-model gain across the
        cut, cost per character a boundary moves outwards, cost of cutting through a host word).
    model_strong: score that removes without a rejoined word or a model gain across the cut.
    model_clause_score: score a span needs to start or end at the host's punctuation.
    model_quote_score: score a span inside one of the host's quotations needs.
    model_short: below this length a span must not unpair the host's quotation marks at all.
    model_min_length: shortest span removed.
    model_host_side: host characters a cut must leave before it on the text's first line and after it on the
        last one (a text cut short there may end in the middle of its own story; elsewhere one is enough).
    model_gate_recur: share of a gated stretch's pairs recurring in the rest of the page above which it is the host's.
    model_region, model_samples: recurring vocabulary is counted within this many characters of the stretches;
        positions sampled for the page's own recurrence rate.
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
    model: bool = True
    register_pass: bool = False
    register_on_spam: bool = True
    model_bias: float = 0.9
    model_switch: float = 6.0
    model_register_weight: float = 0.5
    model_seed: float = 10.0
    model_remove: float = 18.0
    model_max_host_llr: float = -2.0
    model_max_share: float = 0.35
    model_gain_weight: float = 0.5
    model_strong: float = 25.0
    model_move_cost: float = 0.3
    model_short: int = 40
    model_min_length: int = 8
    model_line_run: float = 12.0
    model_clause_score: float = 25.0
    model_gate: float = 20.0
    model_gate_bias: float = 1.0
    model_gate_recur: float = 0.4
    model_region: int = 3000
    model_samples: int = 40
    model_host_side: int = 2
    model_min_host_chars: int = 100
    model_edge_weight: float = 0.5
    model_quote_score: float = 40.0


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
    >>> fragment = "她一邊說，一邊把凍得發紅的手揣進袖口裡，眼睛卻一直望著窗外的雪"
    >>> RemoveInjectedFiction()(Document(host.replace("宣講活動", "宣講" + fragment + "活動"))).text == host
    True
    """

    name = "remove_injected_fiction"
    Config = Config
    runs_after = ("remove_injected_keywords",)

    def _clusters(self) -> re.Pattern[str]:
        """Marker clusters starting at every marker (overlapping: a host marker must not swallow a fragment's)."""
        return _OVERLAPPING[0 if self.config.cluster_markers <= 2 else 1]

    def quick_check(self, text: str) -> bool:
        if self.config.model and story_anchor_re().search(text) is not None:
            return True
        return self._register_check(text)

    def _register_check(self, text: str) -> bool:
        """The marker pre-check of the register pass: a cluster of two kinds of marker, or a voice."""
        plain = CLUSTER2_RE if self.config.cluster_markers <= 2 else CLUSTER_RE
        if plain.search(text) is None:  # no cluster at all (most clean news): skip the overlapping scan
            return _VOICE_RE.search(text) is not None
        return any(_dialogue_like(m.group(1)) for m in self._clusters().finditer(text))

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        pieces = _pieces(text)
        if pieces is None:
            return self._find_in(text, doc)
        # a page flattened to huge lines: each piece of a few thousand characters is judged as a page,
        # so the cost stays linear (edits and flags are shifted back to the document's offsets)
        edits: list[Edit] = []
        for a, b in pieces:
            flags = doc.metadata.get("flags", [])
            n_flags = len(flags)
            for e in self._find_in(text[a:b], doc):
                e.start += a
                e.end += a
                edits.append(e)
            for f in doc.metadata.get("flags", [])[n_flags:]:
                for key in ("start", "end"):
                    if isinstance(f.get(key), int):
                        f[key] += a
        return edits

    def _find_in(self, text: str, doc: Document) -> list[Edit]:
        cfg: Config = self.config
        injected_page = bool(doc.metadata.get("injected_keywords"))
        edits: list[Edit] = []
        whole_lines: list[tuple[int, int, float]] = []
        if not ((cfg.register_pass or (injected_page and cfg.register_on_spam)) and self._register_check(text)):
            return self._model_pass(text, doc, [], None) if cfg.model else []
        lines0 = [
            (ls, le)
            for ls, le, line in iter_lines(text)
            if any(_dialogue_like(m.group(1)) for m in _OVERLAPPING[0 if self.config.line_markers <= 2 else 1].finditer(line))
            or (injected_page and _MARKER_CHAR_RE.search(line))
            or _VOICE_RE.search(line)
        ]
        lines = lines0
        if not lines:
            return self._model_pass(text, doc, [], None) if cfg.model else []
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
        if cfg.model:
            edits += self._model_pass(text, doc, edits, spun)
        if edits:
            doc.metadata["injected_fiction"] = doc.metadata.get("injected_fiction", 0) + len(edits)
        return _non_overlapping(edits)

    def _model_pass(self, text: str, doc: Document, found: list[Edit], spun: list[tuple[int, int]] | None) -> list[Edit]:
        """Fiction stretches by the class-conditional character model (:mod:`cnnewsclean.detect.fiction_model`)."""
        cfg: Config = self.config
        taken = bytearray(len(text))
        for ed in found:
            taken[ed.start : ed.end] = b"\x01" * (ed.end - ed.start)
        anchors = [m.start() for m in story_anchor_re().finditer(text)] + [m.start() for m in CLUSTER2_RE.finditer(text)]
        if not anchors:
            return []
        # a cheap look first: the character model alone, around each anchor, then over the line
        line_llr: dict[tuple[int, int], list[float]] = {}
        windows: dict[tuple[int, int], list[tuple[int, int]]] = {}
        gb = cfg.model_gate_bias  # the gates use a bias of their own: their thresholds do not move with model_bias
        reach = cfg.window + 16
        gated: list[tuple[int, int, int, int, list[float]]] = []
        for ls, le in story_lines(text, anchors, cfg.model_line_run, bias=gb):
            llr = llr_scores(text, ls, le, gb)
            if best_run(llr) < cfg.model_gate:
                continue
            gated += [
                (ls, le, ls + a, ls + b, llr)
                for a, b, v in viterbi_segments(llr, cfg.model_switch)
                if v >= cfg.model_gate and b - a >= cfg.model_min_length - 1 and not _quotation(text, ls + a, ls + b)
            ]
        if gated:
            # news repeats its own words: a stretch whose pairs recur in the rest of the page is the host's
            host = "".join(text[a:b] for a, b in _complement([(s, e) for _ls, _le, s, e, _l in gated], len(text)))
            for ls, le, s, e, llr in gated:
                if _recurring_share(host, text, s + (e - s) // 4, e - (e - s) // 4) <= cfg.model_gate_recur:
                    line_llr[(ls, le)] = [v + cfg.model_bias - gb for v in llr]
                    windows.setdefault((ls, le), []).append((max(ls, s - reach), min(le, e + reach)))
        if not line_llr:
            return []
        if spun is None:  # spinner artefacts on the examined lines only (a long clean page stays cheap)
            spun = [(ls + a, ls + b) for ls, le in line_llr for a, b in spun_spans(text[ls:le])]
        focus = "".join(text[ws:we] for wins in windows.values() for ws, we in wins)
        # recurring vocabulary is looked for within a few thousand characters of the stories (one article)
        starts = [ws for wins in windows.values() for ws, _we in wins]
        ends = [we for wins in windows.values() for _ws, we in wins]
        region = (max(0, min(starts) - cfg.model_region), min(len(text), max(ends) + cfg.model_region))
        profile = DocProfile.of(text, focus=focus, lazy=True, samples=cfg.model_samples, region=region)
        segs: list[tuple[int, int, int, int, float, list[float]]] = []
        line_scores: dict[int, list[float]] = {}
        w = cfg.model_register_weight
        for (ls, le), llr in line_llr.items():
            # the register score (page-aware: recurring bigrams) only where the gate found a story
            comb = list(llr)
            for ws, we in windows[(ls, le)]:
                for k, r in enumerate(char_scores(text, ws, we, profile, spun)):
                    comb[ws - ls + k] = llr[ws - ls + k] + w * r
            line_scores[ls] = llr
            for a, b, v in viterbi_segments(comb, cfg.model_switch):
                if v >= cfg.model_seed:
                    segs.append((ls, le, ls + a, ls + b, v, comb))
        if not segs:
            return []
        # the page outside the candidates must read as news
        inside = bytearray(len(text))
        for _ls, _le, s, e, _v, _c in segs:
            inside[s:e] = b"\x01" * (e - s)
        host_llr, host_n, share = _page_register(text, inside, line_scores, cfg.model_bias)
        page_ok = host_n >= cfg.model_min_host_chars and host_llr <= cfg.model_max_host_llr and share <= cfg.model_max_share
        profile.set_candidates([(s, e) for _ls, _le, s, e, _v, _c in segs])
        caches: tuple[dict[int, float], dict[tuple[str, str, bool, bool], tuple[str, float]]] = ({}, {})
        out: list[Edit] = []
        for ls, le, s, e, _v, comb in segs:
            if any(taken[s:e]):
                continue
            others = [(s2, e2) for ls2, _le2, s2, e2, _v2, _c2 in segs if ls2 == ls and (s2, e2) != (s, e)]
            cut = _model_cut(
                text,
                ls,
                le,
                s,
                e,
                comb,
                profile,
                caches[1],
                cfg.window,
                cfg.model_gain_weight,
                cfg.model_move_cost,
                edge_weight=cfg.model_edge_weight,
            )
            span = text[cut.start : cut.end]
            digits = sum(1 for c in span if c in DIGITS)
            lm_gain = _lm_gain(text, ls, le, cut.start, cut.end)
            strong_join = cut.junction in ("word", "number") or (cut.junction == "pair" and _is_han(text[cut.start - 1] + text[cut.end]))
            missing = [
                name
                for name, ok in (
                    ("page", page_ok),
                    ("no_digits", digits == 0),
                    ("host_left", cut.junction != "edge" and _HOSTLIKE.search(text[ls : cut.start] + text[cut.end : le]) is not None),
                    ("score", cut.score >= cfg.model_remove),
                    ("rejoins", strong_join or lm_gain >= cfg.lm_rejoin_gain or cut.score >= cfg.model_strong),
                    ("length", cut.end - cut.start >= cfg.model_min_length),
                    ("outside_quote", cut.score >= cfg.model_quote_score or not _inside_quote(text, ls, le, cut.start, cut.end)),
                    (
                        "mid_clause",
                        cut.score >= cfg.model_clause_score or (text[cut.start - 1] not in PUNCT and text[cut.end] not in PUNCT),
                    ),
                    ("keeps_number", not (text[cut.start - 1] in DIGITS and text[cut.start] in _NUMBER_TAIL)),
                    ("not_sentence", not (text[cut.end] in "。！？!?" and cut.end + 1 == le and text[cut.start - 1] not in PUNCT)),
                    (
                        "inside_line",
                        ls + (cfg.model_host_side if ls == 0 else 1) <= cut.start
                        and cut.end + (cfg.model_host_side if le == len(text) else 1) <= le
                        # a text that stops mid-sentence was cut short: its last line may be a story of its own
                        and not (le == len(text.rstrip()) and text[le - 1] not in _LINE_END)
                        and (text[cut.start - 1] not in PUNCT or text[cut.end] not in PUNCT),
                    ),
                    (
                        "keeps_quotes",
                        not _breaks_quotes_without(text, ls, le, cut.start, cut.end, others)
                        and not (cut.end - cut.start < cfg.model_short and _unpairs_quotes(text, ls, le, cut.start, cut.end, others)),
                    ),
                )
                if not ok
            ]
            if not missing:
                reason = {"word": "fiction_rejoins_word", "number": "fiction_rejoins_number"}.get(cut.junction, "fiction_rejoins_text")
                out.append(self.edit(text, cut.start, cut.end, "", reason))
            else:
                doc.flag("fiction_span", start=cut.start, end=cut.end, score=round(cut.score, 2), text=span, missing=missing)
        return out

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


#: a line longer than this is cut into pieces (the detector's per-span work is linear in the line)
_MAX_LINE = 6000
_PIECE = 3000
_PIECE_END = re.compile(r"[。！？!?][”」』’]?")


def _pieces(text: str) -> list[tuple[int, int]] | None:
    """Spans covering ``text`` of at most about ``_PIECE`` characters per long line, or None when no line is long.

    Lines stay whole; a long line is cut after a sentence end near every ``_PIECE`` characters
    (or hard at ``_MAX_LINE`` when it has none).

    >>> _pieces("短文。") is None
    True
    >>> [b - a for a, b in _pieces("新闻句子。" * 2000)]
    [3005, 3005, 3990]
    """
    if len(text) <= _MAX_LINE or max(map(len, text.split("\n"))) <= _MAX_LINE:
        return None
    spans: list[tuple[int, int]] = []
    start = 0
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        a = pos
        while end - a > _MAX_LINE:
            m = _PIECE_END.search(text, a + _PIECE, a + _MAX_LINE)
            cut = m.end() if m else a + _MAX_LINE
            if a > start:
                spans.append((start, a))
            spans.append((a, cut))
            start = a = cut
        pos = end + 1
        if pos - start > _PIECE:
            spans.append((start, min(pos, len(text))))
            start = min(pos, len(text))
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _inside_quote(text: str, ls: int, le: int, s: int, e: int) -> bool:
    """True when ``text[s:e]`` lies inside one of the host's quotations: opened before it, closed after it.

    >>> t = "他说：“饿了能热饭，渴了有水喝，热了能乘凉。”"
    >>> _inside_quote(t, 0, len(t), 8, 15)
    True
    """
    depth = 0
    for c in text[ls:s]:
        if c in _OPEN_QUOTES:
            depth += 1
        elif c in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
    if depth == 0 or any(c in _OPEN_QUOTES or c in _CLOSE_QUOTES for c in text[s:e]):
        return False
    return any(c in _CLOSE_QUOTES for c in text[e:le])


def _recurring_share(host: str, text: str, s: int, e: int) -> float:
    """Share of the Han bigrams of ``text[s:e]`` that occur in ``host`` (the page without the candidates).

    >>> t = "工会组织职工开展活动。她笑着摇了摇头。工会组织职工参加培训。"
    >>> host = t[:10] + t[19:]
    >>> round(_recurring_share(host, t, 0, 10), 2), _recurring_share(host, t, 10, 19)
    (0.56, 0.0)
    """
    pairs = [text[i : i + 2] for i in range(s, e - 1) if "\u3400" <= text[i] <= "\u9fff" and "\u3400" <= text[i + 1] <= "\u9fff"]
    if not pairs:
        return 0.0
    # a pair of the stretch itself counts once in ``host`` when the stretch is part of it
    own = 1 if text[s:e] in host else 0
    return sum(host.count(p) > own for p in pairs) / len(pairs)


def _complement(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The stretches of ``range(n)`` outside ``spans``."""
    out, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < n:
        out.append((pos, n))
    return out


def _quotation(text: str, s: int, e: int, reach: int = 3) -> bool:
    """True when ``text[s:e]`` is (nearly) all of a quotation: an opening mark just before it, the closing one at its end.

    >>> _quotation("刘军说：“林海陪我长大，也陪我变老……”他说。", 6, 19)
    True
    """
    head = text[max(0, s - reach) : s + 1]
    tail = text[max(s, e - 1) : e + reach]
    if not any(c in _OPEN_QUOTES for c in head) or not any(c in _CLOSE_QUOTES for c in tail):
        return False
    o = max(head.rfind(c) for c in _OPEN_QUOTES) + max(0, s - reach)
    c = min(i for i in (tail.find(q) for q in _CLOSE_QUOTES) if i >= 0) + max(s, e - 1)
    inner = text[o + 1 : c]
    return not any(ch in _OPEN_QUOTES or ch in _CLOSE_QUOTES for ch in inner)


def _page_register(text: str, inside: bytearray, scored: dict[int, list[float]], bias: float) -> tuple[float, int, float]:
    """The page's register outside the fiction candidates ``inside``: mean log ratio, characters, share inside.

    Lines already scored (``scored``: line start -> scores with ``bias``) count in full; the
    rest of the page is sampled (every few characters), so a long page costs little.
    """
    llr = fiction_model().llr
    total = host = 0
    host_sum = 0.0
    step = max(1, (len(text) - sum(len(v) for v in scored.values())) // 1500)
    pos = 0
    for ls, le, _line in iter_lines(text):
        values = scored.get(ls)
        if values is not None:
            for k, v in enumerate(values):
                if text[ls + k] in PUNCT:
                    continue
                total += 1
                if not inside[ls + k]:
                    host += 1
                    host_sum += v - bias
            continue
        start = ls + (-(ls - pos) % step) if step > 1 else ls
        for i in range(start, le, step):
            c = text[i]
            if c in PUNCT:
                continue
            total += step
            host += step
            host_sum += step * llr(text[i - 1] if i > ls else None, c)
        pos = ls
    return (host_sum / host if host else 0.0), host, (1 - host / total if total else 1.0)


def _model_cut(
    text: str,
    ls: int,
    le: int,
    a: int,
    b: int,
    scores: list[float],
    profile: DocProfile,
    junctions: dict[tuple[str, str, bool, bool], tuple[str, float]],
    window: int,
    gain_weight: float,
    move_cost: float,
    quote_cost: float = 4.0,
    edge_weight: float = 0.0,
) -> _Cut:
    """The cut near ``text[a:b]`` that best trades fiction evidence inside against a rejoined host outside.

    Each candidate ``(start, end)`` scores the sum of ``scores`` inside, plus the
    junction bonus of :func:`_junction` and ``gain_weight`` times the character
    model's gain across the cut (:func:`_lm_gain`, clipped to ±6).
    """
    prefix = [0.0]
    for v in scores:
        prefix.append(prefix[-1] + v)
    w = max(4, min(window, (b - a) // 2))
    # a cut keeps host text on both sides (a fragment at a line's end is another case), and a number whole
    starts = [
        st
        for st in range(max(ls + 1, a - w), min(b - 1, a + w) + 1)
        if not (text[st - 1] in DIGITS and (text[st] in _NUMBER_TAIL or text[st] in DIGITS)) and text[st] not in DIGITS
    ]
    ends = [en for en in range(max(a + 1, b - w), min(le - 1, b + w) + 1) if text[en - 1] not in DIGITS and text[en - 1] not in ".．"]
    line_broken = _broken_quotes(text[ls:le])
    # cutting through a host word or a pair the page repeats costs (see :func:`_edge_penalty`)
    pen = {i: edge_weight * _edge_penalty(text, i, ls, le, profile) for i in {*starts, *ends}} if edge_weight else {}
    top_s = sorted(starts, key=lambda st: -(prefix[b - ls] - prefix[st - ls] - pen.get(st, 0.0)))[:8]
    top_e = sorted(ends, key=lambda en: -(prefix[en - ls] - prefix[a - ls] - pen.get(en, 0.0)))[:8]
    best: _Cut | None = None
    for st in top_s:
        for en in top_e:
            if en - st < 2:
                continue
            key = (text[st - 1 : st], text[en : en + 1], st == ls, en == le)
            found = junctions.get(key)
            if found is None:
                found = junctions[key] = _junction(text, ls, le, st, en, profile)
            gain = max(-6.0, min(6.0, _lm_gain(text, ls, le, st, en)))
            moved = max(0, a - st) + max(0, en - b)
            if not line_broken and _broken_quotes(text[ls:st] + text[en:le]):
                moved += quote_cost / move_cost if move_cost else 0.0  # the host's quotation marks no longer pair up
            if text[st - 1] in PUNCT and text[en] in PUNCT:
                moved += quote_cost / move_cost if move_cost else 0.0  # a whole clause of its own: the host's, likely
            total = prefix[en - ls] - prefix[st - ls] + found[1] + gain_weight * gain - move_cost * moved
            total -= pen.get(st, 0.0) + pen.get(en, 0.0)
            if best is None or total > best.score:
                best = _Cut(st, en, total, found[0])
    if best is None:
        return _Cut(a, b, prefix[b - ls] - prefix[a - ls], "none")
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


def _breaks_quotes_without(text: str, ls: int, le: int, s: int, e: int, others: list[tuple[int, int]]) -> bool:
    """:func:`_breaks_quotes` on the line with the ``others`` spans (other fiction candidates) taken out first.

    A fragment elsewhere on the line may bring its own quotation marks; without it the
    host's quotes pair up again, and a span that unpairs them is part of a quotation.
    """
    keep = [(ls, le)]
    for a, b in sorted(others):
        if b <= s or a >= e:
            keep = [piece for lo, hi in keep for piece in ((lo, max(lo, min(hi, a))), (min(hi, max(lo, b)), hi)) if piece[1] > piece[0]]
    host = "".join(text[lo:hi] for lo, hi in keep)
    # positions of the span inside the reduced line
    before = sum(min(hi, s) - lo for lo, hi in keep if lo < s)
    return _breaks_quotes(host, 0, len(host), before, before + (e - s))


def _unpairs_quotes(text: str, ls: int, le: int, s: int, e: int, others: list[tuple[int, int]]) -> bool:
    """True when the host's quotation marks (``others`` left out) pair up with ``text[s:e]`` and not without it."""
    keep = [(ls, le)]
    for a, b in sorted(others):
        if b <= s or a >= e:
            keep = [piece for lo, hi in keep for piece in ((lo, max(lo, min(hi, a))), (min(hi, max(lo, b)), hi)) if piece[1] > piece[0]]
    host = "".join(text[lo:hi] for lo, hi in keep)
    before = sum(min(hi, s) - lo for lo, hi in keep if lo < s)
    return not _broken_quotes(host) and _broken_quotes(host[:before] + host[before + (e - s) :])


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
