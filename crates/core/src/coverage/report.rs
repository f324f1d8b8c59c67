//! The report as matching reads it: paragraphs and run-in headings apart, sentences
//! (cut at 一是/二是 too), which parts report achievements, and the text as matched
//! (widths folded, citations of the plan dropped, lexicon terms read as their heads).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::lexicon::{self, Normalizer};
use crate::model::{Draft, Node, NodeId, Section};
use crate::text::{fold_char, is_han};

use super::matching::Phrase;
use super::studied::studied_titles;
use super::targets::positions_of;
use super::weights::{han_bigrams, Bigram};
use super::{merged, CharRange, ParagraphRef, Span, TaskEvidence};

/// Words of a sentence that says what is lacking or what is still to do, not what was
/// done: reports put these in 存在的不足 and 下一年度安排, but also at the end of a
/// paragraph or in a closing paragraph of the achievements part, or in a 落实情况表's
/// row (总结验收材料正在整理: under way, not done). Words that also tell achievements
/// (补短板, 加强薄弱环节, 尚未发生败诉) are not listed.
pub(super) const SHORTCOMING_WORDS: [&str; 10] = [
    "正在",
    "不足",
    "差距",
    "有待",
    "仍需",
    "还需",
    "尚需",
    "认识到",
    "下一步",
    "明年",
];
/// The longest first sentence, in Han characters, that is read as a paragraph's run-in
/// title (`深入推进“放管服”改革。`): a title is a phrase without commas or figures, a
/// sentence of account is longer.
pub(super) const RUN_IN_TITLE: usize = 25;
/// Section titles of the parts that are not achievements: shortcomings and next year.
pub(super) const NON_EVIDENCE_SECTIONS: [&str; 10] = [
    "不足",
    "存在问题",
    "存在的",
    "问题和",
    "安排",
    "计划",
    "打算",
    "思路",
    "下一步",
    "今后",
];
/// A clause of a report paragraph (up to a comma, a full stop…), as the coverage of a
/// task needs to know it.
pub(super) struct Clause {
    /// Its characters in the paragraph's match text.
    pub(super) span: Span,
    /// It names the thought that guides the work (`坚持以习近平法治思想为指引，`).
    pub(super) names_guidance: bool,
    /// Where it says 通过 (through some channel), if it does.
    pub(super) through: Option<usize>,
    /// Its match text holds 公示 or 公布 (published on some channel, 在…网公示): every
    /// ending of a channel published on does, so only such a clause is searched for them.
    pub(super) publishes: bool,
    /// The titles it studies or teaches (`专题学习《医师法》《信访工作条例》`,
    /// `《民法典》宣传`), in the paragraph's match text: laws read, not work done under
    /// them.
    pub(super) studied: Vec<Span>,
}

/// How a clause naming the thought that guides the work ends (以…为指导).
const GUIDANCE_ENDS: [&str; 3] = ["为指导", "为指引", "为引领"];
/// The word that says through what channel something was done (通过…平台).
pub(super) const THROUGH: [char; 2] = ['通', '过'];
/// Marks that end a clause.
pub(super) const CLAUSE_ENDS: [char; 8] = ['，', ',', '。', '；', ';', '！', '？', '：'];

/// The clauses of a paragraph, in order. Whether one names a guiding thought is read in
/// the report's own words, before the lexicon puts its terms as their heads.
fn clauses_of(unit: &Unit, text: &MatchText) -> Vec<Clause> {
    let chars = &text.chars;
    clause_spans(chars, 0..chars.len())
        .map(|span| {
            let words = text.slice(&unit.text, text.original(&span));
            Clause {
                names_guidance: GUIDANCE_ENDS.iter().any(|w| words.ends_with(w))
                    && words.contains('以'),
                publishes: chars[span.clone()]
                    .windows(2)
                    .any(|w| w == ['公', '示'] || w == ['公', '布']),
                through: positions_of(&chars[span.clone()], &THROUGH)
                    .next()
                    .map(|k| span.start + k),
                studied: studied_titles(words)
                    .into_iter()
                    .filter_map(|[start, end]| {
                        // The title's characters in the match text: those whose
                        // original characters it holds.
                        let origin = text.original(&span)[0];
                        let mut inside = span.clone().filter(|&k| {
                            let (from, to) = text.origin[k];
                            from as usize >= origin + start && to as usize <= origin + end
                        });
                        let first = inside.next()?;
                        Some(first..inside.next_back().unwrap_or(first) + 1)
                    })
                    .collect(),
                span,
            }
        })
        .collect()
}

