//! Renders a report into a host element with web-sys. Every text goes in as a text node (never as
//! markup), so policy texts and profile fields cannot inject HTML; bar widths are set through the
//! CSSOM (`--w`), which a strict Content-Security-Policy allows.

use crate::report::{
    ApplyOut, CheckOut, CheckStatus, ProductOut, Report, SchemeOut, SchemeStatus, Tier, ValueKind,
};
use crate::text::{self, Locale};
use crate::ui::display::display;
use crate::ui::text as t;
use rust_decimal::Decimal;
use std::cell::RefCell;
use tree::{Id, Shown, Tree};
use wasm_bindgen::JsValue;
use web_sys::{Element, Node};

mod tree;

/// The report's parts, built into a tree (`tree.rs`) that is then put into the page.
struct View {
    tree: RefCell<Tree>,
    locale: Locale,
}

/// A part of the tree being built, with the methods of the element it becomes.
#[derive(Clone, Copy)]
struct El<'t> {
    tree: &'t RefCell<Tree>,
    id: Id,
}

impl El<'_> {
    fn set_attribute(&self, name: &'static str, value: &str) {
        self.tree.borrow_mut().attr(self.id, name, value);
    }

    /// A CSS custom property (`--w`), set through the CSSOM.
    fn set_property(&self, name: &'static str, value: String) {
        self.tree.borrow_mut().style(self.id, name, value);
    }
}

type R<T> = Result<T, JsValue>;

impl View {
    fn el(&self, parent: &El, tag: &'static str, class: &str) -> El<'_> {
        let id = self.tree.borrow_mut().el(parent.id, tag, class);
        El {
            tree: &self.tree,
            id,
        }
    }

    fn text(&self, parent: &El, tag: &'static str, class: &str, text: &str) -> El<'_> {
        let e = self.el(parent, tag, class);
        self.tree.borrow_mut().text(e.id, text);
        e
    }

    fn t(&self, key: &str) -> &'static str {
        t(key, self.locale)
    }

    /// "来源：…" in Chinese, "Source: …" in English.
    fn labelled(&self, label: &str, value: &str) -> String {
        match self.locale {
            Locale::ZhCn => format!("{label}：{value}"),
            Locale::En => format!("{label}: {value}"),
        }
    }

    /// What to do next and what to bring: open where the title or the product is within reach.
    fn apply(&self, parent: &El, apply: &ApplyOut, key: &str, owner: &str, open: bool) {
        let details = self.disclosure(
            parent,
            "apply",
            &format!("{key}:apply"),
            owner,
            self.t("nextSteps"),
        );
        if open {
            details.set_attribute("open", "");
        }
        let steps = self.el(&details, "ol", "next-steps");
        for s in &apply.steps {
            self.text(&steps, "li", "", s);
        }
        if !apply.documents.is_empty() {
            self.text(&details, "h5", "", self.t("documents"));
            let docs = self.el(&details, "ul", "documents");
            for d in &apply.documents {
                self.text(&docs, "li", "", d);
            }
        }
        if let Some(deadline) = &apply.deadline {
            self.text(
                &details,
                "p",
                "deadline",
                &self.labelled(self.t("deadline"), deadline),
            );
        }
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

    fn badge(&self, parent: &El, status: &str) -> El<'_> {
        let b = self.text(
            parent,
            "span",
            &format!("badge status-{status}"),
            self.t(&format!("status.{status}")),
        );
        b.set_attribute("part", "badge");
        b
    }

    /// A bar whose filled share is `share` (0–1).
    fn bar(&self, parent: &El, share: Decimal, class: &str) -> El<'_> {
        let bar = self.el(parent, "span", &format!("bar {class}"));
        bar.set_attribute("part", "bar");
        bar.set_attribute("aria-hidden", "true");
        let fill = self.el(&bar, "span", "fill");
        let pct = (share.clamp(Decimal::ZERO, Decimal::ONE) * Decimal::ONE_HUNDRED).round_dp(1);
        fill.set_property("--w", format!("{}%", pct.normalize()));
        bar
    }

    /// A reported value for people, by the kind the report gives it (`ui::display`).
    fn pretty(&self, raw: &str, kind: ValueKind) -> String {
        display(raw, kind, self.locale)
    }

