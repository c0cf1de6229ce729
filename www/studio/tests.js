// The policy's embedded tests, each run on its own so that a failure shows what was expected
// and what came, side by side (the same subset rule as src/subset.rs).

/** Every difference between `expect` and `actual`: [{ path, expected, actual }]. */
export function differences(expect, actual, path = "", out = []) {
  if (Array.isArray(expect) && Array.isArray(actual)) {
    const byId = expect.every((x) => x && typeof x === "object" && "id" in x);
    expect.forEach((e, i) => {
      const a = byId ? actual.find((x) => x?.id === e.id) : actual[i];
      const p = byId ? `${path}[id=${e.id}]` : `${path}[${i}]`;
      if (a === undefined) out.push({ path: p, expected: e, actual: undefined });
      else differences(e, a, p, out);
    });
  } else if (expect && typeof expect === "object" && actual && typeof actual === "object" && !Array.isArray(expect)) {
    for (const [k, v] of Object.entries(expect)) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in actual)) out.push({ path: p, expected: v, actual: undefined });
      else differences(v, actual[k], p, out);
    }
  } else if (JSON.stringify(expect) !== JSON.stringify(actual)) {
    out.push({ path, expected: expect, actual });
  }
  return out;
}

/** Runs each test of `doc` with `evaluate`: [{ name, index, ok, problems }]. */
export function runTests(doc, evaluate) {
  return (doc.tests ?? []).map((test, index) => {
    try {
      const report = evaluate(test.profile, { policy: doc, locale: "en" });
      const problems = differences(test.expect, report);
      return { name: test.name, index, ok: problems.length === 0, problems };
    } catch (e) {
      return { name: test.name, index, ok: false, problems: [{ path: e.path ?? "", expected: "a report", actual: `${e.code}: ${e.message}` }] };
    }
  });
}

/** A test's expectation from a report: statuses, scores and lines. */
export function expectationOf(report) {
  const a = report.assessments ?? {};
  return {
    assessments: Object.fromEntries(Object.entries(a).map(([id, s]) => [id, s.score !== undefined && s.score !== null && typeof s.score === "number" ? { status: s.status, score: s.score } : { status: s.status }])),
    products: (report.products ?? []).map((p) => (p.limit ? { id: p.id, status: p.status, limit: { amount: p.limit.amount } } : { id: p.id, status: p.status })),
  };
}
