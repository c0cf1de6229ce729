// Batch screening from Node: which of these companies can expect a pure-credit line, and how much?
// Run from the repository root after `make build`:  node tests/example/screen.cjs
// (Installed from npm, write require("credit-check") instead of the path.)
"use strict";
const { evaluateMany } = require("../../pkg");

const companies = [
  {
    name: "云创大数据", province: "jiangsu", city: "nanjing", resident: true, yearsOperating: 5,
    employees: 80, techStaff: 20,
    financials: [{ revenue: "3000万", rdExpense: "180万", costsAndExpenses: "2500万",
      totalAssets: "4000万", totalLiabilities: "2500万", taxPaid: "120万" }],
    ip: { classOne: 2, classTwo: 5 }, statuses: { highTechEnterprise: true },
    talent: "provincial", tax: { grade: "A" }, debt: { unsecured: "200万" },
  },
  {
    name: "昆山精密", province: "jiangsu", city: "kunshan", resident: true, yearsOperating: 3,
    employees: 40, techStaff: 9,
    financials: [{ revenue: "1500万", rdExpense: "60万", costsAndExpenses: "1300万",
      totalAssets: "1200万", totalLiabilities: "800万", taxPaid: "40万" }],
    ip: { classTwo: 3 }, tax: { grade: "B" },
  },
  { name: "typo", employees: -3 },
];

const results = evaluateMany(companies, { locale: "en", detail: "summary" });
results.forEach((r, i) => {
  const name = companies[i].name;
  if (r.error) {
    console.log(`${name}: input error ${r.error.code} at ${r.error.path}: ${r.error.message}`);
    return;
  }
  const best = r.products
    .filter((p) => p.limit)
    .sort((a, b) => Number(b.limit.amount) - Number(a.limit.amount))[0];
  const sme = r.assessments.techSme;
  console.log(
    `${name}: tech SME ${sme.status} (${sme.score ?? "?"} pts), high-tech ${r.assessments.highTech.status}, ` +
      (best ? `best line ${Number(best.limit.amount) / 10000}万 from ${best.id}` : "no line yet"),
  );
});
module.exports = { results };
