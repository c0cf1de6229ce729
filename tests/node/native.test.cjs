// The same profile and policy give the same bytes natively and under Node: every golden vector
// through the native command (target/debug/credit-check, or under CARGO_TARGET_DIR; built by `cargo test --features cli`)
// and through the wasm module, compared as JSON text.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const path = require("node:path");
const { evaluate } = require("../../pkg");
const { loadVectors } = require("../support/vectors.cjs");

const bin = path.join(process.env.CARGO_TARGET_DIR || path.join(__dirname, "..", "..", "target"), "debug", "credit-check");

test("native and Node reports are byte-identical on every golden vector", (t) => {
  assert.ok(existsSync(bin), `${bin} is missing: run cargo build --features cli (make test does)`);
  let compared = 0;
  for (const c of loadVectors()) {
    const options = { locale: "en", ...(c.options || {}) };
    let node;
    try {
      node = JSON.stringify(evaluate(c.profile, options));
    } catch (e) {
      node = `error ${e.code}`;
    }
    let native;
    try {
      native = execFileSync(bin, ["evaluate", "-", "--options", JSON.stringify(options)], {
        input: JSON.stringify(c.profile),
        encoding: "utf8",
        stdio: ["pipe", "pipe", "pipe"],
      }).trimEnd();
    } catch (e) {
      native = `error ${String(e.stderr).split(" ")[0]}`;
    }
    assert.equal(node, native, `${c.file}: ${c.name}`);
    compared += 1;
  }
  t.diagnostic(`${compared} vectors compared byte for byte`);
});
