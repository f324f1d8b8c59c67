//! Terms and their weights: which character pairs of the plan tell one item from the
//! others (a contrast across the plan's items, times rarity in the report), and the
//! weight of each position of an item's text.

use crate::lexicon::FastMap;
use crate::text::is_han;

use super::{ratio, Span};

/// Words that say what is done or who does it (我局, 主要负责人: a report names the head
/// by title, 局长 or 主任), not what it is done to: they never make a match on their own.
/// Boilerplate nouns (习近平法治思想, 法治政府建设) are not listed: whether
/// they tell one item from another depends on the plan ([`Weights`]).
pub(super) const GENERIC_WORDS: [&str; 48] = [
    "进一步",
    "推进",
    "加强",
    "深化",
    "落实",
    "完善",
    "健全",
    "开展",
    "建立",
    "强化",
    "全面",
    "深入",
    "持续",
    "积极",
    "提升",
    "提高",
    "推动",
    "实施",
    "严格",
    "规范",
    "依法",
    "贯彻",
    "执行",
    "会同",
    "坚持",
    "做好",
    "实现",
    "不断",
    "有效",
    "切实",
    "组织",
    "努力",
    "着力",
    "加快",
    "探索",
    "创新",
    "工作",
    "建设",
    "机制",
    "制度",
    "体系",
    "水平",
    "能力",
    "相关",
    "有关",
    "我局",
    "今年以来",
    "主要负责人",
];
/// Characters that glue phrases together without meaning anything themselves.
pub(super) const FUNCTION_CHARS: [char; 21] = [
    '的', '和', '及', '与', '在', '对', '为', '把', '将', '等', '了', '是', '按', '以', '其', '并',
    '或', '从', '向', '于', '中',
];
/// A pair found in more than this share of the report's paragraphs, and used by more
/// than one plan item, is boilerplate of this report: it tells no item apart.
pub(super) const BOILERPLATE_SHARE: f64 = 0.4;
/// A pair found in more than this share of the sentences only extends phrases, unless
/// few items use it; this keeps matching fast on long reports.
pub(super) const COMMON_SHARE: f64 = 0.1;
/// A pair used by at most this many plan items is what those items are about (a plan
/// names a subject in its own item and perhaps one neighbour): it keeps its weight however
/// often the report says it.
pub(super) const SPECIFIC_ITEMS: usize = 2;
pub(super) type Bigram = u64;

pub(super) fn bigram(a: char, b: char) -> Bigram {
    (u64::from(a) << 32) | u64::from(b)
}

/// Share of the title's weight (bigram positions `weights`) found in a paragraph's lead
/// (its sorted bigrams): runs of at least two consecutive title bigrams that all occur
/// in the lead. A lead is one sentence, so that is nearly always the same phrase.
pub(super) fn title_share_in(lead: &[Bigram], title: &[char], weights: &[f64]) -> f64 {
    let present =
        |j: usize| j < weights.len() && lead.binary_search(&bigram(title[j], title[j + 1])).is_ok();
    let total: f64 = weights.iter().sum();
    let mut found = 0.0;
    // Whether bigrams j − 1 and j are present, as j moves along the title.
    let (mut before, mut here) = (false, present(0));
    for (j, weight) in weights.iter().enumerate() {
        let after = present(j + 1);
        if here && (before || after) {
            found += weight;
        }
        (before, here) = (here, after);
    }
    ratio(found, total)
}

/// What matching needs to know about a character pair of the plan.
#[derive(Default)]
pub(super) struct Pair {
    /// Weight: how well the pair tells one plan item from the others, times its rarity
    /// in the report.
    pub(super) weight: f64,
    /// Looked up to start a phrase. A pair common in the report that many items use
    /// only extends phrases, which keeps matching fast on long reports.
    pub(super) looked_up: bool,
    /// Its number among the plan's pairs, `0..pairs.len()`: items index their words by it.
    pub(super) id: u32,
}

