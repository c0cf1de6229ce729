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
    ("products", "可申请的信用贷款产品", "Credit products"),
    ("score", "综合得分", "Score"),
    ("points", "分", "pts"),
    ("held", "已持有", "held"),
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
    ("ladder", "资质梯度：科技和创新型 → 专精特新 → 小巨人", "The qualification ladder"),
    ("ladderNote", "额度只按已取得的称号计算；按数据已符合但尚未取得的称号不提高额度。", "Lines count titles held only: a title your figures meet but you do not hold raises no line."),
    ("tier.held", "已取得", "held"),
    ("tier.qualified", "已符合标准", "qualified"),
    ("tier.withinReach", "接近达标", "within reach"),
    ("tier.notYet", "尚未达标", "not yet"),
    ("inTheWay", "尚差", "in the way"),
    ("titleEffect", "按您的数据已符合标准；取得该称号后：", "Your figures meet the standard; with the title held:"),
    ("unchanged", "不变", "unchanged"),
    ("status.qualified", "符合", "qualified"),
    ("status.notQualified", "不符合", "not qualified"),
    ("status.incomplete", "信息不全", "incomplete"),
    ("status.held", "已取得", "held"),
    ("status.sme", "中小企业", "an SME"),
    ("status.large", "大型企业", "large"),
    ("status.unknown", "待定", "unknown"),
    ("status.micro", "微型企业", "micro"),
    ("status.small", "小型企业", "small"),
    ("status.medium", "中型企业", "medium"),
    ("status.certified", "已认定", "certified"),
    ("status.meets", "基本符合", "meets the bar"),
    ("status.borderline", "处于边缘", "borderline"),
    ("status.fails", "不符合", "does not meet"),
    ("status.eligible", "可申请", "eligible"),
    ("status.ineligible", "暂不符合", "not eligible"),
    ("status.error", "无法计算", "could not be computed"),
    ("check.pass", "通过", "pass"),
    ("check.fail", "未通过", "fail"),
    ("check.incomplete", "待补充", "incomplete"),
    ("route.score", "按评分", "by score"),
    ("route.direct", "直接确认", "confirmed directly"),
    ("error", "输入有误", "Input error"),
    ("unavailable", "额度测算暂不可用，请稍后再试。", "The credit estimate is not available right now; please try again later."),
    ("fillExample", "用示例填写", "Fill with an example"),
    ("clear", "清空", "Clear"),
    ("exampleBanner", "以下是示例企业的数据，不是您的数据。修改任何一项，结果即按您填写的内容计算。", "These are an example company's figures, not yours. Change any of them and the result follows what you typed."),
    ("exampleReport", "示例结果（示例企业，非您的数据）", "Example result (an example company, not your figures)"),
    ("emptyForm", "请在左侧填写企业信息，结果会随填写即时更新。", "Fill in your company's figures; the result updates as you type."),
    ("stale", "结果未更新：请先更正 {n} 处", "Result not updated: correct {n} field(s) first"),
    ("questionsLine", "再回答 {n} 个问题即可估算额度", "Answer {n} more question(s) for an estimated line"),
    ("questionsMore", "回答这些问题可使结果更完整", "These answers would make the result more complete"),
    ("neededBy", "用于：", "Used by: "),
    ("neededByAll", "全部产品", "every product"),
    ("unknownField", "表单中没有这一项", "the form has no such field"),
    ("share", "复制链接", "Copy link"),
    ("shareDone", "链接已复制。数据只在链接的 # 之后，不会发送到任何服务器。", "Link copied. The figures sit after the # and are never sent to a server."),
    ("shareManual", "请复制这个链接（数据只在 # 之后，不会发送到服务器）：", "Copy this link (the figures sit after the #, never sent to a server):"),
    ("shareTooLong", "填写内容太多，无法放进链接。", "Too much to fit in a link."),
    ("linkRestored", "已按链接中的数据填写。", "Filled in from the link."),
    ("linkBad", "链接中的数据无法读取，未做任何更改。", "The figures in this link could not be read; nothing was changed."),
    ("saveDraft", "在本机保存草稿", "Save a draft on this device"),
    ("deleteDraft", "删除草稿", "Delete draft"),
    ("draftRestored", "已从本机草稿恢复。", "Restored from the draft saved on this device."),
    ("draftDeleted", "草稿已从本机删除。", "The draft was deleted from this device."),
    ("statusScore", "科技型中小企业 {score} 分", "Tech-based SME {score} pts"),
    ("statusLine", "{name}额度 {amount}", "{name}: {amount}"),
    ("statusNone", "暂无可估算的额度", "no line can be estimated yet"),
    ("warnings", "请核对", "Please check"),
    ("nextSteps", "下一步", "Next steps"),
    ("documents", "需准备的材料", "Documents to prepare"),
    ("deadline", "时间要求", "Deadline"),
    ("sources", "资料来源", "Sources"),
    ("inputs", "填写的信息", "What was entered"),
    ("inputField", "项目", "Field"),
    ("inputValue", "填写值", "Value"),
    ("inputsNone", "尚未填写任何信息。", "Nothing entered yet."),
    ("generated", "生成时间", "Generated"),
    ("example", "示例", "Example"),
    ("yes", "是", "yes"),
    ("no", "否", "no"),
];

