//! What the page and the widget show, in words and numbers: the form (sections, fields, help texts
//! for the official terms) and the texts of the report view, in zh-CN and English. The DOM itself
//! is built by `dom.rs` (wasm only); keeping the words here means the page and the Node output
//! speak with one voice.

pub mod display;
#[cfg(target_arch = "wasm32")]
pub mod dom;
pub mod form;
pub mod inputs;
pub mod labels;

use crate::text::Locale;

/// Texts of the report view and the page chrome, by key: `(key, zh-CN, en)`.
pub const TEXTS: &[(&str, &str, &str)] = &[
    ("title", "科技企业信用自测", "Tech-enterprise credit self-check"),
    ("lede", "估算科技型中小企业评价、高新技术企业条件和纯信用贷款额度。全部在您的浏览器中计算，填写的信息不会发送到任何地方。", "Estimates the tech-based SME score, the high-tech enterprise bar and pure-credit lines. Everything is computed in your browser; nothing you type is sent anywhere."),
    ("language", "English", "中文"),
    ("print", "打印报告", "Print report"),
    ("report", "一企一报告", "Company report"),
    ("techSme", "科技型中小企业评价", "Tech-based SME evaluation"),
    ("highTech", "高新技术企业条件（参考）", "High-tech enterprise conditions (indicative)"),
    ("products", "可申请的信用贷款产品", "Credit products"),
    ("score", "综合得分", "Score"),
    ("points", "分", "pts"),
    ("innovation", "创新能力评价区间", "Innovation capability range"),
    ("line", "估算额度", "Estimated line"),
    ("noLine", "暂无额度", "No line"),
    ("steps", "额度计算步骤", "How the line is computed"),
    ("binding", "决定额度的上限", "The cap that binds"),
    ("reasons", "未通过的原因", "Why not"),
    ("hints", "怎样可以更好", "What would help"),
    ("checks", "全部检查", "All checks"),
    ("actual", "实际", "actual"),
    ("required", "要求", "required"),
    ("missing", "需补充", "needs"),
    ("provenance", "来源", "Source"),
    ("assumptions", "计算中采用的假设", "Assumptions made"),
    ("policy", "政策", "Policy"),
    ("status.qualified", "符合", "qualified"),
    ("status.notQualified", "不符合", "not qualified"),
    ("status.incomplete", "信息不全", "incomplete"),
    ("status.certified", "已认定", "certified"),
    ("status.meets", "基本符合", "meets the bar"),
    ("status.borderline", "处于边缘", "borderline"),
    ("status.fails", "不符合", "does not meet"),
    ("status.eligible", "可申请", "eligible"),
    ("status.ineligible", "暂不符合", "not eligible"),
    ("check.pass", "通过", "pass"),
    ("check.fail", "未通过", "fail"),
    ("check.incomplete", "待补充", "incomplete"),
    ("route.score", "按评分", "by score"),
    ("route.direct", "直接确认", "confirmed directly"),
    ("error", "输入有误", "Input error"),
];

/// One text of the view; "?" for an unknown key (visible, never empty; a test checks every key used).
pub fn text(key: &str, locale: Locale) -> &'static str {
    TEXTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("?", |(_, zh, en)| match locale {
            Locale::ZhCn => zh,
            Locale::En => en,
        })
}

/// The texts in one locale, as a map for the page script.
pub fn texts(locale: Locale) -> std::collections::BTreeMap<&'static str, &'static str> {
    TEXTS
        .iter()
        .map(|(k, _, _)| (*k, text(k, locale)))
        .collect()
}
