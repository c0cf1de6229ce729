//! The profile fields a hint may change, from the fields' declarations (`inputs::INPUTS`): where
//! each is, the facts through which it is searched, its unit and the direction that helps.

use crate::inputs::INPUTS;
use crate::profile::Profile;
use rust_decimal::Decimal;
use std::sync::OnceLock;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    Up,
    Down,
}

/// A profile field a hint may change (of the latest fiscal year for a per-year field).
pub(super) struct Field {
    pub(super) path: String,
    /// The facts that read this field.
    pub(super) facts: &'static [&'static str],
    /// Raising it may raise a scheme's points: a check that reads a scheme's results is searched
    /// on it when one of the scheme's measures reads one of its facts.
    pub(super) scores: bool,
    pub(super) money: bool,
    pub(super) dir: Dir,
    /// The facts that read it (`facts::readers_of`): all a change of it changes.
    pub(super) readers: Option<Vec<(usize, crate::facts::Source)>>,
}

impl Field {
    pub(super) fn get(&self, p: &Profile) -> Option<Decimal> {
        p.num_at_path(&self.path)
    }

    /// Changes the field, creating the latest fiscal year when the profile has none.
    pub(super) fn set(&self, p: &mut Profile, v: Decimal) {
        p.set_num(&self.path, v);
    }
}

/// The fields in their search order.
pub(super) fn fields() -> &'static [Field] {
    static FIELDS: OnceLock<Vec<Field>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let mut v: Vec<(u8, Field)> = INPUTS
            .iter()
            .filter_map(|f| {
                let h = f.hint?;
                let path = f.path_in(0);
                Some((
                    h.order,
                    Field {
                        readers: crate::facts::readers_of(&path),
                        path,
                        facts: h.via,
                        scores: h.scores,
                        money: f.ty.is_money(),
                        dir: if h.up { Dir::Up } else { Dir::Down },
                    },
                ))
            })
            .collect();
        crate::sort::stable_by_key(&mut v, |(order, _)| *order);
        v.into_iter().map(|(_, f)| f).collect()
    })
}