/// The pairs of the plan's items and the generic words. Pairs found only in the report
/// never match anything, so they are not counted.
pub(super) struct Weights {
    pub(super) pairs: FastMap<Bigram, Pair>,
    /// The plan's pairs in each report sentence, as (position, pair id), sentence after
    /// sentence; sentence s's are `sentence_pairs[sentence_starts[s]..sentence_starts[s + 1]]`.
    sentence_pairs: Vec<(u32, u32)>,
    sentence_starts: Vec<usize>,
    /// Where each pair occurs in the report's sentences, as (sentence, position), sorted,
    /// pair after pair; pair id's are `occurrences[occurrence_starts[id]..
    /// occurrence_starts[id + 1]]`. One list rather than one per pair: there are
    /// thousands of pairs.
    occurrences: Vec<(u32, u32)>,
    occurrence_starts: Vec<usize>,
    /// The generic words, sorted by their first character, so a position is compared
    /// only with the words that start with its character.
    pub(super) generic: Vec<Vec<char>>,
}

impl Weights {
    /// `sentences`: the report's sentences; `sentence_units[s]`: the paragraph of each.
    pub(super) fn new(
        sentences: &[&[char]],
        sentence_units: &[usize],
        units: usize,
        items: &[Vec<char>],
    ) -> Weights {
        /// Documents holding the pair (a pair counts once per document: the last one
        /// counted is remembered).
        #[derive(Default)]
        struct Frequency {
            id: u32,
            in_items: usize,
            last_item: Option<usize>,
            in_units: usize,
            last_unit: Option<usize>,
            in_sentences: usize,
            last_sentence: Option<usize>,
        }
        fn count(n: &mut usize, last: &mut Option<usize>, k: usize) {
            if *last != Some(k) {
                *last = Some(k);
                *n += 1;
            }
        }
        let mut frequencies: FastMap<Bigram, Frequency> = FastMap::default();
        for (k, doc) in items.iter().enumerate() {
            for (_, b) in han_bigrams(doc) {
                let id = frequencies.len() as u32;
                let f = frequencies.entry(b).or_insert_with(|| Frequency {
                    id,
                    ..Frequency::default()
                });
                count(&mut f.in_items, &mut f.last_item, k);
            }
        }
        let mut sentence_pairs = Vec::new();
        let mut sentence_starts = Vec::with_capacity(sentences.len() + 1);
        for (s, doc) in sentences.iter().enumerate() {
            sentence_starts.push(sentence_pairs.len());
            for (pos, b) in han_bigrams(doc) {
                let Some(f) = frequencies.get_mut(&b) else {
                    continue;
                };
                sentence_pairs.push((pos as u32, f.id));
                count(&mut f.in_units, &mut f.last_unit, sentence_units[s]);
                count(&mut f.in_sentences, &mut f.last_sentence, s);
            }
        }
        sentence_starts.push(sentence_pairs.len());
        // The occurrences by pair: a counting sort of the sentences' pairs, which keeps
        // them in order of sentence and position.
        let mut occurrence_starts = vec![0; frequencies.len() + 1];
        for &(_, id) in &sentence_pairs {
            occurrence_starts[id as usize + 1] += 1;
        }
        for id in 1..occurrence_starts.len() {
            occurrence_starts[id] += occurrence_starts[id - 1];
        }
        let mut occurrences = vec![(0, 0); sentence_pairs.len()];
        let mut next = occurrence_starts.clone();
        for s in 0..sentences.len() {
            for &(pos, id) in &sentence_pairs[sentence_starts[s]..sentence_starts[s + 1]] {
                occurrences[next[id as usize]] = (s as u32, pos);
                next[id as usize] += 1;
            }
        }
        let item_count = items.len() as f64;
        let unit_count = units as f64;
        let common_above = (sentences.len() as f64 * COMMON_SHARE).max(3.0);
        let boilerplate = (unit_count * BOILERPLATE_SHARE).max(3.0);
        let specific = SPECIFIC_ITEMS as f64;
        let pairs = frequencies
            .into_iter()
            .map(|(b, f)| {
                let contrast = ((item_count + 1.0) / (f.in_items as f64 + 0.5)).ln();
                let in_units = f.in_units as f64;
                let rarity = if in_units == 0.0 {
                    1.0
                } else {
                    ((unit_count + 1.0) / (in_units + 0.5)).ln() / (unit_count + 1.0).ln()
                };
                let is_specific = f.in_items as f64 <= specific;
                let weight = if in_units > boilerplate && !is_specific {
                    0.0
                } else if is_specific {
                    // What an item is about stays so however often the report says it.
                    contrast * rarity.clamp(0.5, 1.0)
                } else {
                    contrast * rarity.clamp(0.0, 1.0)
                };
                let looked_up = is_specific || f.in_sentences as f64 <= common_above;
                (
                    b,
                    Pair {
                        weight: weight.max(0.0),
                        looked_up,
                        id: f.id,
                    },
                )
            })
            .collect();
        let mut generic: Vec<Vec<char>> =
            GENERIC_WORDS.iter().map(|w| w.chars().collect()).collect();
        generic.sort_unstable_by_key(|w| w[0]);
        Weights {
            pairs,
            sentence_pairs,
            sentence_starts,
            occurrences,
            occurrence_starts,
            generic,
        }
    }

