//! The built-in policy precompiled at build time, for the widget's lean module.
//!
//! The lean module (built without the feature `full`) does not read policy documents: it carries
//! the built-in policy already compiled — every expression parsed, type-checked and resolved —
//! written natively by `cargo run --example pack_builtin` ([`crate::builtin_pack`]) and read
//! back here when the module starts. So it carries neither the JSON reader of policy documents
//! nor the compiler with its checks, only this reader, which is hand-written: serde's derived
//! readers for the same types were four times its size.
//!
//! The format: every text once, in a table at the start (a fact's name, a check's path and the
//! facts it reads recur throughout a compiled policy), then the policy, each value in the
//! order its type lists its parts, numbers and lengths as LEB128, decimals as their 16 bytes
//! (scale included, so a value reads back exactly). Each type's parts are listed once below,
//! in a macro that writes the reader and the writer from the same list and destructures the type
//! whole, so that a field added to a compiled type is a compile error here until it is packed.
//! `tests/pack.rs` checks that the built-in policy reads back to the same policy.

use crate::facts::{Ty, Val};
use crate::policy::check::Check;
use crate::policy::expr::{Expr, Func, Op, Slot};
use crate::policy::map::{Map, Set};
use crate::policy::model::{
    Apply, Assumption, Layout, PolicyDoc, Shared, Source, StatusNames, Text,
};
use crate::policy::num::Dec;
use crate::policy::resolve::Reads;
use crate::policy::scheme::{Group, Indicator, Measure, Scheme};
use crate::policy::table::{BandRow, Table, TableKind};
use crate::policy::{DerivedFact, Policy, Product, Step};
use crate::questions::Reader as Asked;
use crate::report::ValueKind;
use rust_decimal::Decimal;
use std::sync::Arc;

/// A pack that cannot be read: one written by another version of the crate, or damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError;

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the precompiled built-in policy cannot be read")
    }
}

/// Reads a value written by [`to_bytes`]: with the English texts of its [`Packed::english`] file
/// (read by [`read_english`]), or without them (then its texts are those of zh-CN only).
pub fn from_bytes<'a, T: Pack>(
    bytes: &'a [u8],
    english: Option<&'a [&'a str]>,
) -> Result<T, PackError> {
    let mut r = Reader::new(bytes, english);
    r.texts = r.text_table();
    let v = T::take(&mut r);
    r.end().map(|()| v)
}
/// A packed value in two files: the value with every text but the English ones of its
/// [`Text`]s (the lean module embeds it), and those English texts with the English texts of the
/// engine itself ([`crate::text::english_pairs`]), which the page fetches only when it switches
/// to English (`useTexts`).
#[cfg(feature = "full")]
pub struct Packed {
    pub main: Vec<u8>,
    pub english: Vec<u8>,
}

/// Writes a value for [`from_bytes`] (natively, when the build packs the built-in policy), and
/// the English texts: those of the value's [`Text`]s by their place, and `statics` (the engine's
/// own texts) by the key of their Chinese text.
#[cfg(feature = "full")]
pub fn to_bytes<T: Pack>(value: &T, statics: &[(u64, &str)]) -> Packed {
    let mut body = Writer::default();
    value.put(&mut body);
    let mut main = Writer::default();
    main.table(&body.texts);
    main.out.extend_from_slice(&body.out);
    let mut english = Writer::default();
    english.table(&body.english);
    english.varint(statics.len() as u64);
    for (key, text) in statics {
        english.out.extend_from_slice(&key.to_le_bytes());
        english.varint(text.len() as u64);
        english.out.extend_from_slice(text.as_bytes());
    }
    Packed {
        main: main.out,
        english: english.out,
    }
}

/// The English texts file of a pack ([`Packed::english`]): the English texts of the pack's
/// [`Text`]s in the order it refers to them, and the engine's own English texts, sorted by the
/// key of their Chinese text.
pub struct English<'a> {
    pub pack: Vec<&'a str>,
    pub statics: Vec<(u64, &'a str)>,
}

