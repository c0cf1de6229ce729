//! The self-check form, described as data: short sections, each field with its profile path, kind,
//! unit, default and a help text that says what the official term means. The widget builds its
//! inputs from this description.

mod fields;
mod number;
mod problem;
mod read;

pub use read::{read, read_value, Canonical, FieldError, FieldValue, FormRead};

use crate::inputs::{Section as Part, Type};
use crate::policy::map::Set;
use crate::policy::Policy;
use crate::text::Locale;
use fields::F;
use serde::Serialize;

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "FieldKind"))]
pub enum Kind {
    /// Money typed in 万元.
    Wan,
    /// A whole number.
    Count,
    /// A decimal (years).
    Decimal,
    /// A yes/no checkbox.
    Flag,
    /// One of the options.
    Choice,
    /// Free text.
    Text,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "FieldChoice"))]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "FormField"))]
pub struct Field {
    /// The profile path the field fills, e.g. `financials[0].revenue`.
    pub path: &'static str,
    pub kind: Kind,
    pub label: &'static str,
    /// What the term means, then what the active policy's rules say about it.
    pub help: String,
    pub unit: &'static str,
    /// The value the form starts with ("" for empty).
    pub default: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "FormSection"))]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    /// Optional sections start folded.
    pub optional: bool,
    pub fields: Vec<Field>,
}

/// A field's options, labelled through the one lookup the report uses too (`ui::labels`).
fn choices(path: &str, locale: Locale) -> Vec<Choice> {
    crate::ui::labels::choices_of(path, locale)
        .into_iter()
        .map(|(value, label)| Choice { value, label })
        .collect()
}

fn unit(kind: Kind, path: &str, locale: Locale) -> &'static str {
    let years = crate::inputs::of_path(path).is_some_and(|(f, _)| f.ty == Type::Years);
    match (kind, locale) {
        (Kind::Wan, Locale::ZhCn) => "万元",
        (Kind::Wan, Locale::En) => "×10k yuan",
        (Kind::Count, Locale::ZhCn) if path.starts_with("ip.") => "件",
        (Kind::Count, Locale::ZhCn) if path.contains("mployees") || path.ends_with("Staff") => "人",
        (Kind::Decimal, Locale::ZhCn) if years => "年",
        (Kind::Decimal, Locale::En) if years => "years",
        _ => "",
    }
}

/// What the form asks under one policy: the fields its schemes, facts, knock-outs and products
/// read (and the company's name, for the report), each with the policy's note.
struct Asked<'p> {
    paths: Set<String>,
    policy: &'p Policy,
}

impl<'p> Asked<'p> {
    fn new(policy: &'p Policy) -> Self {
        let mut paths: Set<String> = crate::questions::readers(policy)
            .iter()
            .flat_map(|r| r.facts.iter())
            .flat_map(|f| crate::facts::paths_read_by(f))
            .collect();
        paths.insert("name".into());
        Asked { paths, policy }
    }

    fn help(&self, x: &F, locale: Locale) -> String {
        let own = match locale {
            Locale::ZhCn => x.zh.1,
            Locale::En => x.en.1,
        };
        let note = self.policy.doc.inputs.get(x.path).map(|t| t.get(locale));
        match (own, note) {
            (o, None) => o.to_string(),
            ("", Some(n)) => n.to_string(),
            (o, Some(n)) => match locale {
                Locale::ZhCn => format!("{o}{n}"),
                Locale::En => format!("{o} {n}"),
            },
        }
    }
}

fn section(
    id: &'static str,
    title: (&'static str, &'static str),
    optional: bool,
    part: Part,
    asked: &Asked,
    locale: Locale,
) -> Section {
    Section {
        id,
        title: match locale {
            Locale::ZhCn => title.0,
            Locale::En => title.1,
        },
        optional,
        fields: fields::all()
            .iter()
            .filter(|x| x.section == part && asked.paths.contains(x.path))
            .map(|x| Field {
                path: x.path,
                kind: x.kind,
                label: match locale {
                    Locale::ZhCn => x.zh.0,
                    Locale::En => x.en.0,
                },
                help: asked.help(x, locale),
                unit: unit(x.kind, x.path, locale),
                default: x.default,
                choices: choices(x.path, locale),
            })
            .collect(),
    }
}

/// The form's sections: id, title, whether it starts folded, and the fields it holds.
const SECTIONS: &[(&str, (&str, &str), bool, Part)] = &[
    (
        "basics",
        ("企业基本情况", "The company"),
        false,
        Part::Basics,
    ),
    (
        "latest",
        (
            "最近一年财务数据（万元）",
            "Latest fiscal year (in 10,000 yuan)",
        ),
        false,
        Part::Latest,
    ),
    (
        "earlier",
        (
            "前两年财务数据（可选，用于研发强度和成长性）",
            "The two years before (optional: R&D intensity and growth)",
        ),
        true,
        Part::Earlier,
    ),
    (
        "qualifications",
        ("知识产权与资质", "IP and qualifications"),
        false,
        Part::Qualifications,
    ),
    (
        "ladder",
        (
            "梯度培育：创新型、专精特新、小巨人（可选）",
            "The ladder: innovative SME, 专精特新, little giant (optional)",
        ),
        true,
        Part::Ladder,
    ),
    (
        "selfRating",
        (
            "高企创新能力自评（可选）",
            "High-tech innovation self-rating (optional)",
        ),
        true,
        Part::SelfRating,
    ),
    (
        "credit",
        (
            "纳税、信用记录与现有负债",
            "Tax, credit record and existing debt",
        ),
        false,
        Part::Credit,
    ),
];

/// The form's own English words, for the lean module's English texts (`text::english_pairs`).
#[cfg(feature = "full")]
pub fn english_pairs() -> Vec<(u64, String, &'static str)> {
    let mut out = fields::english_pairs();
    out.extend(problem::english_pairs());
    out
}

/// The whole form in one locale, for the built-in policy.
pub fn spec(locale: Locale) -> Vec<Section> {
    match crate::builtin() {
        Ok(p) => spec_for(p, locale),
        Err(_) => Vec::new(),
    }
}

/// The form for a policy: only the fields it reads, with its notes; a section left empty is dropped.
pub fn spec_for(policy: &Policy, locale: Locale) -> Vec<Section> {
    let asked = Asked::new(policy);
    SECTIONS
        .iter()
        .map(|(id, title, optional, part)| section(id, *title, *optional, *part, &asked, locale))
        .filter(|s| !s.fields.is_empty())
        .collect()
}

/// Every field of the form, in form order.
fn all_fields() -> impl Iterator<Item = &'static F> {
    SECTIONS
        .iter()
        .flat_map(|(.., part)| fields::all().iter().filter(move |f| f.section == *part))
}

impl F {
    fn label(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::ZhCn => self.zh.0,
            Locale::En => self.en.0,
        }
    }
}

/// What a profile path is called on the form (for "needs …" lists); None when the form has no such field.
pub fn label_of(path: &str, locale: Locale) -> Option<&'static str> {
    all_fields()
        .find(|f| f.path == path)
        .map(|f| f.label(locale))
}

/// The label of a choice's value as the form shows it ("kunshan" → 昆山); None when not an option.
pub fn choice_label(path: &str, value: &str, locale: Locale) -> Option<&'static str> {
    choices(path, locale)
        .into_iter()
        .find(|c| c.value == value)
        .map(|c| c.label)
}
