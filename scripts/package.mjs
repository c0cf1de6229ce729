// Writes pkg/package.json, the ESM entry for Node and the CommonJS marker, so that pkg/ is a
// proper npm package: `require` and `import` both work synchronously in Node, browsers get the
// web build with its init.
import { writeFileSync, copyFileSync } from "node:fs";

const version = process.argv[2];
if (!version) throw new Error("usage: node scripts/package.mjs <version>");

const pkg = {
  name: "credit-check",
  version,
  description:
    "Does a Chinese tech enterprise qualify for science-and-technology credit, and how large a pure-credit line can it expect? Every reason and step shown. Runs locally (WebAssembly).",
  license: "MIT",
  main: "./node/credit_check.js",
  types: "./node/credit_check.d.ts",
  exports: {
    ".": {
      node: {
        types: "./node/credit_check.d.ts",
        import: "./node/index.mjs",
        require: "./node/credit_check.js",
      },
      types: "./web/credit_check.d.ts",
      default: "./web/credit_check.js",
    },
    "./web": {
      types: "./web/credit_check.d.ts",
      default: "./web/credit_check.js",
    },
    "./package.json": "./package.json",
  },
  files: ["node/", "web/", "README.md"],
  sideEffects: false,
  engines: { node: ">=20" },
};
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
writeFileSync("pkg/node/package.json", JSON.stringify({ type: "commonjs" }) + "\n");
writeFileSync("pkg/web/package.json", JSON.stringify({ type: "module" }) + "\n");
writeFileSync(
  "pkg/node/index.mjs",
  `// ESM entry for Node: the CommonJS build loads its wasm synchronously, so no init is needed.
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const m = require("./credit_check.js");
export const { evaluate, evaluateMany, validatePolicy, defaultPolicy, profileSchema, policySchema, version } = m;
export default m;
`,
);
copyFileSync("README.md", "pkg/README.md");
