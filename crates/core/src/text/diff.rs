//! The difference between two sequences (lines, characters) as runs of items kept,
//! removed and added: Myers' O((N+M)D) algorithm in linear space (the middle snake,
//! divide and conquer), as the `similar` crate that 版本记录 used before computes it.
//!
//! Its own code rather than that crate's: the app carries this diff in its first paint
//! (every snapshot counts its changed characters), and one non-generic search is a
//! fraction of the size.

use std::ops::Range;

/// What a run does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// Items kept: `len` of `old`, equal to the next `len` of `new`.
    Equal,
    /// `len` items of `old` removed.
    Delete,
    /// `len` items of `new` added.
    Insert,
}

/// The search gives up after this many steps (diagonals visited plus items compared),
/// about 20 ms in the browser. The work grows with the product of the lengths and the
/// number of differences, and the diff runs on the page's thread: two long texts with
/// nothing in common, pasted by a user or found in a damaged file, must not hang it.
/// What is left to compare then is shown as removed and added, which is still a
/// correct difference, only not the smallest.
pub const MAX_STEPS: usize = 1 << 22;

/// The runs that turn `old` into `new`: each `(op, len)` with `len > 0`, no two
/// neighbours of the same op, and between two `Equal` runs a `Delete` before an
/// `Insert`. The fewest items removed plus added, unless the search went over
/// [`MAX_STEPS`].
pub fn diff<T: PartialEq>(old: &[T], new: &[T]) -> Vec<(Op, usize)> {
    diff_within(old, new, MAX_STEPS)
}

fn diff_within<T: PartialEq>(old: &[T], new: &[T], max_steps: usize) -> Vec<(Op, usize)> {
    // The search is written once for every item type: it sees the items through this
    // comparison only.
    search(old.len(), new.len(), &|i, j| old[i] == new[j], max_steps)
}

fn search(
    old_len: usize,
    new_len: usize,
    equal: &dyn Fn(usize, usize) -> bool,
    max_steps: usize,
) -> Vec<(Op, usize)> {
    // Diagonals k = x − y run from −(d + 1) to d + 1 for d up to half the lengths.
    let offset = (old_len + new_len) / 2 + 2;
    let mut search = Search {
        equal,
        steps_left: max_steps,
        forward: vec![0; 2 * offset + 1],
        backward: vec![0; 2 * offset + 1],
        offset: offset as isize,
        runs: Vec::new(),
    };
    search.conquer(0..old_len, 0..new_len);
    search.runs
}

struct Search<'a> {
    equal: &'a dyn Fn(usize, usize) -> bool,
    steps_left: usize,
    /// The furthest x reached on each diagonal from the start, and from the end.
    forward: Vec<usize>,
    backward: Vec<usize>,
    offset: isize,
    runs: Vec<(Op, usize)>,
}

