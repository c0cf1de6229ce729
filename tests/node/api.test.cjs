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
