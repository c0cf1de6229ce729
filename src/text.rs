//! Every text the engine itself writes (error messages, statuses, hints), in zh-CN and English.
//! Texts that belong to a policy (check labels, product names, provenance) live in the policy document.

use crate::error::{Code, Issue};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    pub fn parse(tag: &str, path: &str) -> Result<Locale, Issue> {
        match tag {
            "zh-CN" | "zh" | "zh-Hans" => Ok(Locale::ZhCn),
            "en" | "en-US" | "en-GB" => Ok(Locale::En),
            other => Err(Issue::new(Code::UnknownLocale, path).with(other)),
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }
}

pub fn code_name(code: Code) -> &'static str {
    use Code::*;
    match code {
        InvalidJson => "invalidJson",
        WrongType => "wrongType",
        UnknownField => "unknownField",
        UnknownValue => "unknownValue",
        TooManyYears => "tooManyYears",
        TooFewYears => "tooFewYears",
        TooDeep => "tooDeep",
        TooLarge => "tooLarge",
        InvalidText => "invalidText",
        TooLong => "tooLong",
        MalformedAmount => "malformedAmount",
        NotFinite => "notFinite",
        NegativeAmount => "negativeAmount",
        AmountTooLarge => "amountTooLarge",
        TooPrecise => "tooPrecise",
        NotInteger => "notInteger",
        TooManyDecimals => "tooManyDecimals",
        OutOfRange => "outOfRange",
        Inconsistent => "inconsistent",
        UnknownLocale => "unknownLocale",
        UnknownProduct => "unknownProduct",
        PolicyShape => "policyShape",
        ExpressionSyntax => "expressionSyntax",
        ExpressionTooDeep => "expressionTooDeep",
        UnknownFact => "unknownFact",
        UnknownFunction => "unknownFunction",
        WrongArity => "wrongArity",
        TypeMismatch => "typeMismatch",
        UnknownTable => "unknownTable",
        MalformedTable => "malformedTable",
        DuplicateId => "duplicateId",
        SelfReference => "selfReference",
        ForwardReference => "forwardReference",
        MissingTranslation => "missingTranslation",
        InvalidDate => "invalidDate",
        EmbeddedTestFailed => "embeddedTestFailed",
        PolicyTooLarge => "policyTooLarge",
        DivisionByZero => "divisionByZero",
        Overflow => "overflow",
        NoBand => "noBand",
        NoEntry => "noEntry",
        MayDivideByZero => "mayDivideByZero",
        PolicyTooCostly => "policyTooCostly",
    }
}

