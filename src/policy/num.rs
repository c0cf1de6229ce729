//! `Dec`: a decimal in a policy document. Written as a JSON number or a string that may carry a
//! unit (`"300万"`, `"1.2亿"`, `"15%"`); always written back as a plain decimal string.

use crate::money::parse_decimal_text;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dec(pub Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::money::fmt(self.0))
    }
}

struct DecVisitor;

impl Visitor<'_> for DecVisitor {
    type Value = Dec;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal number or string such as \"0.15\", \"15%\" or \"300万\"")
    }
    fn visit_i64<E>(self, v: i64) -> Result<Dec, E> {
        Ok(Dec(Decimal::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Dec, E> {
        Ok(Dec(Decimal::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Dec, E> {
        if !v.is_finite() {
            return Err(E::custom("the number is not finite"));
        }
        crate::money::float_decimal(v)
            .map(Dec)
            .ok_or_else(|| E::custom("the number is out of range"))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Dec, E> {
        parse_decimal_text(v, true)
            .map(|d| Dec(d.normalize()))
            .ok_or_else(|| E::custom(format!("\"{v}\" is not a decimal")))
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Dec, D::Error> {
        d.deserialize_any(DecVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Dec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        crate::schema::PolicyDecimal::json_schema(g)
    }
}
