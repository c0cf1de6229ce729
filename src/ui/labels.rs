//! The one place where each option of a choice field gets its words: 南京 / Nanjing for
//! `nanjing`. The form lists the options from here and the report shows values through here, so
//! no raw id reaches a reader and each text exists once.

use crate::text::Locale;

/// `(field path, value, zh-CN, en)`, in the order the form offers them.
const CHOICES: &[(&str, &str, &str, &str)] = &[
    ("province", "jiangsu", "江苏", "Jiangsu"),
    ("province", "zhejiang", "浙江", "Zhejiang"),
    ("province", "shanghai", "上海", "Shanghai"),
    ("province", "anhui", "安徽", "Anhui"),
    ("province", "other", "其他", "other"),
    ("city", "nanjing", "南京", "Nanjing"),
    ("city", "suzhou", "苏州", "Suzhou"),
    ("city", "kunshan", "昆山", "Kunshan"),
    ("city", "wuxi", "无锡", "Wuxi"),
    ("city", "changzhou", "常州", "Changzhou"),
    ("city", "nantong", "南通", "Nantong"),
    ("city", "xuzhou", "徐州", "Xuzhou"),
    ("city", "other", "其他", "other"),
    ("sector", "industry", "工业", "industry"),
    (
        "sector",
        "software",
        "软件和信息技术服务业",
        "software & IT services",
    ),
    ("sector", "other", "其他", "other"),
    (
        "techField",
        "electronic-information",
        "电子信息",
        "electronic information",
    ),
    (
        "techField",
        "biomedicine",
        "生物与新医药",
        "biology and new medicine",
    ),
    ("techField", "aerospace", "航空航天", "aerospace"),
    ("techField", "new-materials", "新材料", "new materials"),
    (
        "techField",
        "high-tech-services",
        "高技术服务",
        "high-tech services",
    ),
    (
        "techField",
        "new-energy",
        "新能源与节能",
        "new energy and energy saving",
    ),
    (
        "techField",
        "resources-environment",
        "资源与环境",
        "resources and environment",
    ),
    (
        "techField",
        "advanced-manufacturing",
        "先进制造与自动化",
        "advanced manufacturing",
    ),
    ("techField", "none", "不属于以上领域", "none of these"),
    ("talent", "national", "国家级", "national"),
    ("talent", "provincial", "省级", "provincial"),
    ("talent", "municipal", "市级", "municipal"),
    ("talent", "none", "无", "none"),
    ("tax.grade", "A", "A", "A"),
    ("tax.grade", "B", "B", "B"),
    ("tax.grade", "M", "M", "M"),
    ("tax.grade", "C", "C", "C"),
    ("tax.grade", "D", "D", "D"),
    (
        "chainRole",
        "keyLink",
        "“六基”领域或产业链关键环节",
        "六基 field or a key chain link",
    ),
    ("chainRole", "none", "都不是", "neither"),
];

/// Values several fields share, for a value shown without its field (a check's required side).
const SHARED: &[(&str, &str, &str)] = &[
    ("other", "其他", "other"),
    ("none", "无", "none"),
    ("micro", "微型", "micro"),
    ("small", "小型", "small"),
    ("medium", "中型", "medium"),
    ("large", "大型", "large"),
];

fn pick(locale: Locale, zh: &'static str, en: &'static str) -> &'static str {
    crate::text::pick(locale, zh, en)
}

/// The options of a choice field, `(value, label)`, in the form's order.
pub fn choices_of(path: &str, locale: Locale) -> Vec<(&'static str, &'static str)> {
    CHOICES
        .iter()
        .filter(|(p, ..)| *p == path)
        .map(|(_, v, zh, en)| (*v, pick(locale, zh, en)))
        .collect()
}

/// Every choice value (for tests that look for raw ids in rendered text).
pub fn all_values() -> impl Iterator<Item = &'static str> {
    CHOICES.iter().map(|(_, v, ..)| *v)
}

/// A value's label: within the field `path` when it is given, else in any field (and an
/// assessment's status, `qualified` → 符合); None for a value no list knows.
pub fn choice_label(path: Option<&str>, value: &str, locale: Locale) -> Option<&'static str> {
    let in_field = |field: Option<&str>| {
        CHOICES
            .iter()
            .find(|(p, v, ..)| *v == value && field.is_none_or(|f| f == *p))
            .map(|(_, _, zh, en)| pick(locale, zh, en))
    };
    if let Some(p) = path.filter(|p| CHOICES.iter().any(|(f, ..)| f == p)) {
        return in_field(Some(p));
    }
    SHARED
        .iter()
        .find(|(v, ..)| *v == value)
        .map(|(_, zh, en)| pick(locale, zh, en))
        .or_else(|| in_field(None))
        .or_else(|| {
            let status = crate::ui::text(&format!("status.{value}"), locale);
            (status != "?").then_some(status)
        })
}