/// Reads an English texts file written by [`to_bytes`]; the engine's texts must be in key order.
pub fn read_english(bytes: &[u8]) -> Result<English<'_>, PackError> {
    let mut r = Reader::new(bytes, None);
    let pack = r.text_table();
    let n = r.len();
    let mut statics: Vec<(u64, &str)> = Vec::new();
    for _ in 0..n {
        let key = u64::from_le_bytes(r.array());
        if statics.last().is_some_and(|(last, _)| *last >= key) {
            r.fail();
        }
        let text = r.str();
        statics.push((key, text));
    }
    r.end()?;
    Ok(English { pack, statics })
}

/// The reader of a pack. It never stops midway: a byte it lacks or a value it cannot take is
/// noted (`fail`) and read as zero, so that every type's reader is one straight line with no
/// error path to unwind (which was a third of the reader's code); `end` says whether all went
/// well. It stays bounded on a damaged pack: no count may exceed the bytes left, since every
/// packed value takes at least one byte.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    texts: Vec<&'a str>,
    /// The English texts of the pack's [`Text`]s, when they are read with them.
    english: Option<&'a [&'a str]>,
    failed: bool,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], english: Option<&'a [&'a str]>) -> Self {
        Reader {
            bytes,
            at: 0,
            texts: Vec::new(),
            english,
            failed: false,
        }
    }

    /// Notes that the pack cannot be read; the reader goes on with zeros.
    fn fail(&mut self) {
        self.failed = true;
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(b) => {
                self.at += 1;
                *b
            }
            None => {
                self.fail();
                0
            }
        }
    }

    /// `n` bytes, or none when fewer are left.
    fn take_bytes(&mut self, n: usize) -> &'a [u8] {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        match rest.get(..n) {
            Some(raw) => {
                self.at += n;
                raw
            }
            None => {
                self.fail();
                &[]
            }
        }
    }

    /// `N` bytes, or zeros when fewer are left.
    fn array<const N: usize>(&mut self) -> [u8; N] {
        self.take_bytes(N).try_into().unwrap_or([0; N])
    }

    fn varint(&mut self) -> u64 {
        let mut v: u64 = 0;
        let mut shift = 0u32;
        loop {
            let b = self.byte();
            match u64::from(b & 0x7f).checked_shl(shift) {
                Some(part) => v |= part,
                None => self.fail(),
            }
            if b < 0x80 || self.failed {
                return v;
            }
            shift += 7;
        }
    }

    /// A count of values: at most the bytes left.
    fn len(&mut self) -> usize {
        let n = self.place();
        if n <= self.bytes.len().saturating_sub(self.at) {
            n
        } else {
            self.fail();
            0
        }
    }

    /// A place in a list (its bounds are the list's).
    fn place(&mut self) -> usize {
        let v = self.varint();
        usize::try_from(v).unwrap_or_else(|_| {
            self.fail();
            0
        })
    }

    /// `tag` when it is below `count`, else 0 (and the pack cannot be read).
    fn tag(&mut self, count: u8) -> u8 {
        let tag = self.byte();
        if tag < count {
            tag
        } else {
            self.fail();
            0
        }
    }

    fn text(&mut self) -> &'a str {
        let i = self.place();
        match self.texts.get(i) {
            Some(t) => t,
            None => {
                self.fail();
                ""
            }
        }
    }

    /// A length and that many bytes of UTF-8.
    fn str(&mut self) -> &'a str {
        let n = self.len();
        let raw = self.take_bytes(n);
        match std::str::from_utf8(raw) {
            Ok(s) => s,
            Err(_) => {
                self.fail();
                ""
            }
        }
    }

    /// A count and that many texts.
    fn text_table(&mut self) -> Vec<&'a str> {
        let count = self.len();
        let mut texts = Vec::new();
        for _ in 0..count {
            texts.push(self.str());
        }
        texts
    }

    /// Every byte read, and each as it should be.
    fn end(&self) -> Result<(), PackError> {
        if self.at == self.bytes.len() && !self.failed {
            Ok(())
        } else {
            Err(PackError)
        }
    }
}

