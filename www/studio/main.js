// The policy studio: the editor, its problems, the policy's tests, the trace of one evaluation,
// the widget's preview, the impact on a portfolio and the diff from the baseline. Everything runs
// here and in a same-origin worker; nothing is sent or stored.
import init, { validatePolicy, defaultPolicy, evaluate, explain, sampleProfiles } from "../pkg/credit_check.js";
import "../credit-check.js";
import { createEditor } from "./editor.bundle.js";
import { el } from "./dom.js";
import { t, setLocale, getLocale } from "./texts.js";
import { runTests, expectationOf } from "./tests.js";
import { renderTrace } from "./trace.js";
import { setUpImpact } from "./impact.js";
import { describe } from "./diff.js";

const $ = (s) => document.querySelector(s);

// The documents the "open" menu offers (each also an <option> of #open in studio.html).
const BUNDLED = {
  builtin: { label: "openBuiltin" },
  example: { label: "openExample", url: "../policies/example-bank.json" },
  ladder: { label: "openLadder", url: "../policies/ladder-2022.json" },
};

const state = { baseline: null, baselineName: "", draft: null, valid: null, tests: [], problems: [] };
let editor;

function debounce(fn, ms) {
  let timer;
  return (...a) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...a), ms);
  };
}

/** Every name the document defines or its expressions use, for completion. */
function names() {
  const doc = state.draft ?? state.baseline ?? {};
  const out = new Map();
  const add = (label, type, detail) => out.has(label) || out.set(label, { label, type, detail });
  for (const f of doc.facts ?? []) add(f.id, "variable", "fact");
  for (const k of Object.keys(doc.tables ?? {})) add(k, "constant", "table");
  for (const id of Object.keys(doc.schemes ?? {})) add(id, "namespace", "scheme");
  for (const p of doc.products ?? []) for (const s of p.limit?.steps ?? []) add(s.id, "property", `step of ${p.id}`);
  const text = JSON.stringify(doc.knockouts ?? []) + JSON.stringify(doc.products ?? []) + JSON.stringify(doc.schemes ?? {}) + JSON.stringify(doc.facts ?? []);
  for (const m of text.matchAll(/"(?:pass|expr|actual|certified)":"((?:[^"\\]|\\.)*)"/g)) {
    for (const w of m[1].matchAll(/[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/g)) if (!/^(and|or|not|true|false)$/.test(w[0])) add(w[0], "variable", "fact");
  }
  return [...out.values()];
}

function showProblems(problems) {
  state.problems = problems;
  editor.setProblems(problems);
  const list = $("#problems ul");
  $("#problems .none").hidden = problems.length > 0;
  list.replaceChildren(
    ...problems.map((p) =>
      el(
        "li",
        { class: "problem", "data-code": p.code, "data-path": p.path },
        el("button", { type: "button", onclick: () => (p.from !== undefined ? editor.view.dispatch({ selection: { anchor: p.from } }) : editor.jumpTo(p.path)) }, el("code", {}, p.code), " ", el("span", { class: "path" }, p.path || "/")),
        el("span", { class: "message" }, " ", p.message),
        p.hint ? el("div", { class: "hint" }, p.hint) : null,
      ),
    ),
  );
}

function showTests(results) {
  const passed = results.filter((r) => r.ok).length;
  $("#tests .summary").textContent = t("testsSummary", { passed, failed: results.length - passed });
  const show = (v) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  $("#tests ol").replaceChildren(
    ...results.map((r) =>
      el(
        "li",
        { class: r.ok ? "ok" : "failed", "data-test": r.index },
        el("span", { class: `status ${r.ok ? "pass" : "fail"}` }, t(r.ok ? "pass" : "fail")),
        " ",
        r.name,
        r.ok
          ? null
          : el(
              "table",
              { class: "diff" },
              el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("path")), el("th", { scope: "col" }, t("expected")), el("th", { scope: "col" }, t("actual")))),
              el("tbody", {}, r.problems.map((d) => el("tr", {}, el("td", {}, el("code", {}, d.path)), el("td", { class: "expected" }, show(d.expected)), el("td", { class: "actual" }, show(d.actual))))),
            ),
      ),
    ),
  );
}

function showDiff() {
  const groups = state.draft ? describe(state.baseline, state.draft) : {};
  const host = $("#diff .body");
  $("#diff .baseline").textContent = t("baseline", { name: state.baselineName });
  const keys = Object.keys(groups);
  if (!keys.length) return host.replaceChildren(el("p", {}, t("diffNone")));
  host.replaceChildren(...keys.map((k) => el("section", { "data-group": k }, el("h3", {}, t(k)), el("ul", {}, groups[k].map((s) => el("li", {}, s))))));
}

function readProfile() {
  try {
    return JSON.parse($("#profile").value);
  } catch {
    return undefined;
  }
}