/// `(zh-CN, en)` templates; `{0}`, `{1}` … are replaced by the issue's arguments.
fn error_template(code: Code) -> (&'static str, &'static str) {
    use Code::*;
    match code {
        InvalidJson => (
            "输入不是有效的 JSON：{0}",
            "the input is not valid JSON: {0}",
        ),
        WrongType => ("类型错误：应为{0}", "wrong type: expected {0}"),
        UnknownField => ("未知字段“{0}”", "unknown field \"{0}\""),
        UnknownValue => (
            "取值“{0}”无效，可选：{1}",
            "\"{0}\" is not allowed; expected one of: {1}",
        ),
        TooManyYears => (
            "最多填写 3 个财务年度，收到 {0} 个",
            "at most 3 fiscal years, got {0}",
        ),
        TooFewYears => ("至少需要 1 个财务年度", "at least 1 fiscal year is needed"),
        TooDeep => (
            "嵌套层级过深（上限 {0}）",
            "nesting is too deep (limit {0})",
        ),
        TooLarge => ("输入过大（上限 {0}）", "the input is too large (limit {0})"),
        InvalidText => (
            "文本不是有效的 Unicode（含孤立的代理项）",
            "the text is not valid Unicode (it holds a lone surrogate)",
        ),
        TooLong => (
            "文本过长（上限 {0} 个字符）",
            "the text is too long (limit {0} characters)",
        ),
        MalformedAmount => (
            "金额“{0}”格式无效：请填写数字，可带“万”或“亿”，如 3000万",
            "\"{0}\" is not an amount: use digits, optionally with 万 or 亿, e.g. 3000万",
        ),
        NotFinite => (
            "数值必须是有限数（不能是 NaN 或无穷大）",
            "the number must be finite (not NaN or Infinity)",
        ),
        NegativeAmount => ("数值不能为负：{0}", "the value cannot be negative: {0}"),
        AmountTooLarge => (
            "数值 {0} 超过上限 10^15（金额范围 0 至 10^15）",
            "{0} is above the limit of 10^15 (amounts range from 0 to 10^15)",
        ),
        TooPrecise => (
            "数值“{0}”的有效数字超过 28 位（或小数超过 28 位），无法精确计算：请减少位数",
            "\"{0}\" has more than 28 significant digits (or decimal places), which cannot be kept exactly: use fewer digits",
        ),
        NotInteger => ("必须是整数：{0}", "must be a whole number: {0}"),
        TooManyDecimals => ("小数位过多：{0}", "too many decimal places: {0}"),
        OutOfRange => ("数值 {0} 超出范围 {1}", "{0} is outside the range {1}"),
        Inconsistent => ("{0} 件超过了Ⅰ类知识产权总数 {1} 件", "{0} is more than the Class I count, {1}"),
        UnknownLocale => (
            "不支持的语言“{0}”，可选：zh-CN、en",
            "unsupported locale \"{0}\"; expected zh-CN or en",
        ),
        UnknownProduct => ("政策中没有产品“{0}”", "the policy has no product \"{0}\""),
        PolicyShape => (
            "政策文档结构错误：{0}",
            "the policy document is malformed: {0}",
        ),
        ExpressionSyntax => ("表达式语法错误：{0}", "expression syntax error: {0}"),
        #[cfg(feature = "full")]
        ExpressionTooDeep => (
            "表达式嵌套过深（上限 {0}）",
            "the expression is nested too deeply (limit {0})",
        ),
        UnknownFact => ("未知事实“{0}”", "unknown fact \"{0}\""),
        #[cfg(feature = "full")]
        UnknownFunction => ("未知函数“{0}”", "unknown function \"{0}\""),
        WrongArity => (
            "函数 {0} 需要 {1} 个参数",
            "function {0} takes {1} argument(s)",
        ),
        TypeMismatch => (
            "类型不符：应为{0}，实为{1}",
            "type mismatch: expected {0}, found {1}",
        ),
        UnknownTable => ("未知表“{0}”", "unknown table \"{0}\""),
        MalformedTable => ("表格式错误：{0}", "malformed table: {0}"),
        #[cfg(feature = "full")]
        DuplicateId => ("标识“{0}”重复", "duplicate id \"{0}\""),
        #[cfg(feature = "full")]
        SelfReference => ("“{0}”引用了自身", "\"{0}\" refers to itself"),
        ForwardReference => (
            "“{0}”引用了尚未定义的“{1}”",
            "\"{0}\" refers to \"{1}\", which is not defined before it",
        ),
        #[cfg(feature = "full")]
        MissingTranslation => ("缺少 {0} 文本", "the {0} text is missing"),
        #[cfg(feature = "full")]
        InvalidDate => (
            "日期“{0}”无效，应为 YYYY-MM-DD",
            "\"{0}\" is not a date (YYYY-MM-DD)",
        ),
        #[cfg(feature = "full")]
        EmbeddedTestFailed => (
            "内置测试“{0}”未通过：{1}",
            "embedded test \"{0}\" failed: {1}",
        ),
        #[cfg(feature = "full")]
        PolicyTooLarge => ("政策过大：{0}", "the policy is too large: {0}"),
        DivisionByZero => ("除数为零：{0}", "division by zero: {0}"),
        Overflow => ("数值溢出：{0}", "arithmetic overflow: {0}"),
        NoBand => (
            "{1} 不落在表“{0}”的任何区间",
            "{1} falls in no band of table \"{0}\"",
        ),
        NoEntry => ("表“{0}”中没有“{1}”", "table \"{0}\" has no entry \"{1}\""),
        #[cfg(feature = "full")]
        MayDivideByZero => (
            "除数可能为零：{0} 可以是 0，此时测算会失败",
            "the divisor may be zero: {0} can be 0, and the evaluation then fails",
        ),
        #[cfg(feature = "full")]
        PolicyTooCostly => (
            "政策的测算量超出预算：{0}",
            "the policy costs more than the budget allows: {0}",
        ),
        // Only reading and compiling a policy document raises these, and the lean module (no
        // feature `full`) does neither: it carries none of their texts, only their names.
        #[cfg(not(feature = "full"))]
        UnknownFunction | ExpressionTooDeep | SelfReference | MissingTranslation | DuplicateId
        | InvalidDate | EmbeddedTestFailed | PolicyTooLarge | MayDivideByZero | PolicyTooCostly => {
            (code_name(code), code_name(code))
        }
    }
}