/// The clauses of `within` in `chars`: the runs between marks of [`CLAUSE_ENDS`],
/// without the marks, empty ones left out.
fn clause_spans(chars: &[char], within: Span) -> impl Iterator<Item = Span> + '_ {
    let mut start = within.start;
    let end = within.end;
    within
        .filter(|&k| CLAUSE_ENDS.contains(&chars[k]))
        .chain([end])
        .filter_map(move |end| {
            let clause = start..end;
            start = end + 1;
            (!clause.is_empty()).then_some(clause)
        })
}

/// How a report's preamble ends: 现将有关情况报告如下.
const PREAMBLE_ENDS: [&str; 2] = ["报告如下", "汇报如下"];
/// Words that say a shortcoming was dealt with (研究解决执法装备不足等问题): a shortcoming
/// word after one of them, in the same clause, tells an achievement.
const REMEDY_WORDS: [&str; 5] = ["解决", "弥补", "补齐", "整改", "克服"];
/// A text as matching sees it: widths folded, quotes and spaces dropped, citations of
/// the plan dropped, lexicon terms read as their heads. `origin[k]` is the range of
/// characters of the original text that matching character k stands for.
pub(super) struct MatchText {
    pub(super) chars: Vec<char>,
    pub(super) origin: Vec<(u32, u32)>,
    /// Where it holds lexicon heads: words of the domain, whatever their length.
    pub(super) terms: Vec<Span>,
    /// Where each character of the original text starts, in bytes, and its length last:
    /// evidence is cut from the original text without counting characters again.
    bytes: Vec<u32>,
}

impl MatchText {
    pub(super) fn new(text: &str, plan_title: &[char], normalizer: &Normalizer) -> MatchText {
        // Both sized exactly (collecting `chars()` would guess a quarter of the bytes,
        // too few for Chinese text) and filled in one reading of the text.
        let count = text.chars().count();
        let mut original: Vec<char> = Vec::with_capacity(count);
        let mut bytes: Vec<u32> = Vec::with_capacity(count + 1);
        for (at, c) in text.char_indices() {
            original.push(c);
            bytes.push(at as u32);
        }
        bytes.push(text.len() as u32);
        let cited = plan_citations(&original, plan_title);
        let mut kept = Vec::with_capacity(original.len());
        let mut at = Vec::with_capacity(original.len());
        let mut citation = cited.iter().peekable();
        for (k, &c) in original.iter().enumerate() {
            while citation.next_if(|r| r.end <= k).is_some() {}
            if citation.peek().is_some_and(|r| r.contains(&k)) {
                continue;
            }
            let c = fold_char(c);
            if !lexicon::is_ignored(c) {
                kept.push(c);
                at.push(k as u32);
            }
        }
        let normalized = normalizer.apply(&kept);
        let origin = normalized
            .origin
            .iter()
            .map(|&(s, e)| (at[s as usize], at[e as usize - 1] + 1))
            .collect();
        MatchText {
            chars: normalized.chars,
            origin,
            terms: normalized.terms,
            bytes,
        }
    }

    /// Characters `range` of the original text (the one the match text was made from).
    pub(super) fn slice<'t>(&self, text: &'t str, [start, end]: CharRange) -> &'t str {
        &text[self.bytes[start] as usize..self.bytes[end] as usize]
    }

    /// The original characters that matching characters `span` stand for.
    pub(super) fn original(&self, span: &Span) -> CharRange {
        [
            self.origin[span.start].0 as usize,
            self.origin[span.end - 1].1 as usize,
        ]
    }
}

