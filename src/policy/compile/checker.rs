//! How one piece of a policy is checked: a text in every language, an expression (parsed and
//! type-checked by name), a check, a list of checks, an indicator's measures. Every problem is
//! pushed, with its path; `compile` assembles the pieces into a policy.

use super::super::check::Check;
use super::super::expr::{self, Expr, Scope};
use super::super::model::{Apply, CheckDef, Text};
use super::super::table::Table;
use super::super::{MAX_APPLY_ITEMS, MAX_CHECKS};
use crate::error::{join, Code, Issue};
use crate::facts::{Fact, Facts, Known, Ty, Val};
use crate::policy::kinds::{fact_kind, Infer};
use crate::report::ValueKind;
use std::collections::{BTreeMap, BTreeSet};

/// The scope expressions are type-checked in: everything by name, with placeholder values.
pub(super) struct NameScope<'a> {
    pub(super) facts: &'a Facts,
    pub(super) tables: &'a crate::policy::map::Map<String, Table>,
    pub(super) local: &'a BTreeMap<String, Fact>,
    pub(super) steps: &'a BTreeMap<(String, String), Known>,
}

impl Scope for NameScope<'_> {
    fn fact(&self, name: &str) -> Option<&Fact> {
        self.local.get(name).or_else(|| self.facts.get(name))
    }
    fn table(&self, name: &str) -> Option<&Table> {
        self.tables.get(name)
    }
    fn step(&self, product: &str, step: &str) -> Option<Known> {
        self.steps
            .get(&(product.to_string(), step.to_string()))
            .cloned()
    }
    fn has_step(&self, product: &str, step: &str) -> bool {
        self.steps
            .contains_key(&(product.to_string(), step.to_string()))
    }
}

pub(super) struct Compiler<'a> {
    pub(super) issues: Vec<Issue>,
    /// Derived facts that failed to compile: references to them are not reported again.
    pub(super) poisoned: BTreeSet<String>,
    pub(super) types: Facts,
    pub(super) tables: &'a crate::policy::map::Map<String, Table>,
    pub(super) steps: BTreeMap<(String, String), Known>,
    /// The kinds of the policy's own facts, of the product being compiled's steps (`local_kinds`)
    /// and of every earlier product's steps.
    pub(super) kinds: BTreeMap<String, ValueKind>,
    pub(super) local_kinds: BTreeMap<String, ValueKind>,
    pub(super) step_kinds: BTreeMap<(String, String), ValueKind>,
}

pub(super) fn placeholder(ty: Ty) -> Known {
    Known::Yes(match ty {
        Ty::Num => Val::Num(rust_decimal::Decimal::ZERO),
        Ty::Bool => Val::Bool(false),
        Ty::Str => Val::Str("".into()),
    })
}

