//! @string abbreviations that cannot be resolved safely: biblatex resolves
//! them recursively, so a cycle (`@string{a = b}`, `@string{b = a}`) or a
//! very long chain overflows the stack (found by fuzzing).

use biblatex::{Pair, RawChunk};

/// How deep one @string may refer to others before it is left undefined.
const MAX_ABBREVIATION_DEPTH: usize = 32;

/// The @string names that are part of a reference cycle, or refer deeper
/// than `MAX_ABBREVIATION_DEPTH` (computed without recursion).
pub(super) fn unresolvable<'s>(abbreviations: &[Pair<'s>]) -> Vec<&'s str> {
    let references = |pair: &Pair<'s>| -> Vec<&'s str> {
        pair.value
            .v
            .iter()
            .filter_map(|chunk| match chunk.v {
                RawChunk::Abbreviation(name) => Some(name),
                RawChunk::Normal(_) => None,
            })
            .collect()
    };
    let index = |name: &str| abbreviations.iter().rposition(|p| p.key.v == name);
    // depth[i]: None = unvisited, Some(None) = in progress, Some(Some(d)) = done.
    let mut depth: Vec<Option<Option<usize>>> = vec![None; abbreviations.len()];
    let mut bad = vec![false; abbreviations.len()];
    for root in 0..abbreviations.len() {
        if depth[root].is_some() {
            continue;
        }
        // (node, children not yet finished)
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(
            root,
            references(&abbreviations[root])
                .iter()
                .filter_map(|n| index(n))
                .collect(),
        )];
        depth[root] = Some(None);
        while let Some((node, children)) = stack.last_mut() {
            let node = *node;
            match children.pop() {
                Some(child) => {
                    // Visited children are settled when their parent finishes.
                    if depth[child].is_none() {
                        depth[child] = Some(None);
                        let next = references(&abbreviations[child])
                            .iter()
                            .filter_map(|n| index(n))
                            .collect();
                        stack.push((child, next));
                    }
                }
                None => {
                    stack.pop();
                    let own = references(&abbreviations[node])
                        .iter()
                        .filter_map(|n| index(n))
                        .map(|c| match depth[c] {
                            Some(Some(d)) => d + 1,
                            _ => MAX_ABBREVIATION_DEPTH + 1,
                        })
                        .max()
                        .unwrap_or(0);
                    // A child still in progress closes a cycle; a bad child
                    // makes this one bad too (resolving it reaches the cycle).
                    let child_bad = references(&abbreviations[node])
                        .iter()
                        .filter_map(|n| index(n))
                        .any(|c| bad[c] || !matches!(depth[c], Some(Some(_))));
                    bad[node] |= own > MAX_ABBREVIATION_DEPTH || child_bad;
                    depth[node] = Some(Some(own));
                }
            }
        }
    }
    abbreviations
        .iter()
        .zip(bad)
        .filter(|(_, bad)| *bad)
        .map(|(pair, _)| pair.key.v)
        .collect()
}
