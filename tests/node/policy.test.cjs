// Policies under Node: the built-in one validates with its embedded tests, a bank's numbers
// change results with no rebuild, and every invalid policy of the catalogue gives its errors.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const cc = require("../../pkg");
const invalid = require("../vectors/policies/invalid.json");

/** Applies `{op: "set"|"remove", path: "/json/pointer", value}` (the Rust twin: tests/policy_errors.rs). */
function patch(doc, ops) {
  for (const op of ops) {
    const keys = op.path.split("/").slice(1);
    const last = keys.pop();
    // A segment that is not an index names an array's element by its id (/schemes/techSme/…).
    const parent = keys.reduce((o, k) => (Array.isArray(o) && !/^\d+$/.test(k) ? o.find((x) => x.id === k) : o[k]), doc);
    if (op.op === "set") parent[last] = op.value;
    else if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  }
  return doc;
}

test("validatePolicy(defaultPolicy()) is ok and its embedded tests pass", () => {
  const v = cc.validatePolicy(cc.defaultPolicy());
  assert.equal(v.ok, true, JSON.stringify(v.errors));
  assert.ok(v.tests.passed >= 7);
  assert.equal(v.tests.failed, 0);
});

test("a bank's policy with other numbers changes the line, with no rebuild", () => {
  const policy = cc.defaultPolicy();
  const worked = policy.tests[0].profile;
  policy.tables.tierCap.rows[1].value = "800万";
  policy.id = "bank-of-example";
  const report = cc.evaluate(worked, { policy, locale: "en" });
  assert.equal(report.policy.id, "bank-of-example");
  assert.equal(report.products[0].limit.amount, "6000000"); // 800万 − 200万
  assert.equal(cc.evaluate(worked).products[0].limit.amount, "8000000");
});

test("an invalid policy passed to evaluate throws with the path inside options.policy", () => {
  const policy = patch(cc.defaultPolicy(), [{ op: "set", path: "/knockouts/0/pass", value: "not nope" }]);
  assert.throws(
    () => cc.evaluate({}, { policy, locale: "en" }),
    (e) => e.code === "unknownFact" && e.path === "options.policy.knockouts[0].pass",
  );
});

for (const c of invalid.cases) {
  test(`invalid policy: ${c.name}`, () => {
    const v = cc.validatePolicy(patch(cc.defaultPolicy(), c.patch), { locale: "en" });
    assert.equal(v.ok, c.errors.length === 0);
    const pairs = (list) => list.map((e) => `${e.code} ${e.path}`).sort();
    assert.deepEqual(pairs(v.errors), pairs(c.errors));
    if (c.warnings) assert.deepEqual(pairs(v.warnings), pairs(c.warnings));
    for (const e of [...v.errors, ...v.warnings]) assert.ok(e.message.length > 0 && !/JsValue/.test(e.message));
  });
}

test("the schemas are JSON Schema documents", () => {
  assert.equal(cc.profileSchema().additionalProperties, false);
  assert.ok(cc.policySchema().properties.products);
});
