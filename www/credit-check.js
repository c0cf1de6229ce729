// <credit-check>: the self-check calculator as a custom element (contract §5).
//
// Attributes: lang ("zh-CN" | "en"), policy-src (a policy JSON on this origin), products (ids,
// comma-separated), example (start with the worked example instead of an empty form).
// Properties: policy (a policy object), report (the latest report), ready (a promise).
// Methods: setField(path, text), reset(), fillExample().
// Events (bubbling, composed): "credit-check:result" (detail: the report) and "credit-check:error"
// (detail: { code, message, path, errors }).
// Theming: CSS custom properties (--cc-*, listed in credit-check.css) and ::part().
//
// Nothing the user did not type enters a result: the form starts empty, an example is filled
// only on request and marked as such until the user changes it. What the user types is read by
// the core (readForm: "2000万", "0.2亿", "2,000", "３０００", "60人" …), evaluated, and the report is
// rendered by the core (evaluateInto); this file wires the platform's element API, the inputs and
// the events. Everything stays in this page: the module and the policy are the only loads, and
// nothing is stored unless the user ticks "save a draft".
//
// Two modules, both same-origin files under pkg/ (README, "On a web page"): the lean one
// (pkg/lean/) is the first load, with the built-in policy precompiled and every function the
// element needs for it; the full one (pkg/credit_check.js) reads, validates and compiles a bank's
// policy, and is fetched only when one is given (policy-src, the policy property).
import { buildSections, el, setFieldError, setFieldWarnings, setFieldEcho } from "./credit-check-form.js";
import { fragmentFor, readFragment, hasDraft, saveDraft, loadDraft, deleteDraft } from "./credit-check-share.js";

let leanLoading = null;
let fullLoading = null;
/** The module loaded last (for `uiTexts`: both have every text). */
let loaded = null;
/**
 * Loads and compiles the lean module once for every element on the page (imported when first
 * needed, like the full one, so that a bank's page does not fetch it at all).
 */
function loadLean() {
  leanLoading ??= import("./pkg/lean/credit_check.js").then(async (lean) => {
    await lean.default({ module_or_path: new URL("./pkg/lean/credit_check_bg.wasm", import.meta.url) });
    loaded ??= lean;
    return lean;
  });
  return leanLoading;
}
let englishLoading = null;
/**
 * The lean module carries the texts of zh-CN only: the English ones are a file beside it
 * (pkg/lean/texts.en.bin, same origin), fetched once, when an element first needs English, and
 * given to the module. The full module has both languages; this resolves at once for it.
 */
function textsFor(module, locale) {
  if (locale !== "en" || typeof module?.useTexts !== "function") return Promise.resolve();
  englishLoading ??= fetch(new URL("./pkg/lean/texts.en.bin", import.meta.url))
    .then((r) => {
      if (!r.ok) throw new Error(`texts.en.bin: HTTP ${r.status}`);
      return r.arrayBuffer();
    })
    .then((bytes) => module.useTexts(new Uint8Array(bytes)))
    .catch((e) => {
      englishLoading = null;
      throw e;
    });
  return englishLoading;
}

/** Resolves when the elements' module can answer in `locale` (the page script awaits it before it switches). */
export function localeReady(locale) {
  if (loaded) return textsFor(loaded, locale);
  return loadLean().then((lean) => textsFor(loaded ?? lean, locale));
}

/** Loads and compiles the full module once for every element on the page, when one needs it. */
function loadFull() {
  fullLoading ??= import("./pkg/credit_check.js").then(async (full) => {
    await full.default({ module_or_path: new URL("./pkg/credit_check_bg.wasm", import.meta.url) });
    loaded = full;
    return full;
  });
  return fullLoading;
}

/**
 * Resolves once the page's own deferred and module scripts have run (DOMContentLoaded): an element
 * waits for it before its first event, so that a listener added by a script after this module
 * still hears the first result or error, however fast the module loads.
 */
const pageScriptsRan = new Promise((resolve) => {
  const nav = performance.getEntriesByType?.("navigation")?.[0];
  const waiting = document.readyState === "loading" || (document.readyState === "interactive" && nav?.domContentLoadedEventStart === 0);
  if (waiting) document.addEventListener("DOMContentLoaded", () => resolve(), { once: true });
  else resolve();
});

const LOCALES = ["zh-CN", "en"];
const styleUrl = new URL("./credit-check.css", import.meta.url).href;

/** The two texts needed before the module (which holds every other text) has loaded. */
const BEFORE_LOAD = {
  loading: { "zh-CN": "正在加载计算模块…", en: "Loading the calculator…" },
  wasmUnavailable: {
    "zh-CN": "计算模块无法加载（页面的内容安全策略可能不允许 WebAssembly）",
    en: "The calculator could not load (the page's Content-Security-Policy may not allow WebAssembly)",
  },
};

/**
 * The element's own frozen copy of a policy: later edits of the caller's object do not leak in
 * (set `policy` again to change it), and a deeply frozen document is trusted by identity in the
 * core, so every update costs what one with the built-in policy costs. What cannot be copied
 * (a Proxy, a function inside) is passed as it is, for the core to refuse with its path.
 */
