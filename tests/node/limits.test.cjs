// The reproducers of issue #14 ("Nothing kills the module"): each answers with a result or a
// coded error, and afterwards the module still gives the baseline report byte for byte. Also
// prints the wasm stack reached by an expression at the depth limit (a figure, not a timing).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");

// Keep the instance the glue creates, to read its memory (the stack is its first 1 MiB).
let instance;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  instance = new Instance(module, imports);
  return instance;
};
const cc = require("../../pkg");
WebAssembly.Instance = Instance;

const STACK = 1 << 20;
/** Bytes of the wasm stack ever written (it grows down from 1 MiB into zeroed memory). */
function stackHighWater() {
  const bytes = new Uint8Array(instance.exports.memory.buffer, 0, STACK);
  const lowest = bytes.findIndex((b) => b !== 0);
  return lowest < 0 ? 0 : STACK - lowest;
}

const worked = cc.defaultPolicy().tests[0].profile;
const baseline = JSON.stringify(cc.evaluate(worked));
function aliveAndUnchanged() {
  assert.equal(cc.version().length > 0, true);
  assert.equal(JSON.stringify(cc.evaluate(worked)), baseline);
}

const label = { "zh-CN": "深", en: "deep" };
function policyWith(expr, condition) {
  const p = cc.defaultPolicy();
  p.tests = [];
  if (condition) p.knockouts.push({ id: "deep", label, pass: expr });
  else p.products[0].limit.steps.unshift({ id: "deep", label, expr });
  return p;
}

test("the flat 1,950-term fact of the issue is refused by validatePolicy and evaluate, and the module lives", () => {
  const p = cc.defaultPolicy();
  p.tests = [];
  p.facts.push({ id: "deep", label: { "zh-CN": "d", en: "d" }, expr: "1" + "+1".repeat(1949) });
  const v = cc.validatePolicy(p);
  assert.equal(v.ok, false);
  assert.equal(v.errors[0].code, "expressionTooDeep");
  assert.match(v.errors[0].path, /^facts\[\d+\]/);
  assert.throws(
    () => cc.evaluate({}, { policy: p }),
    (e) => e.code === "expressionTooDeep" && /^options\.policy\.facts\[\d+\]/.test(e.path),
  );
  aliveAndUnchanged();
});

const DEPTH = 40;
const FAILING = "revenue >= 5000万";
const rep = (s, n) => s.repeat(n - 1);
const shapes = [
  ["a + chain", (n) => "revenue" + rep(" + 1", n), false],
  ["a * chain", (n) => "revenue" + rep(" * 1", n), false],
  ["minus signs", (n) => rep("-", n) + "revenue", false],
  ["nested min()", (n) => rep("min(", n) + "revenue" + rep(", 1)", n), false],
  ["an and chain", (n) => FAILING + rep(" and " + FAILING, n - 1), true],
  ["an or chain", (n) => FAILING + rep(" or " + FAILING, n - 1), true],
  ["nested not", (n) => rep("not ", n - 1) + `(${FAILING})`, true],
];

for (const [name, shape, condition] of shapes) {
  test(`${name}: evaluated at depth ${DEPTH}, refused beyond it (also 2,000 deep), module alive`, () => {
    const at = policyWith(shape(DEPTH), condition);
    assert.equal(cc.validatePolicy(at).ok, true);
    const report = cc.evaluate(worked, { policy: at, locale: "en" });
    assert.equal(report.products.length, 4);
    for (const n of [DEPTH + 1, 2000]) {
      const text = shape(n);
      if (text.length > 4000) continue;
      const beyond = policyWith(text, condition);
      const v = cc.validatePolicy(beyond);
      assert.equal(v.ok, false);
      assert.equal(v.errors[0].code, "expressionTooDeep", `${name} at ${n}`);
      assert.throws(() => cc.evaluate(worked, { policy: beyond }), (e) => e.code === "expressionTooDeep");
    }
    aliveAndUnchanged();
  });
}

test("figure: the wasm stack reached at the depth limit", () => {
  for (const [, shape, condition] of shapes) {
    cc.evaluate(worked, { policy: policyWith(shape(DEPTH), condition) });
  }
  const used = stackHighWater();
  console.log(`wasm stack high-water after every shape at depth ${DEPTH}: ${used} bytes of ${STACK}`);
  assert.ok(used < STACK / 4, `${used} bytes`);
});

test("memory: 10,000 full reports through evaluateMany leave wasm memory where it was", () => {
  cc.evaluateMany([worked]);
  const before = instance.exports.memory.buffer.byteLength;
  const profiles = Array.from({ length: 10000 }, (_, i) => ({ ...worked, employees: 50 + (i % 200) }));
  const list = cc.evaluateMany(profiles);
  assert.equal(list.length, 10000);
  assert.equal(list.filter((e) => e.error).length, 0);
  const after = instance.exports.memory.buffer.byteLength;
  console.log(`wasm memory: ${before} bytes before, ${after} after 10,000 full reports through evaluateMany`);
  // Each report is converted as it is made: memory does not grow with the number of profiles.
  assert.ok(after <= before + (1 << 20), `${before} → ${after}`);
  aliveAndUnchanged();
});

test("a custom policy object is reused by identity and content, and read again when changed in place", () => {
  const p = cc.defaultPolicy();
  const first = cc.evaluate(worked, { policy: p });
  assert.equal(JSON.stringify(cc.evaluate(worked, { policy: p })), JSON.stringify(first));
  p.products[0].limit.steps.push({ id: "extra", label, expr: "1" });
  const changed = cc.evaluate(worked, { policy: p, locale: "en" });
  assert.ok(changed.products[0].limit.steps.some((s) => s.id === "extra"));
  p.effective = "2026-02-31";
  assert.throws(() => cc.evaluate(worked, { policy: p }), (e) => e.code === "invalidDate" && e.path === "options.policy.effective");
  aliveAndUnchanged();
});

test("numbers: too many digits is tooPrecise, above 10^15 amountTooLarge, 10^-28 accepted", () => {
  const at = (revenue) => {
    try {
      cc.evaluate({ financials: [{ revenue }] });
      return "ok";
    } catch (e) {
      return `${e.code} ${e.path}`;
    }
  };
  assert.equal(at("123456789012345.12345678901234567890"), "tooPrecise financials[0].revenue");
  assert.equal(at("1000000000000000.00000000000000000001"), "amountTooLarge financials[0].revenue");
  assert.equal(at("0.0000000000000000000000000001"), "ok");
  aliveAndUnchanged();
});