function showTrace() {
  const host = $("#trace .body");
  const profile = readProfile();
  if (profile === undefined) return host.replaceChildren(el("p", { class: "error" }, t("badProfile")));
  if (!state.valid) return;
  try {
    renderTrace(host, explain(profile, { policy: state.valid, locale: getLocale() }), (p) => editor.jumpTo(p));
  } catch (e) {
    host.replaceChildren(el("p", { class: "error" }, `${e.code ?? ""} ${e.path ?? ""}: ${e.message}`));
  }
}

function check(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const at = Number(/position (\d+)/.exec(e.message)?.[1] ?? 0);
    showProblems([{ code: "invalidJson", path: "", from: at, to: at + 1, message: `${t("jsonError")}: ${e.message}` }]);
    $("#preview .stale").hidden = false;
    return;
  }
  state.draft = doc;
  const v = validatePolicy(doc, { locale: getLocale() });
  showProblems(v.errors);
  const compiles = v.errors.every((e) => e.code === "embeddedTestFailed");
  $("#preview .stale").hidden = compiles;
  $("#tests .wait").hidden = compiles;
  if (compiles) {
    state.valid = doc;
    showTests(runTests(doc, evaluate));
    $("#preview credit-check").policy = doc;
    showTrace();
  }
  showDiff();
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
}

async function open(which, file) {
  let doc;
  let name;
  if (file) {
    name = file.name;
    doc = await file.text();
  } else {
    const b = BUNDLED[which];
    name = t(b.label);
    doc = b.url ? await b.text : JSON.stringify(defaultPolicy(), null, 2); // the built-in text is minified: shown indented
  }
  try {
    state.baseline = JSON.parse(doc);
  } catch {
    state.baseline = {};
  }
  state.baselineName = name;
  editor.setText(doc);
}

function save() {
  const text = editor.text();
  let id = "policy";
  try {
    id = JSON.parse(text).id || id;
  } catch {
    /* saved as typed, under a plain name */
  }
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: `${id}.json` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// The last "test added" message, kept as a text key so that it follows a change of language.
let addedMessage = null;

function showAdded() {
  $("#tests .added").textContent = addedMessage ? t(addedMessage.key, addedMessage.args) : "";
}

function addTest() {
  const preview = $("#preview credit-check");
  const profile = preview.profile;
  if (!profile || !preview.report) {
    addedMessage = { key: "noPreview", args: {} };
    showAdded();
    return;
  }
  const name = `studio: ${profile.name || "firm"} (${new Date().toISOString().slice(0, 10)})`;
  editor.appendTo("tests", { name, profile, expect: expectationOf(preview.report) });
  addedMessage = { key: "addedTest", args: { name } };
  showAdded();
}

function applyTexts() {
  document.documentElement.lang = getLocale();
  for (const n of document.querySelectorAll("[data-t]")) n.textContent = t(n.dataset.t);
  document.title = `${t("title")} · credit-check`;
  $("#preview credit-check").setAttribute("lang", getLocale());
  showAdded();
}

async function main() {
  await init();
  for (const b of Object.values(BUNDLED)) if (b.url) b.text = fetch(new URL(b.url, import.meta.url)).then((r) => r.text());
  applyTexts();
  const later = debounce(check, 250);
  editor = createEditor($("#editor"), { doc: "", onChange: later, names, label: t("editorLabel") });
  $("#open").addEventListener("change", (e) => {
    const v = e.target.value;
    e.target.value = "";
    if (v === "file") $("#file").click();
    else if (v) open(v);
  });
  $("#file").addEventListener("change", (e) => e.target.files[0] && open(null, e.target.files[0]));
  $("#save").addEventListener("click", save);
  $("#add-test").addEventListener("click", addTest);
  $("#profile").addEventListener("input", debounce(showTrace, 250));
  $("#from-preview").addEventListener("click", () => {
    const p = $("#preview credit-check").profile;
    if (p) $("#profile").value = JSON.stringify(p, null, 2);
    showTrace();
  });
  $("#lang").addEventListener("click", () => {
    setLocale(getLocale() === "en" ? "zh-CN" : "en");
    applyTexts();
    check(editor.text());
    showTrace();
  });
  const impact = setUpImpact({
    root: $("#impact"),
    sample: (n, seed) => sampleProfiles(n, seed),
    policies: () => ({ baseline: state.baseline, draft: state.valid && state.valid === state.draft ? state.valid : null }),
    products: () => (state.valid?.products ?? []).map((p) => ({ id: p.id, name: p.name?.[getLocale()] ?? p.id })),
    onPick: (i) => {
      $("#profile").value = JSON.stringify(impact.profile(i), null, 2);
      showTrace();
      $("#trace").scrollIntoView();
    },
  });
  const example = defaultPolicy().tests?.[0]?.profile ?? {};
  $("#profile").value = JSON.stringify(example, null, 2);
  await open("builtin");
  check(editor.text());
  window.studio = { editor, state };
  document.documentElement.dataset.ready = "true";
}

main();
