// The golden vectors (tests/vectors/*.json) and the "report contains expected" rule, for the Node
// and browser tests. The Rust twin is src/subset.rs; both read the same files.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const dir = path.join(__dirname, "..", "vectors");

/** Every case of every vector file: { file, name, profile, options, expect, error }. */
function loadVectors() {
  const cases = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    for (const c of doc.cases) cases.push({ file, ...c });
  }
  return cases;
}

/** Differences between an expected subset and an actual value, as readable strings. */
function differences(expect, actual, at = "", out = []) {
  if (Array.isArray(expect) && Array.isArray(actual)) {
    const byId = expect.every((e) => e && typeof e === "object" && "id" in e);
    if (byId) {
      for (const e of expect) {
        const a = actual.find((x) => x && x.id === e.id);
        if (a === undefined) out.push(`${at}: no element with id ${JSON.stringify(e.id)}`);
        else differences(e, a, `${at}[id=${JSON.stringify(e.id)}]`, out);
      }
    } else if (expect.length !== actual.length) {
      out.push(`${at}: expected ${expect.length} elements, got ${actual.length}`);
    } else {
      expect.forEach((e, i) => differences(e, actual[i], `${at}[${i}]`, out));
    }
  } else if (expect && typeof expect === "object" && actual && typeof actual === "object") {
    for (const [k, v] of Object.entries(expect)) {
      const p = at ? `${at}.${k}` : k;
      if (!(k in actual)) out.push(`${p}: expected ${JSON.stringify(v)}, missing`);
      else differences(v, actual[k], p, out);
    }
  } else if (JSON.stringify(expect) !== JSON.stringify(actual)) {
    out.push(`${at}: expected ${JSON.stringify(expect)}, got ${JSON.stringify(actual)}`);
  }
  return out;
}

/** Runs one case with an `evaluate` function; returns the list of differences. */
function check(evaluate, c) {
  const options = { locale: "en", ...(c.options || {}) };
  let report;
  try {
    report = evaluate(c.profile, options);
  } catch (e) {
    if (!c.error) return [`threw ${e.code} at ${e.path}: ${e.message}`];
    return differences(c.error, { code: e.code, path: e.path });
  }
  if (c.error) return [`expected error ${JSON.stringify(c.error)}, got a report`];
  return differences(c.expect || {}, report);
}

module.exports = { loadVectors, differences, check };
