// The trace of one evaluation as tables: knock-outs, each product's checks and limit steps with
// their expressions, the values they read and gave, the binding cap and the table rows matched.
import { el } from "./dom.js";
import { t } from "./texts.js";

const shown = (v) => (v === null || v === undefined ? t("unknown") : v);
// A value as a person reads it (3,000万, 62.5%), with the exact value the expression used on hover.
const readable = (raw, nice) => (raw === null || raw === undefined ? t("unknown") : el("span", { title: raw }, nice ?? raw));

function tableHits(line) {
  return line.tables.map((h) => {
    if (h.key !== null && h.key !== undefined) return el("div", { class: "hit" }, t("tableKey", { table: h.table, key: h.key, value: shown(h.shown ?? h.value) }));
    if (h.row === null || h.row === undefined) return el("div", { class: "hit" }, t("tableNone", { table: h.table }));
    return el("div", { class: "hit" }, t("tableRow", { table: h.table, row: h.row + 1, value: shown(h.shown ?? h.value) }));
  });
}

function row(line, { binding, jump }) {
  const reads = el("ul", { class: "reads" }, line.reads.map((r) => el("li", {}, el("code", {}, r.name), " = ", readable(r.value, r.shown))));
  const status = line.status ? el("span", { class: `status ${line.status}` }, t(line.status === "pass" ? "pass" : line.status === "fail" ? "fail" : "unknown")) : null;
  const expr = el("button", { type: "button", class: "expr", title: t("jump"), onclick: () => jump(line.path) }, el("code", {}, line.expr));
  return el(
    "tr",
    { class: binding ? "binding" : "", "data-step": line.id },
    el("th", { scope: "row" }, line.id, binding ? el("span", { class: "badge" }, t("binding")) : null, el("div", { class: "label" }, line.label)),
    el("td", {}, expr),
    el("td", {}, reads, tableHits(line)),
    el("td", { class: "value" }, status, " ", line.status ? (line.value === null || line.value === undefined ? "" : readable(line.value, line.shown)) : readable(line.value, line.shown)),
  );
}

function table(caption, lines, opts) {
  return el(
    "table",
    { class: "trace-table" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("step")), el("th", { scope: "col" }, t("expression")), el("th", { scope: "col" }, t("reads")), el("th", { scope: "col" }, t("value")))),
    el("tbody", {}, lines.map((l) => row(l, { ...opts, binding: opts.binding === l.id }))),
  );
}

function schemes(trace) {
  const item = (s) => {
    const result = trace.assessments[s.id] ?? {};
    return el("li", {}, `${s.title}: ${s.statusLabel}`, typeof result.score === "number" ? ` (${result.score})` : "");
  };
  return el("section", { class: "schemes" }, el("h3", {}, t("schemes")), el("ul", {}, (trace.schemes ?? []).map(item)));
}

/** Renders a trace into `host`; `jump(path)` shows a document path in the editor. */
export function renderTrace(host, trace, jump) {
  const parts = [schemes(trace)];
  // Each scheme's checks and the measures of its indicators, as the products' lines are shown.
  for (const s of trace.schemes ?? []) {
    const result = trace.assessments[s.id];
    parts.push(
      el(
        "section",
        { class: "scheme", "data-scheme": s.id },
        el("h3", {}, `${s.title} · ${s.statusLabel || (result?.status ?? "")}`),
        table(`${s.id}: ${t("status")}`, s.checks, { jump }),
        s.measures.length ? table(`${s.id}: ${t("measures")}`, s.measures, { jump }) : null,
      ),
    );
  }
  parts.push(table(t("knockouts"), trace.knockouts, { jump }));
  for (const p of trace.products) {
    parts.push(
      el(
        "section",
        { class: "product", "data-product": p.id },
        el("h3", {}, `${p.name} · ${p.statusLabel}`, p.amount ? ` · ${t("line")} ${p.amountShown ?? p.amount}` : ""),
        table(`${p.id}: ${t("status")}`, p.checks, { jump }),
        table(`${p.id}: ${t("line")}`, p.steps, { jump, binding: p.binding }),
      ),
    );
  }
  host.replaceChildren(...parts);
}