function frozenCopy(doc) {
  let copy;
  try {
    copy = structuredClone(doc);
  } catch {
    return doc;
  }
  const freeze = (o) => {
    for (const v of Object.values(o)) if (v && typeof v === "object") freeze(v);
    return Object.freeze(o);
  };
  return copy && typeof copy === "object" ? freeze(copy) : copy;
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => values[k] ?? m);
/** A product's short name for the form's "used by" notes: "苏科贷（2017–2018 年公布参数）" → "苏科贷". */
const shortName = (name) => name.split(/（| · | \(/)[0].trim();

export class CreditCheckElement extends HTMLElement {
  static observedAttributes = ["lang", "policy-src", "products"];

  /** What the user typed, by profile path: the only source of the profile. */
  #values = new Map();
  /** The page opened with a shared link (read or refused), so the values on screen are not the
   * draft's: they are not saved over it until the user ticks the box again. */
  #fromLink = false;
  /** The values are the worked example, untouched since it was filled. */
  #example = false;
  #policy = undefined;
  #policyFromSrc = false;
  /** policy-src was given and could not be used: evaluate nothing rather than another policy. */
  #policyFailed = false;
  #ready = false;
  #starting = false;
  /** The module this element calls: the lean one, or the full one once a bank's policy is given. */
  #m = null;
  #full = false;
  #resolveReady;
  /** Window listeners, removed when the element leaves the document. */
  #windowListeners = null;
  /** Disclosures open before printing, to close again after. */
  #openBeforePrint = null;
  #fields = new Map();
  #policyLoads = 0;
  #policyLoading = false;
  #specs = null;
  /** The disclosures the user opened or closed, by key: kept across updates (others take their default). */
  #toggled = new Map();
  /** The anchor of a scroll correction booked for the next frame (#keepView). */
  #anchorPending = null;
  /** What readForm gave for the values on screen (for the printed inputs table). */
  #read = null;
  #root;
  #toolbar;
  #notice;
  #banner;
  #questions;
  #formHost;
  #reportHost;
  #stale;
  #errorBox;
  #status;
  #printInputs;
  #summary;
  #draftBox;
  #deleteDraftButton;
  report = null;
  timings = { firstResult: null, lastUpdate: null };
  /** Resolves once the element has started (or failed to, with a credit-check:error saying why). */
  ready = new Promise((resolve) => (this.#resolveReady = resolve));

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.append(el("link", { rel: "stylesheet", href: styleUrl }));
    const layout = el("div", { class: "layout" });
    const formSide = el("div", { class: "form-side" });
    this.#toolbar = el("div", { class: "toolbar", part: "toolbar" });
    this.#notice = el("p", { class: "notice", role: "status" });
    this.#banner = el("p", { class: "example-banner", hidden: "" });
    this.#questions = el("section", { class: "questions", hidden: "", "aria-labelledby": "cc-questions-title" });
    this.#formHost = el("form", { class: "form", part: "form", autocomplete: "off", novalidate: "" });
    this.#formHost.addEventListener("submit", (e) => e.preventDefault());
    for (const type of ["input", "change"]) {
      this.#formHost.addEventListener(type, (e) => this.#onInput(e));
      this.#questions.addEventListener(type, (e) => this.#onInput(e));
    }
    // The next questions are redrawn when the user leaves them, never under a typing finger.
    this.#questions.addEventListener("focusout", (e) => {
      if (!this.#questions.contains(e.relatedTarget)) this.#showQuestions();
    });
    formSide.append(this.#toolbar, this.#notice, this.#banner, this.#questions, this.#formHost);
    const side = el("div", { class: "side" });
    this.#errorBox = el("p", { class: "error", role: "alert", hidden: "" });
    this.#stale = el("p", { class: "stale-mark", role: "alert", hidden: "" });
    this.#status = el("p", { class: "status-line", role: "status" });
    this.#printInputs = el("section", { class: "print-inputs" });
    this.#reportHost = el("div", { class: "report-host" });
    // Only a person's choice is remembered: a click on a summary (also what Enter and Space send),
    // which opens or closes its disclosure right after this handler. A render or a print sets
    // `open` too, and those are not choices.
    this.#reportHost.addEventListener("click", (e) => {
      const details = e.target.closest?.("summary")?.parentElement;
      if (details?.dataset.key) this.#toggled.set(details.dataset.key, !details.open);
    });
    this.#reportHost.append(el("p", { class: "loading" }, BEFORE_LOAD.loading[this.locale]));
    side.append(this.#errorBox, this.#stale, this.#status, this.#reportHost, this.#printInputs);
    layout.append(formSide, side);
    // On a narrow screen the report sits below the form: a bar keeps the result in sight.
    this.#summary = el("button", { type: "button", class: "summary", part: "summary button", hidden: "" });
    this.#summary.addEventListener("click", () => this.#reportHost.scrollIntoView({ behavior: "smooth" }));
    this.#root.append(layout, this.#summary);
  }

  get locale() {
    const lang = this.getAttribute("lang");
    return LOCALES.includes(lang) ? lang : "zh-CN";
  }

  get policy() {
    return this.#policy;
  }

  /** The profile the form last read into a report (null before the first one). */
  get profile() {
    return this.report ? (this.#read?.profile ?? null) : null;
  }

  set policy(value) {
    this.#policy = value === null || value === undefined ? undefined : frozenCopy(value);
    this.#policyFromSrc = false;
    this.#policyFailed = false;
    // A policy-src still loading is overtaken by this one.
    this.#policyLoads += 1;
    this.#policyLoading = false;
    if (!this.#ready) return;
    if (this.#needsFull() && !this.#full) {
      // A bank's policy is read by the full module: nothing is evaluated until it has loaded.
      const load = this.#policyLoads;
      this.#policyLoading = true;
      this.#loadModule().then(
        () => {
          if (load !== this.#policyLoads) return;
          this.#policyLoading = false;
          this.#buildForm();
          this.#update();
        },
        (e) => {
          if (load !== this.#policyLoads) return;
          this.#policyLoading = false;
          this.#policyFailed = true;
          this.#showUnavailable();
          this.#fail("wasmUnavailable", `${BEFORE_LOAD.wasmUnavailable[this.locale]} (${e?.message ?? e})`, "", [], { visible: false });
        },
      );
      return;
    }
    this.#buildForm();
    this.#update();
  }

  /** A bank's policy (policy-src or the policy property) needs the full module. */
  #needsFull() {
    return this.#policy !== undefined || this.hasAttribute("policy-src");
  }

  /** Loads the module the element needs now (or keeps the one it has). */
  async #loadModule() {
    if (this.#needsFull()) {
      if (!this.#full) {
        this.#m = await loadFull();
        this.#full = true;
      }
    } else {
      this.#m ??= await loadLean();
    }
    await textsFor(this.#m, this.locale);
  }

  async connectedCallback() {
    this.#listenToWindow();
    // A `policy` set before this element was defined sits on the instance and hides the setter.
    if (Object.hasOwn(this, "policy")) {
      const value = this.policy;
      delete this.policy;
      this.#policy = value === null || value === undefined ? undefined : frozenCopy(value);
    }
    // Moved in the page: what changed while it was out is shown now.
    if (this.#ready) {
      this.#update();
      return;
    }
    if (this.#starting) return;
    this.#starting = true;
    const load = () =>
      this.#loadModule().then(
        () => null,
        (e) => e ?? new Error("unknown"),
      );
    let failure = await load();
    await pageScriptsRan;
    // A policy given meanwhile is read by the full module.
    failure ??= await load();
    this.#starting = false;
    if (failure) {
      this.#reportHost.replaceChildren();
      this.#fail("wasmUnavailable", `${BEFORE_LOAD.wasmUnavailable[this.locale]} (${failure.message ?? failure})`);
      this.#resolveReady();
      return;
    }
    this.#ready = true;
    this.#checkLocale();
    await this.#loadPolicy();
    this.#restoreValues();
    this.#buildForm();
    this.#update();
    this.#resolveReady();
  }

  disconnectedCallback() {
    this.#windowListeners?.abort();
    this.#windowListeners = null;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#ready || before === after) return;
    if (name === "lang") {
      const show = () => {
        if (this.getAttribute("lang") !== after) return;
        this.#checkLocale();
        this.#buildForm();
        if (this.#policyFailed) this.#showUnavailable();
        this.#update();
      };
      // English with the lean module waits for its English texts (fetched once, on first use).
      textsFor(this.#m, this.locale).then(show, (e) => {
        if (this.getAttribute("lang") !== after) return;
        this.#fail("wasmUnavailable", `${BEFORE_LOAD.wasmUnavailable[this.locale]} (${e?.message ?? e})`, "", [], { visible: false });
      });
    } else if (name === "policy-src") {
      this.#loadPolicy().then((current) => {
        if (!current) return;
        this.#buildForm();
        this.#update();
      });
    } else {
      // products: the form's "used by" marks name them too.
      this.#buildForm();
      this.#update();
    }
  }

  /** Sets a form field by profile path, as a person would type it (e.g. "3000", "0.3亿"). */
  setField(path, value) {
    if (!this.#ready) throw new Error("credit-check: setField before the element is ready (await element.ready)");
    if (!this.#fieldSpecs().has(path)) {
      this.#fail("unknownField", `setField: ${this.#m.uiTexts(this.locale).unknownField}: ${path}`, path, [], { visible: false });
      return;
    }
    const text = typeof value === "boolean" ? String(value) : String(value ?? "");
    this.#setValue(path, text);
    this.#syncInputs(path, null);
    this.#update();
  }

  /** Empties the form (and the result). */
  reset() {
    this.#values.clear();
    this.#toggled.clear();
    this.#example = false;
    if (!this.#ready) return;
    this.#buildForm();
    this.#update();
  }

  /** Fills the form with the worked example, marked as an example until the user changes it. */
  fillExample() {
    if (!this.#ready) return;
    this.#values.clear();
    for (const f of this.#fieldSpecs().values()) if (f.default !== "") this.#values.set(f.path, f.default);
    this.#example = true;
    this.#buildForm();
    this.#update();
  }

  #listenToWindow() {
    this.#windowListeners?.abort();
    this.#windowListeners = new AbortController();
    const { signal } = this.#windowListeners;
    // The printed report shows every step and check: open every disclosure, then restore.
    addEventListener(
      "beforeprint",
      () => {
        if (this.#read) this.#showPrintInputs(this.#read);
        const all = [...this.#root.querySelectorAll("details")];
        this.#openBeforePrint = new Set(all.filter((d) => d.open));
        for (const d of all) d.open = true;
      },
      { signal },
    );
    addEventListener(
      "afterprint",
      () => {
        if (!this.#openBeforePrint) return;
        for (const d of this.#root.querySelectorAll("details")) d.open = this.#openBeforePrint.has(d);
        this.#openBeforePrint = null;
      },
      { signal },
    );
  }

  #checkLocale() {
    const lang = this.getAttribute("lang");
    if (lang !== null && !LOCALES.includes(lang)) {
      this.#fail("unsupportedLocale", `lang="${lang}" is not supported (zh-CN or en); showing zh-CN`, "", [], { visible: false });
    }
  }

  #texts() {
    return this.#m.uiTexts(this.locale);
  }

  /**
   * The form's sections for the active policy: only the fields it reads, with its own notes (asked
   * of the core once per language and policy). A policy that cannot be read gets the built-in form;
   * the report says why.
   */
  #formSections() {
    if (this.#specs?.locale !== this.locale || this.#specs?.policy !== this.#policy) {
      let sections;
      try {
        sections = this.#m.formSpec(this.locale, this.#policy ? { policy: this.#policy } : undefined);
      } catch {
        sections = this.#m.formSpec(this.locale);
      }
      const byPath = new Map(sections.flatMap((s) => s.fields).map((f) => [f.path, f]));
      this.#specs = { locale: this.locale, policy: this.#policy, sections, byPath };
    }
    return this.#specs;
  }

  /** Every field of the form by path. */
  #fieldSpecs() {
    return this.#formSections().byPath;
  }

  #options() {
    const options = { locale: this.locale };
    if (this.#policy) options.policy = this.#policy;
    const products = this.getAttribute("products");
    if (products) options.products = products.split(",").map((s) => s.trim()).filter(Boolean);
    return options;
  }

  /**
   * Loads policy-src; resolves to false when a later load has replaced this one (its result is
   * then dropped). While it loads, nothing is evaluated: never another policy's products.
   */
  async #loadPolicy() {
    const src = this.getAttribute("policy-src");
    const load = ++this.#policyLoads;
    this.#policyFailed = false;
    if (!src) {
      if (this.#policyFromSrc) this.#policy = undefined;
      this.#policyFromSrc = false;
      this.#policyLoading = false;
      return true;
    }
    this.#policyLoading = true;
    let detail;
    try {
      const url = new URL(src, document.baseURI);
      if (url.origin !== location.origin) throw new Error(`policy-src must be on this page's origin: ${url.href}`);
      // The full module (which validates the document) loads while the document does.
      const module = this.#loadModule();
      module.catch(() => {});
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`could not load ${url.pathname}: HTTP ${response.status}`);
      const doc = await response.json();
      await module;
      if (load !== this.#policyLoads) return false;
      const validation = this.#m.validatePolicy(doc, { locale: this.locale });
      if (!validation.ok) {
        detail = { code: "policyInvalid", errors: validation.errors, tests: validation.tests };
        throw new Error(`${url.pathname}: ${validation.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
      }
      this.#policy = frozenCopy(doc);
      this.#policyFromSrc = true;
      this.#policyLoading = false;
      return true;
    } catch (e) {
      if (load !== this.#policyLoads) return false;
      this.#policyLoading = false;
      // Never fall back to another policy: a bank's page must not show products it does not offer.
      // The user reads a message in the page's language; the developer gets every detail.
      this.#policy = undefined;
      this.#policyFailed = true;
      this.#showUnavailable();
      this.#fail(detail?.code ?? "policyUnavailable", e.message, "", detail?.errors ?? [], { visible: false });
      return true;
    }
  }

  /** No estimate can be made (the bank's policy cannot be used): say so, and show nothing old. */
  #showUnavailable() {
    this.report = null;
    this.#summary.hidden = true;
    this.#status.textContent = "";
    this.#unmarkStale();
    this.#banner.hidden = true;
    this.#questions.hidden = true;
    this.#questions.replaceChildren();
    for (const wrap of this.#fields.values()) setFieldWarnings(wrap, []);
    this.#reportHost.replaceChildren(el("p", { class: "unavailable" }, this.#texts().unavailable));
  }

  /** On start: a shared link, else a draft the user chose to keep, else the example if asked for. */
  #restoreValues() {
    const paths = new Set(this.#fieldSpecs().keys());
    const texts = this.#texts();
    const shared = readFragment(location.hash, paths);
    if (shared) {
      // The figures leave the address once read: a reload, a bookmark or the host page's own
      // scripts do not see them, and a draft the user keeps is not saved over (see #buildToolbar).
      const url = new URL(location.href);
      url.hash = "";
      history.replaceState(history.state, "", url.href.replace(/#$/, ""));
    }
    if (shared?.values) {
      this.#values = shared.values;
      this.#fromLink = true;
      this.#say(texts.linkRestored);
      return;
    }
    if (shared?.error) {
      // Refused whole: nothing changes, and the message stays (a draft is neither restored over
      // it nor saved over with an empty form).
      this.#fromLink = true;
      this.#say(texts.linkBad, "bad");
      return;
    }
    const draft = loadDraft(paths, this.#draftKey());
    if (draft) {
      this.#values = draft;
      this.#say(texts.draftRestored);
      return;
    }
    if (this.#values.size === 0 && this.hasAttribute("example")) {
      for (const [path, f] of this.#fieldSpecs()) if (f.default !== "") this.#values.set(path, f.default);
      this.#example = true;
    }
  }

  /** One draft per policy and product set: another calculator on this site keeps its own. */
  #draftKey() {
    return `${this.#policy?.id ?? "builtin"}|${this.getAttribute("products") ?? ""}`;
  }

  #say(message, kind = "") {
    this.#notice.textContent = message;
    this.#notice.className = `notice ${kind}`;
  }

  #buildToolbar() {
    const texts = this.#texts();
    const button = (text, onClick, extra = {}) => {
      const b = el("button", { type: "button", part: "button", ...extra }, text);
      b.addEventListener("click", onClick);
      return b;
    };
    const key = this.#draftKey();
    const draft = el("input", { type: "checkbox", id: "cc-save-draft" });
    draft.checked = hasDraft(key) && !this.#fromLink;
    draft.addEventListener("change", () => {
      if (draft.checked) {
        this.#fromLink = false;
        draft.checked = saveDraft(this.#values, key);
      } else {
        deleteDraft(key);
        this.#say(texts.draftDeleted);
      }
      this.#deleteDraftButton.hidden = !hasDraft(key);
    });
    this.#draftBox = draft;
    const draftLabel = el("label", { for: "cc-save-draft", class: "draft" });
    draftLabel.append(draft, document.createTextNode(` ${texts.saveDraft}`));
    this.#deleteDraftButton = button(texts.deleteDraft, () => {
      deleteDraft(key);
      draft.checked = false;
      this.#deleteDraftButton.hidden = true;
      this.#say(texts.draftDeleted);
    }, { class: "delete-draft" });
    this.#deleteDraftButton.hidden = !hasDraft(key);
    this.#toolbar.replaceChildren(
      button(texts.fillExample, () => this.fillExample(), { class: "fill-example" }),
      button(texts.clear, () => {
        this.reset();
        this.#say("");
      }, { class: "clear" }),
      button(texts.share, () => this.#share(), { class: "share" }),
      draftLabel,
      this.#deleteDraftButton,
    );
  }

  async #share() {
    const texts = this.#texts();
    const fragment = fragmentFor(this.#values);
    if (!fragment) {
      this.#say(texts.shareTooLong, "bad");
      return;
    }
    // The link is copied, never written into this page's address (where the host page's own
    // scripts could read it); it is also shown, to copy by hand where there is no clipboard.
    const url = new URL(location.href);
    url.hash = fragment;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url.href);
      copied = true;
    } catch {
      // No clipboard (an insecure origin, a refused permission).
    }
    this.#say(copied ? texts.shareDone : texts.shareManual);
    const box = el("input", { type: "text", readonly: "", class: "share-link", "aria-label": texts.share });
    box.value = url.href;
    this.#notice.append(box);
    if (!copied) box.select();
  }

  /** Which products read each input of the active policy: "used by 苏科贷、昆科贷". */
  #neededBy() {
    const texts = this.#texts();
    const byPath = new Map();
    let products = [];
    try {
      products = this.#m.policyInputs(this.#options()).filter((p) => p.kind === "product");
    } catch {
      return () => null;
    }
    const shown = this.#options().products;
    if (shown) products = products.filter((p) => shown.includes(p.id));
    for (const p of products) {
      for (const path of p.inputs) {
        if (!byPath.has(path)) byPath.set(path, []);
        byPath.get(path).push(shortName(p.name));
      }
    }
    return (path) => {
      const names = byPath.get(path);
      if (!names || products.length === 0) return null;
      const sep = this.locale === "en" ? ", " : "、";
      return `${texts.neededBy}${names.length === products.length && products.length > 1 ? texts.neededByAll : names.join(sep)}`;
    };
  }

  #buildForm() {
    // The button just pressed is rebuilt with the toolbar: give focus back to its new self.
    const focused = this.#root.activeElement;
    const again = focused && this.#toolbar.contains(focused) ? (focused.className || focused.id) : null;
    this.#buildToolbar();
    if (again) this.#toolbar.querySelector(`.${CSS.escape(again)}, #${CSS.escape(again)}`)?.focus();
    const { sections } = this.#formSections();
    const open = new Set([...this.#formHost.querySelectorAll("details[open]")].map((d) => d.dataset.section));
    const nodes = buildSections(sections, (path) => this.#values.get(path), this.#neededBy());
    for (const d of nodes) if (d.localName === "details" && open.has(d.dataset.section)) d.open = true;
    this.#formHost.replaceChildren(...nodes);
    this.#fields = new Map([...this.#formHost.querySelectorAll(".field")].map((w) => [w.dataset.path, w]));
  }

  /** Records what was typed; "" is "not given" (an unticked box too: only a yes / no answer says "no"). */
  #setValue(path, text) {
    if (text === "") this.#values.delete(path);
    else this.#values.set(path, text);
    if (this.#example) {
      this.#example = false;
      this.#banner.hidden = true;
    }
  }

  /** Shows the value of `path` in every input bound to it except `source`. */
  #syncInputs(path, source) {
    const value = this.#values.get(path) ?? "";
    for (const input of this.#root.querySelectorAll("input, select")) {
      const bound = input.name === path || input.dataset.question === path;
      if (!bound || input === source) continue;
      if (input.type === "checkbox") input.checked = value === "true";
      else input.value = value;
    }
  }

  #onInput(event) {
    const input = event.target;
    const path = input.name || input.dataset.question;
    if (!path || !this.#fieldSpecs().has(path)) return;
    performance.mark("credit-check:input");
    this.#setValue(path, input.type === "checkbox" ? (input.checked ? "true" : "") : input.value);
    this.#syncInputs(path, input);
    this.#update();
  }

  #update() {
    if (!this.#ready || !this.isConnected || this.#policyFailed || this.#policyLoading) return;
    const started = performance.now();
    // Where the reader looks, measured before anything changes (the layout is still the one on screen).
    const keep = this.#keepView();
    // The page's texts, asked of the module once per update.
    const texts = this.#texts();
    const read = this.#m.readForm(Object.fromEntries(this.#values), this.locale);
    this.#read = read;
    this.#showReadValues(read);
    if (read.errors.length) {
      this.#markStale(read.errors.length, texts);
      this.#showQuestions(texts);
      const first = read.errors[0];
      this.#fail(first.code, first.message, first.path, read.errors, { visible: false });
      return;
    }
    let report;
    try {
      report = this.#m.evaluateInto(this.#reportHost, read.profile, this.#options());
    } catch (e) {
      const problems = e.errors?.length ? e.errors : [{ code: e.code, path: e.path ?? "", message: e.message ?? String(e) }];
      const atFields = problems.filter((p) => this.#fields.has(p.path));
      if (atFields.length === 0) {
        // Not the user's figures but the policy or the options (a bank's policy object, an
        // unknown product): the user reads that no estimate is possible, the developer why.
        this.#showUnavailable();
        this.#fail(e.code ?? "error", e.message ?? String(e), e.path ?? "", problems, { visible: false });
        return;
      }
      for (const p of atFields) setFieldError(this.#fields.get(p.path), p.message);
      this.#markStale(atFields.length, texts);
      this.#fail(e.code ?? "error", e.message ?? String(e), e.path, problems, { visible: false });
      return;
    }
    this.report = report;
    this.#unmarkStale();
    this.#errorBox.hidden = true;
    this.#banner.hidden = !this.#example;
    this.#banner.textContent = texts.exampleBanner;
    if (this.#example) this.#reportHost.prepend(el("p", { class: "example-mark" }, texts.exampleReport));
    this.#showWarnings(report.warnings ?? []);
    this.#showQuestions(texts);
    this.#announce(report, texts);
    keep();
    if (this.#draftBox?.checked) saveDraft(this.#values, this.#draftKey());
    const done = performance.now();
    this.timings.lastUpdate = done - started;
    if (this.timings.firstResult === null) {
      performance.mark("credit-check:first-result");
      this.timings.firstResult = done;
    } else {
      performance.mark("credit-check:result");
    }
    this.dispatchEvent(new CustomEvent("credit-check:result", { detail: report, bubbles: true, composed: true }));
  }

  /** Each field's error and the echo of what was read ("= 2,000万"). */
  #showReadValues(read) {
    const errors = new Map(read.errors.map((e) => [e.path, e.message]));
    const echoes = new Map((read.values ?? []).map((v) => [v.path, v.display]));
    for (const [path, wrap] of this.#fields) {
      setFieldError(wrap, errors.get(path) ?? null);
      // An error inside a folded section is shown: the section opens.
      if (errors.has(path)) {
        const folded = wrap.closest("details");
        if (folded) folded.open = true;
      }
      const typed = this.#values.get(path) ?? "";
      const echo = echoes.get(path);
      // Echo only what adds something: "2000" in a 万 field → "= 2,000万", "６０" → "= 60人", not "60" → "60人".
      const plain = /^\s*\d+\s*$/.test(typed) && wrap.classList.contains("kind-count");
      setFieldEcho(wrap, echo && echo !== typed && !plain ? echo : null);
    }
  }

  /**
   * Keeps the disclosures the reader opened or closed, and what the reader is looking at, across a re-render of the
   * report: the topmost card or disclosure in view stays where it is on the screen. (The browser's
   * own scroll anchoring is off inside the element: with the form and the report side by side it
   * compensates for the wrong column.) Called before the update changes anything, so that the
   * position is read from the layout on screen; the scroll is corrected in the next frame, before
   * it is painted, when the browser lays the page out anyway (not at once, which would lay it out
   * twice). Updates before that frame keep the anchor read on the layout on screen.
   */
  #keepView() {
    const keyOf = (n) => n.dataset.key ?? n.dataset.product;
    let anchor = this.#anchorPending;
    // Nothing to keep in view, no layout read (reading scrollY lays the page out: on the first
    // update, the whole new form).
    const marked = this.#reportHost.querySelector("[data-key], [data-product]");
    if (!anchor && marked && scrollY > 0) {
      const inView = (r) => r.bottom > 0 && r.top < innerHeight;
      for (const node of this.#reportHost.querySelectorAll("[data-key], [data-product]")) {
        const r = node.getBoundingClientRect();
        if (!inView(r)) continue;
        anchor = { key: keyOf(node), top: r.top };
        break;
      }
    }
    return () => {
      for (const d of this.#reportHost.querySelectorAll("details[data-key]")) {
        const chosen = this.#toggled.get(d.dataset.key);
        if (chosen !== undefined) d.open = chosen;
      }
      if (!anchor || this.#anchorPending) return;
      this.#anchorPending = anchor;
      requestAnimationFrame(() => {
        this.#anchorPending = null;
        if (!this.isConnected) return;
        const again = [...this.#reportHost.querySelectorAll("[data-key], [data-product]")].find((n) => keyOf(n) === anchor.key);
        const moved = again ? again.getBoundingClientRect().top - anchor.top : 0;
        if (Math.abs(moved) >= 1) scrollBy(0, moved);
      });
    };
  }

  /**
   * The result no longer matches what is on screen: said once (an alert re-announces every time
   * its text is set, so only a new count is set), and the old result is neither readable by a
   * screen reader nor printed without the mark.
   */
  #markStale(count, texts = this.#texts()) {
    const text = fill(texts.stale, { n: count });
    if (this.#stale.textContent !== text || this.#stale.hidden) this.#stale.textContent = text;
    this.#stale.hidden = false;
    this.#reportHost.classList.add("stale");
    this.#reportHost.inert = true;
    this.#reportHost.setAttribute("aria-hidden", "true");
    this.#summary.textContent = text;
  }

  #unmarkStale() {
    this.#stale.hidden = true;
    this.#reportHost.classList.remove("stale");
    this.#reportHost.inert = false;
    this.#reportHost.removeAttribute("aria-hidden");
  }

  #showWarnings(warnings) {
    const byPath = new Map();
    for (const w of warnings) {
      for (const path of w.fields) {
        if (!byPath.has(path)) byPath.set(path, []);
        byPath.get(path).push(w.message);
      }
    }
    for (const [path, wrap] of this.#fields) setFieldWarnings(wrap, byPath.get(path) ?? []);
  }

  /**
   * The next few questions, at the top of the form: the inputs not yet given that matter most
   * (ranked by the core). While no line can be shown, the questions that stand between the
   * nearest product and a line come first, and their number is said.
   */
  #showQuestions(texts) {
    if (this.#questions.contains(this.#root.activeElement)) return;
    const report = this.report;
    const specs = this.#fieldSpecs();
    // A question answered with something unreadable stays, with its error, where it was typed.
    const errors = new Map((this.#read?.errors ?? []).map((e) => [e.path, e.message]));
    const questions = (report?.questions ?? []).filter((q) => specs.has(q.path) && (!this.#values.has(q.path) || errors.has(q.path)));
    if (!report || questions.length === 0) {
      this.#questions.hidden = true;
      this.#questions.replaceChildren();
      return;
    }
    texts ??= this.#texts();
    const hasLine = report.products.some((p) => p.limit);
    let picked = questions;
    let title = texts.questionsMore;
    if (!hasLine) {
      const open = report.products.filter((p) => p.status === "incomplete").map((p) => p.id);
      const needs = open
        .map((id) => questions.filter((q) => q.blocks.includes(id)))
        .filter((list) => list.length > 0)
        .sort((a, b) => a.length - b.length);
      if (needs.length) {
        const nearest = needs[0];
        picked = [...nearest, ...questions.filter((q) => !nearest.includes(q))];
        title = fill(texts.questionsLine, { n: nearest.length });
      }
    }
    const shown = picked.slice(0, 3);
    const signature = [this.locale, title, ...shown.map((q) => `${q.path}=${errors.get(q.path) ?? ""}`)].join("|");
    if (!this.#questions.hidden && this.#questions.dataset.signature === signature) return;
    this.#questions.dataset.signature = signature;
    const list = el("div", { class: "question-list" });
    for (const q of shown) {
      const f = specs.get(q.path);
      const id = `q-${q.path.replace(/[^a-zA-Z0-9]/g, "-")}`;
      const row = el("div", { class: `question kind-${f.kind}` });
      let input;
      if (f.kind === "choice") {
        input = el("select", { id, "data-question": f.path });
        input.append(el("option", { value: "" }, "—"));
        for (const c of f.choices) input.append(el("option", { value: c.value }, c.label));
      } else if (f.kind === "flag") {
        // Asked as yes / no: an unticked box could not say "no", and the question would stay.
        input = el("select", { id, "data-question": f.path });
        input.append(el("option", { value: "" }, "—"), el("option", { value: "true" }, texts.yes), el("option", { value: "false" }, texts.no));
      } else {
        input = el("input", { type: "text", id, "data-question": f.path, inputmode: "decimal", autocomplete: "off" });
      }
      input.setAttribute("part", "input");
      input.value = this.#values.get(f.path) ?? "";
      {
        row.append(el("label", { for: id }, f.label));
        const line = el("div", { class: "input-row" });
        line.append(input);
        if (f.unit) line.append(el("span", { class: "unit", id: `${id}-unit` }, f.unit));
        row.append(line);
      }
      const described = f.unit ? [`${id}-unit`] : [];
      const error = errors.get(f.path);
      if (error) {
        row.append(el("p", { class: "field-error", id: `${id}-error` }, error));
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-errormessage", `${id}-error`);
        described.unshift(`${id}-error`);
      }
      if (described.length) input.setAttribute("aria-describedby", described.join(" "));
      list.append(row);
    }
    this.#questions.replaceChildren(el("h3", { id: "cc-questions-title" }, title), list);
    this.#questions.hidden = false;
  }

  /** One short sentence for screen readers and the narrow-screen bar: "科技型中小企业 96 分，…额度 800万". */
  #announce(report, texts) {
    const parts = [];
    // The first scheme (the policy's first title, the tech-SME score in the built-in one) with a score.
    const scored = Object.values(report.assessments).find((s) => typeof s.score === "number");
    if (scored) parts.push(fill(texts.statusScore, { score: scored.score }));
    const best = report.products
      .filter((p) => p.limit)
      .sort((a, b) => Number(BigInt(b.limit.amount.split(".")[0]) - BigInt(a.limit.amount.split(".")[0])))[0];
    const amountText = best && this.#reportHost.querySelector(`[data-product="${CSS.escape(best.id)}"] .amount`)?.textContent;
    parts.push(best ? fill(texts.statusLine, { name: shortName(best.name), amount: amountText ?? best.limit.amount }) : texts.statusNone);
    const sentence = parts.join(this.locale === "en" ? "; " : "，");
    if (this.#status.textContent !== sentence) this.#status.textContent = sentence;
    this.#summary.textContent = `${sentence} ↓`;
    this.#summary.hidden = false;
  }

  /** For print: the date, and a table of what was entered (with how it was read). */
  #showPrintInputs(read) {
    const texts = this.#texts();
    const specs = this.#fieldSpecs();
    const shown = new Map((read.values ?? []).map((v) => [v.path, v.display]));
    const rows = [];
    for (const [path, raw] of this.#values) {
      const f = specs.get(path);
      if (!f) continue;
      let value = shown.get(path) ?? raw;
      if (f.kind === "choice") value = f.choices.find((c) => c.value === raw)?.label ?? raw;
      if (f.kind === "flag") value = raw === "true" ? texts.yes : texts.no;
      rows.push([f.label, value]);
    }
    const when = new Date().toLocaleString(this.locale, { dateStyle: "long", timeStyle: "short" });
    const head = el("h3", {}, texts.inputs);
    const date = el("p", { class: "generated" }, `${texts.generated}: ${when}${this.#example ? ` · ${texts.example}` : ""}`);
    if (rows.length === 0) {
      this.#printInputs.replaceChildren(head, date, el("p", {}, texts.inputsNone));
      return;
    }
    const table = el("table", { class: "inputs" });
    const tr = el("tr");
    tr.append(el("th", { scope: "col" }, texts.inputField), el("th", { scope: "col" }, texts.inputValue));
    table.append(el("thead"), el("tbody"));
    table.tHead.append(tr);
    for (const [label, value] of rows) {
      const row = el("tr");
      row.append(el("td", {}, label), el("td", {}, value));
      table.tBodies[0].append(row);
    }
    this.#printInputs.replaceChildren(head, date, table);
  }

  #fail(code, message, path = "", errors = [], { visible = true } = {}) {
    if (visible) {
      this.#errorBox.textContent = message;
      this.#errorBox.hidden = false;
    }
    this.dispatchEvent(
      new CustomEvent("credit-check:error", { detail: { code, message, path, errors }, bubbles: true, composed: true }),
    );
  }
}

if (!customElements.get("credit-check")) customElements.define("credit-check", CreditCheckElement);

/** The page's texts by key (`uiTexts` of the module the elements loaded; after `element.ready`). */
export function uiTexts(locale) {
  if (!loaded) throw new Error("credit-check: uiTexts before the module has loaded (await element.ready)");
  return loaded.uiTexts(locale);
}