#[cfg(feature = "full")]
#[derive(Default)]
pub struct Writer {
    out: Vec<u8>,
    texts: Vec<String>,
    index: std::collections::HashMap<String, u64>,
    /// The English texts of the [`Text`]s, apart (each once).
    english: Vec<String>,
    english_index: std::collections::HashMap<String, u64>,
}

#[cfg(feature = "full")]
impl Writer {
    fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(b);
                return;
            }
            self.out.push(b | 0x80);
        }
    }

    fn text(&mut self, s: &str) {
        let i = Self::index_of(&mut self.texts, &mut self.index, s);
        self.varint(i);
    }

    /// The English text's place among the English texts, plus one (0 says there is none).
    fn english_text(&mut self, s: &str) {
        let i = Self::index_of(&mut self.english, &mut self.english_index, s);
        self.varint(i + 1);
    }

    fn index_of(
        texts: &mut Vec<String>,
        index: &mut std::collections::HashMap<String, u64>,
        s: &str,
    ) -> u64 {
        if let Some(i) = index.get(s) {
            return *i;
        }
        let i = texts.len() as u64;
        texts.push(s.to_string());
        index.insert(s.to_string(), i);
        i
    }

    /// A count and each text.
    fn table(&mut self, texts: &[String]) {
        self.varint(texts.len() as u64);
        for t in texts {
            self.varint(t.len() as u64);
            self.out.extend_from_slice(t.as_bytes());
        }
    }
}

/// A type the pack holds: written natively by `put`, read by `take`.
pub trait Pack: Sized {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer);
    fn take(r: &mut Reader<'_>) -> Self;
}

impl Pack for String {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        w.text(self);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        r.text().to_string()
    }
}

impl Pack for Arc<str> {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        w.text(self);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        Arc::from(r.text())
    }
}

impl Pack for bool {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        w.out.push(u8::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Self {
        r.tag(2) == 1
    }
}

macro_rules! unsigned {
    ($($t:ty)*) => {$(
        impl Pack for $t {
            #[cfg(feature = "full")]
            fn put(&self, w: &mut Writer) {
                w.varint(*self as u64);
            }
            fn take(r: &mut Reader<'_>) -> Self {
                let v = r.varint();
                <$t>::try_from(v).unwrap_or_else(|_| {
                    r.fail();
                    0
                })
            }
        }
    )*};
}
unsigned!(u16 u32 u64 usize);

impl Pack for Decimal {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        w.out.extend_from_slice(&self.serialize());
    }
    fn take(r: &mut Reader<'_>) -> Self {
        Decimal::deserialize(r.array())
    }
}

impl Pack for Dec {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        Dec(Decimal::take(r))
    }
}

impl<T: Pack> Pack for Option<T> {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.out.push(0),
            Some(v) => {
                w.out.push(1);
                v.put(w);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag(2) {
            0 => None,
            _ => Some(T::take(r)),
        }
    }
}

impl<T: Pack> Pack for Box<T> {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        (**self).put(w);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        Box::new(T::take(r))
    }
}

impl<T: Pack> Pack for Vec<T> {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        w.varint(self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        // Loops rather than `collect`: each element type would bring its own iterator adapters.
        let n = r.len();
        let mut v = Vec::new();
        for _ in 0..n {
            v.push(T::take(r));
        }
        v
    }
}

impl<T: Pack + Ord> Pack for Set<T> {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        w.varint(self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let n = r.len();
        let mut set = Set::new();
        for _ in 0..n {
            set.insert(T::take(r));
        }
        set
    }
}

impl<K: Pack + Ord, V: Pack> Pack for Map<K, V> {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        w.varint(self.len() as u64);
        for (k, v) in self {
            k.put(w);
            v.put(w);
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let n = r.len();
        let mut map = Map::new();
        for _ in 0..n {
            let k = K::take(r);
            map.insert(k, V::take(r));
        }
        map
    }
}