    fn check(&self, list: &El, c: &CheckOut) {
        let status = c.status.as_str();
        let li = self.el(list, "li", &format!("check check-{status}"));
        let mark = self.text(
            &li,
            "span",
            "mark",
            match c.status {
                CheckStatus::Pass => "✓",
                CheckStatus::Fail => "✗",
                CheckStatus::Incomplete => "?",
            },
        );
        mark.set_attribute("aria-label", self.t(&format!("check.{status}")));
        self.text(&li, "span", "message", &c.message);
        let detail = self.el(&li, "span", "values");
        if let Some(a) = &c.actual {
            self.text(
                &detail,
                "span",
                "actual",
                &format!("{} {}", self.t("actual"), self.pretty(a, c.kind)),
            );
        }
        if let Some(r) = &c.required {
            self.text(
                &detail,
                "span",
                "required",
                &format!("{} {}", self.t("required"), self.pretty(r, c.kind)),
            );
        }
        if !c.missing.is_empty() {
            let names: Vec<String> = c
                .missing
                .names()
                .into_iter()
                .map(|p| self.field_name(p))
                .collect();
            let sep = match self.locale {
                Locale::ZhCn => "、",
                Locale::En => ", ",
            };
            self.text(
                &detail,
                "span",
                "missing",
                &format!("{} {}", self.t("missing"), names.join(sep)),
            );
        }
    }

