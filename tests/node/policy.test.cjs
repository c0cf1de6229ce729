// Policies under Node: the built-in one validates with its embedded tests, so does the 2022 ladder
// document (and evaluate reads its tiers), a bank's numbers change results with no rebuild, and
// every invalid policy of the catalogue gives its errors.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const path = require("node:path");
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

test("the 2022 ladder document validates with its tests, and evaluate with it gives the 2022 tiers", () => {
  const doc = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "www", "policies", "ladder-2022.json"), "utf8"));
  const v = cc.validatePolicy(doc, { locale: "en" });
  assert.equal(v.ok, true, JSON.stringify(v.errors));
  assert.deepEqual([v.errors, v.warnings], [[], []]);
  assert.deepEqual(v.tests, { passed: doc.tests.length, failed: 0 });
  // domain.md §6.10's firm with the 2022 inputs: three years of main-business revenue, net profit
  // 10%, 16 R&D staff of 80, a provincial R&D institution, digital level 3, two quality items.
  const firm = cc.defaultPolicy().tests.at(-1).profile;
  firm.financials[0].netProfit = "300万";
  firm.financials[1] = { revenue: "2600万", mainBusinessRevenue: "2500万", rdExpense: "150万" };
  firm.financials[2] = { revenue: "2200万", mainBusinessRevenue: "2000万" };
  Object.assign(firm, {
    niche: { years: 4, share: "0.12", nationalRank: 2, recognised: true },
    chainRole: "keyLink", rdStaff: 16, rdInstitutionLevel: "provincial", digitalLevel: 3, qualityItems: 2,
  });
  const status = (report) => Object.fromEntries(["innovativeSme", "specializedSme", "littleGiant"].map((id) => [id, report.assessments[id].status]));
  const r = cc.evaluate(firm, { policy: doc, locale: "en" });
  assert.deepEqual(status(r), { innovativeSme: "qualified", specializedSme: "qualified", littleGiant: "notQualified" });
  const zjtx = r.assessments.specializedSme;
  assert.deepEqual([zjtx.route, zjtx.held, zjtx.score], ["score", false, { min: 72, max: 83 }]); // the self-rating and the field count as ranges
  const { basis, min, max, of } = zjtx.indicators.find((i) => i.id === "featureSelfRating");
  assert.deepEqual({ basis, min, max, of }, { basis: "unknown", min: 0, max: 9, of: 9 });
  assert.ok(zjtx.hints.length > 0 && zjtx.hints.every((h) => h.field === "statuses.specializedSme"));
  assert.equal(r.assessments.littleGiant.checks.find((c) => c.id === "rdIntensity").status, "fail");
  assert.equal(r.products[0].limit.amount, "8000000"); // the products are the built-in's
  // Self-rated 9 of 9 and no key chain link: exact.
  const rated = cc.evaluate({ ...firm, featureSelfRating: 9, chainRole: "none" }, { policy: doc, locale: "en" });
  assert.deepEqual(rated.assessments.specializedSme.score, { min: 78, max: 78 });
  // The same firm under the built-in policy's 2026 tiers: 专精特新 waits on its platform score.
  assert.deepEqual(status(cc.evaluate(firm, { locale: "en" })), { innovativeSme: "qualified", specializedSme: "incomplete", littleGiant: "notQualified" });
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