/// How to fix a policy problem; `suggestion` is a name the author probably meant. The lean module
/// has only the hints of the problems it can meet (see `error_template`).
pub fn error_hint(code: Code, locale: Locale, suggestion: Option<&str>) -> Option<String> {
    use Code::*;
    let (zh, en) = match code {
        UnknownFact => (
            "事实包括资料字段（revenue、ip.classOne…）、派生指标（dar、netAssets…）、评价结果（techSme.qualified…）、政策中的 facts 以及本产品之前的步骤。",
            "Facts are profile fields (revenue, ip.classOne …), derived figures (dar, netAssets …), assessment results (techSme.qualified …), the policy's facts and the product's earlier steps.",
        ),
        UnknownTable => ("表在 tables 下定义，按名称引用：band('名称', x)。", "Tables are defined under `tables` and named in quotes: band('name', x)."),
        UnknownFunction | WrongArity => (
            "可用函数：min、max、best、floor(x[, 单位])、round(x, 位数)、abs、if(条件, 是, 否)、band、bandTop、lookup、coalesce、count、known、step。",
            "Functions: min, max, best, floor(x[, unit]), round(x, places), abs, if(cond, then, else), band, bandTop, lookup, coalesce, count, known, step.",
        ),
        TypeMismatch => (
            "检查必须是条件（比较或 and/or/not）；步骤必须是数值；字符串用引号，如 tax.grade == 'A'。",
            "A check must be a condition (a comparison, and/or/not); a step must be a number; strings are quoted, as in tax.grade == 'A'.",
        ),
        ExpressionSyntax => ("语法见 README：数字可带 万、亿 或 %，字符串用单引号。", "See the grammar in the README: numbers may end in 万, 亿 or %, strings use single quotes."),
        #[cfg(feature = "full")]
        ExpressionTooDeep => ("把表达式拆成几个步骤或政策 facts。", "Split the expression into steps or policy facts."),
        SelfReference | ForwardReference => ("步骤只能引用它之前的步骤和更早的产品：调整顺序。", "A step can use only the steps before it and earlier products: reorder them."),
        #[cfg(feature = "full")]
        MissingTranslation => ("每段面向用户的文本都需要 zh-CN 和 en 两种语言。", "Every user-facing text needs both a zh-CN and an en version."),
        MalformedTable => ("分档按顺序匹配，第一行命中即止：把范围较窄的行放在前面，每行的下界不高于上界。", "Bands are tried in order and the first match wins: put narrower rows first, and keep each lower bound below its upper bound."),
        #[cfg(feature = "full")]
        DuplicateId => ("同一列表中的 id 必须唯一，步骤名也不能与事实同名。", "Ids must be unique within their list, and a step may not share a fact's name."),
        #[cfg(feature = "full")]
        InvalidDate => ("日期写作 YYYY-MM-DD，例如 2026-11-01。", "Write dates as YYYY-MM-DD, e.g. 2026-11-01."),
        #[cfg(feature = "full")]
        EmbeddedTestFailed => ("政策自带的测试与结果不符：修改数字或更新测试的期望值。", "The policy's own test expects something else: fix the numbers or update the test's expectation."),
        PolicyShape => ("对照 defaultPolicy() 或 policySchema() 检查结构。", "Compare the structure with defaultPolicy() or policySchema()."),
        #[cfg(feature = "full")]
        PolicyTooLarge => ("拆分政策或减少产品、步骤和表行。", "Split the policy, or use fewer products, steps or table rows."),
        DivisionByZero => ("除数不能为零：常数 0 作除数时每次测算都会失败；可能为零的除数用 if(x == 0, …, …) 保护。", "A divisor cannot be zero: a constant 0 fails every evaluation; guard a divisor that may be zero with if(x == 0, …, …)."),
        NoEntry => ("映射表需要为输入可能取的每个值都设一项（例如 tax.grade 的 A、B、M、C、D）。", "A map needs an entry for every value its input can take (tax.grade: A, B, M, C and D)."),
        NoBand => ("分档表须覆盖输入的整个取值范围（金额和人数为 0 到 10^15）：补上缺的区间，或以一行不设界限的行收尾。", "A band table must cover its input's whole range (amounts and counts: 0 to 10^15): add the missing band, or end with a row without bounds."),
        #[cfg(feature = "full")]
        MayDivideByZero => ("用 if(x == 0, …, …) 或 max(x, 1) 保护可能为零的除数；否则该画像的产品状态为 error。", "Guard a divisor that may be zero with if(x == 0, …, …) or max(x, 1); otherwise the product's status is `error` for such a profile."),
        #[cfg(feature = "full")]
        PolicyTooCostly => ("减少最耗费的部分：更少的检查、产品、提示探测所读的字段、更短的表达式或更少的内置测试。", "Shrink the most expensive part: fewer checks or products, shorter expressions, or fewer embedded tests."),
        OutOfRange => ("请使用括号中给出的范围内的值（round 的位数为 0–20）。", "Use a value within the range given (round() takes 0 to 20 places)."),
        Inconsistent => ("高价值、自主研发的Ⅰ类知识产权是Ⅰ类知识产权的一部分：不能多于总数。", "High-value and own-developed Class I IP are parts of the Class I count: neither can exceed it."),
        _ => return None,
    };
    let base = tr(locale, zh, en);
    Some(match suggestion {
        Some(s) => format!(
            "{}{base}",
            fill(tr(locale, DID_YOU_MEAN.0, DID_YOU_MEAN.1), &[s.to_string()])
        ),
        None => base.to_string(),
    })
}

