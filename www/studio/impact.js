// The impact panel: a portfolio from a file or a seeded sample, run in a worker under the baseline
// and the draft, shown as counts per product, a histogram and the firms that move most.
import { el, svg } from "./dom.js";
import { t, getLocale } from "./texts.js";
import { formatAmount } from "../pkg/credit_check.js";
import { readPortfolio } from "./portfolio.js";

const shownAmount = (yuan) => (yuan === null || yuan === undefined ? "—" : formatAmount(String(yuan), getLocale()));

/** An amount for people (万 in Chinese), with the exact yuan kept in data-yuan. */
const amountCell = (k, yuan) =>
  yuan === null || yuan === undefined
    ? el("td", { "data-k": k }, "—")
    : el("td", { "data-k": k, "data-yuan": String(yuan), title: `${yuan} 元` }, shownAmount(yuan));

function histogram(row) {
  const bins = row.histogram;
  if (!bins.length) return null;
  const W = 360;
  const H = 120;
  const max = Math.max(...bins.map((b) => b.count));
  const w = W / bins.length;
  const title = t("histogram", { product: row.id });
  return svg(
    "svg",
    { viewBox: `0 0 ${W} ${H + 20}`, class: "histogram", role: "img", "aria-label": title },
    svg("title", {}, title),
    ...bins.map((b, i) => {
      const h = max ? (b.count / max) * H : 0;
      return svg("rect", { x: i * w + 1, y: H - h, width: Math.max(1, w - 2), height: h, class: b.to <= 0 ? "down" : "up" }, svg("title", {}, `${Math.round(b.from)} … ${Math.round(b.to)}: ${b.count}`));
    }),
    svg("text", { x: 0, y: H + 15, class: "axis" }, String(Math.round(bins[0].from))),
    svg("text", { x: W, y: H + 15, class: "axis end" }, String(Math.round(bins[bins.length - 1].to))),
  );
}

function results(result, count, { onPick, products }) {
  const name = (id) => products.find((p) => p.id === id)?.name ?? id;
  const head = ["product", "toIneligible", "toEligible", "otherChanges", "totalChange", "medianChange"];
  const rows = result.products.map((r) =>
    el(
      "tr",
      { "data-product": r.id },
      el("th", { scope: "row" }, name(r.id)),
      el("td", { "data-k": "toIneligible" }, String(r.toIneligible)),
      el("td", { "data-k": "toEligible" }, String(r.toEligible)),
      el("td", { "data-k": "otherChanges" }, String(r.otherChanges)),
      amountCell("total", r.total),
      amountCell("median", r.median),
    ),
  );
  const charts = result.products.filter((r) => r.changed).map((r) => el("figure", {}, el("figcaption", {}, t("histogram", { product: name(r.id) })), histogram(r)));
  const movers = result.movers.map((m) =>
    el("li", {}, el("button", { type: "button", class: "mover", onclick: () => onPick(m.index) }, t("moverLine", { name: m.name, product: name(m.product), before: shownAmount(m.before), after: shownAmount(m.after) }))),
  );
  return [
    el("p", { class: "took" }, t("took", { count, seconds: (result.ms / 1000).toFixed(2) })),
    el("table", { class: "impact-table" }, el("thead", {}, el("tr", {}, head.map((k) => el("th", { scope: "col" }, t(k))))), el("tbody", {}, rows)),
    charts.length ? el("div", { class: "charts" }, charts) : el("p", {}, t("noChange")),
    movers.length ? el("section", {}, el("h3", {}, t("movers")), el("ol", { class: "movers" }, movers)) : null,
  ];
}

/** Wires the impact panel. `policies()` gives { baseline, draft } (draft null when invalid). */
export function setUpImpact({ root, sample, policies, products, onPick }) {
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  const status = root.querySelector(".impact-status");
  const progress = root.querySelector("progress");
  const out = root.querySelector(".impact-results");
  let profiles = [];
  let lastCount = 0;

  const loaded = (list, errors = []) => {
    profiles = list;
    status.textContent = t("loaded", { count: list.length }) + (errors.length ? " " + t("rowErrors", { count: errors.length }) : "");
  };
  root.querySelector("input[type=file]").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    const { profiles: list, errors } = readPortfolio(await file.text(), file.name);
    loaded(list, errors);
  });
  root.querySelector(".generate").addEventListener("click", () => {
    const n = Number(root.querySelector(".sample-count").value) || 1000;
    const seed = Number(root.querySelector(".sample-seed").value) || 42;
    loaded(sample(n, seed));
  });
  root.querySelector(".run").addEventListener("click", () => {
    const { baseline, draft } = policies();
    if (!draft) {
      status.textContent = t("needValid");
      return;
    }
    if (!profiles.length) return;
    lastCount = profiles.length;
    progress.value = 0;
    progress.hidden = false;
    status.textContent = t("running");
    root.dataset.state = "running";
    worker.postMessage({ profiles, baseline, draft });
  });
  worker.onmessage = ({ data }) => {
    if (data.type === "ready") {
      root.dataset.worker = "ready";
      return;
    }
    if (data.type === "progress") {
      progress.max = data.total;
      progress.value = data.done;
      return;
    }
    progress.hidden = true;
    root.dataset.state = data.type;
    if (data.type === "error") {
      status.textContent = data.message;
      return;
    }
    status.textContent = "";
    root.lastResult = data.result;
    out.replaceChildren(...results(data.result, lastCount, { onPick, products: products() }).filter(Boolean));
  };
  return { profile: (i) => profiles[i] };
}
