//! Typed errors: every problem with a profile, a policy or an option is an [`Issue`] with a stable
//! camelCase `code`, the JSON path of the offending field and a message in the caller's locale.
//! Nothing here knows about JavaScript; the bindings turn an [`Error`] into a thrown `Error`.

use crate::text::{self, Locale};
use serde::Serialize;
use std::fmt;

/// Declares the codes once: the enum, and `Code::ALL` listing every variant in order (what
/// builds every code's texts), so that a new code cannot be left out of it.
macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        // Written as `Code::as_str` gives them (one match of names in the module, not a second
        // in a derived serializer); a test checks them against the schema's.
        /// The stable error codes. Their camelCase names are part of the public contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "camelCase"))]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];
        }
    };
}

codes! {
    // Input shape
    InvalidJson,
    WrongType,
    UnknownField,
    UnknownValue,
    TooManyYears,
    TooFewYears,
    TooDeep,
    TooLarge,
    TooLong,
    /// A string that is not Unicode text (a lone surrogate from JavaScript).
    InvalidText,
    // Numbers
    MalformedAmount,
    NotFinite,
    NegativeAmount,
    AmountTooLarge,
    TooPrecise,
    NotInteger,
    /// More decimal places than can be kept exactly (the form reader).
    TooManyDecimals,
    OutOfRange,
    /// A part above its whole (a Class I sub-count above the Class I count).
    Inconsistent,
    // Options
    UnknownLocale,
    UnknownProduct,
    // Policy
    PolicyShape,
    ExpressionSyntax,
    ExpressionTooDeep,
    UnknownFact,
    UnknownFunction,
    WrongArity,
    TypeMismatch,
    UnknownTable,
    MalformedTable,
    DuplicateId,
    SelfReference,
    ForwardReference,
    MissingTranslation,
    InvalidDate,
    EmbeddedTestFailed,
    PolicyTooLarge,
    // Evaluation
    DivisionByZero,
    Overflow,
    NoBand,
    NoEntry,
    // Warnings (validatePolicy's `warnings`: the policy is valid, but an evaluation may fail)
    MayDivideByZero,
    // Budgets
    PolicyTooCostly,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        text::code_name(self)
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    /// The names the schema lists (serde's camelCase of each variant) are those written.
    #[test]
    fn codes_are_written_by_their_schema_names() {
        let schema = serde_json::to_value(schemars::schema_for!(Code)).unwrap();
        let mut listed: Vec<&str> = Vec::new();
        for part in schema["oneOf"].as_array().unwrap() {
            match part["const"].as_str() {
                Some(name) => listed.push(name),
                None => listed.extend(
                    part["enum"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap()),
                ),
            }
        }
        listed.sort_unstable();
        let mut written: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        written.sort_unstable();
        assert_eq!(listed, written);
    }
}

/// One problem: what (code), where (JSON path) and the values the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub code: Code,
    pub path: String,
    pub args: Vec<String>,
    /// A name the caller probably meant (for unknown facts and tables).
    pub suggestion: Option<String>,
}

/// An evaluation's boxed error (`expr::eval::Fail`) where a plain one is expected.
impl From<Box<Issue>> for Issue {
    fn from(boxed: Box<Issue>) -> Issue {
        *boxed
    }
}

impl Issue {
    pub fn new(code: Code, path: impl Into<String>) -> Self {
        Issue {
            code,
            path: path.into(),
            args: Vec::new(),
            suggestion: None,
        }
    }

    pub fn with(mut self, arg: impl fmt::Display) -> Self {
        self.args.push(arg.to_string());
        self
    }

    pub fn message(&self, locale: Locale) -> String {
        text::error_message(self.code, locale, &self.args)
    }

    /// The serializable form: `{ code, path, message }`.
    pub fn localized(&self, locale: Locale) -> IssueOut {
        IssueOut {
            code: self.code,
            path: self.path.clone(),
            message: self.message(locale),
            hint: text::error_hint(self.code, locale, self.suggestion.as_deref()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct IssueOut {
    pub code: Code,
    pub path: String,
    pub message: String,
    /// How to fix it (policy problems), in the same language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// A failed call: one or more issues, the first being the one a caller reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub issues: Vec<Issue>,
}

impl Error {
    /// The issue a caller reports first. An Error is never built empty; the fallback keeps this total.
    pub fn first(&self) -> Issue {
        self.issues
            .first()
            .cloned()
            .unwrap_or_else(|| Issue::new(Code::InvalidJson, ""))
    }

    pub fn from_issues(issues: Vec<Issue>) -> Result<(), Error> {
        if issues.is_empty() {
            Ok(())
        } else {
            Err(Error { issues })
        }
    }
}

impl From<Issue> for Error {
    fn from(issue: Issue) -> Self {
        Error {
            issues: vec![issue],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = self.first();
        write!(
            f,
            "{} at {}: {}",
            first.code.as_str(),
            if first.path.is_empty() {
                "(root)"
            } else {
                &first.path
            },
            first.message(Locale::En)
        )
    }
}

impl std::error::Error for Error {}

/// Joins a JSON path and a key: `join("financials[0]", "revenue")`.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}
