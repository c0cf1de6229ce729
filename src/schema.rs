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
    use crate::profile::{CHAIN_ROLES, SECTORS, TALENT, TAX_GRADES, TECH_FIELDS};
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
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
    schema_type!(Sector, "The SME size-standard sector.", { "type": "string", "enum": SECTORS });
    schema_type!(TechField, "One of the 8 key supported high-tech fields, or none.", { "type": "string", "enum": TECH_FIELDS });
    schema_type!(Talent, "The highest talent-programme tier.", { "type": "string", "enum": TALENT });
    schema_type!(TaxGrade, "The taxpayer credit grade.", { "type": "string", "enum": TAX_GRADES });
    schema_type!(ChainRole, "The lead product's place in the industrial chain: keyLink (六基 or a key link) or none.", { "type": "string", "enum": CHAIN_ROLES });
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