impl<A: Pack, B: Pack> Pack for (A, B) {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        (A::take(r), B::take(r))
    }
}

impl<A: Pack, B: Pack, C: Pack> Pack for (A, B, C) {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
        self.2.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        (A::take(r), B::take(r), C::take(r))
    }
}

/// A struct, field by field: the writer destructures it whole and the reader builds it whole,
/// so the list below must name every field. Fields after a `;` are not packed: the reader gives
/// each the value written beside it.
macro_rules! records {
    ($($ty:ident { $($f:ident),* $(,)? $(; $($s:ident: $d:expr),* $(,)?)? })*) => {$(
        impl Pack for $ty {
            #[cfg(feature = "full")]
            fn put(&self, w: &mut Writer) {
                let $ty { $($f,)* $($($s: _,)*)? } = self;
                $($f.put(w);)*
            }
            fn take(r: &mut Reader<'_>) -> Self {
                $ty { $($f: Pack::take(r),)* $($($s: $d,)*)? }
            }
        }
    )*};
}

records! {
    // The document without what the compiled policy holds in its own form (schemes, facts,
    // knock-outs, products) and without its embedded tests, which only validation runs.
    PolicyDoc {
        id, version, effective, issuer, sources, disclaimer, assumptions, tables, format, inputs;
        schemes: Vec::new(), facts: Vec::new(), knockouts: Vec::new(), products: Vec::new(),
        tests: Vec::new(),
    }
    // The compiled policy without what only validation reads (its warnings and cost bounds).
    Policy {
        doc, digest, schemes, facts, knockouts, products, tables, assumed, fact_count;
        warnings: Vec::new(), cost: Default::default(), depends: std::sync::OnceLock::new(),
    }
    Step { id, label, expr, kind, path }
    Product { id, name, provenance, note, apply, eligibility, steps, amount, amount_at, reads }
    DerivedFact { id, expr, path }
    Scheme {
        id, title, basis, held, checks, prerequisites, indicators, groups, pass, routes, statuses,
        assumptions, status_of, layout, apply, measure_reads, published,
    }
    Indicator { id, label, max, measures, rating, group }
    Measure { text, expr, kind, table_at, path }
    Group { id, label, cap, min }
    Check { id, label, expr, actual, required, kind, missing_passes, path, reads }
    Reads { facts, steps }
    Table { kind, description, rows, entries }
    BandRow { at_least, above, at_most, below, value, top, label }
    StatusNames { held, qualified, not_qualified, borderline, incomplete }
    Layout { range, score, indicators, ladder, qualified }
    Apply { steps, documents, deadline }
    Source { id, title, url }
    Asked { id, product, facts, paths, positions }
}

/// An enum without data, by its position in the list (which the `match` keeps complete).
macro_rules! choices {
    ($($ty:ident { $first:ident $(, $v:ident)* $(,)? })*) => {$(
        impl Pack for $ty {
            #[cfg(feature = "full")]
            fn put(&self, w: &mut Writer) {
                const ALL: &[$ty] = &[$ty::$first, $($ty::$v),*];
                match self { $ty::$first $(| $ty::$v)* => {} }
                let i = ALL.iter().position(|x| x == self).unwrap_or(usize::MAX);
                w.varint(i as u64);
            }
            fn take(r: &mut Reader<'_>) -> Self {
                const ALL: &[$ty] = &[$ty::$first, $($ty::$v),*];
                let i = r.place();
                match ALL.get(i) {
                    Some(v) => *v,
                    None => {
                        r.fail();
                        $ty::$first
                    }
                }
            }
        }
    )*};
}

choices! {
    Op { Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, And, Or }
    Func {
        Min, Max, Best, Floor, Round, Abs, If, Band, BandTop, Lookup, Coalesce, Count, Known, Step,
    }
    Ty { Num, Bool, Str }
    ValueKind { Money, Ratio, Count, Years, Points, Flag, Choice, Text, Number }
    TableKind { Band, Map }
}

