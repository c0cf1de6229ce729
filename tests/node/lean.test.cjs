// The widget's lean module (pkg/web/lean/: the built-in policy precompiled, the element's
// functions) answers byte for byte as the full module does: every golden vector's profile in
// both languages and both details, and the form's functions. It refuses a bank's policy (the
// element loads the full module for that), has none of the full module's other functions, and
// stays within its size budget.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const { gzipSync } = require("node:zlib");
const path = require("node:path");
const full = require("../../pkg");
const { loadVectors } = require("../support/vectors.cjs");

const dir = path.join(__dirname, "..", "..", "pkg", "web", "lean");
const wasm = readFileSync(path.join(dir, "credit_check_bg.wasm"));
// The module's English texts are a file beside it, which the element fetches on a switch to English.
const english = readFileSync(path.join(dir, "texts.en.bin"));
const loading = import(path.join(dir, "credit_check.js")).then((lean) => {
  lean.initSync({ module: wasm });
  lean.useTexts(english);
  return lean;
});

/** What a call gives, as text: the result's JSON, or the error's code, path, message and list. */
function outcome(fn) {
  try {
    return JSON.stringify(fn());
  } catch (e) {
    return `error ${JSON.stringify({ code: e.code, path: e.path, message: e.message, errors: e.errors })}`;
  }
}

test("lean and full modules give byte-identical reports for every vector's profile", async (t) => {
  const lean = await loading;
  let compared = 0;
  for (const c of loadVectors()) {
    for (const extra of [{}, { locale: "zh-CN" }, { detail: "summary" }]) {
      const options = { locale: "en", ...(c.options || {}), ...extra };
      const a = outcome(() => full.evaluate(c.profile, options));
      const b = outcome(() => lean.evaluate(c.profile, options));
      assert.equal(b, a, `${c.file}: ${c.name} ${JSON.stringify(extra)}`);
      compared += 1;
    }
  }
  t.diagnostic(`${compared} reports compared byte for byte`);
});

test("the lean module answers in Chinese at first, and in English only once given its English texts", async () => {
  // A second instance of the module (its own memory), before any English texts.
  const { pathToFileURL } = require("node:url");
  const fresh = await import(`${pathToFileURL(path.join(dir, "credit_check.js")).href}?fresh`);
  fresh.initSync({ module: wasm });
  const c = loadVectors()[0];
  assert.equal(outcome(() => fresh.evaluate(c.profile, { locale: "zh-CN" })), outcome(() => full.evaluate(c.profile, { locale: "zh-CN" })));
  assert.equal(outcome(() => fresh.formSpec("zh-CN")), outcome(() => full.formSpec("zh-CN")));
  for (const call of [
    () => fresh.evaluate(c.profile, { locale: "en" }),
    () => fresh.formSpec("en"),
    () => fresh.uiTexts("en"),
    () => fresh.readForm({}, "en"),
    () => fresh.policyInputs({ locale: "en" }),
  ]) {
    assert.throws(call, (e) => e.code === "localeNotLoaded");
  }
  assert.throws(() => fresh.useTexts(english.subarray(0, english.length - 1)));
  fresh.useTexts(english);
  assert.equal(outcome(() => fresh.evaluate(c.profile, { locale: "en" })), outcome(() => full.evaluate(c.profile, { locale: "en" })));
  assert.equal(outcome(() => fresh.formSpec("en")), outcome(() => full.formSpec("en")));
  // Chinese answers are unchanged by it.
  assert.equal(outcome(() => fresh.evaluate(c.profile, { locale: "zh-CN" })), outcome(() => full.evaluate(c.profile, { locale: "zh-CN" })));
});

test("lean and full modules give the same form, texts, inputs and amounts", async () => {
  const lean = await loading;
  const typed = { employees: "60人", "financials[0].revenue": "0.3亿", techStaff: "x", "statuses.highTechEnterprise": true };
  for (const locale of ["zh-CN", "en", undefined]) {
    assert.equal(outcome(() => lean.formSpec(locale)), outcome(() => full.formSpec(locale)), `formSpec ${locale}`);
    assert.equal(outcome(() => lean.uiTexts(locale)), outcome(() => full.uiTexts(locale)), `uiTexts ${locale}`);
    assert.equal(outcome(() => lean.readForm(typed, locale)), outcome(() => full.readForm(typed, locale)), `readForm ${locale}`);
    const options = { locale, products: ["reference-pure-credit"] };
    assert.equal(outcome(() => lean.policyInputs(options)), outcome(() => full.policyInputs(options)), `policyInputs ${locale}`);
    for (const yuan of ["8000000", "12345.6", "x"]) {
      assert.equal(lean.formatAmount(yuan, locale), full.formatAmount(yuan, locale));
    }
  }
  assert.equal(lean.version(), full.version());
  // Bad options are the same errors.
  for (const options of [{ locale: "fr" }, { products: ["nope"] }, { detail: 3 }, { colour: "red" }]) {
    assert.equal(outcome(() => lean.evaluate({}, options)), outcome(() => full.evaluate({}, options)), JSON.stringify(options));
  }
});

test("the lean module refuses a bank's policy and has only the element's functions", async () => {
  const lean = await loading;
  const policy = full.defaultPolicy();
  for (const call of [
    () => lean.evaluate({}, { policy }),
    () => lean.formSpec("en", { policy }),
    () => lean.policyInputs({ policy }),
    () => lean.evaluate({}, { policy: "text" }),
  ]) {
    assert.throws(call, (e) => e.code === "unknownField" && e.path === "options.policy");
  }
  // A policy left out (undefined, null) is the built-in one.
  assert.equal(outcome(() => lean.evaluate({}, { policy: null })), outcome(() => full.evaluate({})));
  for (const name of ["validatePolicy", "defaultPolicy", "evaluateMany", "explain", "sampleProfiles", "profileSchema", "policySchema"]) {
    assert.equal(typeof lean[name], "undefined", name);
    assert.equal(typeof full[name], "function", name);
  }
});

// A budget, not the target (150 KB, printed by `make bench`): it keeps the lean module from
// quietly taking in the policy reader or the compiler again (some 40 KB gzip each). zlib level 9
// bytes; the module measured 228,000 when it was first set at 250,000, and 196,000 (211,000 built
// without -Z build-std) when it was lowered to 220,000; 176,000 when it was lowered to 200,000, with
// the English texts apart and wasm-opt's one-caller inlining limited (scripts/build.sh).
const LEAN_BUDGET = 200_000;

test(`the lean module is within its budget (${LEAN_BUDGET} bytes gzip) and smaller than the full one`, (t) => {
  const lean = gzipSync(wasm, { level: 9 }).length;
  const whole = gzipSync(readFileSync(path.join(__dirname, "..", "..", "pkg", "web", "credit_check_bg.wasm")), { level: 9 }).length;
  t.diagnostic(`lean ${lean} bytes gzip (zlib), full ${whole}`);
  assert.ok(lean <= LEAN_BUDGET, `${lean} bytes`);
  assert.ok(lean < whole);
});
