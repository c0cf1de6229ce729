//! A stable sort in a few dozen bytes, for the short lists the report is made of (questions,
//! hints, form fields: tens of items). The standard library's stable sort is several kilobytes
//! for every element type it sorts, and the widget's lean module sorted nine types with it.

/// Sorts `v` stably by `less` (insertion sort: quadratic, for short lists only).
pub fn stable_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 {
            let (before, after) = v.split_at(j);
            let (Some(a), Some(b)) = (before.last(), after.first()) else {
                break;
            };
            if !less(b, a) {
                break;
            }
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` stably by a key (computed twice per comparison: keep it cheap).
pub fn stable_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    stable_by(v, |a, b| key(a) < key(b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed: u32 = 7;
        for n in [0usize, 1, 2, 3, 10, 57] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            stable_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "{n}");
        }
    }
}