    /// A disclosure named with what it belongs to ("苏科贷 · 额度计算步骤"), keyed so that the
    /// element can keep it open across updates.
    fn disclosure(&self, parent: &El, class: &str, key: &str, owner: &str, what: &str) -> El<'_> {
        let details = self.el(parent, "details", class);
        details.set_attribute("data-key", key);
        self.text(&details, "summary", "", &format!("{owner} · {what}"));
        details
    }

    fn checks(&self, parent: &El, checks: &[CheckOut], open: bool, key: &str, owner: &str) {
        let details = self.disclosure(
            parent,
            "all-checks",
            &format!("{key}:checks"),
            owner,
            self.t("checks"),
        );
        if open {
            details.set_attribute("open", "");
        }
        let list = self.el(&details, "ul", "checks");
        for c in checks {
            self.check(&list, c);
        }
    }

    /// Any scheme, by its layout: a score out of its maximum with a bar per indicator, or a
    /// score range against the pass rule's bar.
    fn scheme(&self, root: &El, s: &SchemeOut) {
        let layout = if s.range { "range" } else { "points" };
        let card = self.el(root, "section", &format!("card scheme scheme-{layout}"));
        card.set_attribute("part", "card");
        card.set_attribute("data-scheme", &s.id);
        let head = self.el(&card, "header", "");
        self.text(&head, "h3", "", &s.title);
        self.badge(&head, s.status_str());
        if let Some(Some(route)) = s.route {
            let key = format!("route.{}", route.as_str());
            self.text(&head, "span", "route", self.t(&key));
        }
        if s.held == Some(true) && s.status != SchemeStatus::Held {
            self.text(&head, "span", "route", self.t("held"));
        }
        let of = crate::money::fmt(s.out_of.0);
        if s.range {
            self.range(&card, s, &of);
        } else if !s.indicators.is_empty() {
            self.points(&card, s, &of);
        }
        if let Some(apply) = &s.apply {
            let open = s.status == SchemeStatus::Qualified;
            self.apply(&card, apply, &s.id, &s.title, open);
        }
        if let Some(checks) = &s.checks {
            self.checks(&card, checks, s.range, &s.id, &s.title);
        }
    }

    /// The ladder: one row per tier the policy marks (`layout.ladder`), in policy order: where it
    /// stands, the few checks in the way with their actual and required values, and what holding
    /// the title would do to each line (its title hints).
    fn ladder(&self, root: &El, report: &Report) {
        let tiers: Vec<&SchemeOut> = report.assessments.iter().filter(|s| s.ladder).collect();
        if tiers.is_empty() {
            return;
        }
        let card = self.el(root, "section", "card ladder");
        card.set_attribute("part", "card ladder");
        // Keyed, as the cards' disclosures are: the element keeps what is in view in place across
        // updates by these keys (a tall ladder may fill the screen on its own).
        card.set_attribute("data-key", "ladder");
        self.text(&card, "h3", "", self.t("ladder"));
        let list = self.el(&card, "ol", "tiers");
        for s in tiers {
            let tier = s.tier();
            let li = self.el(&list, "li", &format!("tier tier-{}", tier.as_str()));
            li.set_attribute("data-scheme", &s.id);
            li.set_attribute("data-key", &format!("ladder:{}", s.id));
            let head = self.el(&li, "div", "tier-head");
            self.text(&head, "span", "tier-title", &s.title);
            self.text(
                &head,
                "span",
                &format!("badge tier-badge tier-{}", tier.as_str()),
                self.t(&format!("tier.{}", tier.as_str())),
            );
            // Held: nothing stands in the way. Otherwise the checks that do (a qualified tier may
            // still wait on a lower title it only qualifies for: its prerequisite says so).
            let way: Vec<&CheckOut> = match tier {
                Tier::Held => Vec::new(),
                Tier::Qualified => s
                    .checks
                    .iter()
                    .flatten()
                    .filter(|c| {
                        c.actual.as_deref()
                            == Some(crate::assess::scheme::not_held_note(self.locale))
                    })
                    .take(1)
                    .collect(),
                _ => s.in_the_way(3),
            };
            if !way.is_empty() {
                self.text(&li, "span", "in-the-way", self.t("inTheWay"));
                let ul = self.el(&li, "ul", "checks");
                for c in way {
                    self.check(&ul, c);
                }
            }
            if !s.hints.is_empty() {
                // Compact: one lead-in, then each product's line now → with the title (the
                // hint's full sentence is its message in the report).
                self.text(&li, "span", "in-the-way", self.t("titleEffect"));
                let ul = self.el(&li, "ul", "title-effects");
                for h in &s.hints {
                    let name = report
                        .products
                        .iter()
                        .find(|p| *p.id == *h.target)
                        .map_or(h.target.as_str(), |p| &*p.name);
                    let line =
                        |amount: Option<&str>| match amount.and_then(crate::money::plain_number) {
                            Some(a) if !a.is_zero() => text::money(a, self.locale),
                            _ => self.t("status.ineligible").to_string(),
                        };
                    let now = line(Some(&h.from));
                    let then = line(h.new_amount.as_deref());
                    let (colon, open, close) = match self.locale {
                        Locale::ZhCn => ("：", "（", "）"),
                        Locale::En => (": ", " (", ")"),
                    };
                    let shown = if now == then {
                        format!("{name}{colon}{now}{open}{}{close}", self.t("unchanged"))
                    } else {
                        format!("{name}{colon}{now} → {then}")
                    };
                    let item = self.text(&ul, "li", "", &shown);
                    item.set_attribute("title", &h.message);
                }
            }
        }
        self.text(&card, "p", "note", self.t("ladderNote"));
    }

    fn points(&self, card: &El, s: &SchemeOut, of: &str) {
        let big = self.el(card, "p", "big");
        let score = s
            .exact_score()
            .map_or("—".to_string(), |p| crate::money::fmt(p.0));
        self.text(&big, "span", "score", &score);
        self.text(&big, "small", "", &format!(" / {of} {}", self.t("points")));
        let list = self.el(card, "ul", "indicators");
        for ind in &s.indicators {
            let li = self.el(&list, "li", "");
            self.text(&li, "span", "label", &ind.label);
            let share = match (ind.points(), ind.max.0) {
                (Some(p), m) => p.0.checked_div(m).unwrap_or_default(),
                _ => Decimal::ZERO,
            };
            self.bar(&li, share, "");
            let pts = ind.points().map_or("—".into(), |p| crate::money::fmt(p.0));
            self.text(
                &li,
                "span",
                "pts",
                &format!("{pts}/{}", crate::money::fmt(ind.max.0)),
            );
            let mut extra = Vec::new();
            if let Some(v) = &ind.value {
                extra.push(self.pretty(v, ind.kind.unwrap_or_default()));
            }
            if let Some(b) = &ind.band {
                extra.push(b.to_string());
            }
            self.text(&li, "small", "value", &extra.join(" · "));
        }
    }

    fn range(&self, card: &El, s: &SchemeOut, of: &str) {
        let range = self.el(card, "p", "range");
        let (lo, hi) = (s.score.min.0, s.score.max.0);
        self.text(&range, "span", "label", &s.score_label);
        let whole = s.out_of.0;
        let bar = self.bar(
            &range,
            lo.checked_div(whole).unwrap_or_default(),
            "range-bar",
        );
        let upper = self.el(&bar, "span", "upper");
        let pct = |x: Decimal| {
            (x.checked_div(whole).unwrap_or_default() * Decimal::ONE_HUNDRED)
                .round_dp(1)
                .normalize()
        };
        upper.set_property("--w", format!("{}%", pct(hi.saturating_sub(lo))));
        upper.set_property("--left", format!("{}%", pct(lo)));
        // The bar it must reach is the policy's, as its pass rule states it.
        let required = s
            .checks
            .iter()
            .flatten()
            .find(|c| Some(&c.id) == s.pass_id.as_ref())
            .and_then(|c| c.required.as_deref())
            .map(|r| self.pretty(r, ValueKind::Points));
        let range_text = format!("{}–{} / {of}", crate::money::fmt(lo), crate::money::fmt(hi));
        let shown = match (required, self.locale) {
            (Some(r), Locale::ZhCn) => format!("{range_text}（{r}）"),
            (Some(r), Locale::En) => format!("{range_text} ({r})"),
            (None, _) => range_text,
        };
        self.text(&range, "span", "pts", &shown);
    }

    /// `best`: this product has the highest line, so its next steps are open from the start.
    fn product(&self, list: &El, p: &ProductOut, best: bool) {
        let status = p.status.as_str();
        let card = self.el(list, "article", &format!("card product status-{status}"));
        card.set_attribute("part", "card product");
        card.set_attribute("data-product", &p.id);
        let head = self.el(&card, "header", "");
        self.text(&head, "h4", "", &p.name);
        self.badge(&head, status);
        let big = self.el(&card, "p", "big line");
        match &p.limit {
            Some(l) => {
                self.text(&big, "small", "", &format!("{} ", self.t("line")));
                let amount = crate::money::plain_number(&l.amount).unwrap_or_default();
                self.text(&big, "span", "amount", &text::money(amount, self.locale));
            }
            None => {
                self.text(&big, "span", "amount none", self.t("noLine"));
            }
        }
        if let Some(steps) = p.limit.as_ref().and_then(|l| l.steps.as_ref()) {
            let details = self.disclosure(
                &card,
                "steps",
                &format!("{}:steps", p.id),
                crate::ui::short_name(&p.name),
                self.t("steps"),
            );
            let ol = self.el(&details, "ol", "steps");
            let values: Vec<Decimal> = steps
                .iter()
                .filter_map(|s| s.value.as_deref().and_then(crate::money::plain_number))
                .collect();
            let top = values.iter().copied().fold(Decimal::ZERO, Decimal::max);
            for s in steps {
                let li = self.el(&ol, "li", "step");
                self.text(&li, "span", "label", &s.label);
                let v = s.value.as_deref().and_then(crate::money::plain_number);
                // A table value the policy did not qualify is money when it is an amount, a factor
                // otherwise (`display::step_value`).
                let raw = s.value.as_deref().unwrap_or_default();
                match v {
                    Some(v)
                        if s.kind == ValueKind::Money
                            || (s.kind == ValueKind::Number
                                && crate::ui::display::is_amount(v)) =>
                    {
                        self.bar(&li, v.checked_div(top).unwrap_or_default(), "");
                        self.text(&li, "span", "value", &text::money(v, self.locale));
                    }
                    Some(_) if s.kind == ValueKind::Number => {
                        let shown = crate::ui::display::step_value(raw, s.kind, self.locale);
                        self.text(&li, "span", "value factor", &shown);
                    }
                    Some(_) => {
                        let raw = s.value.as_deref().unwrap_or_default();
                        self.text(&li, "span", "value factor", &self.pretty(raw, s.kind));
                    }
                    None => {
                        self.text(&li, "span", "value", "—");
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
                    &self.labelled(self.t("binding"), label),
                );
            }
        }
        if let Some(e) = &p.error {
            self.text(&card, "p", "error", &e.message);
        }
        if let Some(reasons) = p.reasons.as_ref().filter(|r| !r.is_empty()) {
            let block = self.el(&card, "div", "reasons");
            self.text(&block, "h5", "", self.t("reasons"));
            let ul = self.el(&block, "ul", "checks");
            for r in reasons {
                self.check(&ul, r);
            }
        }
        if let Some(hints) = p.hints.as_ref().filter(|h| !h.is_empty()) {
            let block = self.el(&card, "div", "hints");
            self.text(&block, "h5", "", self.t("hints"));
            let ul = self.el(&block, "ul", "");
            for h in hints {
                self.text(&ul, "li", "hint", &h.message);
            }
        }
        if let Some(apply) = &p.apply {
            let open = best && p.status == crate::report::ProductStatus::Eligible;
            self.apply(&card, apply, &p.id, crate::ui::short_name(&p.name), open);
        }
        if let Some(checks) = &p.checks {
            let checks: Vec<CheckOut> = checks.iter().cloned().collect();
            self.checks(&card, &checks, false, &p.id, crate::ui::short_name(&p.name));
        }
        if let Some(note) = &p.note {
            self.text(&card, "p", "note", note);
        }
        self.text(
            &card,
            "p",
            "provenance",
            &self.labelled(self.t("provenance"), &p.provenance),
        );
    }
}