/// A text in each language: its English version apart when it has another (the lean module's
/// first load carries only the texts of zh-CN, the page's default language), as its place among
/// the English texts (0 for none); read back only when the reader has the English texts.
impl Pack for Text {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        let english = self.0.get("en").filter(|_| self.0.len() > 1);
        let others: Map<&String, &Shared> = self
            .0
            .iter()
            .filter(|(k, _)| english.is_none() || k.as_str() != "en")
            .collect();
        w.varint(others.len() as u64);
        for (k, v) in others {
            k.put(w);
            v.put(w);
        }
        match english {
            Some(en) => w.english_text(en),
            None => w.varint(0),
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let mut map: Map<String, Shared> = Map::take(r);
        let at = r.place();
        if let (Some(i), Some(english)) = (at.checked_sub(1), r.english) {
            match english.get(i) {
                Some(en) => {
                    map.insert("en".to_string(), Shared::from(*en));
                }
                None => r.fail(),
            }
        }
        Text(map)
    }
}

impl Pack for Val {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        match self {
            Val::Num(d) => {
                w.out.push(0);
                d.put(w);
            }
            Val::Bool(b) => {
                w.out.push(1);
                b.put(w);
            }
            Val::Str(s) => {
                w.out.push(2);
                s.put(w);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag(3) {
            0 => Val::Num(Pack::take(r)),
            1 => Val::Bool(Pack::take(r)),
            _ => Val::Str(Pack::take(r)),
        }
    }
}

impl Pack for Slot {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        match self {
            Slot::Name => w.out.push(0),
            Slot::Global(i) => {
                w.out.push(1);
                i.put(w);
            }
            Slot::Local(i) => {
                w.out.push(2);
                i.put(w);
            }
            Slot::Step(p, s) => {
                w.out.push(3);
                p.put(w);
                s.put(w);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag(4) {
            0 => Slot::Name,
            1 => Slot::Global(Pack::take(r)),
            2 => Slot::Local(Pack::take(r)),
            _ => Slot::Step(Pack::take(r), Pack::take(r)),
        }
    }
}

impl Pack for Expr {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        match self {
            Expr::Lit(v) => {
                w.out.push(0);
                v.put(w);
            }
            Expr::Fact(name, slot) => {
                w.out.push(1);
                name.put(w);
                slot.put(w);
            }
            Expr::Table(name, i) => {
                w.out.push(2);
                name.put(w);
                i.put(w);
            }
            Expr::Neg(a) => {
                w.out.push(3);
                a.put(w);
            }
            Expr::Not(a) => {
                w.out.push(4);
                a.put(w);
            }
            Expr::Bin(op, a, b) => {
                w.out.push(5);
                op.put(w);
                a.put(w);
                b.put(w);
            }
            Expr::Call(f, args) => {
                w.out.push(6);
                f.put(w);
                args.put(w);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        match r.tag(7) {
            0 => Expr::Lit(Pack::take(r)),
            1 => Expr::Fact(Pack::take(r), Pack::take(r)),
            2 => Expr::Table(Pack::take(r), Pack::take(r)),
            3 => Expr::Neg(Pack::take(r)),
            4 => Expr::Not(Pack::take(r)),
            5 => Expr::Bin(Pack::take(r), Pack::take(r), Pack::take(r)),
            _ => Expr::Call(Pack::take(r), Pack::take(r)),
        }
    }
}

/// An assumption without its value as written: the compiled policy holds the value it gives
/// (`Policy::assumed`), and a report names the fact and says the message.
impl Pack for Assumption {
    #[cfg(feature = "full")]
    fn put(&self, w: &mut Writer) {
        let Assumption {
            fact,
            value: _,
            message,
        } = self;
        fact.put(w);
        message.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        Assumption {
            fact: Pack::take(r),
            value: serde_json::Value::Null,
            message: Pack::take(r),
        }
    }
}
