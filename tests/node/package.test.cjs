// pkg/ is a proper npm package: packed, installed by name into a fresh folder, then both
// `require("credit-check")` and `import { evaluate } from "credit-check"` work synchronously.
// Also runs the README's example script.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const { mkdtempSync, rmSync, writeFileSync, readFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

test("the packed tarball installs and loads by name with require and import", (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "cc-pack-"));
  try {
    const tgz = run("npm", ["pack", path.join(root, "pkg"), "--pack-destination", dir, "--silent"], root).trim();
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    run("npm", ["install", "--no-audit", "--no-fund", "--offline", path.join(dir, tgz)], dir);
    const profile = JSON.stringify({ employees: 80, techStaff: 20, ip: { classOne: 1 } });
    const cjs = run("node", ["-e", `const cc = require("credit-check"); console.log(cc.evaluate(${profile}).assessments.techSme.indicators[0].points, cc.version())`], dir);
    const esm = run("node", ["--input-type=module", "-e", `import { evaluate, version } from "credit-check"; console.log(evaluate(${profile}).assessments.techSme.indicators[0].points, version())`], dir);
    const version = JSON.parse(readFileSync(path.join(root, "pkg", "package.json"), "utf8")).version;
    assert.equal(cjs.trim(), `16 ${version}`);
    assert.equal(esm.trim(), `16 ${version}`);
    const files = run("tar", ["-tzf", path.join(dir, tgz)], dir).split("\n");
    assert.ok(files.includes("package/node/credit_check.d.ts"));
    assert.ok(files.includes("package/web/credit_check.js"));
    t.diagnostic(`${tgz}: ${files.filter(Boolean).length} files`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the README's example script runs", () => {
  const out = run("node", [path.join(root, "tests", "example", "screen.cjs")], root);
  assert.match(out, /云创大数据: tech SME qualified \(96 pts\), high-tech certified, best line 800万 from reference-pure-credit/);
  assert.match(out, /typo: input error negativeAmount at employees/);
});

test("the package declares no `any` in its public surface", () => {
  for (const dir of ["node", "web"]) {
    const dts = readFileSync(path.join(root, "pkg", dir, "credit_check.d.ts"), "utf8");
    const code = dts.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\bany\b/, `${dir}/credit_check.d.ts`);
  }
});