/// The texts as the module carries them, `(key, zh-CN, en)`: the lean module (no feature `full`)
/// without the English ones, which it gets from the English texts a page loads on a switch to
/// English, by the key `ui.` + the text's key (`text::tr_as`; English words are not unique).
#[cfg(feature = "full")]
static CARRIED: &[(&str, &str, &str)] = TEXTS;
// Evaluated by the compiler: an index out of range would fail the build, never a run.
#[cfg(not(feature = "full"))]
#[allow(clippy::indexing_slicing)]
static CARRIED: [(&str, &str, &str); TEXTS.len()] = {
    let mut out = [("", "", ""); TEXTS.len()];
    let mut i = 0;
    while i < TEXTS.len() {
        out[i] = (TEXTS[i].0, TEXTS[i].1, "");
        i += 1;
    }
    out
};

/// One text of the view; "?" for an unknown key (visible, never empty; a test checks every key used).
pub fn text(key: &str, locale: Locale) -> &'static str {
    CARRIED
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("?", |(k, zh, en)| {
            crate::text::tr_as(&["ui.", k], locale, zh, en)
        })
}

/// The English texts of the view, for the lean module's English texts file (`text::english_pairs`).
#[cfg(feature = "full")]
pub fn english_pairs() -> Vec<(u64, String, &'static str)> {
    let mut out: Vec<(u64, String, &'static str)> = TEXTS
        .iter()
        .map(|(k, _, en)| (crate::text::key(&["ui.", k]), format!("ui.{k}"), *en))
        .collect();
    out.extend(form::english_pairs());
    out
}

/// A product's short name, for the names of its disclosures: "苏科贷（2017–2018 年公布参数）" → "苏科贷",
/// "Tax-based credit loan (银税互动, indicative)" → "Tax-based credit loan".
pub fn short_name(name: &str) -> &str {
    ["（", " · ", " ("]
        .iter()
        .filter_map(|sep| name.find(sep))
        .min()
        .and_then(|end| name.get(..end))
        .map_or(name, str::trim)
}

/// The texts of one locale by key, in key order: a map for the page script.
pub struct Texts(Vec<(&'static str, &'static str)>);

impl serde::Serialize for Texts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// The texts in one locale, as a map for the page script: the keys sorted and each once, as a
/// `BTreeMap` would give them (sorted here by the crate's small sort: a map of its own type and
/// the standard sort were 4 KB of the lean module).
pub fn texts(locale: Locale) -> Texts {
    let mut all: Vec<_> = CARRIED
        .iter()
        .map(|(k, _, _)| (*k, text(k, locale)))
        .collect();
    crate::sort::stable_by(&mut all, |a, b| a.0 < b.0);
    all.dedup_by(|a, b| a.0 == b.0);
    Texts(all)
}

#[cfg(test)]
mod tests {
    use super::short_name;

    #[test]
    fn the_texts_are_a_map_in_key_order() {
        for locale in [crate::Locale::ZhCn, crate::Locale::En] {
            let map: std::collections::BTreeMap<_, _> = super::TEXTS
                .iter()
                .map(|(k, _, _)| (*k, super::text(k, locale)))
                .collect();
            assert_eq!(
                serde_json::to_string(&super::texts(locale)).unwrap(),
                serde_json::to_string(&map).unwrap()
            );
        }
    }

    #[test]
    fn a_product_is_named_without_its_qualifier() {
        for (name, short) in [
            ("苏科贷（2017–2018 年公布参数）", "苏科贷"),
            ("科技企业纯信用贷 · 参考模型", "科技企业纯信用贷"),
            (
                "Tax-based credit loan (银税互动, indicative)",
                "Tax-based credit loan",
            ),
            ("昆科贷", "昆科贷"),
        ] {
            assert_eq!(short_name(name), short);
        }
    }
}
