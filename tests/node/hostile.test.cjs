// What only JavaScript can send: NaN and Infinity, BigInt, Map, Date, Symbol, functions, circular
// and enormous objects, throwing getters. Each gets a typed error (or a report where the value is
// acceptable), and the module answers the next call. (JSON-expressible hostile inputs are golden
// vectors: tests/vectors/hostile.json.)
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const cc = require("../../pkg");

const worked = cc.defaultPolicy().tests[0].profile;
const stillWorks = () => assert.equal(cc.evaluate(worked).products[0].limit.amount, "8000000");

/** Expects a typed error: code (and path when given), a message, and a working module after. */
function rejects(value, code, path, options) {
  assert.throws(
    () => cc.evaluate(value, { locale: "en", ...options }),
    (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.code, code, `${e.code} at ${e.path}: ${e.message}`);
      if (path !== undefined) assert.equal(e.path, path);
      assert.ok(e.message.length > 0);
      assert.ok(!/JsValue|Function\(|Symbol\(/.test(e.message), e.message);
      assert.ok(Array.isArray(e.errors));
      return true;
    },
  );
  stillWorks();
}

const year = (revenue) => ({ financials: [{ revenue }] });

const cases = [
  ["NaN revenue", year(NaN), "notFinite", "financials[0].revenue"],
  ["Infinity revenue", year(Infinity), "notFinite", "financials[0].revenue"],
  ["-Infinity employees", { employees: -Infinity }, "notFinite", "employees"],
  ["Number.MAX_VALUE", year(Number.MAX_VALUE), "amountTooLarge", "financials[0].revenue"],
  ["BigInt revenue within range", year(3000n), undefined, undefined],
  ["BigInt beyond 64 bits (not JSON)", year(10n ** 30n), "wrongType", "financials[0].revenue"],
  ["a Date as revenue", year(new Date(0)), "wrongType", "financials[0].revenue"],
  ["a function as revenue", year(() => 1), "wrongType", "financials[0].revenue"],
  ["a Symbol as revenue", year(Symbol("x")), "wrongType", "financials[0].revenue"],
  ["a Map as ip", { ip: new Map([["classOne", 1]]) }, undefined, undefined],
  ["a Uint8Array as financials (not JSON)", { financials: new Uint8Array(4) }, "wrongType", "financials"],
  ["revenue as a boxed Number", year(new Number(5)), "wrongType", "financials[0].revenue"],
  // eslint-disable-next-line no-sparse-arrays -- a hole is exactly what this case sends
  ["a sparse financials array", { financials: [, { revenue: 1 }] }, "wrongType", "financials[0]"],
  // The value budget runs out inside the array: the error points there.
  ["300,000 entries", { financials: new Array(300000).fill(0) }, "tooLarge", "financials[199998]"],
];

for (const [name, value, code, path] of cases) {
  test(`JS value: ${name}`, () => {
    if (code === undefined) {
      // Accepted: a Map reads like an object, a BigInt that fits like a number.
      const r = cc.evaluate(value, { locale: "en" });
      assert.ok(r.assessments);
      stillWorks();
    } else {
      rejects(value, code, path);
    }
  });
}

test("a circular profile fails as too deep, not with a stack overflow", () => {
  const p = { name: "loop" };
  p.ip = p;
  rejects(p, "tooDeep", `ip${".ip".repeat(31)}`);
});

test("a getter that throws surfaces as an error, and the module keeps working", () => {
  const p = {};
  Object.defineProperty(p, "employees", { enumerable: true, get: () => { throw new Error("boom"); } });
  assert.throws(() => cc.evaluate(p));
  stillWorks();
});

test("a Proxy that lies about its keys", () => {
  const p = new Proxy({}, { ownKeys: () => ["employees"], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true, value: -1 }), get: () => -1 });
  rejects(p, "negativeAmount", "employees");
});

test("__proto__ set through JSON.parse is an unknown field, and Object.prototype stays clean", () => {
  rejects(JSON.parse('{"__proto__": {"polluted": true}}'), "unknownField", "__proto__");
  assert.equal({}.polluted, undefined);
});

test("options that are not an object, and a locale that does not exist", () => {
  assert.throws(() => cc.evaluate({}, "en"), (e) => e.code === "wrongType" && e.path === "options");
  rejects({}, "unknownLocale", "options.locale", { locale: "fr" });
});

test("a circular or NaN-carrying policy object is refused cleanly", () => {
  const circular = cc.defaultPolicy();
  circular.self = circular;
  assert.throws(() => cc.evaluate({}, { policy: circular }), (e) => e.code === "tooDeep");
  const nan = cc.defaultPolicy();
  nan.tables.tierCap.rows[0].value = NaN;
  assert.throws(() => cc.evaluate({}, { policy: nan }), (e) => e.code === "notFinite" && e.path === "options.policy.tables.tierCap.rows[0].value");
  assert.equal(cc.validatePolicy(nan).ok, false);
  stillWorks();
});

test("a policy with a 10,000-row table is refused with a limit, not evaluated", () => {
  const p = cc.defaultPolicy();
  p.tables.tierCap.rows = Array.from({ length: 10000 }, (_, i) => ({ atLeast: String(10000 - i), value: "1" }));
  const v = cc.validatePolicy(p, { locale: "en" });
  assert.equal(v.ok, false);
  assert.ok(v.errors.some((e) => e.code === "policyTooLarge" && e.path === "tables.tierCap"), JSON.stringify(v.errors.slice(0, 3)));
  stillWorks();
});

test("a policy whose arithmetic overflows gives a typed error at the step, in its product", () => {
  const p = cc.defaultPolicy();
  p.tests = [];
  p.products[0].limit.steps[0].expr = "revenue * 10000000000000000000 * 10000000000000000000";
  const r = cc.evaluate(worked, { policy: p, locale: "en" });
  assert.equal(r.products[0].status, "error");
  assert.equal(r.products[0].error.code, "overflow");
  assert.equal(r.products[0].error.path, "products[0].limit.steps[0].expr");
  assert.equal(r.products[0].error.step, "revenueBase");
  // The others are reported (one that reads its steps with step() sees them as unknown).
  assert.ok(r.products.slice(1).every((x) => !x.error && x.status !== "error"));
  stillWorks();
});

test("evaluateMany with hostile entries keeps the good ones", () => {
  const loop = {};
  loop.loop = loop;
  const out = cc.evaluateMany([worked, { employees: NaN }, worked], { detail: "summary" });
  assert.equal(out[1].error.code, "notFinite");
  assert.equal(out[1].error.index, 1);
  assert.equal(out[2].products[0].limit.amount, "8000000");
  assert.equal(cc.evaluateMany([loop])[0].error.code, "tooDeep"); // its own entry, not a throw
  stillWorks();
});

test("evaluateMany reads each profile on its own: a large batch passes, an oversized entry fails alone", () => {
  const many = Array.from({ length: 4000 }, () => worked); // ~240,000 values in all, above one input's limit
  many[7] = { financials: new Array(250000).fill(0) };
  const out = cc.evaluateMany(many, { detail: "summary" });
  assert.equal(out.length, 4000);
  assert.equal(out[7].error.code, "tooLarge");
  assert.equal(out[7].error.index, 7);
  assert.equal(out.filter((r) => r.error).length, 1);
  assert.equal(out[3999].products[0].limit.amount, "8000000");
});
