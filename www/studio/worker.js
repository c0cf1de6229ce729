// The portfolio run, off the page's thread: evaluates every profile under the baseline and the
// draft (summary detail, in chunks, reporting progress) and compares the outcomes. Nothing leaves
// this worker but the comparison.
import init, { evaluateMany } from "../pkg/credit_check.js";
import { compare, outcome } from "./impact-stats.js";

const ready = init().then(() => postMessage({ type: "ready" }));
const CHUNK = 500;

async function outcomes(profiles, policy, done, total) {
  const out = [];
  for (let i = 0; i < profiles.length; i += CHUNK) {
    const reports = evaluateMany(profiles.slice(i, i + CHUNK), { policy, detail: "summary" });
    for (const r of reports) out.push(r.error ? null : outcome(r));
    postMessage({ type: "progress", done: done + Math.min(i + CHUNK, profiles.length), total });
  }
  return out;
}

onmessage = async ({ data }) => {
  await ready;
  const { profiles, baseline, draft, id } = data;
  try {
    const started = performance.now();
    const total = profiles.length * 2;
    const before = await outcomes(profiles, baseline, 0, total);
    const after = await outcomes(profiles, draft, profiles.length, total);
    const names = profiles.map((p, i) => (typeof p?.name === "string" && p.name) || `#${i + 1}`);
    const result = compare(before, after, names);
    result.errors = before.filter((o) => o === null).length;
    result.ms = performance.now() - started;
    postMessage({ type: "done", id, result });
  } catch (e) {
    postMessage({ type: "error", id, message: e.message ?? String(e) });
  }
};
