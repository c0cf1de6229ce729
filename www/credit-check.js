// <credit-check>: the self-check calculator as a custom element (contract §5).
//
// Attributes: lang ("zh-CN" | "en"), policy-src (a policy JSON on this origin), products (ids,
// comma-separated). Property: policy (a policy object). Events (bubbling, composed):
// "credit-check:result" (detail: the report) and "credit-check:error" (detail: { code, message, path }).
// Theming: CSS custom properties (--cc-accent, --cc-bg, --cc-surface, --cc-text, --cc-muted,
// --cc-pass, --cc-fail, --cc-warn, --cc-radius, --cc-font) and ::part(form | report | card |
// badge | bar | field | input | button).
//
// Everything the user types stays in this page: the module and the policy are the only loads,
// nothing is stored, and every text is inserted as text, never as markup. The words and numbers
// come from the core (formSpec, uiTexts, formatAmount, and the report rendered by evaluateInto).
import init, { evaluateInto, formSpec, uiTexts, formatAmount } from "./pkg/credit_check.js";

let loading = null;
/** Loads and compiles the wasm module once for every element on the page. */
function loadModule() {
  loading ??= init({ module_or_path: new URL("./pkg/credit_check_bg.wasm", import.meta.url) });
  return loading;
}

/**
 * Resolves once the page's own deferred and module scripts have run (DOMContentLoaded): an element
 * waits for it before its first event, so that a listener added by a script after this module
 * still hears the first result or error, however fast the module loads.
 */
const pageScriptsRan = new Promise((resolve) => {
  // Deferred and module scripts run while readyState is "interactive", before DOMContentLoaded;
  // the navigation timing says whether it has fired. Without that entry, do not wait.
  const nav = performance.getEntriesByType?.("navigation")?.[0];
  const waiting = document.readyState === "loading" || (document.readyState === "interactive" && nav?.domContentLoadedEventStart === 0);
  if (waiting) document.addEventListener("DOMContentLoaded", () => resolve(), { once: true });
  else resolve();
});

const LOCALES = ["zh-CN", "en"];
const styleUrl = new URL("./credit-check.css", import.meta.url).href;

/** Sets `a.b[0].c` in a plain object, creating what is missing. */
function setPath(target, path, value) {
  const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  let o = target;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      o[k] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(keys[i + 1]);
    o[k] ??= nextIsIndex ? [] : {};
    o = o[k];
  });
}

