//! Compiling the schemes, in document order: each one's facts are added to the names the later
//! schemes, the policy's facts and the products may read.

use super::checker::{placeholder, unique, Compiler};
use crate::error::{join, Code, Issue};
use crate::facts::{Fact, Ty};
use crate::policy::model::{CheckDef, IndicatorDef, SchemeDef};
use crate::policy::scheme::{published, Group, Indicator, Measure, Scheme};
use crate::policy::MAX_SCHEMES;
use std::collections::{BTreeMap, BTreeSet};

fn num() -> Fact {
    Fact {
        ty: Ty::Num,
        value: placeholder(Ty::Num),
    }
}

impl Compiler<'_> {
    pub(super) fn schemes(&mut self, defs: &[SchemeDef]) -> Vec<Scheme> {
        if defs.len() > MAX_SCHEMES {
            self.issues.push(
                Issue::new(Code::PolicyTooLarge, "schemes")
                    .with(format!("more than {MAX_SCHEMES} schemes")),
            );
            return Vec::new();
        }
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        let mut out = Vec::new();
        for (i, d) in defs.iter().enumerate() {
            let at = format!("schemes[{i}]");
            let dup = unique(&mut ids, &d.id, &at);
            let empty = d.id.trim().is_empty();
            // A scheme is named by its id in paths (`schemes.techSme.checks[2]`), as in the report.
            let p = if dup.is_some() || empty {
                at.clone()
            } else {
                join("schemes", &d.id)
            };
            self.issues.extend(dup);
            if empty {
                self.issues
                    .push(Issue::new(Code::PolicyShape, join(&at, "id")).with("the id is empty"));
            }
            if self.types.get(&format!("{}.status", d.id)).is_some() {
                self.issues
                    .push(Issue::new(Code::DuplicateId, join(&p, "id")).with(&d.id));
            }
            let scheme = self.scheme(d, &p);
            // Its facts exist for what follows, whether or not it compiled.
            for (name, ty) in published(
                &d.id,
                &d.indicators
                    .iter()
                    .map(|x| x.id.clone())
                    .collect::<Vec<_>>(),
            ) {
                self.types.set(name, ty, placeholder(ty));
            }
            if let Some(s) = scheme {
                out.push(s);
            }
        }
        out
    }

    fn scheme(&mut self, d: &SchemeDef, p: &str) -> Option<Scheme> {
        let none = BTreeMap::new();
        self.text(&d.title, &join(p, "title"));
        self.text(&d.basis, &join(p, "basis"));
        let held = d.held.as_ref().and_then(|h| {
            let def = CheckDef {
                id: "held".into(),
                label: d.title.clone(),
                pass: h.clone(),
                actual: None,
                required: None,
                when_missing: None,
                format: None,
            };
            // The path of the expression is `…held`.
            let mut c = self.check(&def, p, &none)?;
            c.path = join(p, "held");
            Some(c)
        });
        let mut checks = Vec::new();
        let mut prerequisites = Vec::new();
        for (i, r) in d.requires.iter().enumerate() {
            let rp = format!("{p}.requires[{i}]");
            let mut terms = Vec::new();
            for (j, s) in r.schemes.iter().enumerate() {
                if self.types.get(&format!("{s}.held")).is_none() {
                    self.issues.push(
                        Issue::new(Code::UnknownValue, format!("{rp}.schemes[{j}]"))
                            .with(s)
                            .with("the id of an earlier scheme"),
                    );
                } else {
                    terms.push(format!("({s}.held or {s}.qualified)"));
                }
            }
            if terms.is_empty() {
                if r.schemes.is_empty() {
                    self.issues.push(
                        Issue::new(Code::PolicyShape, join(&rp, "schemes"))
                            .with("a prerequisite names at least one scheme"),
                    );
                }
                continue;
            }
            // Held: a named scheme's title declared, or the prerequisite's own `held`.
            let mut held_terms: Vec<String> = r
                .schemes
                .iter()
                .filter(|s| self.types.get(&format!("{s}.held")).is_some())
                .map(|s| format!("{s}.held"))
                .collect();
            if let Some(h) = &r.held {
                terms.push(format!("({h})"));
                held_terms.push(format!("({h})"));
            }
            let def = CheckDef {
                id: r.id.clone(),
                label: r.label.clone(),
                pass: terms.join(" or "),
                actual: None,
                required: None,
                when_missing: None,
                format: Some("flag".into()),
            };
            let held_def = CheckDef {
                pass: held_terms.join(" or "),
                ..def.clone()
            };
            if let Some(c) = self.check(&def, &rp, &none) {
                if let Some(mut h) = self.check(&held_def, &rp, &none) {
                    h.path = join(&rp, "held");
                    prerequisites.push((checks.len(), h));
                }
                checks.push(c);
            }
        }
        checks.extend(self.checks(&d.checks, &join(p, "checks"), &none));

        let mut groups = Vec::new();
        let mut group_ids = BTreeSet::new();
        for (i, g) in d.groups.iter().enumerate() {
            let gp = format!("{p}.groups[{i}]");
            self.issues.extend(unique(&mut group_ids, &g.id, &gp));
            if let Some(l) = &g.label {
                self.text(l, &join(&gp, "label"));
            }
            if g.cap.is_none() && g.min.is_none() {
                self.issues.push(
                    Issue::new(Code::PolicyShape, &gp).with("a group has a cap, a min or both"),
                );
            }
            if g.min.is_some() && g.label.is_none() {
                self.issues.push(
                    Issue::new(Code::PolicyShape, join(&gp, "label"))
                        .with("a group with a minimum is a check: it needs a label"),
                );
            }
            groups.push(Group {
                id: g.id.as_str().into(),
                label: g.label.clone().unwrap_or_default(),
                cap: g.cap.map(|c| c.0),
                min: g.min.map(|m| m.0),
            });
        }

        let mut assumptions = Vec::new();
        for (i, a) in d.assumptions.iter().enumerate() {
            let ap = format!("{p}.assumptions[{i}]");
            self.text(&a.message, &join(&ap, "message"));
            let Some(at) = self.types.index_of(&a.fact) else {
                self.issues
                    .push(Issue::new(Code::UnknownFact, join(&ap, "fact")).with(&a.fact));
                continue;
            };
            let ty = self.types.at(at).map(|f| f.ty);
            match ty.and_then(|ty| crate::policy::assumed_value(&a.value, ty)) {
                Some(v) => assumptions.push((at, v, a.message.clone())),
                None => self.issues.push(
                    Issue::new(Code::TypeMismatch, join(&ap, "value"))
                        .with(ty.map_or("", Ty::name))
                        .with("other"),
                ),
            }
        }
        let status_of = d
            .status_of
            .as_ref()
            .and_then(|src| self.expr(src, &join(p, "statusOf"), Ty::Str, &none));
        let mut indicators = Vec::new();
        let mut local = BTreeMap::new();
        let mut indicator_ids = BTreeSet::new();
        for (i, ind) in d.indicators.iter().enumerate() {
            let ip = format!("{p}.indicators[{i}]");
            self.issues.extend(unique(&mut indicator_ids, &ind.id, &ip));
            if let Some(x) = self.indicator(ind, &ip, &groups) {
                indicators.push(x);
            }
            local.insert(format!("points.{}", ind.id), num());
        }
        for g in &groups {
            local.insert(format!("groups.{}", g.id), num());
        }
        local.insert("score".to_string(), num());
        let pass = d
            .pass
            .as_ref()
            .and_then(|def| self.check(def, &join(p, "pass"), &local));
        let routes = self.checks(&d.routes, &join(p, "routes"), &none);
        if let Some(a) = &d.apply {
            self.apply(a, &join(p, "apply"));
        }
        if d.pass.is_some() && pass.is_none() {
            return None;
        }
        Some(Scheme {
            id: d.id.as_str().into(),
            title: d.title.clone(),
            basis: d.basis.clone(),
            held,
            checks,
            prerequisites,
            indicators,
            groups,
            pass,
            routes,
            statuses: d.statuses.clone(),
            assumptions,
            status_of,
            layout: d.layout.clone(),
            apply: d.apply.clone(),
            measure_reads: Default::default(),
            published: published(
                &d.id,
                &d.indicators
                    .iter()
                    .map(|x| x.id.clone())
                    .collect::<Vec<_>>(),
            ),
        })
    }

    fn indicator(&mut self, ind: &IndicatorDef, p: &str, groups: &[Group]) -> Option<Indicator> {
        self.text(&ind.label, &join(p, "label"));
        if ind.max.0 <= rust_decimal::Decimal::ZERO {
            self.issues.push(
                Issue::new(Code::PolicyShape, join(p, "max")).with("the maximum must be above 0"),
            );
        }
        let group = match &ind.group {
            Some(g) => {
                let at = groups.iter().position(|x| *x.id == **g);
                if at.is_none() {
                    self.issues.push(
                        Issue::new(Code::UnknownValue, join(p, "group"))
                            .with(g)
                            .with("an id of the scheme's groups"),
                    );
                }
                at
            }
            None => None,
        };
        if ind.self_rating.is_some() && !ind.measures.is_empty() {
            self.issues.push(
                Issue::new(Code::PolicyShape, p)
                    .with("an indicator has measures or a selfRating, not both"),
            );
        }
        let none = BTreeMap::new();
        let mut measures = Vec::new();
        for (j, m) in ind.measures.iter().enumerate() {
            let mp = format!("{p}.measures[{j}]");
            let (src, key) = match (&m.fact, &m.expr) {
                (Some(f), None) => (f, "fact"),
                (None, Some(e)) => (e, "expr"),
                _ => {
                    self.issues.push(
                        Issue::new(Code::PolicyShape, &mp)
                            .with("a measure has a fact or an expr, not both"),
                    );
                    continue;
                }
            };
            let ep = join(&mp, key);
            let table_at = match &m.table {
                None => None,
                Some(t) => match self.tables.get(t) {
                    None => {
                        self.issues
                            .push(Issue::new(Code::UnknownTable, join(&mp, "table")).with(t));
                        None
                    }
                    Some(tb) if tb.key_type() != Ty::Num => {
                        self.issues.push(
                            Issue::new(Code::MalformedTable, join(&mp, "table"))
                                .with("a measure needs a band table"),
                        );
                        None
                    }
                    Some(_) => self.tables.keys().position(|k| k == t),
                },
            };
            if let Some(e) = self.expr(src, &ep, Ty::Num, &none) {
                let kind = self.kind_of(src, &e, false);
                measures.push(Measure {
                    text: src.as_str().into(),
                    expr: e,
                    kind,
                    table_at,
                    path: ep,
                });
            }
        }
        let rating = ind.self_rating.as_ref().and_then(|src| {
            let ep = join(p, "selfRating");
            let e = self.expr(src, &ep, Ty::Num, &none)?;
            Some(Measure {
                text: src.as_str().into(),
                kind: crate::report::ValueKind::Points,
                expr: e,
                table_at: None,
                path: ep,
            })
        });
        Some(Indicator {
            id: ind.id.as_str().into(),
            label: ind.label.clone(),
            max: ind.max.0,
            measures,
            rating,
            group,
        })
    }
}