/// Where a text cites the plan by its title (`研究部署《…工作要点》`, or the title
/// written out): naming the plan reports on none of its items. Ranges of `text`'s
/// characters; `plan_title` is as matching sees it (without normalization).
pub(super) fn plan_citations(text: &[char], plan_title: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    // Only a 《 or, for a title long enough to be told apart, its first character
    // starts a citation: the text is skipped to the next of them.
    let first = (plan_title.len() >= 8).then(|| plan_title[0]);
    let mut k = 0;
    while let Some(skip) = text[k..]
        .iter()
        .position(|&c| c == '《' || Some(c) == first)
    {
        k += skip;
        if text[k] == '《' {
            if let Some(close) = text[k..].iter().take(200).position(|&c| c == '》') {
                let inner: String = text[k + 1..k + close]
                    .iter()
                    .map(|&c| fold_char(c))
                    .filter(|&c| !lexicon::is_ignored(c))
                    .collect();
                let title: String = plan_title.iter().collect();
                let cites_plan = ["工作要点", "工作计划", "实施方案"]
                    .iter()
                    .any(|w| inner.ends_with(w))
                    || (!title.is_empty() && inner.contains(&title));
                if cites_plan {
                    out.push(k..k + close + 1);
                }
                k += close + 1;
                continue;
            }
        }
        let written_out = first == Some(text[k]) && text[k..].starts_with(plan_title);
        if written_out {
            out.push(k..k + plan_title.len());
            k += plan_title.len();
        } else {
            k += 1;
        }
    }
    out
}

/// A paragraph (or heading with run-in text) of the report, borrowed from the draft.
pub(super) struct Unit<'a> {
    pub(super) section_index: usize,
    pub(super) section: &'a Section,
    pub(super) paragraph_index: usize,
    pub(super) id: NodeId,
    /// A heading's is its title and run-in text joined by 。.
    pub(super) text: Cow<'a, str>,
    /// The heading the paragraph sits under.
    pub(super) heading: &'a str,
    /// Whether the section reports achievements (not shortcomings or next year's plans).
    pub(super) counts: bool,
}

impl Unit<'_> {
    /// The paragraph as the report shows it: with copies of its text and section title.
    pub(super) fn to_ref(&self) -> ParagraphRef {
        ParagraphRef {
            section_index: self.section_index,
            section_id: self.section.id,
            section_title: self.section.title.clone(),
            paragraph_index: self.paragraph_index,
            paragraph_id: self.id,
            text: self.text.to_string(),
        }
    }
}

pub(super) fn report_units(draft: &Draft) -> Vec<Unit<'_>> {
    /// (id, text, heading above) of every paragraph and run-in heading, in order.
    fn walk<'a>(
        nodes: &'a [Node],
        heading: &'a str,
        out: &mut Vec<(NodeId, Cow<'a, str>, &'a str)>,
    ) {
        for node in nodes {
            match node {
                Node::Paragraph { id, text } => out.push((*id, Cow::Borrowed(text), heading)),
                Node::Heading {
                    id,
                    title,
                    text,
                    children,
                } => {
                    if !text.trim().is_empty() {
                        out.push((*id, Cow::Owned(format!("{title}。{text}")), ""));
                    } else if reads_as_sentence(title) {
                        // A labelled line that is a sentence (（三）聚焦学法常态，坚持……10次。)
                        // is read as its run-in title, up to the first comma, and a paragraph.
                        out.push((*id, Cow::Borrowed(title), run_in_title(title)));
                    }
                    walk(children, title, out);
                }
            }
        }
    }
    let mut units = Vec::new();
    let mut paragraphs = Vec::new();
    for (section_index, section) in draft.sections.iter().enumerate() {
        let counts = !NON_EVIDENCE_SECTIONS
            .iter()
            .any(|w| section.title.contains(w));
        paragraphs.clear();
        walk(&section.children, "", &mut paragraphs);
        for (paragraph_index, (id, text, heading)) in paragraphs.drain(..).enumerate() {
            units.push(Unit {
                section_index,
                section,
                paragraph_index,
                id,
                text,
                heading,
                counts,
            });
        }
    }
    units
}

