//! The policy: a JSON document (model), its expressions (expr), tables (table) and checks (check),
//! compiled once and validated with every problem reported at once. The built-in reference
//! policy (domain.md §6) is such a document, `builtin.json`.

pub mod check;
pub mod expr;
pub mod model;
pub mod num;
pub mod table;

use crate::error::{join, Code, Error, Issue};
use crate::facts::{self, Fact, Facts, Known, Ty, Val};
use crate::profile::Profile;
use check::Check;
use expr::{Expr, Scope};
use model::{CheckDef, PolicyDoc, Text};
use std::collections::{BTreeMap, BTreeSet};
use table::Table;

/// The built-in policy, minified at build time (build.rs) from `builtin.json`.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin.min.json"));

/// Limits on what a policy may hold, so a hostile document cannot exhaust memory or time.
pub const MAX_POLICY_BYTES: usize = 1 << 20;
pub const MAX_PRODUCTS: usize = 64;
pub const MAX_STEPS: usize = 64;
pub const MAX_CHECKS: usize = 128;
pub const MAX_TABLE_ROWS: usize = 256;
pub const MAX_TESTS: usize = 256;

/// The facts the assessments add, with their types; policies may read them.
pub const ASSESSMENT_FACTS: &[(&str, Ty)] = &[
    ("techSme.status", Ty::Str),
    ("techSme.qualified", Ty::Bool),
    ("techSme.score", Ty::Num),
    ("highTech.status", Ty::Str),
    ("highTech.certified", Ty::Bool),
    ("highTech.meets", Ty::Bool),
];

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub label: Text,
    pub max: rust_decimal::Decimal,
    pub measures: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub id: String,
    pub label: Text,
    pub expr: Expr,
    pub path: String,
}

#[derive(Debug, Clone)]
pub struct Product {
    pub id: String,
    pub name: Text,
    pub provenance: Text,
    pub note: Option<Text>,
    pub eligibility: Vec<Check>,
    pub steps: Vec<Step>,
    pub amount: String,
}

#[derive(Debug, Clone)]
pub struct DerivedFact {
    pub id: String,
    pub expr: Expr,
    pub path: String,
}

/// A compiled, validated policy: parse once, evaluate many.
#[derive(Debug, Clone)]
pub struct Policy {
    pub doc: PolicyDoc,
    pub digest: String,
    pub sme_conditions: Vec<Check>,
    pub sme_indicators: Vec<Indicator>,
    pub sme_pass: Check,
    pub sme_routes: Vec<Check>,
    pub hnte_certified: Check,
    pub hnte_checks: Vec<Check>,
    pub facts: Vec<DerivedFact>,
    pub knockouts: Vec<Check>,
    pub products: Vec<Product>,
}

/// The scope an expression sees: the facts, the tables, the steps of its own product so far and
/// the steps of earlier products.
pub struct EvalScope<'a> {
    pub facts: &'a Facts,
    pub tables: &'a BTreeMap<String, Table>,
    pub local: &'a BTreeMap<String, Fact>,
    pub steps: &'a BTreeMap<(String, String), Known>,
}

impl Scope for EvalScope<'_> {
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

/// FNV-1a over the canonical JSON of the document: identifies the exact policy a report used.
fn digest(doc: &PolicyDoc) -> String {
    let text = serde_json::to_string(doc).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

struct Compiler<'a> {
    issues: Vec<Issue>,
    /// Derived facts that failed to compile: references to them are not reported again.
    poisoned: BTreeSet<String>,
    types: Facts,
    tables: &'a BTreeMap<String, Table>,
    steps: BTreeMap<(String, String), Known>,
}

fn placeholder(ty: Ty) -> Known {
    Known::Yes(match ty {
        Ty::Num => Val::Num(rust_decimal::Decimal::ZERO),
        Ty::Bool => Val::Bool(false),
        Ty::Str => Val::Str(String::new()),
    })
}