const DID_YOU_MEAN: (&str, &str) = ("是否想写“{0}”？", "Did you mean \"{0}\"? ");

pub fn error_message(code: Code, locale: Locale, args: &[String]) -> String {
    let (zh, en) = error_template(code);
    // Type names are stored as keys ("object", "amount" …) and translated here.
    let args: Vec<String> = match code {
        Code::WrongType | Code::TypeMismatch => args
            .iter()
            .map(|a| kind_name(a, locale).to_string())
            .collect(),
        _ => args.to_vec(),
    };
    fill(tr(locale, zh, en), &args)
}

pub fn pick(locale: Locale, zh: &'static str, en: &'static str) -> &'static str {
    match locale {
        Locale::ZhCn => zh,
        Locale::En => en,
    }
}

/// The key of a Chinese text among the English texts the lean module loads (FNV-1a, 64 bits, of
/// the parts one after the other; the build refuses two texts with one key, `english_statics`).
pub fn key(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.iter().flat_map(|p| p.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The lean module's English texts: not in its first load, but fetched by the page when it
/// switches to English and given to `useTexts` (a build output beside the module,
/// `texts.en.bin`, written with the pack by `pack_builtin`). Loaded once, kept for the process.
#[cfg(not(feature = "full"))]
mod english {
    use crate::pack::{read_english, English, PackError};
    use std::sync::OnceLock;

    static ENGLISH: OnceLock<English<'static>> = OnceLock::new();

    pub fn load(bytes: Vec<u8>) -> Result<(), PackError> {
        if ENGLISH.get().is_some() {
            return Ok(());
        }
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let english = read_english(bytes)?;
        let _ = ENGLISH.set(english);
        Ok(())
    }

    pub fn get() -> Option<&'static English<'static>> {
        ENGLISH.get()
    }
}

#[cfg(not(feature = "full"))]
pub use english::{get as english, load as load_english};

/// Whether the texts of `locale` are at hand: always in the full module; in the lean one, the
/// English texts once they have been loaded.
pub fn has_texts(locale: Locale) -> bool {
    #[cfg(not(feature = "full"))]
    if locale == Locale::En {
        return english().is_some();
    }
    let _ = locale;
    true
}

/// An engine text in `locale`, as [`pick`]; in the lean module the English one comes from the
/// loaded English texts, by the key of the Chinese one (`en` is not in the module), so every
/// call of `tr` must have its pair listed in [`english_pairs`] (the lean and full modules'
/// byte-for-byte comparison, tests/node/lean.test.cjs, would see one missing).
#[inline]
pub fn tr(locale: Locale, zh: &'static str, en: &'static str) -> &'static str {
    tr_as(&[zh], locale, zh, en)
}

/// As [`tr`], the English text found by the key of `id` instead of the Chinese text's (for a
/// Chinese text with two English ones, as 不符合 is "not qualified" and "does not meet").
#[inline]
pub fn tr_as(id: &[&str], locale: Locale, zh: &'static str, en: &'static str) -> &'static str {
    #[cfg(not(feature = "full"))]
    {
        let _ = en;
        match locale {
            Locale::ZhCn => zh,
            Locale::En => loaded_english(key(id)).unwrap_or(zh),
        }
    }
    #[cfg(feature = "full")]
    {
        let _ = id;
        pick(locale, zh, en)
    }
}

