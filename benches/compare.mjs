// `make bench`: credit-check side by side with json-rules-engine 7 and GoRules ZEN (native addon)
// on the same eligibility rules (knock-outs K1–K8 and the reference product's qualification) over
// the same 10,000 seeded profiles. First every engine must agree on every profile; then each is
// timed and the ratios printed. Finally the size budget is checked.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cc = require(path.join(root, "pkg"));
const { Engine } = require("json-rules-engine");
const { ZenEngine, evaluateExpressionSync } = require("@gorules/zen-engine");

const COUNT = Number(process.env.BENCH_COUNT ?? 10000);
const SEED = 2026;

// 1. The profiles: seeded, from the native generator (the same one the Rust tests use).
const bin = path.join(process.env.CARGO_TARGET_DIR || path.join(root, "target"), "release", "credit-check");
const profiles = execFileSync(bin, ["generate", "--count", String(COUNT), "--seed", String(SEED)], {
  encoding: "utf8",
  maxBuffer: 1 << 30,
})
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));

// 2. Facts for the peers, computed once outside the timing (the peers get them for free; credit-check
//    derives its own from the raw profile inside every call). The qualification needs the tech-SME
//    assessment, which only credit-check computes: the peers get its result as a fact.
const summaries = cc.evaluateMany(profiles, { detail: "summary", locale: "en" });
const facts = profiles.map((p, i) => {
  const y = p.financials[0];
  const s = p.statuses;
  const techSme = summaries[i].assessments.techSme.status === "qualified" || s.techSmeRegistered;
  return {
    dishonestDebtor: p.credit.dishonestDebtor,
    abnormalOperations: p.credit.abnormalOperations,
    seriousIllegal: p.credit.seriousIllegal,
    overdueNow: p.credit.overdueNow,
    overdue90In24m: p.credit.overdue90In24m,
    overdueEvents: p.credit.overdueEventsIn24m,
    taxGrade: p.tax.grade,
    arrears: p.tax.arrears,
    majorIncident: p.credit.majorIncident,
    yearsOperating: p.yearsOperating,
    // DAR over 85%, decided in integers so that no float rounding differs at the boundary.
    darAbove85: BigInt(y.totalLiabilities) * 100n > BigInt(y.totalAssets) * 85n,
    restrictedIndustry: p.credit.restrictedIndustry,
    qualified:
      techSme || s.highTechEnterprise || s.innovativeSme || s.specializedSme || s.littleGiant || p.talent !== "none",
  };
});

const KNOCKOUTS = ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"];
/** credit-check's answer: every knock-out and the qualification check pass. */
function ccEligible(report) {
  const checks = report.products.find((p) => p.id === "reference-pure-credit").checks;
  return [...KNOCKOUTS, "qualification"].every((id) => checks.find((c) => c.id === id).status === "pass");
}

// json-rules-engine: one rule, all conditions.
const jre = new Engine([], { allowUndefinedFacts: false });
jre.addRule({
  conditions: {
    all: [
      { fact: "dishonestDebtor", operator: "equal", value: false },
      { fact: "abnormalOperations", operator: "equal", value: false },
      { fact: "seriousIllegal", operator: "equal", value: false },
      { fact: "overdueNow", operator: "equal", value: false },
      { fact: "overdue90In24m", operator: "equal", value: false },
      { fact: "overdueEvents", operator: "lessThan", value: 3 },
      { fact: "taxGrade", operator: "notEqual", value: "D" },
      { fact: "arrears", operator: "equal", value: false },
      { fact: "majorIncident", operator: "equal", value: false },
      { fact: "yearsOperating", operator: "greaterThanInclusive", value: 1 },
      { fact: "darAbove85", operator: "equal", value: false },
      { fact: "restrictedIndustry", operator: "equal", value: false },
      { fact: "qualified", operator: "equal", value: true },
    ],
  },
  event: { type: "eligible" },
});
const jreEligible = async (f) => (await jre.run(f)).events.length === 1;

