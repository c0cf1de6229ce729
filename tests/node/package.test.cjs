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
    for (const f of ["element/credit-check.js", "element/credit-check-form.js", "element/credit-check-share.js", "element/credit-check.css", "element/credit-check.d.ts", "custom-elements.json"]) {
      assert.ok(files.includes(`package/${f}`), f);
    }
    // The element's module resolves by its export name and points at the package's web builds:
    // the lean module first, the full one imported only for a bank's policy.
    const element = run("node", ["-e", `console.log(require.resolve("credit-check/element"))`], dir).trim();
    assert.match(readFileSync(element, "utf8"), /import\("\.\.\/web\/lean\/credit_check\.js"\)/);
    assert.match(readFileSync(element, "utf8"), /import\("\.\.\/web\/credit_check\.js"\)/);
    assert.ok(files.includes("package/web/lean/credit_check_bg.wasm"));
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

test("the element's manifest lists its attributes, events, every CSS custom property and every part", () => {
  const manifest = JSON.parse(readFileSync(path.join(root, "pkg", "custom-elements.json"), "utf8"));
  const element = manifest.modules[0].declarations[0];
  assert.equal(element.tagName, "credit-check");
  assert.deepEqual(element.attributes.map((a) => a.name), ["lang", "policy-src", "products", "example"]);
  assert.deepEqual(element.events.map((e) => e.name), ["credit-check:result", "credit-check:error"]);
  const css = readFileSync(path.join(root, "www", "credit-check.css"), "utf8");
  const used = new Set(css.match(/--cc-[a-z-]+/g));
  assert.deepEqual(new Set(element.cssProperties.map((p) => p.name)), used);
  for (const part of ["form", "report", "card", "product", "badge", "bar", "field", "input", "button", "summary", "toolbar"]) {
    assert.ok(element.cssParts.some((p) => p.name === part), part);
  }
  const pkg = JSON.parse(readFileSync(path.join(root, "pkg", "package.json"), "utf8"));
  assert.equal(pkg.customElements, "custom-elements.json");
  assert.equal(pkg.exports["./element"].default, "./element/credit-check.js");
});