/// The report as a tree of parts, in `locale`.
fn build(report: &Report, locale: Locale) -> Tree {
    let v = View {
        tree: RefCell::new(Tree::new("div", "report")),
        locale,
    };
    let root = El {
        tree: &v.tree,
        id: Tree::ROOT,
    };
    root.set_attribute("part", "report");
    root.set_attribute("lang", locale.tag());
    let head = v.el(&root, "header", "report-head");
    v.text(&head, "h2", "", v.t("report"));
    if let Some(name) = &report.company {
        v.text(&head, "p", "company", name);
    }
    if !report.warnings.is_empty() {
        let block = v.el(&root, "section", "warnings");
        block.set_attribute("role", "note");
        v.text(&block, "h3", "", v.t("warnings"));
        let ul = v.el(&block, "ul", "");
        for w in &report.warnings {
            v.text(&ul, "li", "", &w.message);
        }
    }
    v.ladder(&root, report);
    for s in report.assessments.iter() {
        v.scheme(&root, s);
    }
    let products = v.el(&root, "section", "products");
    v.text(&products, "h3", "", v.t("products"));
    let line = |p: &ProductOut| {
        p.limit
            .as_ref()
            .and_then(|l| crate::money::plain_number(&l.amount))
    };
    let best = report
        .products
        .iter()
        .filter_map(|p| Some((line(p)?, &*p.id)))
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, id)| id);
    for p in &report.products {
        v.product(&products, p, best == Some(&*p.id));
    }
    if !report.assumptions.is_empty() {
        let block = v.el(&root, "details", "assumptions");
        block.set_attribute("data-key", "assumptions");
        v.text(&block, "summary", "", v.t("assumptions"));
        let ul = v.el(&block, "ul", "");
        for a in &report.assumptions {
            v.text(&ul, "li", "", &a.message);
        }
    }
    let footer = v.el(&root, "footer", "disclaimer");
    v.text(
        &footer,
        "p",
        "policy",
        &v.labelled(
            v.t("policy"),
            &format!(
                "{} · {} · {}",
                report.policy.issuer, report.policy.version, report.policy.effective
            ),
        ),
    );
    v.text(&footer, "p", "", &report.disclaimer);
    if let Some(sources) = report.sources.as_ref().filter(|s| !s.is_empty()) {
        let block = v.el(&root, "section", "sources");
        v.text(&block, "h3", "", v.t("sources"));
        let ul = v.el(&block, "ul", "");
        for s in sources {
            let li = v.text(&ul, "li", "", &format!("[{}] {}", s.id, s.title));
            if let Some(url) = &s.url {
                // The address as text: a printed report shows where to look, a link would leave the page.
                v.text(&li, "span", "url", &format!(" {url}"));
            }
        }
    }
    v.tree.into_inner()
}

