// Every golden vector, evaluated through the wasm module under Node.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { evaluate } = require("../../pkg");
const { loadVectors, check } = require("../support/vectors.cjs");

for (const c of loadVectors()) {
  test(`${c.file}: ${c.name}`, () => {
    assert.deepEqual(check(evaluate, c), []);
  });
}