impl Compiler<'_> {
    /// Drops "unknown fact" issues about facts whose own definition already failed.
    fn forgive(&self, found: &mut Vec<Issue>) {
        found.retain(|i| {
            i.code != Code::UnknownFact
                || !i.args.first().is_some_and(|a| self.poisoned.contains(a))
        });
    }

    fn text(&mut self, t: &Text, path: &str) {
        for locale in crate::text::Locale::ALL {
            if t.0.get(locale.tag()).is_none_or(|s| s.trim().is_empty()) {
                self.issues.push(
                    Issue::new(Code::MissingTranslation, join(path, locale.tag()))
                        .with(locale.tag()),
                );
            }
        }
    }

    fn expr(
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
        let scope = EvalScope {
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
        let ok = found.is_empty();
        self.issues.extend(found);
        ok.then_some(e)
    }

    fn check(
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
        let actual = match &def.actual {
            Some(src) => {
                let p = join(path, "actual");
                let e = expr::parse(src, &p).map_err(|i| self.issues.push(i)).ok()?;
                let scope = EvalScope {
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
        Some(Check {
            id: def.id.clone(),
            label: def.label.clone(),
            expr,
            actual,
            required: def.required.clone(),
            missing_passes,
            path: pass_path,
        })
    }

    fn checks(
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
            if !seen.insert(def.id.as_str()) {
                self.issues
                    .push(Issue::new(Code::DuplicateId, join(&p, "id")).with(&def.id));
            }
            if let Some(c) = self.check(def, &p, local) {
                out.push(c);
            }
        }
        out
    }

    fn measures(&mut self, measures: &[model::Measure], path: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (i, m) in measures.iter().enumerate() {
            let p = format!("{path}[{i}]");
            match self.types.get(&m.fact) {
                None => self
                    .issues
                    .push(Issue::new(Code::UnknownFact, join(&p, "fact")).with(&m.fact)),
                Some(f) if f.ty != Ty::Num => self.issues.push(
                    Issue::new(Code::TypeMismatch, join(&p, "fact"))
                        .with("number")
                        .with(f.ty.name()),
                ),
                Some(_) => {}
            }
            match self.tables.get(&m.table) {
                None => self
                    .issues
                    .push(Issue::new(Code::UnknownTable, join(&p, "table")).with(&m.table)),
                Some(t) if t.key_type() != Ty::Num => self.issues.push(
                    Issue::new(Code::MalformedTable, join(&p, "table"))
                        .with("a measure needs a band table"),
                ),
                Some(_) => {}
            }
            out.push((m.fact.clone(), m.table.clone()));
        }
        if out.is_empty() {
            self.issues
                .push(Issue::new(Code::PolicyShape, path).with("at least one measure is needed"));
        }
        out
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if b.len() != 10
        || b.get(4) != Some(&b'-')
        || b.get(7) != Some(&b'-')
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month: u32 = s.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let day: u32 = s.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

impl Policy {
    /// The built-in reference policy, compiled. It is validated by the test suite; should it ever
    /// fail to compile, the error says so instead of panicking.
    pub fn builtin() -> Result<Policy, Error> {
        let value: serde_json::Value = serde_json::from_str(BUILTIN_JSON)
            .map_err(|e| Issue::new(Code::InvalidJson, "").with(e))?;
        Policy::from_value(&value)
    }

    pub fn from_value(value: &serde_json::Value) -> Result<Policy, Error> {
        let size = serde_json::to_string(value).map_or(0, |s| s.len());
        if size > MAX_POLICY_BYTES {
            return Err(Issue::new(Code::PolicyTooLarge, "")
                .with(format!("{size} bytes, limit {MAX_POLICY_BYTES}"))
                .into());
        }
        let doc: PolicyDoc = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            Issue::new(Code::PolicyShape, path).with(e.into_inner())
        })?;
        Policy::compile(doc)
    }

    /// Parses and checks every expression, table, text and reference; all problems at once.
    pub fn compile(doc: PolicyDoc) -> Result<Policy, Error> {
        let mut types = facts::derive(&Profile::default());
        for (name, ty) in ASSESSMENT_FACTS {
            types.set(*name, *ty, placeholder(*ty));
        }
        let mut c = Compiler {
            issues: Vec::new(),
            poisoned: BTreeSet::new(),
            types,
            tables: &doc.tables,
            steps: BTreeMap::new(),
        };
        let none = BTreeMap::new();

        if doc.id.trim().is_empty() {
            c.issues
                .push(Issue::new(Code::PolicyShape, "id").with("the id is empty"));
        }
        if !is_date(&doc.effective) {
            c.issues
                .push(Issue::new(Code::InvalidDate, "effective").with(&doc.effective));
        }
        c.text(&doc.issuer, "issuer");
        c.text(&doc.disclaimer, "disclaimer");
        if doc.products.len() > MAX_PRODUCTS {
            c.issues.push(
                Issue::new(Code::PolicyTooLarge, "products")
                    .with(format!("more than {MAX_PRODUCTS} products")),
            );
        }
        if doc.tests.len() > MAX_TESTS {
            c.issues.push(
                Issue::new(Code::PolicyTooLarge, "tests")
                    .with(format!("more than {MAX_TESTS} tests")),
            );
        }
        for (name, t) in &doc.tables {
            let p = join("tables", name);
            t.validate(&p, &mut c.issues);
            {
                if t.rows.len() > MAX_TABLE_ROWS {
                    c.issues.push(
                        Issue::new(Code::PolicyTooLarge, &p)
                            .with(format!("more than {MAX_TABLE_ROWS} rows")),
                    );
                }
            }
        }
        for (i, a) in doc.assumptions.iter().enumerate() {
            let p = format!("assumptions[{i}]");
            c.text(&a.message, &join(&p, "message"));
            match c.types.get(&a.fact) {
                None => c
                    .issues
                    .push(Issue::new(Code::UnknownFact, join(&p, "fact")).with(&a.fact)),
                Some(f) => {
                    if assumed_value(&a.value, f.ty).is_none() {
                        c.issues.push(
                            Issue::new(Code::TypeMismatch, join(&p, "value"))
                                .with(f.ty.name())
                                .with("other"),
                        );
                    }
                }
            }
        }

        // Official schemes.
        let sme = &doc.schemes.tech_sme;
        c.text(&sme.basis, "schemes.techSme.basis");
        let sme_conditions = c.checks(&sme.conditions, "schemes.techSme.conditions", &none);
        let mut sme_indicators = Vec::new();
        let mut points_scope = BTreeMap::new();
        points_scope.insert(
            "score".to_string(),
            Fact {
                ty: Ty::Num,
                value: placeholder(Ty::Num),
            },
        );
        for (i, ind) in sme.indicators.iter().enumerate() {
            let p = format!("schemes.techSme.indicators[{i}]");
            c.text(&ind.label, &join(&p, "label"));
            if ind.max.0 <= rust_decimal::Decimal::ZERO {
                c.issues.push(
                    Issue::new(Code::PolicyShape, join(&p, "max"))
                        .with("the maximum must be above 0"),
                );
            }
            let measures = c.measures(&ind.measures, &join(&p, "measures"));
            points_scope.insert(
                format!("points.{}", ind.id),
                Fact {
                    ty: Ty::Num,
                    value: placeholder(Ty::Num),
                },
            );
            sme_indicators.push(Indicator {
                id: ind.id.clone(),
                label: ind.label.clone(),
                max: ind.max.0,
                measures,
            });
        }
        let pass_def = CheckDef {
            id: "pass".into(),
            label: sme.basis.clone(),
            pass: sme.pass.clone(),
            actual: Some("score".into()),
            required: Some(sme.pass_text.clone()),
            when_missing: None,
        };
        let sme_pass = c.check(&pass_def, "schemes.techSme", &points_scope);
        let sme_routes = c.checks(&sme.direct_routes, "schemes.techSme.directRoutes", &none);

        let hnte = &doc.schemes.high_tech;
        c.text(&hnte.basis, "schemes.highTech.basis");
        let cert_def = CheckDef {
            id: "certified".into(),
            label: hnte.basis.clone(),
            pass: hnte.certified.clone(),
            actual: None,
            required: None,
            when_missing: None,
        };
        let hnte_certified = c.check(&cert_def, "schemes.highTech.certified", &none);
        let hnte_checks = c.checks(&hnte.checks, "schemes.highTech.checks", &none);
        c.text(&hnte.innovation.label, "schemes.highTech.innovation.label");
        for (i, item) in hnte.innovation.items.iter().enumerate() {
            let p = format!("schemes.highTech.innovation.items[{i}]");
            c.text(&item.label, &join(&p, "label"));
            if item.max.0 <= rust_decimal::Decimal::ZERO {
                c.issues.push(
                    Issue::new(Code::PolicyShape, join(&p, "max"))
                        .with("the maximum must be above 0"),
                );
            }
            if let Some(g) = &item.group {
                if !hnte.innovation.groups.iter().any(|x| &x.id == g) {
                    c.issues.push(
                        Issue::new(Code::UnknownValue, join(&p, "group"))
                            .with(g)
                            .with("an id of innovation.groups"),
                    );
                }
            }
            if !item.measures.is_empty() {
                c.measures(&item.measures, &join(&p, "measures"));
            }
            match (&item.self_rating, item.measures.is_empty()) {
                (Some(f), _) if c.types.get(f).is_none_or(|f| f.ty != Ty::Num) => c
                    .issues
                    .push(Issue::new(Code::UnknownFact, join(&p, "selfRating")).with(f)),
                (Some(_), false) => c.issues.push(
                    Issue::new(Code::PolicyShape, &p)
                        .with("an item has measures or a selfRating, not both"),
                ),
                _ => {}
            }
        }

        // Derived facts, in order; each may read the ones before it.
        let mut derived = Vec::new();
        let later_facts: Vec<&str> = doc.facts.iter().map(|f| f.id.as_str()).collect();
        for (i, f) in doc.facts.iter().enumerate() {
            let p = format!("facts[{i}]");
            c.text(&f.label, &join(&p, "label"));
            if c.types.get(&f.id).is_some() {
                c.issues
                    .push(Issue::new(Code::DuplicateId, join(&p, "id")).with(&f.id));
                continue;
            }
            let expr_path = join(&p, "expr");
            let parsed = expr::parse(&f.expr, &expr_path);
            let ty = match &parsed {
                Ok(e) => {
                    let scope = EvalScope {
                        facts: &c.types,
                        tables: c.tables,
                        local: &none,
                        steps: &c.steps,
                    };
                    let mut found = Vec::new();
                    let ty = e.check(&scope, &expr_path, &mut found);
                    c.forgive(&mut found);
                    rename_self(
                        &mut found,
                        &f.id,
                        later_facts.get(i + 1..).unwrap_or_default(),
                    );
                    let ok = found.is_empty();
                    c.issues.extend(found);
                    ty.filter(|_| ok)
                }
                Err(issue) => {
                    c.issues.push(issue.clone());
                    None
                }
            };
            if let (Ok(e), Some(ty)) = (parsed, ty) {
                c.types.set(f.id.clone(), ty, placeholder(ty));
                derived.push(DerivedFact {
                    id: f.id.clone(),
                    expr: e,
                    path: expr_path,
                });
            } else {
                c.poisoned.insert(f.id.clone());
            }
        }

        let knockouts = c.checks(&doc.knockouts, "knockouts", &none);

        let mut products = Vec::new();
        let mut product_ids = BTreeSet::new();
        for (i, pd) in doc.products.iter().enumerate() {
            let p = format!("products[{i}]");
            if !product_ids.insert(pd.id.as_str()) {
                c.issues
                    .push(Issue::new(Code::DuplicateId, join(&p, "id")).with(&pd.id));
            }
            c.text(&pd.name, &join(&p, "name"));
            c.text(&pd.provenance, &join(&p, "provenance"));
            if let Some(n) = &pd.note {
                c.text(n, &join(&p, "note"));
            }
            if pd.limit.steps.len() > MAX_STEPS {
                c.issues.push(
                    Issue::new(Code::PolicyTooLarge, join(&p, "limit.steps"))
                        .with(format!("more than {MAX_STEPS} steps")),
                );
                continue;
            }
            let mut local: BTreeMap<String, Fact> = BTreeMap::new();
            let mut steps = Vec::new();
            let all_ids: Vec<&str> = pd.limit.steps.iter().map(|s| s.id.as_str()).collect();
            for (j, s) in pd.limit.steps.iter().enumerate() {
                let sp = format!("{p}.limit.steps[{j}]");
                c.text(&s.label, &join(&sp, "label"));
                if local.contains_key(&s.id) || c.types.get(&s.id).is_some() {
                    c.issues
                        .push(Issue::new(Code::DuplicateId, join(&sp, "id")).with(&s.id));
                }
                let expr_path = join(&sp, "expr");
                let before = c.issues.len();
                let parsed = c.expr(&s.expr, &expr_path, Ty::Num, &local);
                let later = all_ids.get(j + 1..).unwrap_or_default();
                if let Some(new) = c.issues.get_mut(before..) {
                    rename_self(new, &s.id, later);
                }
                if let Some(e) = parsed {
                    steps.push(Step {
                        id: s.id.clone(),
                        label: s.label.clone(),
                        expr: e,
                        path: expr_path,
                    });
                }
                local.insert(
                    s.id.clone(),
                    Fact {
                        ty: Ty::Num,
                        value: placeholder(Ty::Num),
                    },
                );
            }
            if !local.contains_key(&pd.limit.amount) {
                c.issues.push(
                    Issue::new(Code::UnknownFact, join(&p, "limit.amount")).with(&pd.limit.amount),
                );
            }
            let eligibility = c.checks(&pd.eligibility, &join(&p, "eligibility"), &local);
            for s in &pd.limit.steps {
                c.steps
                    .insert((pd.id.clone(), s.id.clone()), placeholder(Ty::Num));
            }
            products.push(Product {
                id: pd.id.clone(),
                name: pd.name.clone(),
                provenance: pd.provenance.clone(),
                note: pd.note.clone(),
                eligibility,
                steps,
                amount: pd.limit.amount.clone(),
            });
        }

        // Suggest the nearest known name for every unknown one.
        let mut names: Vec<String> = c.types.iter().map(|(k, _)| k.to_string()).collect();
        names.extend(
            doc.products
                .iter()
                .flat_map(|p| p.limit.steps.iter().map(|s| s.id.clone())),
        );
        let tables: Vec<String> = doc.tables.keys().cloned().collect();
        let Compiler { mut issues, .. } = c;
        for issue in &mut issues {
            let pool = match issue.code {
                Code::UnknownFact => &names,
                Code::UnknownTable => &tables,
                _ => continue,
            };
            if let Some(wrong) = issue.args.first() {
                issue.suggestion = nearest(wrong, pool);
            }
        }
        Error::from_issues(issues)?;
        let (Some(sme_pass), Some(hnte_certified)) = (sme_pass, hnte_certified) else {
            return Err(Issue::new(Code::PolicyShape, "schemes")
                .with("incomplete schemes")
                .into());
        };
        Ok(Policy {
            digest: digest(&doc),
            sme_conditions,
            sme_indicators,
            sme_pass,
            sme_routes,
            hnte_certified,
            hnte_checks,
            facts: derived,
            knockouts,
            products,
            doc,
        })
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.doc.tables.get(name)
    }
}

/// The closest name by edit distance, if it is close enough to be a likely typo.
fn nearest(wrong: &str, pool: &[String]) -> Option<String> {
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

/// An unknown name that is the step itself, or a later step, is a reference problem, not a typo.
fn rename_self(issues: &mut [Issue], own: &str, later: &[&str]) {
    for issue in issues.iter_mut() {
        if issue.code != Code::UnknownFact {
            continue;
        }
        let name = issue.args.first().cloned().unwrap_or_default();
        if name == own {
            issue.code = Code::SelfReference;
        } else if later.contains(&name.as_str()) {
            issue.code = Code::ForwardReference;
            issue.args = vec![own.to_string(), name];
        }
    }
}

/// The value an assumption gives a fact of type `ty`, if it has that type.
pub fn assumed_value(v: &serde_json::Value, ty: Ty) -> Option<Val> {
    match (v, ty) {
        (serde_json::Value::Bool(b), Ty::Bool) => Some(Val::Bool(*b)),
        (serde_json::Value::String(s), Ty::Num) => {
            crate::money::parse_decimal_text(s, true).map(|d| Val::Num(d.normalize()))
        }
        (serde_json::Value::Number(n), Ty::Num) => {
            crate::money::parse_decimal_text(&n.to_string(), false).map(Val::Num)
        }
        (serde_json::Value::String(s), Ty::Str) => Some(Val::Str(s.clone())),
        _ => None,
    }
}