// ZEN: a decision table, hit policy "first": any knock-out → not eligible, else the qualification.
const flag = (id, field) => ({ id, name: field, field });
const inputs = [
  flag("i1", "dishonestDebtor"), flag("i2", "abnormalOperations"), flag("i3", "seriousIllegal"),
  flag("i4", "overdueNow"), flag("i5", "overdue90In24m"), flag("i6", "overdueEvents"), flag("i7", "taxGrade"),
  flag("i8", "arrears"), flag("i9", "majorIncident"), flag("i10", "yearsOperating"), flag("i11", "darAbove85"),
  flag("i12", "restrictedIndustry"), flag("i13", "qualified"),
];
const row = (n, cell, out) => {
  const r = { _id: `r${n}`, o1: out };
  for (const input of inputs) r[input.id] = "";
  Object.assign(r, cell);
  return r;
};
const rules = [
  row(1, { i1: "true" }, "false"), row(2, { i2: "true" }, "false"), row(3, { i3: "true" }, "false"),
  row(4, { i4: "true" }, "false"), row(5, { i5: "true" }, "false"), row(6, { i6: ">= 3" }, "false"),
  row(7, { i7: '"D"' }, "false"), row(8, { i8: "true" }, "false"), row(9, { i9: "true" }, "false"),
  row(10, { i10: "< 1" }, "false"), row(11, { i11: "true" }, "false"), row(12, { i12: "true" }, "false"),
  row(13, { i13: "false" }, "false"), row(14, {}, "true"),
];
const graph = {
  nodes: [
    { id: "in", type: "inputNode", name: "request", position: { x: 0, y: 0 } },
    {
      id: "table",
      type: "decisionTableNode",
      name: "eligibility",
      position: { x: 200, y: 0 },
      content: { hitPolicy: "first", inputs, outputs: [{ id: "o1", name: "eligible", field: "eligible" }], rules },
    },
    { id: "out", type: "outputNode", name: "response", position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: "e1", sourceId: "in", targetId: "table", type: "edge" },
    { id: "e2", sourceId: "table", targetId: "out", type: "edge" },
  ],
};
const zen = new ZenEngine();
const decision = zen.createDecision(graph);
const zenEligible = async (f) => (await decision.evaluate(f)).result.eligible === true;
const EXPRESSION =
  "dishonestDebtor == false and abnormalOperations == false and seriousIllegal == false and overdueNow == false " +
  "and overdue90In24m == false and overdueEvents < 3 and taxGrade != 'D' and arrears == false and majorIncident == false " +
  "and yearsOperating >= 1 and darAbove85 == false and restrictedIndustry == false and qualified == true";
const zenExprEligible = (f) => evaluateExpressionSync(EXPRESSION, f) === true;

// 3. Agreement on every profile.
const full = profiles.map((p) => cc.evaluate(p, { locale: "en" }));
let agree = 0;
for (let i = 0; i < COUNT; i++) {
  const a = ccEligible(full[i]);
  const answers = [a, await jreEligible(facts[i]), await zenEligible(facts[i]), zenExprEligible(facts[i])];
  if (answers.every((x) => x === a)) agree += 1;
  else console.log(`disagreement on profile ${i}: credit-check, json-rules-engine, ZEN table, ZEN expression =`, answers);
}
const eligibleCount = full.filter(ccEligible).length;
console.log(`agreement: ${agree}/${COUNT} profiles (${((agree / COUNT) * 100).toFixed(2)}%), ${eligibleCount} eligible`);
if (agree !== COUNT) process.exit(1);

