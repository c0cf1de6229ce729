//! Reading well-formed profile JSON text straight into the fields: no tree, no copied keys (the
//! lean way in, for `evaluate_str`, the native batch and the wasm text path). Only text that the
//! tree reader would read without a single problem is read here; anything else (a problem, an
//! unknown or repeated key, an escape or a control character in a string, a negative number, a
//! number the JSON reader would treat specially) returns None, and the caller reads the text the
//! full way (`Json::parse`, `Profile::read`), which reports it exactly as always. Each field's
//! value goes through the same checks as there (`leaf::value`), in the catalog's order.

use super::{leaf, Profile, Value, MAX_YEARS, YEAR_END, YEAR_FIELDS, YEAR_START};
use crate::inputs::INPUTS;
use crate::json::{Scalar, MAX_STRING};

/// Powers of ten that an f64 holds exactly.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// `whole.fraction` (digits only, at most 15 in all) as `str::parse::<f64>` gives it: the digits
/// as an integer and the power of ten are both exact in an f64, so one division is the correctly
/// rounded value (the parser's own first path). Without the parser's tables in wasm: the full
/// module 10 KB gzip smaller.
fn exact_float(whole: &str, fraction: &str) -> Option<f64> {
    let digits = whole
        .bytes()
        .chain(fraction.bytes())
        .try_fold(0u64, |n, b| {
            n.checked_mul(10)?
                .checked_add(u64::from(b.checked_sub(b'0')?))
        })?;
    if digits >= 1 << 53 {
        return None;
    }
    Some(digits as f64 / POW10.get(fraction.len())?)
}

/// The profile in `text`, or None to read it the full way.
pub fn read(text: &str) -> Option<Profile> {
    let mut c = Cursor {
        text,
        b: text.as_bytes(),
        i: 0,
    };
    let mut raw: Vec<Option<Scalar<'_>>> = super::nones(INPUTS.len());
    // Every key read, so that one given twice goes to the full reader (which reads the first).
    let mut seen: u128 = 0;
    let mut groups: Vec<&str> = Vec::new();
    let mut years: Option<Vec<Vec<Option<Scalar<'_>>>>> = None;
    c.object(|c, key| {
        if key == "financials" {
            if years.is_some() {
                return None;
            }
            years = Some(c.financials()?);
            return Some(());
        }
        let keys = keys();
        let (from, to) = match keys.top.iter().find(|(k, _)| *k == key)?.1 {
            Key::Field(i) => return c.leaf_into(&mut raw, &mut seen, i),
            Key::Group(from, to) => (from, to),
        };
        if groups.contains(&key) {
            return None;
        }
        groups.push(key);
        c.object(|c, k| {
            let i = (from..to).find(|&j| keys.own.get(j) == Some(&k))?;
            c.leaf_into(&mut raw, &mut seen, i)
        })
    })?;
    c.ws();
    if c.i != c.b.len() {
        return None;
    }
    let mut p = Profile::default();
    for (i, f) in INPUTS.iter().enumerate() {
        let Some(v) = raw.get(i).and_then(Option::as_ref) else {
            continue;
        };
        let whole =
            f.part_of
                .and_then(crate::inputs::position)
                .and_then(|w| match p.values.get(w) {
                    Some(Some(Value::Num(d))) => Some(*d),
                    _ => None,
                });
        let value = leaf::value(f, *v, whole).ok()?;
        if let Some(slot) = p.values.get_mut(i) {
            *slot = Some(value);
        }
    }
    for year in years.unwrap_or_default() {
        let mut out = [None; YEAR_FIELDS];
        for ((slot, f), v) in out.iter_mut().zip(super::year_inputs()).zip(&year) {
            if let Some(v) = v {
                match leaf::value(f, *v, None).ok()? {
                    Value::Num(d) => *slot = Some(d),
                    _ => return None,
                }
            }
        }
        p.years.push(out);
    }
    Some(p)
}

/// What a top-level key names.
#[derive(Clone, Copy)]
enum Key {
    Field(usize),
    /// A nested object: the catalog range of its fields.
    Group(usize, usize),
}