/// Whether a heading's title is a sentence rather than a name: it ends with a full stop,
/// or it is longer than a title and holds a comma.
fn reads_as_sentence(title: &str) -> bool {
    let title = title.trim_end();
    title.ends_with(['。', '；', ';'])
        || (title.chars().filter(|&c| is_han(c)).count() > RUN_IN_TITLE
            && title.contains(['，', ',']))
}

/// Whether a paragraph's first sentence, `first`, is its run-in title: no longer than
/// [`RUN_IN_TITLE`], without commas or figures.
fn is_run_in_title(first: &[char]) -> bool {
    first.iter().filter(|&&c| is_han(c)).count() <= RUN_IN_TITLE
        && !first
            .iter()
            .any(|&c| c.is_ascii_digit() || matches!(c, '，' | ','))
}

/// The run-in title of a sentence that opens with one (`聚焦学法常态，坚持……`): its
/// words up to the first comma when they are short enough for a title; else none.
fn run_in_title(sentence: &str) -> &str {
    match sentence.find(['，', ',', '：', ':']) {
        Some(end) if sentence[..end].chars().filter(|&c| is_han(c)).count() <= RUN_IN_TITLE => {
            &sentence[..end]
        }
        _ => "",
    }
}

/// Where sentences end: at 。；！？, and before an enumeration (一是, 二是 … 十是) that
/// follows a mark, as a reader takes each 一是 as a point of its own. Ranges of `chars`.
pub(super) fn sentences(chars: &[char]) -> Vec<Span> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..chars.len() {
        let ends_here = matches!(chars[k], '。' | '；' | ';' | '！' | '？');
        let enumeration_next = k + 2 < chars.len()
            && matches!(chars[k], '，' | '：' | ':' | ',')
            && numeral(chars[k + 1])
            && chars[k + 2] == '是';
        if ends_here || enumeration_next {
            if k + 1 > start {
                out.push(start..k + 1);
            }
            start = k + 1;
        }
    }
    if start < chars.len() {
        out.push(start..chars.len());
    }
    out
}

/// The clauses of a plan text: its sentences cut at commas and colons, as a report's
/// are ([`CLAUSE_ENDS`]), each a thing to report on (`做好政府信息主动公开，依法规范办理
/// 依申请公开`). Ranges of `chars`, without the marks that end them; those without a Han
/// character left out.
pub(super) fn clauses(chars: &[char], within: Span) -> Vec<Span> {
    clause_spans(chars, within)
        .filter(|span| span.clone().any(|k| is_han(chars[k])))
        .collect()
}

/// A report sentence: its paragraph and where it is in the paragraph's match text.
pub(super) struct Sentence {
    pub(super) unit: usize,
    pub(super) span: Span,
    /// Whether it reports achievements: in an achievements part, and not a shortcoming
    /// or a plan ([`SHORTCOMING_WORDS`]).
    pub(super) counts: bool,
}

/// The report as matching sees it, shared by every item.
pub(super) struct Report<'a> {
    pub(super) units: Vec<Unit<'a>>,
    pub(super) texts: Vec<MatchText>,
    /// Whether each paragraph reports achievements.
    pub(super) unit_counts: Vec<bool>,
    pub(super) sentences: Vec<Sentence>,
    /// Bigrams of each paragraph's lead (the heading above and its first sentence), sorted.
    pub(super) leads: Vec<Vec<Bigram>>,
    /// Han characters of each paragraph.
    pub(super) han: Vec<usize>,
    /// The clauses of each paragraph, in order.
    pub(super) clauses: Vec<Vec<Clause>>,
    /// Each sentence's own words as matching sees them ([`lexicon::matching_key`]), made
    /// when first asked for ([`Report::sentence_keys`]).
    keys: std::cell::OnceCell<Vec<String>>,
}

