//! Renders a report into a host element with web-sys. Every text goes in as a text node (never as
//! markup), so policy texts and profile fields cannot inject HTML; bar widths are set through the
//! CSSOM (`--w`), which a strict Content-Security-Policy allows.

use crate::report::{
    CheckOut, CheckStatus, HighTechOut, ProductOut, Report, TechSmeOut, ValueKind,
};
use crate::text::{self, Locale};
use crate::ui::display::display;
use crate::ui::text as t;
use rust_decimal::Decimal;
use std::str::FromStr;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement};

struct View {
    doc: Document,
    locale: Locale,
}

type R<T> = Result<T, JsValue>;

impl View {
    fn el(&self, parent: &Element, tag: &str, class: &str) -> R<Element> {
        let e = self.doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        parent.append_child(&e)?;
        Ok(e)
    }

    fn text(&self, parent: &Element, tag: &str, class: &str, text: &str) -> R<Element> {
        let e = self.el(parent, tag, class)?;
        e.set_text_content(Some(text));
        Ok(e)
    }

    fn t(&self, key: &str) -> &'static str {
        t(key, self.locale)
    }

    /// A profile path as the form calls it: "上一年：销售收入" rather than "financials[1].revenue".
    fn field_name(&self, path: &str) -> String {
        if let Some(label) = crate::ui::form::label_of(path, self.locale) {
            return label.to_string();
        }
        // A whole fiscal year: "financials[1]" → the first field of that year, without its item.
        let year = format!("{path}.revenue");
        match crate::ui::form::label_of(&year, self.locale) {
            Some(label) => label.split(['：', ':']).next().unwrap_or(label).to_string(),
            None => path.to_string(),
        }
    }

    fn badge(&self, parent: &Element, status: &str) -> R<Element> {
        let b = self.text(
            parent,
            "span",
            &format!("badge status-{status}"),
            self.t(&format!("status.{status}")),
        )?;
        b.set_attribute("part", "badge")?;
        Ok(b)
    }

    /// A bar whose filled share is `share` (0–1).
    fn bar(&self, parent: &Element, share: Decimal, class: &str) -> R<Element> {
        let bar = self.el(parent, "span", &format!("bar {class}"))?;
        bar.set_attribute("part", "bar")?;
        bar.set_attribute("aria-hidden", "true")?;
        let fill = self.el(&bar, "span", "fill")?;
        let pct = (share.clamp(Decimal::ZERO, Decimal::ONE) * Decimal::ONE_HUNDRED).round_dp(1);
        if let Some(h) = wasm_bindgen::JsCast::dyn_ref::<HtmlElement>(&fill) {
            h.style()
                .set_property("--w", &format!("{}%", pct.normalize()))?;
        }
        Ok(bar)
    }

    /// A reported value for people, by the kind the report gives it (`ui::display`).
    fn pretty(&self, raw: &str, kind: ValueKind) -> String {
        display(raw, kind, self.locale)
    }

    fn check(&self, list: &Element, c: &CheckOut) -> R<()> {
        let status = c.status.as_str();
        let li = self.el(list, "li", &format!("check check-{status}"))?;
        let mark = self.text(
            &li,
            "span",
            "mark",
            match c.status {
                CheckStatus::Pass => "✓",
                CheckStatus::Fail => "✗",
                CheckStatus::Incomplete => "?",
            },
        )?;
        mark.set_attribute("aria-label", self.t(&format!("check.{status}")))?;
        self.text(&li, "span", "message", &c.message)?;
        let detail = self.el(&li, "span", "values")?;
        if let Some(a) = &c.actual {
            self.text(
                &detail,
                "span",
                "actual",
                &format!("{} {}", self.t("actual"), self.pretty(a, c.kind)),
            )?;
        }
        if let Some(r) = &c.required {
            self.text(
                &detail,
                "span",
                "required",
                &format!("{} {}", self.t("required"), self.pretty(r, c.kind)),
            )?;
        }
        if !c.missing.is_empty() {
            let names: Vec<String> = c.missing.iter().map(|p| self.field_name(p)).collect();
            let sep = match self.locale {
                Locale::ZhCn => "、",
                Locale::En => ", ",
            };
            self.text(
                &detail,
                "span",
                "missing",
                &format!("{} {}", self.t("missing"), names.join(sep)),
            )?;
        }
        Ok(())
    }

    fn checks(&self, parent: &Element, checks: &[CheckOut], open: bool) -> R<()> {
        let details = self.el(parent, "details", "all-checks")?;
        if open {
            details.set_attribute("open", "")?;
        }
        self.text(&details, "summary", "", self.t("checks"))?;
        let list = self.el(&details, "ul", "checks")?;
        for c in checks {
            self.check(&list, c)?;
        }
        Ok(())
    }

    fn tech_sme(&self, root: &Element, s: &TechSmeOut) -> R<()> {
        let card = self.el(root, "section", "card sme")?;
        card.set_attribute("part", "card")?;
        let head = self.el(&card, "header", "")?;
        self.text(&head, "h3", "", self.t("techSme"))?;
        let status = s.status.as_str();
        self.badge(&head, status)?;
        if let Some(route) = s.route {
            let key = format!("route.{}", route.as_str());
            self.text(&head, "span", "route", self.t(&key))?;
        }
        let big = self.el(&card, "p", "big")?;
        let score = s.score.map_or("—".to_string(), |p| crate::money::fmt(p.0));
        self.text(&big, "span", "score", &score)?;
        self.text(&big, "small", "", &format!(" / 100 {}", self.t("points")))?;
        let list = self.el(&card, "ul", "indicators")?;
        for ind in &s.indicators {
            let li = self.el(&list, "li", "")?;
            self.text(&li, "span", "label", &ind.label)?;
            let share = match (ind.points, ind.max.0) {
                (Some(p), m) => p.0.checked_div(m).unwrap_or_default(),
                _ => Decimal::ZERO,
            };
            self.bar(&li, share, "")?;
            let pts = ind.points.map_or("—".into(), |p| crate::money::fmt(p.0));
            self.text(
                &li,
                "span",
                "pts",
                &format!("{pts}/{}", crate::money::fmt(ind.max.0)),
            )?;
            let mut extra = Vec::new();
            if let Some(v) = &ind.value {
                extra.push(self.pretty(v, ind.kind.unwrap_or_default()));
            }
            if let Some(b) = &ind.band {
                extra.push(b.clone());
            }
            self.text(&li, "small", "value", &extra.join(" · "))?;
        }
        if let Some(checks) = &s.checks {
            self.checks(&card, checks, false)?;
        }
        Ok(())
    }

    fn high_tech(&self, root: &Element, h: &HighTechOut) -> R<()> {
        let card = self.el(root, "section", "card hnte")?;
        card.set_attribute("part", "card")?;
        let head = self.el(&card, "header", "")?;
        self.text(&head, "h3", "", self.t("highTech"))?;
        let status = h.status.as_str();
        self.badge(&head, status)?;
        let range = self.el(&card, "p", "range")?;
        let (lo, hi) = (h.innovation_score.min.0, h.innovation_score.max.0);
        self.text(&range, "span", "label", self.t("innovation"))?;
        let bar = self.bar(
            &range,
            lo.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default(),
            "range-bar",
        )?;
        let upper = self.el(&bar, "span", "upper")?;
        if let Some(u) = wasm_bindgen::JsCast::dyn_ref::<HtmlElement>(&upper) {
            u.style()
                .set_property("--w", &format!("{}%", hi.saturating_sub(lo).normalize()))?;
            u.style()
                .set_property("--left", &format!("{}%", lo.normalize()))?;
        }
        self.text(
            &range,
            "span",
            "pts",
            &format!(
                "{}–{} / 100（≥ 71）",
                crate::money::fmt(lo),
                crate::money::fmt(hi)
            ),
        )?;
        if let Some(checks) = &h.checks {
            self.checks(&card, checks, true)?;
        }
        Ok(())
    }

    fn product(&self, list: &Element, p: &ProductOut) -> R<()> {
        let status = p.status.as_str();
        let card = self.el(list, "article", &format!("card product status-{status}"))?;
        card.set_attribute("part", "card product")?;
        card.set_attribute("data-product", &p.id)?;
        let head = self.el(&card, "header", "")?;
        self.text(&head, "h4", "", &p.name)?;
        self.badge(&head, status)?;
        let big = self.el(&card, "p", "big line")?;
        match &p.limit {
            Some(l) => {
                self.text(&big, "small", "", &format!("{} ", self.t("line")))?;
                let amount = Decimal::from_str(&l.amount).unwrap_or_default();
                self.text(&big, "span", "amount", &text::money(amount, self.locale))?;
            }
            None => {
                self.text(&big, "span", "amount none", self.t("noLine"))?;
            }
        }
        if let Some(steps) = p.limit.as_ref().and_then(|l| l.steps.as_ref()) {
            let details = self.el(&card, "details", "steps")?;
            self.text(&details, "summary", "", self.t("steps"))?;
            let ol = self.el(&details, "ol", "steps")?;
            let values: Vec<Decimal> = steps
                .iter()
                .filter_map(|s| s.value.as_deref().and_then(|v| Decimal::from_str(v).ok()))
                .collect();
            let top = values.iter().copied().fold(Decimal::ZERO, Decimal::max);
            for s in steps {
                let li = self.el(&ol, "li", "step")?;
                self.text(&li, "span", "label", &s.label)?;
                let v = s.value.as_deref().and_then(|v| Decimal::from_str(v).ok());
                match v {
                    Some(v) if v.abs() >= Decimal::from(10_000) => {
                        self.bar(&li, v.checked_div(top).unwrap_or_default(), "")?;
                        self.text(&li, "span", "value", &text::money(v, self.locale))?;
                    }
                    Some(v) => {
                        self.text(&li, "span", "value factor", &format!("× {}", v.normalize()))?;
                    }
                    None => {
                        self.text(&li, "span", "value", "—")?;
                    }
                }
            }
            if let Some(b) = p.limit.as_ref().and_then(|l| l.binding.as_ref()) {
                let label = steps
                    .iter()
                    .find(|s| &s.id == b)
                    .map_or(b.as_str(), |s| s.label.as_str());
                self.text(
                    &details,
                    "p",
                    "binding",
                    &format!("{}：{label}", self.t("binding")),
                )?;
            }
        }
        if let Some(reasons) = p.reasons.as_ref().filter(|r| !r.is_empty()) {
            let block = self.el(&card, "div", "reasons")?;
            self.text(&block, "h5", "", self.t("reasons"))?;
            let ul = self.el(&block, "ul", "checks")?;
            for r in reasons {
                self.check(&ul, r)?;
            }
        }
        if let Some(hints) = p.hints.as_ref().filter(|h| !h.is_empty()) {
            let block = self.el(&card, "div", "hints")?;
            self.text(&block, "h5", "", self.t("hints"))?;
            let ul = self.el(&block, "ul", "")?;
            for h in hints {
                self.text(&ul, "li", "hint", &h.message)?;
            }
        }
        if let Some(checks) = &p.checks {
            self.checks(&card, checks, false)?;
        }
        if let Some(note) = &p.note {
            self.text(&card, "p", "note", note)?;
        }
        self.text(
            &card,
            "p",
            "provenance",
            &format!("{}：{}", self.t("provenance"), p.provenance),
        )?;
        Ok(())
    }
}

