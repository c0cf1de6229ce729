//! The profile inputs a value lacks, as a bitset: what an unknown fact carries through every
//! evaluation, resolved to paths only where a report lists them.

use crate::inputs::INPUTS;

/// The profile inputs whose absence keeps a value unknown, as a set of input atoms: each scalar
/// field (`employees`), each field of each fiscal year (`financials[1].revenue`) and each fiscal
/// year as a whole (`financials[2]`). A bitset: copying, merging and testing it allocate nothing;
/// it becomes paths only when a report is written (`paths`, sorted as text).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Missing(u128);

/// The bits: a scalar field's is its catalog position; then each fiscal year's fields
/// (`YEAR_BASE + year × fields + slot`); then each year as a whole.
const YEAR_BASE: usize = INPUTS.len();
const YEAR_FIELDS: usize = crate::profile::YEAR_END - crate::profile::YEAR_START;
const WHOLE_YEAR_BASE: usize = YEAR_BASE + crate::profile::MAX_YEARS * YEAR_FIELDS;
const _: () = assert!(
    WHOLE_YEAR_BASE + crate::profile::MAX_YEARS <= 128,
    "more inputs than Missing holds: widen it"
);

/// Every atom's path, by its bit ("" for a bit no input uses), and the bit of each path.
fn atoms() -> &'static (Vec<String>, std::collections::HashMap<String, u32>) {
    static ATOMS: std::sync::OnceLock<(Vec<String>, std::collections::HashMap<String, u32>)> =
        std::sync::OnceLock::new();
    ATOMS.get_or_init(|| {
        let mut paths: Vec<String> = INPUTS
            .iter()
            .map(|f| match f.per_year {
                None => f.path.to_string(),
                Some(_) => String::new(),
            })
            .collect();
        for year in 0..crate::profile::MAX_YEARS {
            paths.extend(
                crate::profile::year_inputs()
                    .iter()
                    .map(|f| f.path_in(year)),
            );
        }
        paths.extend((0..crate::profile::MAX_YEARS).map(|y| format!("financials[{y}]")));
        let index = paths
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty())
            .map(|(i, p)| (p.clone(), i as u32))
            .collect();
        (paths, index)
    })
}

impl Missing {
    pub const NONE: Missing = Missing(0);

    fn bit(b: usize) -> Missing {
        Missing(1u128.checked_shl(b as u32).unwrap_or(0))
    }

    /// The scalar field at a catalog position.
    pub fn input(i: usize) -> Missing {
        Missing::bit(i)
    }

    /// A field of a fiscal year, by its key (`revenue`).
    pub fn year_key(year: usize, key: &str) -> Missing {
        match crate::profile::year_slot(key) {
            Some(slot) if year < crate::profile::MAX_YEARS => {
                Missing::bit(YEAR_BASE + year * YEAR_FIELDS + slot)
            }
            _ => Missing::NONE,
        }
    }

    /// A fiscal year as a whole (`financials[1]`).
    pub fn year(year: usize) -> Missing {
        if year < crate::profile::MAX_YEARS {
            Missing::bit(WHOLE_YEAR_BASE + year)
        } else {
            Missing::NONE
        }
    }

    /// The atom of one profile path; nothing for a path that is not an input.
    pub fn of(path: &str) -> Missing {
        match atoms().1.get(path) {
            Some(&bit) => Missing::bit(bit as usize),
            _ => Missing::NONE,
        }
    }

    pub fn union(self, other: Missing) -> Missing {
        Missing(self.0 | other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// For `skip_serializing_if`: no input missing.
    pub fn is_none(&self) -> bool {
        self.0 == 0
    }

    /// The paths, sorted as text and each once, borrowed from the table of atoms.
    pub fn names(self) -> Vec<&'static str> {
        let all = &atoms().0;
        let mut v = Vec::with_capacity(self.0.count_ones() as usize);
        let mut bits = self.0;
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(p) = all.get(b).filter(|p| !p.is_empty()) {
                v.push(p.as_str());
            }
        }
        v.sort_unstable();
        v
    }

    /// The paths, sorted as text and each once.
    pub fn paths(self) -> Vec<String> {
        self.names().into_iter().map(str::to_string).collect()
    }
}

/// A report lists missing inputs as their sorted paths: the bits become text only here.
impl serde::Serialize for Missing {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.names())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Missing {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Missing".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<String>>::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_missing_input_is_its_own_path() {
        for (i, f) in INPUTS.iter().enumerate() {
            match f.year_key() {
                None => assert_eq!(Missing::input(i).paths(), vec![f.path]),
                Some(k) => {
                    for y in 0..crate::profile::MAX_YEARS {
                        assert_eq!(Missing::year_key(y, k).paths(), vec![f.path_in(y)]);
                        assert_eq!(Missing::of(&f.path_in(y)), Missing::year_key(y, k));
                    }
                }
            }
        }
        assert_eq!(Missing::year(2).paths(), vec!["financials[2]"]);
        assert!(Missing::of("nothing").is_empty());
        let both = Missing::of("techStaff").union(Missing::of("employees"));
        assert_eq!(both.paths(), vec!["employees", "techStaff"]);
    }
}