impl<'a> Report<'a> {
    pub(super) fn new(
        draft: &'a Draft,
        plan_title: &[char],
        normalizer: &Normalizer,
    ) -> Report<'a> {
        let units = report_units(draft);
        let texts: Vec<MatchText> = units
            .iter()
            .map(|u| MatchText::new(&u.text, plan_title, normalizer))
            .collect();
        let mut all = Vec::new();
        let mut leads = Vec::with_capacity(units.len());
        let mut unit_counts = Vec::with_capacity(units.len());
        // The heading above the paragraphs, as matched.
        let mut heading: (&str, Vec<char>) = ("", Vec::new());
        // No numbered part has begun: the paragraphs before the first heading.
        let mut before_headings = true;
        for (k, (unit, text)) in units.iter().zip(&texts).enumerate() {
            before_headings &= !unit.section.numbered;
            let spans = sentences(&text.chars);
            // Paragraphs under one heading follow each other: it is read once for them.
            if heading.0 != unit.heading {
                heading = (
                    unit.heading,
                    normalizer.apply(&lexicon::matching_key(unit.heading)).chars,
                );
            }
            let mut lead = heading.1.clone();
            lead.push('。');
            let first = spans
                .first()
                .map(|s| &text.chars[s.clone()])
                .unwrap_or_default();
            if is_run_in_title(first) {
                lead.extend_from_slice(first);
            }
            let mut lead: Vec<Bigram> = han_bigrams(&lead).map(|(_, b)| b).collect();
            lead.sort_unstable();
            leads.push(lead);
            // A paragraph that opens on shortcomings or plans (嘉兴's closing
            // 同时，我们也清醒地认识到……) is not about achievements, whatever its part;
            // one whose first sentence gives figures before it turns to them
            // (…全程网办率93.4%，距目标仍有差距) is: its sentences are split where they
            // turn, below.
            let counts =
                unit.counts && shortcoming_from(first).is_none_or(|at| gives_figures(&first[..at]));
            unit_counts.push(counts);
            // The report's preamble, before the first heading and ending …现将有关情况
            // 报告如下, opens on what guided the year's work (坚持以…为指导，深入贯彻…):
            // that sentence reports nothing done. Elsewhere the words introduce an account.
            let preamble = before_headings && {
                let words = unit.text.trim_end_matches(|c: char| !c.is_alphanumeric());
                PREAMBLE_ENDS.iter().any(|w| words.ends_with(w))
            };
            for (n, span) in spans.into_iter().enumerate() {
                let counts = counts && !(preamble && n == 0);
                match shortcoming_from(&text.chars[span.clone()]) {
                    // What the sentence told before its shortcoming is told.
                    Some(at) if counts && at > 0 => {
                        let at = span.start + at;
                        all.push(Sentence {
                            unit: k,
                            counts,
                            span: span.start..at,
                        });
                        all.push(Sentence {
                            unit: k,
                            counts: false,
                            span: at..span.end,
                        });
                    }
                    found => all.push(Sentence {
                        unit: k,
                        counts: counts && found.is_none(),
                        span,
                    }),
                }
            }
        }
        let han = texts
            .iter()
            .map(|t| t.chars.iter().filter(|&&c| is_han(c)).count())
            .collect();
        let clauses = units
            .iter()
            .zip(&texts)
            .map(|(unit, text)| clauses_of(unit, text))
            .collect();
        Report {
            units,
            texts,
            unit_counts,
            sentences: all,
            leads,
            han,
            clauses,
            keys: std::cell::OnceCell::new(),
        }
    }

    /// Each sentence's own words as matching sees them: read once for all the items that
    /// look for a thing in the words of their paragraphs.
    pub(super) fn sentence_keys(&self) -> &[String] {
        self.keys.get_or_init(|| {
            self.sentences
                .iter()
                .map(|sentence| {
                    let text = &self.texts[sentence.unit];
                    lexicon::matching_key(text.slice(
                        &self.units[sentence.unit].text,
                        text.original(&sentence.span),
                    ))
                    .into_iter()
                    .collect()
                })
                .collect()
        })
    }

    pub(super) fn sentence_chars(&self, s: usize) -> &[char] {
        let sentence = &self.sentences[s];
        &self.texts[sentence.unit].chars[sentence.span.clone()]
    }

    /// Whether sentence `s` opens its paragraph as the paragraph's run-in title
    /// (`深化清廉医院建设。`): the subject of what follows.
    pub(super) fn is_title_sentence(&self, s: usize) -> bool {
        (s == 0 || self.sentences[s - 1].unit != self.sentences[s].unit)
            && is_run_in_title(self.sentence_chars(s))
    }

    /// Whether characters `range` of sentence `s` are a lexicon head as the report reads
    /// it, not the same characters inside another word (述法 in 上述法律).
    pub(super) fn holds_term(&self, s: usize, range: Span) -> bool {
        let sentence = &self.sentences[s];
        let start = sentence.span.start + range.start;
        let term = start..start + range.len();
        self.texts[sentence.unit]
            .terms
            .binary_search_by(|t| (t.start, t.end).cmp(&(term.start, term.end)))
            .is_ok()
    }

    /// `taken` sentences from `s` in the report's words, with the matched phrases as
    /// ranges of them.
    pub(super) fn task_evidence(&self, s: usize, taken: usize, phrases: &[Phrase]) -> TaskEvidence {
        let sentence = &self.sentences[s];
        let last = &self.sentences[s + taken - 1];
        let unit = &self.units[sentence.unit];
        let text = &self.texts[sentence.unit];
        let [start, _] = text.original(&sentence.span);
        let [_, end] = text.original(&last.span);
        let highlights = phrases
            .iter()
            .map(|p| {
                let [s, e] = text.original(&(p.at..p.at + p.item.len()));
                [s - start, e - start]
            })
            .collect();
        TaskEvidence {
            paragraph_id: unit.id,
            section_index: unit.section_index,
            paragraph_index: unit.paragraph_index,
            sentence: text.slice(&unit.text, [start, end]).to_string(),
            highlights: merged(highlights),
        }
    }
}

