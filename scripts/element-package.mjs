// Puts the <credit-check> element into the npm package (pkg/element/), with its TypeScript
// declarations and a custom-elements.json manifest (https://github.com/webcomponents/custom-elements-manifest)
// so that editors and frameworks see its attributes, properties, events, parts and CSS properties.
// The element's files are the site's (www/), with their import of the module pointed at the
// package's web build. The CSS custom properties are read from the stylesheet itself and the parts
// from the sources that set them, so the manifest cannot drift from the element.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const FILES = ["credit-check.js", "credit-check-form.js", "credit-check-share.js", "credit-check.css"];

/** The element's public surface (what README's widget table and contract §5 promise). */
const ELEMENT = {
  attributes: [
    { name: "lang", type: { text: '"zh-CN" | "en"' }, description: "The language of the form and the report (zh-CN by default); another value is a credit-check:error." },
    { name: "policy-src", type: { text: "string" }, description: "URL of a policy JSON on this page's origin; when it cannot be loaded or is invalid, the element shows a message and evaluates nothing." },
    { name: "products", type: { text: "string" }, description: "Product ids to show, comma-separated." },
    { name: "example", type: { text: "boolean" }, description: "Start with the worked example (labelled as such) instead of an empty form." },
  ],
  members: [
    { kind: "field", name: "policy", type: { text: "PolicyDoc | undefined" }, description: "A policy document object (instead of policy-src)." },
    { kind: "field", name: "report", type: { text: "Report | null" }, readonly: true, description: "The latest report." },
    { kind: "field", name: "ready", type: { text: "Promise<void>" }, readonly: true, description: "Resolves when the element has started: the module and the policy are loaded and the first result is shown, or a credit-check:error said why not." },
    { kind: "field", name: "profile", type: { text: "Profile | null" }, readonly: true, description: "The profile read from what is on the form (what the report was computed from)." },
    { kind: "field", name: "locale", type: { text: '"zh-CN" | "en"' }, readonly: true, description: "The language in use (lang, or zh-CN)." },
    { kind: "field", name: "timings", type: { text: "{ firstResult: number | null; lastUpdate: number | null }" }, readonly: true, description: "Milliseconds: when the first result was shown (since navigation) and how long the last update took." },
    { kind: "method", name: "setField", parameters: [{ name: "path", type: { text: "string" } }, { name: "value", type: { text: "string | number | boolean" } }], description: "Sets a field by profile path, as a person would type it (\"3000\", \"0.3亿\", \"60人\"). An unknown path is a credit-check:error." },
    { kind: "method", name: "reset", description: "Empties the form and the result." },
    { kind: "method", name: "fillExample", description: "Fills the worked example, marked as an example until a value is changed." },
  ],
  events: [
    { name: "credit-check:result", type: { text: "CustomEvent<Report>" }, description: "A new report (bubbles, composed)." },
    { name: "credit-check:error", type: { text: "CustomEvent<CreditCheckErrorDetail>" }, description: "A problem: code, message, path and every problem found (bubbles, composed)." },
  ],
};

function writeElementPackage() {
  mkdirSync("pkg/element", { recursive: true });
  for (const file of FILES) {
    const text = readFileSync(`www/${file}`, "utf8").replaceAll("./pkg/", "../web/");
    writeFileSync(`pkg/element/${file}`, text);
  }
  const css = readFileSync("www/credit-check.css", "utf8");
  const host = css.match(/:host\s*\{([\s\S]*?)\n\}/)?.[1] ?? "";
  const cssProperties = [...host.matchAll(/(--cc-[a-z-]+):\s*([^;]+);/g)].map(([, name, value]) => ({ name, default: value.trim() }));
  const sources = ["www/credit-check.js", "www/credit-check-form.js", "src/ui/dom.rs"].map((f) => readFileSync(f, "utf8")).join("\n");
  const parts = new Set();
  for (const [, list] of sources.matchAll(/part(?:"|:)\s*,?\s*"([a-z ]+)"/g)) for (const p of list.split(" ")) parts.add(p);
  const manifest = {
    schemaVersion: "1.0.0",
    readme: "README.md",
    modules: [
      {
        kind: "javascript-module",
        path: "element/credit-check.js",
        declarations: [
          {
            kind: "class",
            name: "CreditCheckElement",
            tagName: "credit-check",
            customElement: true,
            superclass: { name: "HTMLElement" },
            description: "The credit-check self-check calculator: a form and the report, computed in the browser.",
            ...ELEMENT,
            cssProperties,
            cssParts: [...parts].sort().map((name) => ({ name })),
          },
        ],
        exports: [
          { kind: "js", name: "CreditCheckElement", declaration: { name: "CreditCheckElement", module: "element/credit-check.js" } },
          { kind: "custom-element-definition", name: "credit-check", declaration: { name: "CreditCheckElement", module: "element/credit-check.js" } },
        ],
      },
    ],
  };
  writeFileSync("pkg/custom-elements.json", JSON.stringify(manifest, null, 2) + "\n");
  writeFileSync("pkg/element/credit-check.d.ts", declarations());
}

function declarations() {
  const doc = (d) => `  /** ${d.description} */\n`;
  const members = ELEMENT.members
    .map((m) =>
      m.kind === "method"
        ? `${doc(m)}  ${m.name}(${(m.parameters ?? []).map((p) => `${p.name}: ${p.type.text}`).join(", ")}): void;`
        : `${doc(m)}  ${m.readonly ? "readonly " : ""}${m.name}: ${m.type.text};`,
    )
    .join("\n");
  return `// The <credit-check> element (generated by scripts/element-package.mjs).
import type { PolicyDoc, Profile, Report } from "../web/credit_check.js";

export { uiTexts } from "../web/credit_check.js";

/** The detail of a credit-check:error event. */
export interface CreditCheckErrorDetail {
  code: string;
  message: string;
  path: string;
  errors: { code: string; path: string; message: string }[];
}

export declare class CreditCheckElement extends HTMLElement {
${members}
}

declare global {
  interface HTMLElementTagNameMap {
    "credit-check": CreditCheckElement;
  }
  interface HTMLElementEventMap {
${ELEMENT.events.map((e) => `    "${e.name}": ${e.type.text};`).join("\n")}
  }
}
`;
}

writeElementPackage();
