// The worst evaluation the limits allow, in wasm under Node (issue #14): the policy
// `cargo bench --bench worst` writes to target/worst-policy.json, a full report of the built-in
// test profile, beside the built-in policy; and wasm memory after 10,000 full reports.
// Run: make build && cargo bench --bench worst && node benches/worst.mjs
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
// The module's memory is read after the reports.
const { cc, memory: wasmMemory } = require("../tests/support/instance.cjs").loadKeepingInstance();

const worst = JSON.parse(readFileSync(new URL("../target/worst-policy.json", import.meta.url)));
const profile = cc.defaultPolicy().tests[0].profile;
const time = (n, f) => {
  const t = performance.now();
  for (let i = 0; i < n; i++) f();
  return (performance.now() - t) / n;
};
const v = cc.validatePolicy(worst);
if (!v.ok) throw new Error(`the worst policy is refused: ${JSON.stringify(v.errors[0])}`);
cc.evaluate(profile, { policy: worst });
const w = time(20, () => cc.evaluate(profile, { policy: worst }));
const b = time(2000, () => cc.evaluate(profile));
console.log(`wasm full report: worst accepted policy ${w.toFixed(2)} ms, built-in ${b.toFixed(3)} ms`);
console.log(`a phone 5x slower: worst ${(w * 5).toFixed(0)} ms`);

// A custom policy already compiled against the built-in one (summary and full): a plain object
// is compared by identity and content (JSON.stringify), a deeply frozen one by identity alone.
const freeze = (o) => {
  for (const v of Object.values(o)) if (v && typeof v === "object") freeze(v);
  return Object.freeze(o);
};
const custom = cc.defaultPolicy();
const frozen = freeze(cc.defaultPolicy());
for (const detail of ["summary", "full"]) {
  cc.evaluate(profile, { policy: custom, detail });
  cc.evaluate(profile, { policy: frozen, detail });
  const n = detail === "summary" ? 20000 : 2000;
  const d = time(n, () => cc.evaluate(profile, { detail }));
  const c = time(n, () => cc.evaluate(profile, { policy: custom, detail }));
  const f = time(n, () => cc.evaluate(profile, { policy: frozen, detail }));
  console.log(`${detail}: built-in ${d.toFixed(3)} ms a call; custom policy (cached) ${c.toFixed(3)} ms, deeply frozen ${f.toFixed(3)} ms`);
}

const memory = () => wasmMemory().buffer.byteLength;
const before = memory();
const batch = Array.from({ length: 10000 }, () => profile);
cc.evaluateMany(batch);
console.log(`wasm memory: ${(before / 2 ** 20).toFixed(1)} MB before, ${(memory() / 2 ** 20).toFixed(1)} MB after 10,000 full reports`);

// The largest report the size budget allows: long knock-out labels listed in every product.
const big = cc.defaultPolicy();
big.tests = [];
const long = { "zh-CN": "长", en: "x".repeat(5000) };
big.knockouts = Array.from({ length: 36 }, (_, i) => ({ id: `L${i}`, label: long, pass: "revenue >= 0" }));
big.products = Array.from({ length: 16 }, (_, i) => ({ ...big.products[3], id: `p${i}` }));
const bv = cc.validatePolicy(big);
if (bv.ok) {
  cc.evaluate(profile, { policy: big, locale: "en" });
  const t = time(20, () => cc.evaluate(profile, { policy: big, locale: "en" }));
  const size = JSON.stringify(cc.evaluate(profile, { policy: big, locale: "en" })).length;
  console.log(`largest report within the size budget: ${(size / 2 ** 20).toFixed(1)} MB in ${t.toFixed(1)} ms`);
} else {
  console.log(`size probe refused: ${bv.errors[0].message}`);
}