/// The shortcoming and remedy words as characters, read once: this runs on every
/// character of the report.
struct ShortcomingWords {
    shortcoming: Vec<Vec<char>>,
    remedy: Vec<Vec<char>>,
    /// The first characters of all of them, sorted: other positions start none.
    firsts: Vec<char>,
    /// Bit `c % 64` of each of `firsts`: most characters are ruled out by one test,
    /// before `firsts` is searched.
    first_bits: u64,
}

impl ShortcomingWords {
    fn may_start(&self, c: char) -> bool {
        self.first_bits & (1 << (u32::from(c) % 64)) != 0 && self.firsts.binary_search(&c).is_ok()
    }
}

fn shortcoming_words() -> &'static ShortcomingWords {
    static WORDS: OnceLock<ShortcomingWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let chars = |words: &[&str]| -> Vec<Vec<char>> {
            words.iter().map(|w| w.chars().collect()).collect()
        };
        let (shortcoming, remedy) = (chars(&SHORTCOMING_WORDS), chars(&REMEDY_WORDS));
        let mut firsts: Vec<char> = shortcoming.iter().chain(&remedy).map(|w| w[0]).collect();
        firsts.sort_unstable();
        firsts.dedup();
        let first_bits = firsts
            .iter()
            .fold(0, |bits, &c| bits | 1 << (u32::from(c) % 64));
        ShortcomingWords {
            shortcoming,
            remedy,
            firsts,
            first_bits,
        }
    })
}