/// The English text of a key from the loaded English texts.
#[cfg(not(feature = "full"))]
fn loaded_english(k: u64) -> Option<&'static str> {
    let e = english()?;
    let i = e.statics.binary_search_by(|(key, _)| key.cmp(&k)).ok()?;
    e.statics.get(i).map(|(_, en)| *en)
}

/// Every text [`tr`] and [`tr_as`] are called with, for the English texts file: its key, what it
/// is the key of (for an error) and its English text. Each source lists its own.
#[cfg(feature = "full")]
pub fn english_pairs() -> Vec<(u64, String, &'static str)> {
    let mut out: Vec<(u64, String, &'static str)> = Vec::new();
    for &code in Code::ALL {
        let (zh, en) = error_template(code);
        by_zh(&mut out, zh, en);
        if let (Some(zh), Some(en)) = (
            error_hint(code, Locale::ZhCn, None),
            error_hint(code, Locale::En, None),
        ) {
            by_zh(&mut out, leak(zh), leak(en));
        }
    }
    by_zh(&mut out, DID_YOU_MEAN.0, DID_YOU_MEAN.1);
    for kind in KINDS.iter().chain(&["?"]) {
        by_zh(
            &mut out,
            kind_name(kind, Locale::ZhCn),
            kind_name(kind, Locale::En),
        );
    }
    for f in crate::inputs::INPUTS {
        by_zh(&mut out, f.label.0, f.label.1);
        by_zh(&mut out, f.help.0, f.help.1);
        if let Some(h) = f.hint {
            let what = format!("hint.{}", h.name.0);
            out.push((key(&["hint.", h.name.0]), what, h.name.1));
        }
        for o in f.ty.options() {
            by_zh(&mut out, o.zh, o.en);
        }
    }
    out.extend(crate::ui::english_pairs());
    out.extend(crate::plausibility::english_pairs());
    out
}

/// A text found by its Chinese text, for [`english_pairs`].
#[cfg(feature = "full")]
fn by_zh(out: &mut Vec<(u64, String, &'static str)>, zh: &'static str, en: &'static str) {
    out.push((key(&[zh]), zh.to_string(), en));
}

#[cfg(feature = "full")]
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The English texts of [`english_pairs`] by key, in key order: an error names two texts with one
/// key and different English ones (a Chinese text with two English texts needs [`tr_as`]).
#[cfg(feature = "full")]
pub fn english_statics() -> Result<Vec<(u64, &'static str)>, String> {
    let mut by_key: std::collections::BTreeMap<u64, (String, &str)> = Default::default();
    let mut clashes: Vec<String> = Vec::new();
    for (k, what, en) in english_pairs() {
        match by_key.get(&k) {
            Some((before, other)) if *other != en => {
                clashes.push(format!("{what:?} ({en:?}) and {before:?} ({other:?})"));
            }
            Some(_) => {}
            None => {
                by_key.insert(k, (what, en));
            }
        }
    }
    if !clashes.is_empty() {
        return Err(format!("texts that share a key: {}", clashes.join("; ")));
    }
    Ok(by_key.into_iter().map(|(k, (_, en))| (k, en)).collect())
}

/// Replaces `{0}`, `{1}` … with the arguments; a missing argument leaves the placeholder.
pub fn fill(template: &str, args: &[String]) -> String {
    // One pass: `{n}` becomes args[n]; an argument's own text is never read as a placeholder.
    let mut out =
        String::with_capacity(template.len() + args.iter().map(String::len).sum::<usize>());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        // Only `{0}`, `{1}` …: digits, no sign, no leading zero.
        let arg = after.split_once('}').and_then(|(n, tail)| {
            let i: usize = n.parse().ok()?;
            (i.to_string() == n).then_some(())?;
            Some((args.get(i)?, tail))
        });
        match arg {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Names of JSON value kinds, for `wrongType`.
/// The value kinds `wrongType` and `typeMismatch` name.
#[cfg(feature = "full")]
const KINDS: [&str; 9] = [
    "object",
    "array",
    "amount",
    "integer",
    "number",
    "boolean",
    "string",
    "null",
    "jsonValue",
];

pub fn kind_name(kind: &str, locale: Locale) -> &'static str {
    match kind {
        "object" => tr(locale, "对象", "an object"),
        "array" => tr(locale, "数组", "an array"),
        "amount" => tr(
            locale,
            "金额（数字或带万/亿的字符串）",
            "an amount (number or decimal string)",
        ),
        "integer" => tr(locale, "整数", "a whole number"),
        "number" => tr(locale, "数字", "a number"),
        "boolean" => tr(locale, "布尔值（true/false）", "true or false"),
        "string" => tr(locale, "文本", "a string"),
        "null" => tr(locale, "空值", "null"),
        "jsonValue" => tr(
            locale,
            "JSON 值（null、布尔值、数字、文本、数组或对象）",
            "a JSON value (null, true/false, a number, a string, an array or an object)",
        ),
        _ => tr(locale, "其他类型", "another type"),
    }
}

/// An amount for people: 万 with up to two decimals in Chinese, grouped yuan in English.
pub fn money(d: rust_decimal::Decimal, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => {
            let wan = (d / rust_decimal::Decimal::from(10_000)).round_dp(2);
            grouped("", &crate::money::fmt(wan), "万")
        }
        Locale::En => grouped("¥", &crate::money::fmt(d.round_dp(2)), ""),
    }
}

/// Thousands separators on the integer part.
pub(crate) fn group(s: &str) -> String {
    grouped("", s, "")
}

/// `group` between a prefix (before the sign) and a suffix, in one allocation.
fn grouped(prefix: &str, s: &str, suffix: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, ""), |(i, f)| (i, f));
    let mut out = String::with_capacity(prefix.len() + s.len() + int.len() / 3 + 1 + suffix.len());
    out.push_str(prefix);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if rest.contains('.') {
        out.push('.');
        out.push_str(frac);
    }
    out.push_str(suffix);
    out
}

