// Type-checked by `make test` (tsc --noEmit): the declarations describe real use with real types.
import { evaluate, evaluateMany, validatePolicy, defaultPolicy, version } from "credit-check";
import type { Profile, Report, CreditCheckError, ManyResult, PolicyDoc, SchemeOut, ScoreRange } from "credit-check";

const profile: Profile = {
  employees: 80,
  techStaff: 20,
  financials: [{ revenue: "3000万", rdExpense: 1_800_000, costsAndExpenses: "2500万" }],
  ip: { classOne: 2 },
  tax: { grade: "A" },
};

const report: Report = evaluate(profile, { locale: "en", detail: "summary" });
// Assessments are keyed by the policy's scheme ids (contract §3): a bank's policy may have others.
const sme: SchemeOut | undefined = report.assessments.techSme;
const score: number | ScoreRange | null | undefined = sme?.score;
const status: string | undefined = sme?.status;
const amounts: (string | undefined)[] = report.products.map((p) => p.limit?.amount);

const many: ManyResult[] = evaluateMany([profile, {}]);
for (const r of many) {
  if ("error" in r) console.log(r.error.index, r.error.code);
  else console.log(r.products.length);
}

const policy: PolicyDoc = defaultPolicy();
const first = policy.products?.[0];
if (first) first.limit.steps[0].expr = "revenue * 20%";
const v = validatePolicy(policy, { locale: "zh-CN" });
if (!v.ok) console.log(v.errors.map((e) => `${e.code} ${e.path}`));

try {
  evaluate({ employees: -1 });
} catch (e) {
  const err = e as CreditCheckError;
  console.log(err.code, err.path, err.errors.length);
}

console.log(version(), score, status, amounts);