/// Replaces the host's content with the report.
pub fn render(host: &Element, report: &Report, locale: Locale) -> R<()> {
    let doc = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the host element has no document"))?;
    let v = View { doc, locale };
    let root = v.doc.create_element("div")?;
    root.set_class_name("report");
    root.set_attribute("part", "report")?;
    root.set_attribute("lang", locale.tag())?;
    let head = v.el(&root, "header", "report-head")?;
    v.text(&head, "h2", "", v.t("report"))?;
    if let Some(name) = &report.company {
        v.text(&head, "p", "company", name)?;
    }
    v.tech_sme(&root, &report.assessments.tech_sme)?;
    v.high_tech(&root, &report.assessments.high_tech)?;
    let products = v.el(&root, "section", "products")?;
    v.text(&products, "h3", "", v.t("products"))?;
    for p in &report.products {
        v.product(&products, p)?;
    }
    if !report.assumptions.is_empty() {
        let block = v.el(&root, "details", "assumptions")?;
        v.text(&block, "summary", "", v.t("assumptions"))?;
        let ul = v.el(&block, "ul", "")?;
        for a in &report.assumptions {
            v.text(&ul, "li", "", &a.message)?;
        }
    }
    let footer = v.el(&root, "footer", "disclaimer")?;
    v.text(
        &footer,
        "p",
        "policy",
        &format!(
            "{}：{} · {} · {}",
            v.t("policy"),
            report.policy.issuer,
            report.policy.version,
            report.policy.effective
        ),
    )?;
    v.text(&footer, "p", "", &report.disclaimer)?;
    host.replace_children_with_node_1(&root);
    Ok(())
}
