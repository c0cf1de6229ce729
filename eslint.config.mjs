import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["www/pkg/**", "www/studio/editor.bundle.js", "www/credit-check.min.js", "pkg/**", "target/**", "node_modules/**"] },
  js.configs.recommended,
  {
    files: ["www/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
  },
  {
    // The studio editor's bundle entry runs in the browser.
    files: ["scripts/studio-editor.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
  {
    // Browser tests pass functions into the page: they see the page's globals too.
    files: ["tests/e2e/**"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: "error",
    },
  },
];
