//! JSON Schemas of the profile and the policy document, for banks' own tooling. They are generated
//! natively from the Rust types by schemars and committed under `schemas/` (a test keeps them in
//! step with the types; `make schemas` rewrites them). The wasm module embeds the committed files.

pub const PROFILE_SCHEMA: &str = include_str!(concat!(env!("OUT_DIR"), "/profile.schema.min.json"));
pub const POLICY_SCHEMA: &str = include_str!(concat!(env!("OUT_DIR"), "/policy.schema.min.json"));
// The report and API schemas are not embedded: they exist for tooling and the TypeScript types.

#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use crate::inputs::{Input, Type, INPUTS};
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use serde_json::{json, Map, Value};
    use std::borrow::Cow;

    macro_rules! schema_type {
        ($name:ident, $doc:literal, $schema:tt) => {
            #[doc = $doc]
            pub struct $name;
            impl JsonSchema for $name {
                fn schema_name() -> Cow<'static, str> {
                    stringify!($name).into()
                }
                fn json_schema(_: &mut SchemaGenerator) -> Schema {
                    json_schema!($schema)
                }
            }
        };
    }

    schema_type!(Amount, "Yuan: a number or a decimal string, optionally with 万 or 亿.", {
        "description": "Yuan, at most 10^15: a number, or a decimal string optionally ending in 万 (10^4) or 亿 (10^8), e.g. \"30000000\", \"3000万\", \"1.2亿\".",
        "oneOf": [
            { "type": "number", "minimum": 0, "maximum": 1_000_000_000_000_000_u64 },
            { "type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*[万亿]?\\s*$" }
        ]
    });
    schema_type!(Quantity, "A non-negative decimal (years).", {
        "oneOf": [
            { "type": "number", "minimum": 0 },
            { "type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*$" }
        ]
    });
    schema_type!(Place, "A place name in lowercase pinyin.", {
        "type": "string", "pattern": "^[a-z][a-z -]*$", "examples": ["jiangsu", "nanjing", "kunshan"]
    });
    schema_type!(SignedAmount, "Yuan that may be negative (a loss).", {
        "description": "Yuan, at most 10^15 either way; a loss is negative: a number, or a decimal string optionally ending in 万 or 亿, e.g. \"-500万\".",
        "oneOf": [
            { "type": "number", "minimum": -1_000_000_000_000_000_i64, "maximum": 1_000_000_000_000_000_u64 },
            { "type": "string", "pattern": "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*[万亿]?\\s*$" }
        ]
    });
    schema_type!(PolicyDecimal, "A decimal in a policy: a number or a string with an optional 万, 亿 or %.", {
        "oneOf": [
            { "type": "number" },
            { "type": "string", "pattern": "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*[万亿%]?\\s*$" }
        ]
    });

    schema_type!(LocaleTag, "A report locale.", { "type": "string", "enum": ["zh-CN", "en"] });
    schema_type!(DetailTag, "How much a report says.", { "type": "string", "enum": ["full", "summary"] });

    /// The options of `evaluate` and `evaluateMany` (read by `engine::Options::read`).
    #[derive(JsonSchema)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    pub struct EvaluateOptions {
        /// A policy document to use instead of the built-in one.
        policy: Option<crate::policy::model::PolicyDoc>,
        /// The language of every text in the report and of error messages; zh-CN by default.
        #[schemars(with = "Option<LocaleTag>")]
        locale: Option<String>,
        /// Only these products in the report.
        products: Option<Vec<String>>,
        /// `summary` keeps statuses, scores and lines, and drops checks, reasons, steps and hints.
        #[schemars(with = "Option<DetailTag>")]
        detail: Option<String>,
    }

    /// Everything the JavaScript API exchanges, for the TypeScript declarations.
    #[derive(JsonSchema)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)]
    pub struct Api {
        profile: crate::profile::Profile,
        report: crate::report::Report,
        policy: crate::policy::model::PolicyDoc,
        evaluate_options: EvaluateOptions,
        validation: crate::validate::Validation,
        many_result: crate::ManyResult,
        error_code: crate::error::Code,
        issue: crate::error::IssueOut,
        form_section: crate::ui::form::Section,
        form_read: crate::ui::form::FormRead,
        policy_input: crate::ui::inputs::PolicyInput,
        trace: crate::trace::Trace,
    }

    /// One field's schema, from its declaration; `null` always means "not given".
    fn field_schema(f: &Input, gen: &mut SchemaGenerator) -> Value {
        let nullable = |v: Value| json!({ "anyOf": [v, { "type": "null" }] });
        let reference = |s: Schema| s.to_value();
        let mut v = match f.ty {
            Type::Text => {
                json!({ "type": ["string", "null"], "maxLength": crate::profile::MAX_TEXT })
            }
            Type::Place(_) => nullable(reference(gen.subschema_for::<Place>())),
            Type::Choice(opts) => {
                let values: Vec<&str> = opts.iter().map(|o| o.value).collect();
                nullable(json!({ "type": "string", "enum": values }))
            }
            Type::Flag => json!({ "type": ["boolean", "null"] }),
            Type::Amount => nullable(reference(gen.subschema_for::<Amount>())),
            Type::SignedAmount => nullable(reference(gen.subschema_for::<SignedAmount>())),
            Type::Count => json!({ "type": ["integer", "null"], "minimum": 0 }),
            Type::Years => nullable(reference(gen.subschema_for::<Quantity>())),
            Type::Ratio => json!({ "type": ["number", "null"], "minimum": 0, "maximum": 1 }),
            Type::Bounded { whole, min, max } => json!({
                "type": [if whole { "integer" } else { "number" }, "null"], "minimum": min, "maximum": max
            }),
        };
        let help = [f.label.1, f.help.1]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(": ");
        if let Some(o) = v.as_object_mut() {
            o.insert("description".into(), Value::String(help));
        }
        v
    }

    fn object(properties: Map<String, Value>, description: Option<&str>) -> Value {
        let mut v =
            json!({ "type": "object", "additionalProperties": false, "properties": properties });
        if let (Some(d), Some(o)) = (description, v.as_object_mut()) {
            o.insert("description".into(), Value::String(d.into()));
        }
        v
    }

    /// `statuses` → `Statuses`, the name of a nested object's definition.
    fn def_name(group: &str) -> String {
        let mut c = group.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    /// The profile (contract §2): generated from the fields' declarations (`inputs::INPUTS`).
    impl JsonSchema for crate::profile::Profile {
        fn schema_name() -> Cow<'static, str> {
            "Profile".into()
        }

        fn json_schema(gen: &mut SchemaGenerator) -> Schema {
            let mut top = Map::new();
            let mut groups: Vec<(String, Map<String, Value>)> = Vec::new();
            let mut year = Map::new();
            for f in INPUTS {
                let schema = field_schema(f, gen);
                if let Some(key) = f.year_key() {
                    year.insert(key.into(), schema);
                } else if let Some((g, key)) = f.path.split_once('.') {
                    match groups.iter_mut().find(|(n, _)| n == g) {
                        Some((_, m)) => {
                            m.insert(key.into(), schema);
                        }
                        None => {
                            let mut m = Map::new();
                            m.insert(key.into(), schema);
                            groups.push((g.to_string(), m));
                        }
                    }
                    if !top.contains_key(g) {
                        top.insert(
                            g.into(),
                            json!({ "$ref": format!("#/$defs/{}", def_name(g)) }),
                        );
                    }
                } else {
                    top.insert(f.path.into(), schema);
                }
                if f.per_year.is_some() && !top.contains_key("financials") {
                    top.insert("financials".into(), json!({
                        "description": "Latest fiscal year first; 1 to 3 years.",
                        "type": "array", "maxItems": crate::profile::MAX_YEARS, "items": { "$ref": "#/$defs/Year" }
                    }));
                }
            }
            let defs = gen.definitions_mut();
            defs.insert("Year".into(), object(year, Some("One fiscal year.")));
            for (g, m) in groups {
                defs.insert(def_name(&g), object(m, None));
            }
            let mut root = object(top, Some("A company profile (contract §2). Every field is optional; money is yuan, as a number or a decimal string, optionally with 万 or 亿."));
            if let Some(o) = root.as_object_mut() {
                o.insert("title".into(), Value::String("Profile".into()));
            }
            Schema::try_from(root).unwrap_or_default()
        }
    }

    fn generate<T: JsonSchema>() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default()
    }

    /// The profile's schema, generated from `profile::Profile`.
    pub fn profile_schema() -> serde_json::Value {
        generate::<crate::profile::Profile>()
    }

    /// One schema holding every type of the JavaScript API (`$defs`), for the TypeScript declarations.
    pub fn api_schema() -> serde_json::Value {
        generate::<Api>()
    }

    /// The policy document's schema, generated from `policy::model::PolicyDoc`.
    pub fn policy_schema() -> serde_json::Value {
        generate::<crate::policy::model::PolicyDoc>()
    }
}
