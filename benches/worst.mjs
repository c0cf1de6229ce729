// The worst evaluation the limits allow, in wasm under Node (issue #14): the policy
// `cargo bench --bench worst` writes to target/worst-policy.json, a full report of the built-in
// test profile, beside the built-in policy; and wasm memory after 10,000 full reports.
// Run: make build && cargo bench --bench worst && node benches/worst.mjs
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
// Keep the instance the glue creates, to read its memory.
let instance;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  instance = new Instance(module, imports);
  return instance;
};
const cc = require("../pkg");
WebAssembly.Instance = Instance;

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

// A custom policy already compiled against the built-in one (summary and full).
const custom = cc.defaultPolicy();
for (const detail of ["summary", "full"]) {
  cc.evaluate(profile, { policy: custom, detail });
  const c = time(2000, () => cc.evaluate(profile, { policy: custom, detail }));
  const d = time(2000, () => cc.evaluate(profile, { detail }));
  console.log(`${detail}: custom policy (cached) ${c.toFixed(3)} ms a call, built-in ${d.toFixed(3)} ms`);
}

const memory = () => instance.exports.memory.buffer.byteLength;
const before = memory();
const batch = Array.from({ length: 10000 }, () => profile);
cc.evaluateMany(batch);
console.log(`wasm memory: ${(before / 2 ** 20).toFixed(1)} MB before, ${(memory() / 2 ** 20).toFixed(1)} MB after 10,000 full reports`);