// 4. Throughput.
async function time(name, fn) {
  const t0 = performance.now();
  await fn();
  const s = (performance.now() - t0) / 1000;
  return { name, rate: COUNT / s };
}
const results = [];
results.push(await time("credit-check evaluate, full report (every product, check, step, hint)", () => {
  for (const p of profiles) cc.evaluate(p, { locale: "en" });
}));
results.push(await time("credit-check evaluate, summary", () => {
  for (const p of profiles) cc.evaluate(p, { detail: "summary", locale: "en" });
}));
results.push(await time("credit-check evaluateMany, summary (chunks of 1000)", () => {
  for (let i = 0; i < COUNT; i += 1000) cc.evaluateMany(profiles.slice(i, i + 1000), { detail: "summary", locale: "en" });
}));
results.push(await time("credit-check evaluateMany, full (chunks of 1000)", () => {
  for (let i = 0; i < COUNT; i += 1000) cc.evaluateMany(profiles.slice(i, i + 1000), { locale: "en" });
}));
results.push(await time("json-rules-engine 7 (knock-outs on precomputed facts)", async () => {
  for (const f of facts) await jreEligible(f);
}));
results.push(await time("ZEN decision table, one call at a time", async () => {
  for (const f of facts) await zenEligible(f);
}));
results.push(await time("ZEN decision table, 64 calls in flight", async () => {
  for (let i = 0; i < COUNT; i += 64) await Promise.all(facts.slice(i, i + 64).map(zenEligible));
}));
results.push(await time("ZEN synchronous expression", () => {
  for (const f of facts) zenExprEligible(f);
}));
const jreRate = results.find((r) => r.name.startsWith("json-rules-engine")).rate;
const zenFast = Math.max(...results.filter((r) => r.name.startsWith("ZEN")).map((r) => r.rate));
console.log(`\nthroughput over ${COUNT} profiles (profiles/s; ratio to json-rules-engine, to ZEN's fastest path):`);
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(74)} ${r.rate.toFixed(0).padStart(8)}   ×${(r.rate / jreRate).toFixed(2)}   ×${(r.rate / zenFast).toFixed(2)}`,
  );
}

// 5. Size budget (issue #15): the widget's first load is the lean module (the built-in policy
//    precompiled), its glue and the element's JS and CSS; the full module is fetched only for a
//    bank's policy (README, "On a web page"), so it is printed beside them, not counted.
//    Measured with GNU gzip -9, as the figures are (zlib's level 9 gives about 2% more).
const gz = (file) => {
  try {
    return execFileSync("gzip", ["-9", "-c", path.join(root, file)], { maxBuffer: 1 << 26 }).length;
  } catch {
    return gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length;
  }
};
const raw = (file) => readFileSync(path.join(root, file)).length;
// What the pages load: the element minified into one file and its stylesheet (scripts/build.sh).
const element = ["www/credit-check.min.js", "www/credit-check.css"];
const sum = (files) => files.reduce((n, f) => n + gz(f), 0);
const lean = gz("www/pkg/lean/credit_check_bg.wasm");
const firstLoad = lean + sum(["www/pkg/lean/credit_check.js", ...element]);
const fullWasm = gz("www/pkg/credit_check_bg.wasm");
const bankLoad = fullWasm + sum(["www/pkg/credit_check.js", ...element, "www/policies/example-bank.json"]);
const budgets = [
  ["lean module (the widget's first load), wasm gzip", lean, 150_000],
  ["whole first load (lean wasm + JS + CSS), gzip", firstLoad, 170_000],
];
let over = 0;
console.log("\nsize budget (gzip -9; KB = 1,000 bytes, as the issue counts):");
for (const [name, bytes, budget] of budgets) {
  const ok = bytes <= budget;
  if (!ok) over += 1;
  console.log(`  ${name.padEnd(60)} ${(bytes / 1000).toFixed(1).padStart(7)} KB of ${budget / 1000} KB ${ok ? "ok" : "OVER BUDGET"}`);
}
console.log(`  ${"full module (a bank's policy, the studio, Node), wasm gzip".padEnd(60)} ${(fullWasm / 1000).toFixed(1).padStart(7)} KB`);
console.log(`  ${"a bank's page (full wasm + JS + CSS + its policy), gzip".padEnd(60)} ${(bankLoad / 1000).toFixed(1).padStart(7)} KB`);
console.log(
  `  raw: lean ${(raw("www/pkg/lean/credit_check_bg.wasm") / 1000).toFixed(1)} KB, full ${(raw("www/pkg/credit_check_bg.wasm") / 1000).toFixed(1)} KB`,
);
process.exitCode = over ? 1 : 0;
