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

Model pass (the default; where both run, its cuts win and the marker pass keeps
only spans the model left alone). A class-conditional
character model (:mod:`cnnewsclean.detect.fiction_model`: a bigram model of
the project's own short stories against a background of its own news reports
mixed with the general model of :mod:`cnnewsclean.lm`) scores each character;
together with the register score above, a two-state segmentation (host/fiction,
a cost per switch) cuts each line into stretches. A cut search around each
stretch (:func:`cnnewsclean.detect.splice.model_cut`, on scores a little
stricter than detection's, so host text that reads neutral stays outside) trades
the evidence inside against a rejoined host outside: a word or number formed
across the cut (and no host word split at its edges), the character model's gain
across the cut, quotation marks still paired (it may reach the mark that closes
a quotation the stretch opened). A stretch is removed when the page outside all
stretches reads as news (optionally, when it nearly does, a high-scoring cut
with a splice's mark outside the host's quotations: a rejoined word or number,
or a likelier junction; or, on a page shown to be injected, any cut with such a
mark), the score is high, the cut rejoins the host mid-clause,
holds no digits, splits no number, no quotation of the host
(:mod:`cnnewsclean.detect.quote_marks`: nor the opening mark of a quotation the next
paragraph carries on) and no book title 《》, and is not a whole
quotation with little around it (speech the page quotes); on a page that quotes
people at length it also needs a splice's marks and a higher score. Where the page
as a whole fails those tests (a feature), a short cut still goes from a paragraph
that reads as news outside the stretches when it carries a splice's mark (the
local tier: features mix plain news paragraphs with people's speech); nothing is
cut in a paragraph of a quotation carried on over several paragraphs (each opens
with a mark, only the last closes: someone's speech), by either pass; otherwise it is
flagged (``fiction_span`` with its score and ``missing`` tests). A cut that names
a stranger to the page (:mod:`cnnewsclean.detect.names`: a personal name heading a
clause that occurs nowhere else on the page, a story's cast) passes the page tests
with a splice's mark and stands in for a rejoin. A stretch that
fails, and a long one that passes, is segmented again with a stricter bias:
narrower stretches inside it that pass on their own are cut instead (a story
fragment next to the host's own story-like quotation does not take the quotation
with it). Cheap gates (a regex of story characters, then the character model
near them) keep clean pages fast. The marker pass above runs as well on pages
where spam keywords were found.

Reasons logged: ``fiction_rejoins_word``, ``fiction_rejoins_number``, ``fiction_names_stranger`` (removed
only because the cut names a stranger to the page),
``fiction_rejoins_text`` (the cut leaves a character pair the document uses
elsewhere, or the character model reads the joined text as likelier), ``fiction_line``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..cleaner import Cleaner, iter_lines
from ..detect.fiction_model import best_run, llr_scores, story_anchor_re, story_lines, viterbi_segments
from ..detect.names import stranger_names
from ..detect.quote_marks import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    balanced_titles,
    breaks_quotes,
    breaks_quotes_without,
    broken_quotes,
    carried_quotation_marks,
    continued_quotation_lines,
    inside_quote,
    quotation,
    quote_evidence_ok,
    quoted_speech,
    quotes_people_at_length,
    takes_host_quote,
    unpairs_quotes,
)
from ..detect.register import (
    CLUSTER2_RE,
    CLUSTER_RE,
    DIGITS,
    MARKER_CHARS,
    MARKER_RE,
    PUNCT,
    DocProfile,
    LazyCounts,
    best_segments,
    char_scores,
    marker_kinds,
    spun_spans,
)
from ..detect.splice import (
    MAX_JUNCTION_BONUS,
    NUMBER_TAIL,
    QUOTE_REACH,
    RATE_SKIP,
    Cut,
    complement,
    context_marker_rate,
    edge_penalty,
    host_marker_rate,
    junction,
    model_cut,
    page_register,
    recurring_share,
    rejoin_gain,
    strong_rejoin,
)
from ..document import Document, Edit

#: separators inside a sentence: a span that starts or ends with one is cut along the host's own clauses
_CLAUSE_PUNCT = frozenset("、，,；;：:")
_OVERLAPPING = tuple(re.compile(f"(?=({rx.pattern}))") for rx in (CLUSTER2_RE, CLUSTER_RE))
_HOSTLIKE = regex.compile(r"[\p{Han}0-9A-Za-z]")
_MARKER_CHAR_RE = re.compile("[" + "".join(sorted(MARKER_CHARS)) + "]")
_DIGIT_RE = re.compile(r"[0-9０-９]")
#: a narrator's or speaker's voice: a personal pronoun closely followed by 了/著, a final particle or ?/!,
#: within one clause (news seldom writes 她…了 or 你…吗 without a quotation around it)
_VOICE_RE = re.compile(r"(?:[她妳]|你(?![们們])|我(?![们們國国省市]))[^\n0-9０-９，。、；：,;:]{0,6}[了著着呢吗嗎啊？！?!]")
#: digits of a number written in characters (五十八岁, 三千二百)
_WRITTEN_DIGITS = frozenset("〇零一二三四五六七八九十百千萬万两兩")
#: the reason logged for a cut, by how the host rejoins (or, for "name", by the stranger it names)
_REASONS = {"word": "fiction_rejoins_word", "number": "fiction_rejoins_number", "name": "fiction_names_stranger"}
#: how a finished paragraph ends
_LINE_END = frozenset("。！？!?…”」』’）)")


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
    max_quoted_voice, min_quoted_voice: markers (我, 你, 了, 吗 …) inside the page's own quotations per character
        (and at least this many) above which the page quotes people at length (their speech reads like a
        story): the marker pass only flags there, the model pass removes only strong cuts outside every
        quotation.
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
    lm_rejoin_gain: log-probability gain (character model, :func:`~cnnewsclean.detect.splice.rejoin_gain`) of the host read across the cut
        over the span's two edges that counts as a rejoin when no word or number is rejoined.
    lm_marker_gain: such a gain that lets a span with a single marker (and no quotation marks) go.
    clause_kinds, clause_score: a span with this many kinds of marker and this score may start or end at
        the host's clause punctuation (、，；：) even without a rejoined word or number.

    The model pass (the default; :mod:`cnnewsclean.detect.fiction_model`):

    model: run it. register_pass: also run the marker pass above on every page (by default it runs
        only on pages where spam keywords were found, as in seed 002).
    model_bias: added to each character's fiction/general log ratio (higher: more recall, more host
        damage; see benchmarks/bench_injection.py; at 1.0 the damage on held-out set 13 reached 0.4 to 0.65%).
    model_register_weight: weight of the page-aware register score (recurring bigrams, markers, digits).
    model_switch: cost of each host/fiction switch in the two-state segmentation.
    model_seed: segment score worth a cut search; model_remove: cut score that removes.
    model_gate, model_gate_bias, model_line_run: cheap gates (character model only, fixed bias) before
        a page is profiled: a line needs a run of model_line_run near an anchor and a segment of model_gate.
    model_max_host_llr, model_max_share, model_min_host_chars: the page outside the candidates must read
        as news (mean log ratio at most this, candidates at most this share, at least this many characters).
    model_doubtful_llr, model_doubtful_share, model_doubtful_score: a page that fails one of those tests but stays
        within these bounds (features that narrate a little) loses only a cut with a splice's mark (a rejoined word
        or number, or a likelier junction; outside the host's quotations) scoring at least model_doubtful_score.
        By default only a narrow band of mean log ratio (-2.0 to -1.85) is doubtful: -1.7 and a share of 0.4
        gained 2 to 10 points of recall but raised the damage on unseen hosts that quote people at length
        (0.16 -> 0.61% and 0.39 -> 0.92% on two held-out sets).
    model_recheck_injected: on a page shown to be injected (spam keywords removed, or a cut made), judge the
        stretches that failed again, with a splice's mark in place of the page tests. Off by default: it gained
        recall in-sample at no cost but doubled the damage on unseen hosts that quote people at length.
    model_quote_heavy_score, model_quote_heavy_either: on a page that quotes people at length, a cut needs a
        splice's own marks (with model_quote_heavy_either, one of the two is enough: about 1 point more recall
        in-sample for 0.05 point more damage on such pages, so off by default) and this score.
    model_gain_weight, model_move_cost, model_edge_weight: the cut search (character-model gain across the
        cut, cost per character a boundary moves outwards, cost of cutting through a host word).
    model_strong: score that removes without a rejoined word or a model gain across the cut.
    model_clause_score: score a cut needs that starts right after the host's punctuation and ends on (or just before)
        punctuation: it splits no sentence (2% of generated splices do that; host clauses read as a story often do).
    model_quote_score: score a span inside one of the host's quotations needs.
    model_quote_strong: score that removes such a span without a rejoined word and a likelier junction.
    model_splice_tier: where the page as a whole fails its tests (a feature, a page that quotes people at length),
        a cut may still go from a paragraph that reads as news outside the stretches (at least model_local_chars
        characters, mean log ratio at most model_local_llr) with a splice's mark, model_splice_score and no longer
        than model_splice_max (a spliced fragment, not a passage of the page). In-sample: 4 to 9 points of recall,
        no more damage, no clean text cut; on held-out set 10, 6 points of recall for under 0.03 points of damage.
        model_local_llr_spam: that bound on a page shown to be injected (spam keywords found; people's speech reads
        near 0): -1.2 gained 4 to 5 points of recall with keywords on set 10 (retired) for 0.06 points of damage,
        but on set 11 it cut a feature's scene-setting lead (0.84% damage against 0.26% at -1.8, for 2 points of
        recall). With the tables rebuilt for held-out set 13 that lead read between -1.8 and -1.9 and went at -1.8,
        and at -1.9 a neon-sign maker's scene (set 12, retired) went on 11 of 1,500 keyword-only pages, so the
        bound is now that of any page, -2.0 (in-sample with keywords: 0.5 points of recall, no more damage).
    model_name_tier, model_name_score, model_name_bare_score, model_name_cast: a cut (no longer than
        model_splice_max, outside the host's quotations, scoring model_name_score) that names a stranger to the page
        (:mod:`cnnewsclean.detect.names`: a personal name heading a clause that occurs nowhere else on the page, a
        story's cast) passes the page tests with a splice's mark (or at model_name_bare_score without one), the
        test of pages that quote people at length, and stands in for a rejoin. In-sample +2.7 points of fiction
        recall for +0.07 points of damage; on held-out set 12 +1.8 to +3.5 points for +0.04 to +0.10. With
        model_name_cast the name may occur in the page's other stretches too (a story's fragments share its cast):
        +0.7 points on one-story pages, but a feature's own subject, named once more inside another stretch,
        read as a stranger, so it is off.
    model_narrow_levels, model_narrow_step: a stretch that fails is segmented again inside, this many times,
        each time with ``model_narrow_step`` more taken off every character's score (a narrower, surer stretch).
    model_trim_length: a cut this long that passes gives way to the narrower cuts inside it that pass too.
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
    max_quoted_voice: float = 0.015
    min_quoted_voice: int = 8
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
    model_remove: float = 26.0
    model_max_host_llr: float = -2.0
    model_max_share: float = 0.35
    model_doubtful_llr: float = -1.85
    model_doubtful_share: float = 0.35
    model_doubtful_score: float = 75.0
    model_recheck_injected: bool = False
    model_quote_heavy_score: float = 50.0
    model_quote_heavy_either: bool = False
    model_gain_weight: float = 0.5
    model_strong: float = 25.0
    model_move_cost: float = 0.3
    model_short: int = 40
    model_min_length: int = 8
    model_line_run: float = 12.0
    model_clause_score: float = 50.0
    model_gate: float = 20.0
    model_gate_bias: float = 1.0
    model_gate_recur: float = 0.4
    model_region: int = 3000
    model_samples: int = 40
    model_host_side: int = 2
    model_min_host_chars: int = 100
    model_edge_weight: float = 0.5
    model_quote_score: float = 60.0
    model_quote_strong: float = 130.0
    model_narrow_levels: int = 2
    model_trim_length: int = 30
    model_junction_weight: float = 1.0
    model_cut_shift: float = 0.3
    model_narrow_step: float = 0.5
    model_splice_tier: bool = True
    model_splice_score: float = 40.0
    model_splice_max: int = 70
    model_local_chars: int = 30
    model_local_llr: float = -2.0
    model_local_llr_spam: float = -2.0
    model_name_tier: bool = True
    model_name_score: float = 40.0
    model_name_cast: bool = False
    model_name_bare_score: float = 60.0


class RemoveInjectedFiction(Cleaner):
    """Remove spliced fiction fragments (“是啊，想通了。”藍玉華肯定地點點頭。) and rejoin the host text.

    >>> from cnnewsclean.document import Document
    >>> host = ("全國休息模范李進峰等三位宣講員傾情宣講，將中國工會精力送離職工群眾的身邊。今年以來，全省各級工會共開展"
    ...         "宣講活動1.2萬場，覆蓋職工群眾300余萬人次；各地工會還組織勞模工匠進企業、進社區、進校園，開展技能培訓和"
    ...         "志愿服務活動2300余場。")
    >>> fragment = "她把凍得發紅的手揣進袖口裡，眼睛卻一直望著窗外的雪"
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
            return self._merged(text, self._model_pass(text, doc, [], None)) if cfg.model else []
        # paragraphs of a quotation carried on over several lines are someone's speech: the marker pass leaves them
        continued = continued_quotation_lines(text)
        carried = carried_quotation_marks(text)
        lines0 = [
            (ls, le)
            for ls, le, line in iter_lines(text)
            if ls not in continued
            and (
                any(_dialogue_like(m.group(1)) for m in _OVERLAPPING[0 if self.config.line_markers <= 2 else 1].finditer(line))
                or (injected_page and _MARKER_CHAR_RE.search(line))
                or _VOICE_RE.search(line)
            )
        ]
        lines = lines0
        if not lines:
            return self._merged(text, self._model_pass(text, doc, [], None)) if cfg.model else []
        profile = DocProfile.of(text, focus="".join(text[ls:le] for ls, le in lines))
        spun = spun_spans(text)
        # per-page caches for the boundary search (positions and character pairs do not change within a page)
        caches: tuple[dict[int, float], dict[tuple[str, str, bool, bool], tuple[str, float]]] = ({}, {})
        # pass 1: rough candidates; pass 2: score again against the host without them
        rough, live = self._rough_pass(text, lines, profile, spun)
        candidates = [(s, e) for s, e, v in rough if v >= cfg.seed_score]
        # the page's own register: weaker runs are left out too (a fragment is not host text)
        host_rate, host_chars = host_marker_rate(text, profile, [(s, e) for s, e, _ in rough])
        profile.set_candidates(candidates)
        # a page that reads as narrative outside the candidates (features, blogs) shows no contrast: flag only
        quiet_page = (
            host_chars >= cfg.min_host_chars
            and host_rate <= cfg.max_host_marker_rate
            and not quotes_people_at_length(text, MARKER_RE, RATE_SKIP, cfg.max_quoted_voice, cfg.min_quoted_voice)
        )
        # plain news around the candidates (almost no markers, digits): any narrative run stands out
        contrast = host_rate <= cfg.contrast_rate and _DIGIT_RE.search(text) is not None
        if contrast and not injected_page:
            seen = set(lines)
            more = [
                (ls, le)
                for ls, le, line in iter_lines(text)
                if (ls, le) not in seen and ls not in continued and _MARKER_CHAR_RE.search(line)
            ]
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
                if seg_score >= cfg.seed_score and context_marker_rate(text, ls, le, s, e, profile, cfg.context) > 2 * cfg.max_context_rate:
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
                strong_join = strong_rejoin(text, cut)
                kinds = marker_kinds(text[cut.start : cut.end]) + (
                    1 if any(c in profile.minority for c in text[cut.start : cut.end]) else 0
                )
                mid_clause = (
                    (text[cut.start] not in _CLAUSE_PUNCT and text[cut.end - 1] not in _CLAUSE_PUNCT)
                    or (cut.junction in ("word", "number") and cut.score >= cfg.remove_score + 2)
                    or (kinds >= cfg.clause_kinds and cut.score >= cfg.clause_score)
                )
                # the character model across the cut: removing a splice leaves one likely junction for two unlikely ones
                lm_gain = rejoin_gain(text, ls, le, cut.start, cut.end)
                # a quotation mark inside: maybe a quoted name or saying of the host's own
                quoted = any(c in OPEN_QUOTES or c in CLOSE_QUOTES for c in text[cut.start : cut.end])
                quiet_host = context_marker_rate(text, ls, le, cut.start, cut.end, profile, cfg.context) <= cfg.max_context_rate
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
                        (
                            "keeps_quotes",
                            not breaks_quotes(text, ls, le, cut.start, cut.end)
                            and not takes_host_quote(text, ls, le, cut.start, cut.end)
                            and not any(cut.start <= i < cut.end for i in carried),
                        ),
                        (
                            "outside_quote",
                            not inside_quote(text, ls, le, cut.start, cut.end),
                        ),
                    )
                    if not ok
                ]
                if not missing:
                    reason = _REASONS.get(cut.junction, "fiction_rejoins_text")
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
            if quiet_page and digits == 0 and injected_page and broken_quotes(line) and score >= cfg.line_score:
                s, e = (ls, le + 1) if le < len(text) else (max(0, ls - 1), le)
                edits.append(self.edit(text, s, e, "", "fiction_line"))
            else:
                doc.flag("fiction_span", start=ls, end=le, score=round(score, 2), text=line)
        if cfg.model:
            # the model's cuts are the surer ones (tighter edges, quotation guards): the marker pass keeps only
            # what the model did not cut
            model_edits = self._model_pass(text, doc, [], spun)
            edits = model_edits + [r for r in edits if not any(r.start < m.end and m.start < r.end for m in model_edits)]
        if edits:
            doc.metadata["injected_fiction"] = doc.metadata.get("injected_fiction", 0) + len(edits)
        return self._merged(text, edits)

    def _merged(self, text: str, edits: list[Edit]) -> list[Edit]:
        """``edits`` sorted, overlapping cuts (two stretches of one fragment whose cuts met) merged into one."""
        out: list[Edit] = []
        for ed in sorted(edits, key=lambda x: (x.start, -x.end)):
            if out and ed.start < out[-1].end:
                if ed.end > out[-1].end:
                    out[-1] = self.edit(text, out[-1].start, ed.end, "", out[-1].reason)
                continue
            out.append(ed)
        return out

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
                if v >= cfg.model_gate and b - a >= cfg.model_min_length - 1 and not quotation(text, ls + a, ls + b)
            ]
        if gated:
            # news repeats its own words: a stretch whose pairs recur in the rest of the page is the host's
            host = "".join(text[a:b] for a, b in complement([(s, e) for _ls, _le, s, e, _l in gated], len(text)))
            host_counts = LazyCounts(host)
            for ls, le, s, e, llr in gated:
                if recurring_share(host, text, s + (e - s) // 4, e - (e - s) // 4, host_counts) <= cfg.model_gate_recur:
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
        host_llr, host_n, share = page_register(text, inside, line_scores, cfg.model_bias)
        # where a stranger's name may also occur: nowhere else (model_name_cast: in the other stretches, a story's cast)
        cast_ok = inside if cfg.model_name_cast else bytearray(len(text))
        page_ok = host_n >= cfg.model_min_host_chars and host_llr <= cfg.model_max_host_llr and share <= cfg.model_max_share
        # a page just outside one of those bounds (a feature that narrates a little) loses only a cut with a
        # splice's mark and a high score; page_need is that score (0.0: the page reads as news; None: no cut)
        page_need: float | None = 0.0 if page_ok else None
        if not page_ok and host_n >= cfg.model_min_host_chars:
            near_llr = host_llr <= cfg.model_doubtful_llr and share <= cfg.model_max_share
            near_share = host_llr <= cfg.model_max_host_llr and share <= cfg.model_doubtful_share
            if near_llr or near_share:
                page_need = cfg.model_doubtful_score
            elif cfg.model_splice_tier:
                page_need = math.inf  # only a splice in a paragraph of plain news (see _judge_model_cut)
        # a page that quotes people at length in their own words: their speech reads like a story, so only a
        # splice's own marks outside every quotation of the page remove anything there
        continued = continued_quotation_lines(text)
        carried = carried_quotation_marks(text)
        quote_heavy = quotes_people_at_length(text, MARKER_RE, RATE_SKIP, cfg.max_quoted_voice, cfg.min_quoted_voice)
        profile.set_candidates([(s, e) for _ls, _le, s, e, _v, _c in segs])
        caches: tuple[dict[int, float], dict[tuple[str, str, bool, bool], tuple[str, float]]] = ({}, {})
        out: list[Edit] = []

        # a stretch may hold a narrower, surer one (a story fragment beside or inside the host's own story-like
        # quotation): it is segmented again with a stricter bias, down to ``model_narrow_levels``; a long cut
        # gives way to the narrower cuts inside it that pass on their own
        def narrower(ls: int, le: int, s: int, e: int, comb: list[float], level: int) -> list[tuple[int, int]]:
            stricter = [v - cfg.model_narrow_step * level for v in comb[s - ls : e - ls]]
            segments = viterbi_segments(stricter, cfg.model_switch)
            return [(s + a, s + b) for a, b, v in segments if v >= cfg.model_seed and (a, b) != (0, e - s)]

        def settle(
            ls: int,
            le: int,
            s: int,
            e: int,
            comb: list[float],
            level: int,
            others: list[tuple[int, int]],
            page_need: float | None,
            quote_heavy: bool,
        ) -> list[Cut]:
            local = cfg.model_splice_tier and page_need is not None and local_news(ls, le)
            # where the page fails, only a cut naming a stranger may go: the cut search runs only near one
            named = (
                cfg.model_name_tier
                and page_need == math.inf
                and not local
                and bool(stranger_names(text, max(ls, s - reach_name), min(le, e + reach_name), cast_ok))
            )
            if page_need is None or (page_need == math.inf and not local and not named):
                # nothing on this page (or, where the page fails its tests, on this line) is removed: flagged as found
                failed[(s, e)] = (Cut(s, e, sum(comb[s - ls : e - ls]), "none"), ["page"])
                return []
            cut, missing = self._judge_model_cut(
                text,
                ls,
                le,
                s,
                e,
                comb,
                profile,
                caches,
                others,
                page_need,
                quote_heavy,
                continued,
                local,
                carried,
                cast_ok if cfg.model_name_tier else None,
            )
            if level == 0 and missing:
                failed[(s, e)] = (cut, missing)
            if level >= cfg.model_narrow_levels or (not missing and cut.end - cut.start < cfg.model_trim_length):
                return [] if missing else [cut]
            inner = [
                c
                for a, b in narrower(ls, le, s, e, comb, level + 1)
                for c in settle(ls, le, a, b, comb, level + 1, others, page_need, quote_heavy)
            ]
            return inner if inner or missing else [cut]

        # how far a cut may reach past its stretch (its boundary search, or the mark that closes a quotation)
        reach_name = max(cfg.window, QUOTE_REACH)

        def local_news(ls: int, le: int) -> bool:
            # the stretch's own paragraph reads as news outside the stretches (on a page that, as a whole, does not)
            llr = line_scores[ls]
            vals = [llr[k] - cfg.model_bias for k in range(le - ls) if not inside[ls + k] and text[ls + k] not in PUNCT]
            bound = cfg.model_local_llr_spam if injected else cfg.model_local_llr
            return len(vals) >= cfg.model_local_chars and sum(vals) / len(vals) <= bound

        failed: dict[tuple[int, int], tuple[Cut, list[str]]] = {}
        # with model_recheck_injected, a page shown to be injected (keywords removed, or a cut made) is judged again:
        # features only, so there a stretch that failed needs a splice's mark instead of them (the quotation
        # test stays: people's speech on a spammed page is still theirs)
        injected = bool(found) or bool(doc.metadata.get("injected_keywords"))
        for round_ in (0, 1):
            if round_ == 1 and not (cfg.model_recheck_injected and (injected or out)):
                break
            for ls, le, s, e, _v, comb in segs:
                if any(taken[s:e]) or (round_ == 1 and (s, e) not in failed):
                    continue
                others = [(s2, e2) for ls2, _le2, s2, e2, _v2, _c2 in segs if ls2 == ls and (s2, e2) != (s, e)]
                need = page_need if round_ == 0 else cfg.model_remove
                cuts = [c for c in settle(ls, le, s, e, comb, 0, others, need, quote_heavy) if not any(taken[c.start : c.end])]
                for cut in cuts:
                    reason = _REASONS.get(cut.junction, "fiction_rejoins_text")
                    out.append(self.edit(text, cut.start, cut.end, "", reason))
                    taken[cut.start : cut.end] = b"\x01" * (cut.end - cut.start)
                if cuts:
                    failed.pop((s, e), None)
        for cut, missing in failed.values():
            span = text[cut.start : cut.end]
            doc.flag("fiction_span", start=cut.start, end=cut.end, score=round(cut.score, 2), text=span, missing=missing)
        return out

    def _judge_model_cut(
        self,
        text: str,
        ls: int,
        le: int,
        s: int,
        e: int,
        comb: list[float],
        profile: DocProfile,
        caches: tuple[dict[int, float], dict[tuple[str, str, bool, bool], tuple[str, float]]],
        others: list[tuple[int, int]],
        page_need: float | None,
        quote_heavy: bool = False,
        continued: frozenset[int] | set[int] = frozenset(),
        local_news: bool = False,
        carried: frozenset[int] | set[int] = frozenset(),
        strangers_outside: bytearray | None = None,
    ) -> tuple[Cut, list[str]]:
        """The cut around the stretch ``text[s:e]`` and the tests it fails (none: remove it)."""
        cfg: Config = self.config
        shift = cfg.model_cut_shift
        cut = model_cut(
            text,
            ls,
            le,
            s,
            e,
            [v - shift for v in comb] if shift else comb,
            profile,
            caches[1],
            cfg.window,
            cfg.model_gain_weight,
            cfg.model_move_cost,
            edge_weight=cfg.model_edge_weight,
            junction_weight=cfg.model_junction_weight,
        )
        if shift:  # the boundaries from the stricter scores, the evidence at the detection bias
            cut = Cut(cut.start, cut.end, cut.score + shift * (cut.end - cut.start), cut.junction)
        span = text[cut.start : cut.end]
        digits = sum(1 for c in span if c in DIGITS)
        lm_gain = rejoin_gain(text, ls, le, cut.start, cut.end)
        strong_join = strong_rejoin(text, cut)
        # inside one of the host's quotations (reported speech reads like narration), only a rejoined host counts
        in_quote = inside_quote(text, ls, le, cut.start, cut.end) or (
            ls in continued and not any(c in OPEN_QUOTES or c in CLOSE_QUOTES for c in span)
        )
        rejoined = (strong_join or lm_gain >= cfg.lm_rejoin_gain) and quote_evidence_ok(in_quote, strong_join, lm_gain, cfg.lm_rejoin_gain)
        # a splice's own marks: a rejoined word or number and a likelier junction, outside the host's quotations
        splice_marks = strong_join and lm_gain >= cfg.lm_rejoin_gain and not in_quote
        either_mark = (strong_join or lm_gain >= cfg.lm_rejoin_gain) and not in_quote
        # in a paragraph of plain news, a splice's mark on a cut no longer than a spliced fragment is enough where the
        # page as a whole fails its tests (a feature, a page that quotes people at length)
        local_splice = local_news and either_mark and cut.end - cut.start <= cfg.model_splice_max and cut.score >= cfg.model_splice_score
        # a cut that names a stranger to the page (a story's cast: a name heading a clause that occurs nowhere else on
        # the page) stands in for the page tests (with a splice's mark) and for a rejoin
        named = (
            strangers_outside is not None
            and not in_quote
            and cut.end - cut.start <= cfg.model_splice_max
            and cut.score >= cfg.model_name_score
            and bool(stranger_names(text, cut.start, cut.end, strangers_outside))
        )

        def tests(named: bool) -> list[str]:
            return [
                name
                for name, ok in (
                    (
                        "page",
                        # page_need 0: the page reads as news; above 0: a doubtful page, or one shown to be injected, where
                        # a cut needs a splice's mark and this score; infinite: the page fails, only the local tier cuts
                        page_need == 0.0
                        or (page_need is not None and either_mark and cut.score >= page_need)
                        or local_splice
                        or (named and (either_mark or cut.score >= cfg.model_name_bare_score)),
                    ),
                    (
                        "quiet_quotes",
                        not quote_heavy
                        or ((either_mark if cfg.model_quote_heavy_either else splice_marks) and cut.score >= cfg.model_quote_heavy_score)
                        or local_splice
                        or named,
                    ),
                    (
                        "no_digits",
                        # a story may hold a digit (最后一个「7」); a long, strong one keeps it, never the host's figures
                        digits == 0
                        or (
                            digits <= 2
                            and cut.score >= 2 * cfg.model_strong
                            and text[cut.start - 1] not in DIGITS
                            and text[cut.end] not in DIGITS
                        ),
                    ),
                    ("host_left", cut.junction != "edge" and _HOSTLIKE.search(text[ls : cut.start] + text[cut.end : le]) is not None),
                    ("score", cut.score >= cfg.model_remove),
                    (
                        "rejoins",
                        rejoined
                        or named
                        # inside a host quotation, a stretch that reads as a story throughout (the host's speech does
                        # not score this high)
                        or (in_quote and cut.score >= cfg.model_quote_strong)
                        or (
                            cut.score >= cfg.model_strong
                            and not in_quote
                            # a clause cut at the host's own punctuation with no story voice in it (no pronoun,
                            # 了/著, particle or question) may be the host's description, and a cut whose two sides
                            # do not join at all is no splice's: they need a rejoin, or twice the score
                            and (
                                cut.junction not in ("punct", "none")
                                or (cut.junction == "punct" and _MARKER_CHAR_RE.search(span) is not None)
                                or cut.score >= 2 * cfg.model_strong
                            )
                        ),
                    ),
                    ("length", cut.end - cut.start >= cfg.model_min_length),
                    # nothing is cut in a paragraph of a quotation carried on over several paragraphs
                    ("outside_quote", (cut.score >= cfg.model_quote_score or not in_quote) and ls not in continued),
                    (
                        # a cut along the host's own clause punctuation on both sides splits no sentence: a splice seldom
                        # starts after a mark of the host and ends on one (2% of generated fragments); a host clause does
                        "mid_clause",
                        cut.score >= cfg.model_clause_score
                        or text[cut.start - 1] not in PUNCT
                        or (text[cut.end - 1] not in PUNCT and text[cut.end] not in PUNCT),
                    ),
                    (
                        "keeps_number",
                        not (text[cut.start - 1] in DIGITS and text[cut.start] in NUMBER_TAIL) and not _splits_written_number(text, cut),
                    ),
                    (
                        "not_quotation",
                        cut.score >= 2 * cfg.model_strong
                        or not quoted_speech(span, outside=3 if cut.junction in ("word", "number") else 12),
                    ),
                    ("not_sentence", not (text[cut.end] in "。！？!?" and cut.end + 1 == le and text[cut.start - 1] not in PUNCT)),
                    (
                        "inside_line",
                        ls + (cfg.model_host_side if ls == 0 else 1) <= cut.start
                        and cut.end + (cfg.model_host_side if le == len(text) else 1) <= le
                        # a text that stops mid-sentence was cut short: its last line may be a story of its own
                        and not (le == len(text.rstrip()) and text[le - 1] not in _LINE_END)
                        and (text[cut.start - 1] not in PUNCT or text[cut.end] not in PUNCT),
                    ),
                    ("keeps_titles", balanced_titles(text[ls:le]) <= balanced_titles(text[ls : cut.start] + text[cut.end : le])),
                    (
                        "keeps_quotes",
                        not breaks_quotes_without(text, ls, le, cut.start, cut.end, others)
                        and not (cut.end - cut.start < cfg.model_short and unpairs_quotes(text, ls, le, cut.start, cut.end, others))
                        and not takes_host_quote(text, ls, le, cut.start, cut.end)
                        and not any(cut.start <= i < cut.end for i in carried),
                    ),
                )
                if not ok
            ]

        missing = tests(named)
        if named and not missing and tests(False):
            # removed only because it names a stranger: the edit says so
            cut = Cut(cut.start, cut.end, cut.score, "name")
        return cut, missing

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
    ) -> Cut:
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
        best: Cut | None = None
        edge_cache, junctions = caches
        edge_pen = {}
        for i in range(max(ls, a - w), min(le, b + w) + 1):
            pen = edge_cache.get(i)
            if pen is None:
                pen = edge_cache[i] = edge_penalty(text, i, ls, le, profile) if ls < i < le else 0.0
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
        top = MAX_JUNCTION_BONUS
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
                    found = junctions[key] = junction(text, ls, le, st, en, profile)
                total = sv + ev + found[1]
                if best is None or total > best.score or (total == best.score and (st, en) < (best.start, best.end)):
                    best = Cut(st, en, total, found[0])
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


def _splits_written_number(text: str, cut: Cut) -> bool:
    """Whether a boundary of ``cut`` falls inside a number written in characters (五十|八岁: the host's own age).

    >>> _splits_written_number("今年五十八岁，家里种茶。", Cut(4, 7, 0.0, "none"))
    True
    >>> _splits_written_number("今年五十八岁，家里种茶。", Cut(2, 5, 0.0, "none"))
    False
    """
    s, e = cut.start, cut.end
    at_start = 0 < s and text[s - 1] in _WRITTEN_DIGITS and text[s] in _WRITTEN_DIGITS and text[s + 1 : s + 2] in NUMBER_TAIL
    at_end = e < len(text) and text[e - 1] in _WRITTEN_DIGITS and text[e] in _WRITTEN_DIGITS and text[e + 1 : e + 2] in NUMBER_TAIL
    return at_start or at_end


def _has_voice(span: str) -> bool:
    """A marker other than 了/著 (a pronoun, a final particle, ?/!): news writes 了 too, rarely a voice."""
    return any(m.group() not in "了著着" for m in MARKER_RE.finditer(span))


def _dialogue_like(window: str) -> bool:
    """A marker cluster worth a closer look: two kinds of fiction marker and no digits."""
    return marker_kinds(window) >= 2 and not any(c in DIGITS for c in window)