/** Drops the holes and empty objects that unfilled optional fields leave behind. */
function prune(value) {
  if (Array.isArray(value)) {
    // Fiscal years are positional (latest first): an empty year before a filled one stays, as an
    // empty year, so the report asks for it instead of silently dropping the later one.
    const items = Array.from(value, prune);
    while (items.length && items[items.length - 1] === undefined) items.pop();
    return items.length ? items.map((v) => v ?? {}) : undefined;
  }
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export class CreditCheckElement extends HTMLElement {
  static observedAttributes = ["lang", "policy-src", "products"];

  #values = new Map();
  #policy = undefined;
  /** The policy came from policy-src (and goes when the attribute goes). */
  #policyFromSrc = false;
  /** policy-src was given and could not be loaded: evaluate nothing rather than another policy. */
  #policyFailed = false;
  #ready = false;
  #starting = false;
  #formHost;
  #reportHost;
  #errorBox;
  #summary;
  /** The latest report, and timings of the latest evaluation (ms). */
  report = null;
  timings = { firstResult: null, lastUpdate: null };

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.append(el("link", { rel: "stylesheet", href: styleUrl }));
    const layout = el("div", { class: "layout" });
    this.#formHost = el("form", { class: "form", part: "form", autocomplete: "off", novalidate: "" });
    this.#formHost.addEventListener("submit", (e) => e.preventDefault());
    this.#formHost.addEventListener("input", (e) => this.#onInput(e));
    this.#formHost.addEventListener("change", (e) => this.#onInput(e));
    const side = el("div", { class: "side" });
    this.#errorBox = el("p", { class: "error", role: "alert", hidden: "" });
    this.#reportHost = el("div", { class: "report-host", "aria-live": "polite" });
    side.append(this.#errorBox, this.#reportHost);
    layout.append(this.#formHost, side);
    // On a narrow screen the report sits below the form: a bar keeps the result in sight.
    this.#summary = el("button", { type: "button", class: "summary", part: "summary button" });
    this.#summary.addEventListener("click", () => this.#reportHost.scrollIntoView({ behavior: "smooth" }));
    root.append(layout, this.#summary);
    // The one-page print report shows the steps of every line.
    addEventListener("beforeprint", () => {
      for (const d of root.querySelectorAll("details.steps")) d.open = true;
    });
  }

  get locale() {
    const lang = this.getAttribute("lang");
    return LOCALES.includes(lang) ? lang : "zh-CN";
  }

  get policy() {
    return this.#policy;
  }

  set policy(value) {
    this.#policy = value ?? undefined;
    this.#policyFromSrc = false;
    this.#policyFailed = false;
    this.#update();
  }

  async connectedCallback() {
    // Moved while it was starting: the first start finishes the job.
    if (this.#ready || this.#starting) return;
    this.#starting = true;
    const failure = await loadModule().then(
      () => null,
      (e) => e ?? new Error("unknown"),
    );
    await pageScriptsRan;
    if (failure) {
      this.#starting = false;
      this.#fail("wasmUnavailable", `${uiTextsFallback(this.locale)} (${failure.message ?? failure})`);
      return;
    }
    this.#ready = true;
    this.#starting = false;
    await this.#loadPolicy();
    this.#buildForm();
    this.#update();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#ready || before === after) return;
    if (name === "lang") {
      this.#buildForm();
      this.#update();
    } else if (name === "policy-src") {
      this.#loadPolicy().then(() => this.#update());
    } else {
      this.#update();
    }
  }

  /** Sets a form field by profile path (e.g. "financials[0].revenue", in 万 for amounts). */
  setField(path, value) {
    this.#values.set(path, value);
    const input = this.#formHost.querySelector(`[name="${CSS.escape(path)}"]`);
    if (input) {
      if (input.type === "checkbox") input.checked = value === true || value === "true";
      else input.value = value;
    }
    this.#update();
  }

  async #loadPolicy() {
    const src = this.getAttribute("policy-src");
    this.#policyFailed = false;
    if (!src) {
      if (this.#policyFromSrc) this.#policy = undefined;
      this.#policyFromSrc = false;
      return;
    }
    const url = new URL(src, document.baseURI);
    try {
      if (url.origin !== location.origin) throw new Error(`policy-src must be on this page's origin: ${url.href}`);
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`could not load ${url.pathname}: HTTP ${response.status}`);
      this.#policy = await response.json();
      this.#policyFromSrc = true;
    } catch (e) {
      // Never fall back to another policy: a bank's page must not show products it does not offer.
      this.#policy = undefined;
      this.#policyFailed = true;
      this.#reportHost.replaceChildren();
      this.#summary.textContent = "";
      this.report = null;
      this.#fail("policyUnavailable", e.message);
    }
  }

  #buildForm() {
    const sections = formSpec(this.locale);
    const nodes = [];
    for (const section of sections) {
      const box = section.optional ? el("details", { class: "section optional" }) : el("fieldset", { class: "section" });
      box.append(el(section.optional ? "summary" : "legend", {}, section.title));
      const grid = el("div", { class: "fields" });
      for (const f of section.fields) grid.append(this.#field(f));
      box.append(grid);
      nodes.push(box);
    }
    this.#formHost.replaceChildren(...nodes);
  }

  #field(f) {
    if (!this.#values.has(f.path)) this.#values.set(f.path, f.default);
    const value = this.#values.get(f.path);
    const id = `f-${f.path.replace(/[^a-zA-Z0-9]/g, "-")}`;
    const wrap = el("div", { class: `field kind-${f.kind}`, part: "field" });
    let input;
    if (f.kind === "flag") {
      input = el("input", { type: "checkbox", id, name: f.path, part: "input" });
      input.checked = value === "true" || value === true;
      const label = el("label", { for: id });
      label.append(input, document.createTextNode(` ${f.label}`));
      wrap.append(label);
    } else {
      wrap.append(el("label", { for: id }, f.label));
      if (f.kind === "choice") {
        input = el("select", { id, name: f.path, part: "input" });
        input.append(el("option", { value: "" }, "—"));
        for (const c of f.choices) input.append(el("option", { value: c.value }, c.label));
        input.value = value;
      } else {
        const numeric = f.kind !== "text";
        input = el("input", {
          id,
          name: f.path,
          part: "input",
          type: "text",
          inputmode: f.kind === "count" ? "numeric" : numeric ? "decimal" : "text",
        });
        input.value = value;
      }
      const row = el("div", { class: "input-row" });
      row.append(input);
      if (f.unit) row.append(el("span", { class: "unit" }, f.unit));
      wrap.append(row);
    }
    const helpId = `${id}-help`;
    const help = el("small", { class: "help", id: helpId }, f.help);
    if (f.kind === "wan") help.dataset.base = f.help;
    input.setAttribute("aria-describedby", helpId);
    wrap.append(help);
    if (f.kind === "wan") this.#showAmount(input, help);
    return wrap;
  }

  /** Live formatting: under an amount typed in 万, the amount as the report will show it. */
  #showAmount(input, help) {
    const v = input.value.trim();
    const yuan = v === "" ? "" : formatAmount(`${v}万`, this.locale);
    help.textContent = yuan ? `= ${yuan}${help.dataset.base ? ` · ${help.dataset.base}` : ""}` : help.dataset.base;
  }

  #onInput(event) {
    const input = event.target;
    if (!input.name) return;
    performance.mark("credit-check:input");
    this.#values.set(input.name, input.type === "checkbox" ? String(input.checked) : input.value);
    if (input.closest(".kind-wan")) this.#showAmount(input, input.closest(".field").querySelector(".help"));
    this.#update();
  }

  #profile() {
    const profile = {};
    for (const field of formSpec(this.locale).flatMap((s) => s.fields)) {
      const raw = this.#values.get(field.path);
      if (raw === undefined || raw === "") continue;
      let value;
      switch (field.kind) {
        case "flag":
          if (raw !== "true") continue;
          value = true;
          break;
        case "wan":
          value = `${String(raw).trim()}万`;
          break;
        case "count":
        case "decimal":
          value = String(raw).trim();
          break;
        default:
          value = raw;
      }
      setPath(profile, field.path, value);
    }
    // Unticked flags that a clean record depends on are explicit "no", not "not given".
    for (const field of formSpec(this.locale).flatMap((s) => s.fields)) {
      if (field.kind === "flag" && this.#values.get(field.path) !== "true") setPath(profile, field.path, false);
    }
    return prune(profile) ?? {};
  }

  #update() {
    if (!this.#ready || !this.isConnected || this.#policyFailed) return;
    const options = { locale: this.locale };
    if (this.#policy) options.policy = this.#policy;
    const products = this.getAttribute("products");
    if (products) options.products = products.split(",").map((s) => s.trim()).filter(Boolean);
    const started = performance.now();
    for (const bad of this.#formHost.querySelectorAll("[aria-invalid]")) bad.removeAttribute("aria-invalid");
    try {
      this.report = evaluateInto(this.#reportHost, this.#profile(), options);
      this.#errorBox.hidden = true;
      this.#summarize(this.report);
      const done = performance.now();
      this.timings.lastUpdate = done - started;
      if (this.timings.firstResult === null) {
        performance.mark("credit-check:first-result");
        this.timings.firstResult = done;
      } else {
        performance.mark("credit-check:result");
      }
      this.dispatchEvent(new CustomEvent("credit-check:result", { detail: this.report, bubbles: true, composed: true }));
    } catch (e) {
      const input = e.path ? this.#formHost.querySelector(`[name="${CSS.escape(e.path)}"]`) : null;
      if (input) input.setAttribute("aria-invalid", "true");
      this.#fail(e.code ?? "error", e.message ?? String(e), e.path);
    }
  }

  /** "Tech SME 96 pts · best line 800万" for the bar on narrow screens. */
  #summarize(report) {
    const texts = uiTexts(this.locale);
    const sme = report.assessments.techSme;
    const lines = report.products.filter((p) => p.limit).map((p) => Number(p.limit.amount));
    const best = lines.length ? formatAmount(String(Math.max(...lines)), this.locale) : texts.noLine;
    this.#summary.textContent = `${texts.techSme} ${sme.score ?? "—"} ${texts.points} · ${texts.line} ${best} ↓`;
  }

  #fail(code, message, path) {
    this.#errorBox.textContent = path ? `${path}: ${message}` : message;
    this.#errorBox.hidden = false;
    this.dispatchEvent(
      new CustomEvent("credit-check:error", { detail: { code, message, path }, bubbles: true, composed: true }),
    );
  }
}

/** The wasm-unavailable message must work without the module (its texts are inside it). */
function uiTextsFallback(locale) {
  return locale === "en"
    ? "The calculator could not load (the page's Content-Security-Policy may not allow WebAssembly)"
    : "计算模块无法加载（页面的内容安全策略可能不允许 WebAssembly）";
}

if (!customElements.get("credit-check")) customElements.define("credit-check", CreditCheckElement);

export { uiTexts };
