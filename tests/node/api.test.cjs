// The package loads synchronously under Node and answers the worked example of domain.md §6.8.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const cc = require("../../pkg");
const { loadVectors } = require("../support/vectors.cjs");

const worked = loadVectors().find((c) => c.name.startsWith("worked example")).profile;

test("require works with no init and the worked example scores 96", () => {
  const report = cc.evaluate(worked, { locale: "en" });
  assert.equal(report.assessments.techSme.score, 96);
  assert.equal(report.assessments.techSme.status, "qualified");
  const a = report.products.find((p) => p.id === "reference-pure-credit");
  assert.equal(a.limit.amount, "8000000");
});

test("a bad profile throws a typed error and the module keeps working", () => {
  assert.throws(
    () => cc.evaluate({ financials: [{ revenue: -5 }] }, { locale: "en" }),
    (e) => e.code === "negativeAmount" && e.path === "financials[0].revenue" && /negative/.test(e.message),
  );
  assert.throws(
    () => cc.evaluate({ employees: "many" }, { locale: "zh-CN" }),
    (e) => e.code === "malformedAmount" && e.path === "employees" && /格式/.test(e.message),
  );
  assert.equal(cc.evaluate(worked).assessments.techSme.score, 96);
});

test("version is the crate version", () => {
  assert.match(cc.version(), /^\d+\.\d+\.\d+$/);
});

test("decimals cross the boundary as strings, exactly", () => {
  const report = cc.evaluate(
    { ...worked, financials: [{ ...worked.financials[0], revenue: "12345678.91", taxPaid: 0.1 }] },
    { locale: "en" },
  );
  const steps = report.products[0].limit?.steps ?? [];
  const revenueBase = steps.find((s) => s.id === "revenueBase");
  assert.equal(revenueBase.value, "1851851.8365"); // 12345678.91 × 15%, no float in between
  for (const s of steps) assert.equal(typeof s.value, "string");
  assert.equal(typeof report.products[0].limit.amount, "string");
  assert.equal(report.assessments.techSme.indicators[0].value, "0.25");
  assert.equal(typeof report.assessments.techSme.score, "number");
  // A JS number such as 0.1 is read by its shortest text, so 0.1 × 8 is exactly 0.8.
  assert.equal(steps.find((s) => s.id === "taxBase").value, "0.8");
});

test("summary reports keep statuses, scores and lines and drop the detail", () => {
  const r = cc.evaluate(worked, { detail: "summary" });
  const a = r.products[0];
  assert.equal(a.limit.amount, "8000000");
  for (const key of ["checks", "reasons", "hints"]) assert.equal(key in a, false, key);
  assert.equal("steps" in a.limit, false);
  assert.equal("checks" in r.assessments.techSme, false);
  assert.equal(r.assessments.techSme.score, 96);
});
