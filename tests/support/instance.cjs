// Loads the npm package's Node build while keeping the WebAssembly instance its glue creates, so
// that a test or a benchmark can read the module's memory (its size, and the stack in its first
// MiB). Used by tests/node/limits.test.cjs and benches/worst.mjs.
"use strict";
const path = require("node:path");

function loadKeepingInstance() {
  let instance;
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    instance = new Instance(module, imports);
    return instance;
  };
  try {
    const cc = require(path.join(__dirname, "..", "..", "pkg"));
    return { cc, memory: () => instance.exports.memory };
  } finally {
    WebAssembly.Instance = Instance;
  }
}

module.exports = { loadKeepingInstance };
