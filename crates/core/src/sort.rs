//! One stable sort for the app's code.
//!
//! `slice::sort_by` and its kin are compiled anew for every element type and
//! comparison: in the app's wasm each costs one to two KB gzip. This sort orders
//! positions through one comparison of positions, so its work is compiled once; what
//! each caller adds is its comparison and the moves that put the items in order.

use std::cmp::Ordering;

/// Sorts `items` by `compare` as `items.sort_by(compare)` does: stably (items that
/// compare equal keep their order), in O(n log n) comparisons.
pub fn stable_sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(order, &mut |a, b| items.swap(a, b));
}

/// The positions `0..len` in the order `compare` sorts them, equal ones in their order:
/// a bottom-up merge sort.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // The left run's item first unless the right one is strictly less:
                // that is what keeps the sort stable.
                if right == end
                    || (left < middle && compare(order[left], order[right]) != Ordering::Greater)
                {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Moves the item at `order[i]` to `i`, for every `i`, by swaps along each cycle of
/// the permutation.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut here = start;
        loop {
            let from = order[here];
            // Placed: the cycle is not walked again from another start.
            order[here] = here;
            if from == start {
                break;
            }
            swap(here, from);
            here = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_one_and_already_sorted() {
        let mut empty: Vec<u8> = Vec::new();
        stable_sort_by(&mut empty, Ord::cmp);
        assert!(empty.is_empty());
        let mut one = vec![7];
        stable_sort_by(&mut one, Ord::cmp);
        assert_eq!(one, [7]);
        let mut sorted: Vec<u32> = (0..100).collect();
        stable_sort_by(&mut sorted, Ord::cmp);
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn reversed_and_descending() {
        let mut reversed: Vec<u32> = (0..100).rev().collect();
        stable_sort_by(&mut reversed, Ord::cmp);
        assert_eq!(reversed, (0..100).collect::<Vec<_>>());
        let mut names = vec!["乙", "甲", "丙"];
        stable_sort_by(&mut names, |a, b| b.cmp(a));
        let mut expected = names.clone();
        expected.sort_by(|a, b| b.cmp(a));
        assert_eq!(names, expected);
    }

    #[test]
    fn equal_items_keep_their_order_as_sort_by_keeps_them() {
        // Pairs sorted by their first field only: the second tells the order apart.
        let mut state = 0x9e37_79b9_u32;
        for len in 0..200 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    (state % 7, i)
                })
                .collect();
            let mut ours = items.clone();
            stable_sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "{len} items");
        }
    }

    #[test]
    fn owned_items_are_moved_not_copied() {
        let mut texts: Vec<String> = ["c", "a", "b", "a"].map(String::from).to_vec();
        stable_sort_by(&mut texts, |a, b| a.cmp(b));
        assert_eq!(texts, ["a", "a", "b", "c"]);
    }
}