/// Every key the reader knows, worked out once: the top-level keys, and each field's own key
/// inside its object (`littleGiant`), by catalog position.
struct Keys {
    top: Vec<(&'static str, Key)>,
    own: Vec<&'static str>,
}

fn keys() -> &'static Keys {
    static KEYS: std::sync::OnceLock<Keys> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut top: Vec<(&'static str, Key)> = Vec::new();
        for (i, f) in INPUTS.iter().enumerate() {
            if f.per_year.is_some() {
                continue;
            }
            match super::read::group_of(f.path) {
                None => top.push((f.path, Key::Field(i))),
                Some(g) => match top.iter_mut().find(|(k, _)| *k == g) {
                    Some((_, Key::Group(_, to))) => *to = i + 1,
                    _ => top.push((g, Key::Group(i, i + 1))),
                },
            }
        }
        let own = INPUTS.iter().map(|f| super::read::key_of(f.path)).collect();
        Keys { top, own }
    })
}

/// Every byte of a u64 set to `b`.
const fn lanes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The position of the first byte at or after `from` that ends a plain string: a quote, a
/// backslash or a control character; None when there is none. Eight bytes at a time: in each
/// mask below, the lowest flagged byte is a true match (a false one can only follow a true one,
/// where the subtraction borrows), so the lowest flag of the three is the first stop.
fn stop(b: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = lanes(0x80);
    let mut i = from;
    while let Some(chunk) = b.get(i..i.checked_add(8)?) {
        let w = u64::from_le_bytes(chunk.try_into().ok()?);
        let zero_in = |x: u64| x.wrapping_sub(lanes(1)) & !x & HIGH;
        let flags = zero_in(w ^ lanes(b'"'))
            | zero_in(w ^ lanes(b'\\'))
            | (w.wrapping_sub(lanes(0x20)) & !w & HIGH);
        if flags != 0 {
            return Some(i + (flags.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let rest = b.get(i..)?;
    rest.iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .map(|at| i + at)
}

struct Cursor<'a> {
    /// The text, and its bytes: a string cut at its quotes is text already (no check needed).
    text: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    fn word(&mut self, w: &[u8]) -> Option<()> {
        let end = self.i.checked_add(w.len())?;
        (self.b.get(self.i..end)? == w).then(|| self.i = end)
    }

    /// A string without escapes or control characters.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.i;
        self.i = stop(self.b, start)?;
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        let s = self.text.get(start..self.i)?;
        self.i += 1;
        (s.len() <= MAX_STRING).then_some(s)
    }

    /// A non-negative number as the JSON reader gives it: a whole number of at most 15 digits, or
    /// digits with a fraction (a float); anything else is for the full reader.
    fn number(&mut self) -> Option<Scalar<'a>> {
        let start = self.i;
        let digits = |c: &mut Self| {
            let s = c.i;
            while c.b.get(c.i).is_some_and(u8::is_ascii_digit) {
                c.i += 1;
            }
            c.i - s
        };
        let int = digits(self);
        if int == 0 || int > 15 || (int > 1 && self.b.get(start) == Some(&b'0')) {
            return None;
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            let frac = digits(self);
            if frac == 0 || int + frac > 15 {
                return None;
            }
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            return None;
        }
        let text = self.text.get(start..self.i)?;
        if let Some((whole, fraction)) = text.split_once('.') {
            exact_float(whole, fraction).map(Scalar::Float)
        } else {
            text.parse::<i128>().ok().map(Scalar::Int)
        }
    }

    /// A field's value into its place (null: not given); a key given twice is for the full reader.
    fn leaf_into(
        &mut self,
        raw: &mut [Option<Scalar<'a>>],
        seen: &mut u128,
        i: usize,
    ) -> Option<()> {
        let bit = 1u128.checked_shl(u32::try_from(i).ok()?)?;
        if *seen & bit != 0 {
            return None;
        }
        *seen |= bit;
        let value = match self.peek()? {
            b'"' => Some(Scalar::Str(self.string()?)),
            b't' => self.word(b"true").map(|()| Some(Scalar::Bool(true)))?,
            b'f' => self.word(b"false").map(|()| Some(Scalar::Bool(false)))?,
            b'n' => self.word(b"null").map(|()| None)?,
            b'0'..=b'9' => Some(self.number()?),
            _ => return None,
        };
        *raw.get_mut(i)? = value;
        Some(())
    }

    /// An object, each key handed to `field` (which reads its value).
    fn object(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.i += 1;
            return Some(());
        }
        loop {
            self.ws();
            let key = self.string()?;
            self.eat(b':')?;
            field(self, key)?;
            match self.peek()? {
                b',' => self.i += 1,
                b'}' => {
                    self.i += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// The fiscal years: an array of at most three objects of per-year fields.
    fn financials(&mut self) -> Option<Vec<Vec<Option<Scalar<'a>>>>> {
        if self.peek()? == b'n' {
            self.word(b"null")?;
            return Some(Vec::new());
        }
        self.eat(b'[')?;
        let mut years = Vec::new();
        if self.peek()? == b']' {
            self.i += 1;
            return Some(years);
        }
        loop {
            if years.len() == MAX_YEARS {
                return None;
            }
            let mut year: Vec<Option<Scalar<'a>>> = super::nones(YEAR_END - YEAR_START);
            let mut seen = 0;
            self.object(|c, key| {
                let slot = super::year_slot(key)?;
                c.leaf_into(&mut year, &mut seen, slot)
            })?;
            years.push(year);
            match self.peek()? {
                b',' => self.i += 1,
                b']' => {
                    self.i += 1;
                    return Some(years);
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn exact_float_is_what_parse_gives() {
        let mut seed: u64 = 7;
        for _ in 0..200_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let digits = (seed >> 11) % 1_000_000_000_000_000;
            let text = digits.to_string();
            let point = ((seed >> 3) % text.len() as u64) as usize;
            let (whole, fraction) = text.split_at(point.max(1));
            let written = format!("{whole}.{fraction}");
            let want = written.parse::<f64>().ok();
            if fraction.is_empty() {
                continue;
            }
            assert_eq!(super::exact_float(whole, fraction), want, "{written}");
        }
        assert_eq!(super::exact_float("0", "1"), Some(0.1));
        for (whole, fraction) in [
            ("0", "000012"),
            ("0", "12345678901234"),
            ("3", "00000000000001"),
        ] {
            let want = format!("{whole}.{fraction}").parse::<f64>().ok();
            assert_eq!(super::exact_float(whole, fraction), want);
        }
        assert_eq!(super::exact_float("1800000", "5"), Some(1800000.5));
        assert_eq!(
            super::exact_float("999999999999999", ""),
            Some(999999999999999.0)
        );
    }

    use super::*;
    use crate::json::Json;

    /// The eight-at-a-time scan stops where a byte-by-byte one does, on every mix of plain text,
    /// UTF-8, quotes, backslashes and control characters at every alignment.
    #[test]
    fn the_string_scan_stops_where_a_plain_one_does() {
        let mut seed: u64 = 11;
        let alphabet: &[u8] = b"ab \"\\\x00\x1f\x20\x7f\xe4\xb8\x80\xff!";
        for _ in 0..50_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 58) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|k| {
                    let r = seed.rotate_left(k as u32 * 5) >> 40;
                    // Mostly plain letters, so that stops fall anywhere.
                    if r % 7 == 0 {
                        alphabet[(r / 7) as usize % alphabet.len()]
                    } else {
                        b'a' + (r % 26) as u8
                    }
                })
                .collect();
            for from in 0..=bytes.len() {
                let plain = bytes[from..]
                    .iter()
                    .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                    .map(|at| from + at);
                assert_eq!(stop(&bytes, from), plain, "{bytes:?} from {from}");
            }
        }
    }

    fn both(text: &str) -> (Option<Profile>, Result<Profile, crate::Error>) {
        let tree = Json::parse(text)
            .map_err(|e| crate::json::read_error(&e, "").into())
            .and_then(|j| Profile::read(&j));
        (read(text), tree)
    }

    #[test]
    fn reads_what_the_tree_reader_reads_and_leaves_the_rest_to_it() {
        let ok = r#"{ "name": "云创", "employees": 80, "techStaff": "20",
            "financials": [ { "revenue": "3000万", "rdExpense": 1800000.5 }, {}, { "revenue": null } ],
            "statuses": { "highTechEnterprise": true }, "ip": { "classOneHighValue": 1, "classOne": 2 },
            "niche": { "share": 0.12 }, "talent": null }"#;
        let (fast, tree) = both(ok);
        assert_eq!(fast, Some(tree.unwrap()));
        for bad in [
            r#"{"employees": -1}"#,
            r#"{"employees": 1, "employees": 2}"#,
            r#"{"employees": null, "employees": 2}"#,
            r#"{"statuses": {}, "statuses": {"littleGiant": true}}"#,
            r#"{"nope": 1}"#,
            r#"{"name": "a"b"}"#,
            r#"{"employees": 1e3}"#,
            r#"{"employees": 0012}"#,
            r#"{"ip": {"classOne": 1, "classOneHighValue": 2}}"#,
            r#"{"financials": [{}, {}, {}, {}]}"#,
            r#"{"ip": null}"#,
            r#"{} x"#,
            r#"{"sector": "mining"}"#,
        ] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }
}