impl Compiler<'_> {
    /// Drops "unknown fact" issues about facts whose own definition already failed.
    pub(super) fn forgive(&self, found: &mut Vec<Issue>) {
        found.retain(|i| {
            i.code != Code::UnknownFact
                || !i.args.first().is_some_and(|a| self.poisoned.contains(a))
        });
    }

    /// The kind of a compiled expression, from what it reads and the units of its literals.
    pub(super) fn kind_of(&self, src: &str, e: &Expr, as_check: bool) -> ValueKind {
        let name = |n: &str| {
            self.local_kinds
                .get(n)
                .or_else(|| self.kinds.get(n))
                .copied()
                .or_else(|| fact_kind(n))
                .or_else(|| match self.types.get(n).map(|f| f.ty) {
                    Some(Ty::Bool) => Some(ValueKind::Flag),
                    Some(Ty::Str) => Some(ValueKind::Text),
                    _ => None,
                })
        };
        let step = |p: &str, s: &str| {
            self.step_kinds
                .get(&(p.to_string(), s.to_string()))
                .copied()
        };
        let mut infer = Infer::new(src, &name, &step);
        if as_check {
            infer.check(e)
        } else {
            infer.kind(e)
        }
    }

    /// A `format` the policy names: one of the kinds, or a problem at its path.
    pub(super) fn format(&mut self, format: Option<&str>, path: &str) -> Option<ValueKind> {
        let name = format?;
        let kind = ValueKind::parse(name);
        if kind.is_none() {
            let all: Vec<&str> = ValueKind::ALL.iter().map(|k| k.as_str()).collect();
            self.issues.push(
                Issue::new(Code::UnknownValue, join(path, "format"))
                    .with(name)
                    .with(all.join(", ")),
            );
        }
        kind
    }

    pub(super) fn text(&mut self, t: &Text, path: &str) {
        for locale in crate::text::Locale::ALL {
            if t.0.get(locale.tag()).is_none_or(|s| s.trim().is_empty()) {
                self.issues.push(
                    Issue::new(Code::MissingTranslation, join(path, locale.tag()))
                        .with(locale.tag()),
                );
            }
        }
    }

    /// An `apply` block: at least one step, every text in every language, and few enough items
    /// to show on a card.
    pub(super) fn apply(&mut self, a: &Apply, path: &str) {
        let steps = join(path, "steps");
        if a.steps.is_empty() {
            self.issues
                .push(Issue::new(Code::PolicyShape, &steps).with("at least one step is needed"));
        }
        for (key, list) in [("steps", &a.steps), ("documents", &a.documents)] {
            let p = join(path, key);
            if list.len() > MAX_APPLY_ITEMS {
                self.issues.push(
                    Issue::new(Code::PolicyTooLarge, &p)
                        .with(format!("more than {MAX_APPLY_ITEMS} {key}")),
                );
                continue;
            }
            for (i, t) in list.iter().enumerate() {
                self.text(t, &format!("{p}[{i}]"));
            }
        }
        if let Some(d) = &a.deadline {
            self.text(d, &join(path, "deadline"));
        }
    }

    pub(super) fn expr(
        &mut self,
        src: &str,
        path: &str,
        want: Ty,
        local: &BTreeMap<String, Fact>,
    ) -> Option<Expr> {
        let e = match expr::parse(src, path) {
            Ok(e) => e,
            Err(issue) => {
                self.issues.push(issue);
                return None;
            }
        };
        let scope = NameScope {
            facts: &self.types,
            tables: self.tables,
            local,
            steps: &self.steps,
        };
        let mut found = Vec::new();
        let ty = e.check(&scope, path, &mut found);
        self.forgive(&mut found);
        if let Some(got) = ty {
            if got != want && found.is_empty() {
                found.push(
                    Issue::new(Code::TypeMismatch, path)
                        .with(want.name())
                        .with(got.name()),
                );
            }
        }
        e.constant_failures(path, &mut found);
        let ok = found.is_empty();
        self.issues.extend(found);
        ok.then_some(e)
    }

    pub(super) fn check(
        &mut self,
        def: &CheckDef,
        path: &str,
        local: &BTreeMap<String, Fact>,
    ) -> Option<Check> {
        self.text(&def.label, &join(path, "label"));
        let missing_passes = match def.when_missing.as_deref() {
            None | Some("incomplete") => false,
            Some("pass") => true,
            Some(other) => {
                self.issues.push(
                    Issue::new(Code::UnknownValue, join(path, "whenMissing"))
                        .with(other)
                        .with("incomplete, pass"),
                );
                false
            }
        };
        if let Some(t) = &def.required {
            self.text(t, &join(path, "required"));
        }
        let format = self.format(def.format.as_deref(), path);
        let actual = match &def.actual {
            Some(src) => {
                let p = join(path, "actual");
                let e = expr::parse(src, &p).map_err(|i| self.issues.push(i)).ok()?;
                let scope = NameScope {
                    facts: &self.types,
                    tables: self.tables,
                    local,
                    steps: &self.steps,
                };
                let before = self.issues.len();
                e.check(&scope, &p, &mut self.issues);
                if self.issues.len() > before {
                    return None;
                }
                Some(e)
            }
            None => None,
        };
        let pass_path = join(path, "pass");
        let expr = self.expr(&def.pass, &pass_path, Ty::Bool, local)?;
        let kind = format.unwrap_or_else(|| match (&actual, &def.actual) {
            (Some(e), Some(src)) => self.kind_of(src, e, false),
            _ => self.kind_of(&def.pass, &expr, true),
        });
        Some(Check {
            id: def.id.as_str().into(),
            label: def.label.clone(),
            expr,
            kind,
            actual,
            required: def.required.clone(),
            missing_passes,
            path: pass_path,
            reads: crate::policy::resolve::Reads::default(),
        })
    }

    pub(super) fn checks(
        &mut self,
        defs: &[CheckDef],
        path: &str,
        local: &BTreeMap<String, Fact>,
    ) -> Vec<Check> {
        if defs.len() > MAX_CHECKS {
            self.issues.push(
                Issue::new(Code::PolicyTooLarge, path)
                    .with(format!("more than {MAX_CHECKS} checks")),
            );
            return Vec::new();
        }
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, def) in defs.iter().enumerate() {
            let p = format!("{path}[{i}]");
            self.issues.extend(unique(&mut seen, &def.id, &p));
            if let Some(c) = self.check(def, &p, local) {
                out.push(c);
            }
        }
        out
    }
}

/// An id already seen in its list is a `duplicateId` at `<path>.id`.
pub(super) fn unique<'d>(seen: &mut BTreeSet<&'d str>, id: &'d str, path: &str) -> Option<Issue> {
    (!seen.insert(id)).then(|| Issue::new(Code::DuplicateId, join(path, "id")).with(id))
}