/// What one host shows: the report's tree and its elements, and their language.
struct Host {
    host: Element,
    locale: Locale,
    shown: Shown,
}

/// The hosts rendered into lately (a page has one or a few elements): one forgotten is
/// simply rendered whole the next time.
const HOSTS_KEPT: usize = 8;

thread_local! {
    static HOSTS: RefCell<Vec<Host>> = const { RefCell::new(Vec::new()) };
}

/// Shows the report in the host: its content becomes the report. When the host still holds
/// the report rendered last in the same language (and nothing else), only the parts that differ
/// from it are changed; otherwise the report is rendered whole.
pub fn render(host: &Element, report: &Report, locale: Locale) -> R<()> {
    let doc = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the host element has no document"))?;
    let tree = build(report, locale);
    let last = HOSTS.with_borrow_mut(|hosts| {
        let at = hosts.iter().position(|h| h.host == *host)?;
        Some(hosts.remove(at))
    });
    let shown = match last.filter(|last| last.locale == locale && holds_only(host, &last.shown)) {
        Some(last) => last.shown.update(&doc, tree)?,
        None => {
            let shown = Shown::mount(&doc, tree)?;
            if let Some(root) = shown.root() {
                host.replace_children_with_node_1(root);
            }
            shown
        }
    };
    HOSTS.with_borrow_mut(|hosts| {
        if hosts.len() >= HOSTS_KEPT {
            hosts.remove(0);
        }
        hosts.push(Host {
            host: host.clone(),
            locale,
            shown,
        });
    });
    Ok(())
}

/// The host holds the report shown last and nothing else (an example mark beside it, or
/// anything put there since, and the report is rendered whole).
fn holds_only(host: &Element, shown: &Shown) -> bool {
    let Some(root) = shown.root() else {
        return false;
    };
    let root: &Node = root.as_ref();
    host.first_child().as_ref() == Some(root) && host.last_child().as_ref() == Some(root)
}