    /// Where `pair` occurs in the report's sentences: (sentence, position), sorted.
    pub(super) fn occurrences(&self, pair: &Pair) -> &[(u32, u32)] {
        let id = pair.id as usize;
        &self.occurrences[self.occurrence_starts[id]..self.occurrence_starts[id + 1]]
    }

    /// The plan's pairs in report sentence `s`, as (position, pair id), in order.
    pub(super) fn pairs_in_sentence(&self, s: usize) -> &[(u32, u32)] {
        &self.sentence_pairs[self.sentence_starts[s]..self.sentence_starts[s + 1]]
    }

    /// Weight of each bigram position of an item text (position j covers chars j, j+1);
    /// zero inside generic words, across function characters and outside Han text.
    pub(super) fn positions(&self, chars: &[char]) -> Vec<f64> {
        let mut generic = vec![false; chars.len()];
        for start in 0..chars.len() {
            if !is_han(chars[start]) {
                continue;
            }
            let from = self.generic.partition_point(|w| w[0] < chars[start]);
            for word in self.generic[from..]
                .iter()
                .take_while(|w| w[0] == chars[start])
            {
                if chars[start..].starts_with(word) {
                    generic[start..start + word.len()]
                        .iter_mut()
                        .for_each(|g| *g = true);
                }
            }
        }
        (0..chars.len().saturating_sub(1))
            .map(|j| {
                let (a, b) = (chars[j], chars[j + 1]);
                let meaningless = !is_han(a)
                    || !is_han(b)
                    || generic[j]
                    || generic[j + 1]
                    || FUNCTION_CHARS.contains(&a)
                    || FUNCTION_CHARS.contains(&b);
                if meaningless {
                    0.0
                } else {
                    self.pairs.get(&bigram(a, b)).map_or(0.0, |p| p.weight)
                }
            })
            .collect()
    }
}

pub(super) fn han_bigrams(chars: &[char]) -> impl Iterator<Item = (usize, Bigram)> + '_ {
    chars
        .windows(2)
        .enumerate()
        .filter(|(_, w)| is_han(w[0]) && is_han(w[1]))
        .map(|(j, w)| (j, bigram(w[0], w[1])))
}

/// Total weight of the item's bigram positions (`weights`) inside any of the phrases at
/// `spans` (character ranges of the item), clipped to `within`.
pub(super) fn weight_in(spans: impl Iterator<Item = Span>, weights: &[f64], within: &Span) -> f64 {
    // The bigram positions the phrases hold, as bits: the sum runs over them once each
    // and in increasing order, whatever the order and overlaps of the phrases, with no
    // sort (this runs for every sentence and task). An item is rarely longer than the
    // bits on the stack; a longer one goes to the heap.
    const ON_STACK: usize = 8;
    let words = within.end.div_ceil(64);
    let mut stack = [0u64; ON_STACK];
    let mut heap: Vec<u64> = Vec::new();
    let bits: &mut [u64] = if words <= ON_STACK {
        &mut stack[..words]
    } else {
        heap.resize(words, 0);
        &mut heap
    };
    // Characters s..e hold the bigrams s..e − 1, set a word at a time.
    for s in spans {
        let (mut k, end) = (
            s.start.max(within.start),
            (s.end - 1).min(within.end.saturating_sub(1)),
        );
        while k < end {
            let n = (end - k).min(64 - k % 64);
            bits[k / 64] |= (u64::MAX >> (64 - n)) << (k % 64);
            k += n;
        }
    }
    let mut total = 0.0;
    for (w, &word) in bits.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            total += weights[w * 64 + rest.trailing_zeros() as usize];
            rest &= rest - 1;
        }
    }
    total
}

/// Total weight of the bigrams inside `span` of the item.
pub(super) fn weight_of(weights: &[f64], span: &Span) -> f64 {
    weights[span.start.min(weights.len())..span.end.saturating_sub(1).min(weights.len())]
        .iter()
        .sum()
}
