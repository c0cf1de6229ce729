// The reproducers of issue #14 ("Nothing kills the module"): each answers with a result or a
// coded error, and afterwards the module still gives the baseline report byte for byte. Also
// prints the wasm stack reached by an expression at the depth limit (a figure, not a timing).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");

// The module's memory is read (the stack is its first 1 MiB).
const { cc, memory } = require("../support/instance.cjs").loadKeepingInstance();

const STACK = 1 << 20;
/** Bytes of the wasm stack ever written (it grows down from 1 MiB into zeroed memory). */
function stackHighWater() {
  const bytes = new Uint8Array(memory().buffer, 0, STACK);
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
  const before = memory().buffer.byteLength;
  const profiles = Array.from({ length: 10000 }, (_, i) => ({ ...worked, employees: 50 + (i % 200) }));
  const list = cc.evaluateMany(profiles);
  assert.equal(list.length, 10000);
  assert.equal(list.filter((e) => e.error).length, 0);
  const after = memory().buffer.byteLength;
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

/** The error `f` throws, as `code path`, checking its message carries no JsValue internals. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e.message.length > 0 && !/JsValue|Function\(|Symbol\(/.test(e.message), e.message);
    return `${e.code} ${e.path}`;
  }
  return "no error";
}

test("JS-only errors carry their path and a plain message (issue #14, item 6)", () => {
  assert.equal(thrown(() => cc.evaluate({ financials: [{ revenue: () => 1 }] })), "wrongType financials[0].revenue");
  assert.equal(thrown(() => cc.evaluate({ ip: { classOne: Symbol("s") } })), "wrongType ip.classOne");
  assert.equal(thrown(() => cc.evaluate({ employees: 10n ** 30n })), "wrongType employees");
  const deep = {};
  let at = deep;
  for (let i = 0; i < 40; i++) at = at.x = {};
  assert.equal(thrown(() => cc.evaluate({ name: "n", ip: deep })), `tooDeep ip${".x".repeat(31)}`);
  // An over-long string inside a policy is reported at its field, under options.policy.
  const p = cc.defaultPolicy();
  p.products[2].name.en = "x".repeat(30000);
  assert.equal(thrown(() => cc.evaluate(worked, { policy: p })), "tooLarge options.policy.products[2].name.en");
  const v = cc.validatePolicy(p);
  assert.equal(`${v.errors[0].code} ${v.errors[0].path}`, "tooLarge products[2].name.en");
  aliveAndUnchanged();
});

test("a lone surrogate is invalidText at its field, not silently replaced; a real U+FFFD is kept", () => {
  assert.equal(thrown(() => cc.evaluate({ name: "ab\uD800cd" })), "invalidText name");
  assert.equal(cc.evaluate({ name: "a\uFFFDb" }).company, "a\uFFFDb");
  assert.equal(cc.evaluate({ name: "😀" }).company, "😀");
  aliveAndUnchanged();
});

test("a 100 MB name is measured before it is copied: wasm memory does not grow", () => {
  const before = memory().buffer.byteLength;
  const huge = "名".repeat(100 * 1024 * 1024 / 3);
  assert.equal(thrown(() => cc.evaluate({ name: huge })), "tooLarge name");
  const after = memory().buffer.byteLength;
  console.log(`wasm memory: ${before} bytes before a 100 MB name, ${after} after`);
  assert.ok(after < before + (4 << 20), `${before} → ${after}`);
  aliveAndUnchanged();
});

test("a product whose step divides by zero is status error; the rest of the report stands", () => {
  const p = cc.defaultPolicy();
  p.tests = [];
  p.products[1].limit.steps[0].expr = "revenue / (revenue - revenue)";
  const r = cc.evaluate(worked, { policy: p, locale: "en" });
  assert.equal(r.products[1].status, "error");
  assert.equal(r.products[1].error.code, "divisionByZero");
  assert.equal(r.products[1].error.path, "products[1].limit.steps[0].expr");
  const base = cc.evaluate(worked, { locale: "en" });
  for (const i of [0, 2, 3]) assert.deepEqual(r.products[i], base.products[i]);
  aliveAndUnchanged();
});

test("the issue's runaway policy is refused as policyTooCostly, quickly", () => {
  const p = cc.defaultPolicy();
  p.tests = [];
  p.tables.wide = { kind: "band", rows: [...Array.from({ length: 255 }, (_, i) => ({ atLeast: String((255 - i) * 1e6), value: String(i) })), { value: "0" }] };
  for (let i = 0; i < 224; i++) p.facts.push({ id: `chain${i}`, label, expr: Array(16).fill("band('wide', revenue)").join(" + ") });
  const v = cc.validatePolicy(p);
  assert.equal(v.ok, false);
  assert.equal(v.errors[0].code, "policyTooCostly");
  assert.equal(v.errors[0].path, "facts");
  assert.match(v.errors[0].message, /\d+%/);
  aliveAndUnchanged();
});

test("a deeply frozen custom policy is trusted by identity; a changed copy is read again", () => {
  const freeze = (o) => {
    for (const v of Object.values(o)) if (v && typeof v === "object") freeze(v);
    return Object.freeze(o);
  };
  const frozen = freeze(cc.defaultPolicy());
  const first = JSON.stringify(cc.evaluate(worked, { policy: frozen }));
  assert.equal(JSON.stringify(cc.evaluate(worked, { policy: frozen })), first);
  assert.equal(JSON.parse(first).products[0].limit.amount, "8000000");
  const open = cc.defaultPolicy();
  cc.evaluate(worked, { policy: open });
  open.products[0].limit.steps.push({ id: "extra2", label, expr: "1" });
  assert.ok(cc.evaluate(worked, { policy: open, locale: "en" }).products[0].limit.steps.some((s) => s.id === "extra2"));
  aliveAndUnchanged();
});
