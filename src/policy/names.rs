//! Suggesting the name an author probably meant, for "did you mean …" hints.

/// The closest name by edit distance, if it is close enough to be a likely typo.
pub(super) fn nearest(wrong: &str, pool: &[String]) -> Option<String> {
    let limit = (wrong.chars().count() / 3).max(2);
    pool.iter()
        .map(|name| (distance(wrong, name), name))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, name)| name.clone())
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let best = (above.saturating_add(1))
                .min(left.saturating_add(1))
                .min(prev.saturating_add(cost));
            prev = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = best;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}