impl Search<'_> {
    /// Whether `steps` more are within the budget; they are spent either way.
    fn spend(&mut self, steps: usize) -> bool {
        self.steps_left = self.steps_left.saturating_sub(steps);
        self.steps_left > 0
    }

    fn push(&mut self, op: Op, len: usize) {
        if len == 0 {
            return;
        }
        // Removals go before additions between kept runs, whichever the search found
        // first: a removal after an addition is put before it.
        let end = self.runs.len()
            - usize::from(op == Op::Delete && matches!(self.runs.last(), Some((Op::Insert, _))));
        match end.checked_sub(1).map(|i| &mut self.runs[i]) {
            Some((last, run)) if *last == op => *run += len,
            _ => self.runs.insert(end, (op, len)),
        }
    }

    fn common_prefix(&mut self, old: Range<usize>, new: Range<usize>) -> usize {
        let len = old
            .zip(new)
            .take_while(|&(i, j)| (self.equal)(i, j))
            .count();
        self.spend(len + 1);
        len
    }

    fn common_suffix(&mut self, old: Range<usize>, new: Range<usize>) -> usize {
        let len = old
            .rev()
            .zip(new.rev())
            .take_while(|&(i, j)| (self.equal)(i, j))
            .count();
        self.spend(len + 1);
        len
    }

    fn conquer(&mut self, mut old: Range<usize>, mut new: Range<usize>) {
        let prefix = self.common_prefix(old.clone(), new.clone());
        self.push(Op::Equal, prefix);
        old.start += prefix;
        new.start += prefix;
        let suffix = self.common_suffix(old.clone(), new.clone());
        old.end -= suffix;
        new.end -= suffix;
        let split = if old.is_empty() || new.is_empty() {
            None
        } else {
            self.middle_snake(old.clone(), new.clone())
        };
        match split {
            Some((x, y)) => {
                self.conquer(old.start..x, new.start..y);
                self.conquer(x..old.end, y..new.end);
            }
            None => {
                self.push(Op::Delete, old.len());
                self.push(Op::Insert, new.len());
            }
        }
        self.push(Op::Equal, suffix);
    }

    /// Where an edit path of fewest steps through the middle of the problem starts its
    /// middle snake: the paths from both corners are extended one difference at a time
    /// until they overlap (Myers 1986, section 4b). `None` when the budget runs out.
    fn middle_snake(&mut self, old: Range<usize>, new: Range<usize>) -> Option<(usize, usize)> {
        let (n, m) = (old.len(), new.len());
        let delta = n as isize - m as isize;
        let odd = delta & 1 == 1;
        let offset = self.offset;
        let at = move |k: isize| (k + offset) as usize;
        self.forward[at(1)] = 0;
        self.backward[at(1)] = 0;
        for d in 0..((n + m).div_ceil(2) + 1) as isize {
            for k in (-d..=d).rev().step_by(2) {
                if !self.spend(1) {
                    return None;
                }
                let (below, above) = (self.forward[at(k - 1)], self.forward[at(k + 1)]);
                let x0 = if k == -d || (k != d && below < above) {
                    above
                } else {
                    below + 1
                };
                let y0 = (x0 as isize - k) as usize;
                let mut x = x0;
                if x < n && y0 < m {
                    x += self.common_prefix(old.start + x..old.end, new.start + y0..new.end);
                }
                self.forward[at(k)] = x;
                if odd && (k - delta).abs() < d && x + self.backward[at(delta - k)] >= n {
                    return Some((old.start + x0, new.start + y0));
                }
            }
            for k in (-d..=d).rev().step_by(2) {
                if !self.spend(1) {
                    return None;
                }
                let (below, above) = (self.backward[at(k - 1)], self.backward[at(k + 1)]);
                let mut x = if k == -d || (k != d && below < above) {
                    above
                } else {
                    below + 1
                };
                let mut y = (x as isize - k) as usize;
                if x < n && y < m {
                    let advance =
                        self.common_suffix(old.start..old.end - x, new.start..new.end - y);
                    x += advance;
                    y += advance;
                }
                self.backward[at(k)] = x;
                if !odd && (k - delta).abs() <= d && x + self.forward[at(delta - k)] >= n {
                    return Some((old.end - x, new.end - y));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `new` rebuilt from `old` and the runs.
    fn apply<T: Clone>(old: &[T], new: &[T], runs: &[(Op, usize)]) -> Vec<T> {
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        for &(op, len) in runs {
            match op {
                Op::Equal => {
                    out.extend_from_slice(&old[i..i + len]);
                    i += len;
                    j += len;
                }
                Op::Delete => i += len,
                Op::Insert => {
                    out.extend_from_slice(&new[j..j + len]);
                    j += len;
                }
            }
        }
        assert_eq!((i, j), (old.len(), new.len()), "{runs:?}");
        out
    }

    /// Items removed plus added.
    fn cost(runs: &[(Op, usize)]) -> usize {
        runs.iter()
            .filter(|(op, _)| *op != Op::Equal)
            .map(|(_, len)| len)
            .sum()
    }

    /// The fewest items removed plus added, from the longest common subsequence.
    fn least_cost<T: PartialEq>(old: &[T], new: &[T]) -> usize {
        let mut row = vec![0usize; new.len() + 1];
        for a in old {
            let mut diagonal = 0;
            for (j, b) in new.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = if a == b {
                    diagonal + 1
                } else {
                    above.max(row[j])
                };
                diagonal = above;
            }
        }
        old.len() + new.len() - 2 * row[new.len()]
    }

    /// The runs are well formed: none empty, no two neighbours alike, a removal never
    /// right after an addition.
    fn assert_canonical(runs: &[(Op, usize)]) {
        assert!(runs.iter().all(|&(_, len)| len > 0), "{runs:?}");
        for pair in runs.windows(2) {
            assert_ne!(pair[0].0, pair[1].0, "{runs:?}");
            assert_ne!((pair[0].0, pair[1].0), (Op::Insert, Op::Delete), "{runs:?}");
        }
    }

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn identical_and_empty_sides() {
        let text = chars("依法行政");
        assert_eq!(diff(&text, &text), [(Op::Equal, 4)]);
        assert_eq!(diff::<char>(&[], &[]), []);
        assert_eq!(diff(&[], &text), [(Op::Insert, 4)]);
        assert_eq!(diff(&text, &[]), [(Op::Delete, 4)]);
    }

    #[test]
    fn insertions_only_and_deletions_only() {
        let short = chars("全年学法4次");
        let long = chars("全年组织集中学法4次。");
        assert_eq!(
            diff(&short, &long),
            [
                (Op::Equal, 2),
                (Op::Insert, 4),
                (Op::Equal, 4),
                (Op::Insert, 1)
            ]
        );
        assert_eq!(
            diff(&long, &short),
            [
                (Op::Equal, 2),
                (Op::Delete, 4),
                (Op::Equal, 4),
                (Op::Delete, 1)
            ]
        );
    }

    #[test]
    fn the_papers_example_and_lines() {
        let (old, new) = (chars("ABCABBA"), chars("CBABAC"));
        let runs = diff(&old, &new);
        assert_canonical(&runs);
        assert_eq!(cost(&runs), 5);
        assert_eq!(apply(&old, &new, &runs), new);
        let old = ["一、总体情况\n", "全年学法4次。\n", "二、存在不足\n"];
        let new = ["一、总体情况\n", "全年学法6次。\n", "二、存在不足\n"];
        assert_eq!(
            diff(&old, &new),
            [
                (Op::Equal, 1),
                (Op::Delete, 1),
                (Op::Insert, 1),
                (Op::Equal, 1)
            ]
        );
    }

    /// A small generator (xorshift), so that the pairs are the same on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    #[test]
    fn applying_the_runs_to_old_gives_new_with_the_fewest_changes() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for round in 0..3_000 {
            // Few letters, so that the sequences share many items; `new` is an edit of
            // `old` every other round, unrelated to it in between.
            let letters = 1 + rng.below(4);
            let old: Vec<u64> = (0..rng.below(24)).map(|_| rng.below(letters)).collect();
            let new: Vec<u64> = if round % 2 == 0 {
                let mut new = old.clone();
                for _ in 0..rng.below(6) {
                    let at = rng.below(new.len() as u64 + 1) as usize;
                    match rng.below(3) {
                        0 if at < new.len() => {
                            new.remove(at);
                        }
                        1 if at < new.len() => new[at] = rng.below(letters),
                        _ => new.insert(at, rng.below(letters)),
                    }
                }
                new
            } else {
                (0..rng.below(24)).map(|_| rng.below(letters)).collect()
            };
            let runs = diff(&old, &new);
            assert_canonical(&runs);
            assert_eq!(apply(&old, &new, &runs), new, "{old:?} → {new:?}");
            assert_eq!(cost(&runs), least_cost(&old, &new), "{old:?} → {new:?}");
        }
    }

    #[test]
    fn over_its_budget_the_rest_is_removed_and_added() {
        let old: Vec<u32> = (0..3_000).collect();
        let new: Vec<u32> = (0..3_000)
            .map(|i| if i % 2 == 0 { i } else { i + 5_000 })
            .collect();
        let runs = diff_within(&old, &new, 10_000);
        assert_canonical(&runs);
        assert_eq!(apply(&old, &new, &runs), new);
        assert!(cost(&runs) > least_cost(&old, &new));
        // Two texts with nothing in common, each a million characters: bounded work.
        let old = vec!['甲'; 1_000_000];
        let new = vec!['乙'; 1_000_000];
        let started = std::time::Instant::now();
        assert_eq!(
            diff(&old, &new),
            [(Op::Delete, 1_000_000), (Op::Insert, 1_000_000)]
        );
        assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    }
}