/// What a profile field is called, for hints: its hint name, else its label (declared with the
/// field, `inputs::INPUTS`).
pub fn field_label(path: &str, locale: Locale) -> &'static str {
    match crate::inputs::of_path(path) {
        Some((f, _)) => match f.hint {
            // A hint's name may be its label's Chinese with other English ("revenue", "Revenue").
            Some(h) => tr_as(&["hint.", h.name.0], locale, h.name.0, h.name.1),
            None => f.label(locale),
        },
        None => pick(locale, "字段", "field"),
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    /// Amounts read as they did when written through `format!` and `Display`.
    #[test]
    fn money_is_written_as_before() {
        use super::{money, Locale};
        use rust_decimal::Decimal;
        let before = |s: String| {
            let (sign, rest) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
            let (int, frac) = rest
                .split_once('.')
                .map_or((rest, None), |(i, f)| (i, Some(f)));
            let mut out = String::new();
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            match frac {
                Some(f) => format!("{sign}{out}.{f}"),
                None => format!("{sign}{out}"),
            }
        };
        let mut rng = crate::sample::Rng::new(5);
        for i in 0..20_000u64 {
            let d = Decimal::new(rng.next_u64() as i64 >> (i % 60), (i % 7) as u32);
            let wan = (d / Decimal::from(10_000)).round_dp(2).normalize();
            assert_eq!(
                money(d, Locale::ZhCn),
                format!("{}万", before(wan.to_string()))
            );
            let yuan = d.round_dp(2).normalize();
            assert_eq!(
                money(d, Locale::En),
                format!("¥{}", before(yuan.to_string()))
            );
        }
    }

    #[test]
    fn fill_puts_each_argument_once_and_leaves_other_braces() {
        let args = ["a{1}".to_string(), "b".to_string()];
        assert_eq!(fill("{0}-{1}-{0}", &args), "a{1}-b-a{1}");
        assert_eq!(fill("{2} {x} {", &args), "{2} {x} {");
        assert_eq!(fill("{+1} {01} {1}", &args), "{+1} {01} b");
        assert_eq!(fill("收入 {1}（{0}）", &args), "收入 b（a{1}）");
    }
}