/// Whether text gives a figure other than a year (`58项`, `93.4%`; not `2023年`): an
/// account of work rather than the opening of a paragraph on its shortcomings.
fn gives_figures(text: &[char]) -> bool {
    let mut at = 0;
    while at < text.len() {
        let digits = text[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && text.get(at + digits) != Some(&'年') {
            return true;
        }
        at += digits.max(1);
    }
    false
}

/// Where the first clause of a sentence that states a shortcoming or a plan starts: an
/// account may end on one (`网上可办率90.6%，离年初目标还有差距`), and what it told
/// before that clause is still told. One pass over the sentence: the words hold no mark
/// that ends a clause ([`CLAUSE_ENDS`]), so none reaches past its clause.
pub(super) fn shortcoming_from(sentence: &[char]) -> Option<usize> {
    let words = shortcoming_words();
    let mut clause_start = 0;
    // A remedy word holds for the rest of its clause.
    let mut remedied = false;
    for (at, &c) in sentence.iter().enumerate() {
        if CLAUSE_ENDS.contains(&c) {
            clause_start = at + 1;
            remedied = false;
        } else if words.may_start(c) {
            let rest = &sentence[at..];
            remedied |= words.remedy.iter().any(|w| rest.starts_with(w));
            if !remedied && words.shortcoming.iter().any(|w| rest.starts_with(w)) {
                return Some(clause_start);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_citations_are_dropped_but_other_titles_stay() {
        let text = "研究部署《临安区卫生健康局2023年法治政府建设工作要点》，贯彻《杭州市优化营商环境条例》。";
        let normalizer = Normalizer::new(&[]);
        let matched = MatchText::new(text, &[], &normalizer);
        let kept: String = matched.chars.iter().collect();
        assert_eq!(kept, "研究部署，贯彻杭州市优化营商环境条例。");
        let title = lexicon::matching_key("临安区卫生健康局2023年法治政府建设工作要点");
        let written_out = MatchText::new(
            "印发临安区卫生健康局2023年法治政府建设工作要点。",
            &title,
            &normalizer,
        );
        assert_eq!(written_out.chars.iter().collect::<String>(), "印发。");
    }

    #[test]
    fn shortcoming_words_stay_within_a_clause() {
        // `shortcoming_from` reads a word from its first character on, not up to the
        // end of its clause.
        for word in SHORTCOMING_WORDS.iter().chain(&REMEDY_WORDS) {
            assert!(!word.contains(CLAUSE_ENDS), "{word}");
        }
        let chars: Vec<char> = "解决了人员不足的问题，但仍需加强".chars().collect();
        assert_eq!(shortcoming_from(&chars), Some(11));
    }

    #[test]
    fn sentences_end_at_marks_and_before_enumerations() {
        let chars: Vec<char> = "全年办案12件，一是查处无证行医；二是整改。三是"
            .chars()
            .collect();
        let found: Vec<String> = sentences(&chars)
            .into_iter()
            .map(|s| chars[s].iter().collect())
            .collect();
        assert_eq!(
            found,
            ["全年办案12件，", "一是查处无证行医；", "二是整改。", "三是"]
        );
    }

    #[test]
    fn clauses_are_cut_at_commas_and_sentence_ends() {
        let chars: Vec<char> =
            "深化减证便民行动，无证明率90%以上。全面推广电子证照应用；推进互通共享"
                .chars()
                .collect();
        let found: Vec<String> = clauses(&chars, 0..chars.len())
            .into_iter()
            .map(|s| chars[s].iter().collect())
            .collect();
        assert_eq!(
            found,
            [
                "深化减证便民行动",
                "无证明率90%以上",
                "全面推广电子证照应用",
                "推进互通共享"
            ]
        );
    }

    #[test]
    fn a_labelled_sentence_is_read_as_a_run_in_title_and_a_paragraph() {
        let sentence = "聚焦学法常态，坚持委主任办公会会前学法，全年学习法律法规10次。";
        assert!(reads_as_sentence(sentence));
        assert_eq!(run_in_title(sentence), "聚焦学法常态");
        // A heading with a comma is still a heading: 严执法、护健康，执法效能稳步提升.
        assert!(!reads_as_sentence("严执法、护健康，执法效能稳步提升"));
        assert!(!reads_as_sentence("深入学习贯彻习近平法治思想"));
        let no_title = "委党委把习近平法治思想纳入中心组年度学习计划和干部教育培训主体班次，全年开展专题学习5次。";
        assert_eq!(run_in_title(no_title), "");
    }
}
