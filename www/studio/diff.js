// The difference of two policy documents in words, for a change review: products, rules and
// thresholds (expressions), tables and texts, each change with its place and both values.
import { t } from "./texts.js";

const isText = (v) => v && typeof v === "object" && !Array.isArray(v) && ("zh-CN" in v || "en" in v);
const RULES = /\.(pass|expr|actual|held|whenMissing)$/;

function short(v) {
  if (isText(v)) return v.en ?? v["zh-CN"];
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function walk(a, b, path, out) {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (isText(a) && isText(b)) {
    for (const l of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[l] !== b[l]) out.push({ path: `${path}.${l}`, before: a[l], after: b[l] });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const byId = [...a, ...b].every((x) => x && typeof x === "object" && ("id" in x || "name" in x));
    if (byId) {
      const key = (x) => x.id ?? x.name;
      for (const x of a) {
        const y = b.find((z) => key(z) === key(x));
        if (y) walk(x, y, `${path}[${key(x)}]`, out);
        else out.push({ path: `${path}[${key(x)}]`, before: x, after: undefined });
      }
      for (const y of b) if (!a.some((x) => key(x) === key(y))) out.push({ path: `${path}[${key(y)}]`, before: undefined, after: y });
      return;
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  out.push({ path, before: a, after: b });
}

function group(c) {
  if (c.path.startsWith("products[") && (c.before === undefined || c.after === undefined) && /^products\[[^\]]+\]$/.test(c.path)) return "diffProducts";
  if (/\.(zh-CN|en)$/.test(c.path) || isText(c.before) || isText(c.after)) return "diffTexts";
  if (c.path.startsWith("tables")) return "diffTables";
  if (RULES.test(c.path) || /^(knockouts|facts)\[/.test(c.path)) return "diffRules";
  if (c.path.startsWith("products[")) return "diffProducts";
  return "diffOther";
}

function sentence(c) {
  if (c.before === undefined) return t("added", { what: `${c.path} (${short(c.after)})` });
  if (c.after === undefined) return t("removed", { what: c.path });
  return t("changed", { what: c.path, before: short(c.before), after: short(c.after) });
}

/** `{ group key → [sentence] }`, in a fixed group order; empty when the documents are equal. */
export function describe(baseline, draft) {
  const changes = [];
  walk(baseline, draft, "", changes);
  const groups = {};
  for (const key of ["diffProducts", "diffRules", "diffTables", "diffTexts", "diffOther"]) {
    const list = changes.filter((c) => group(c) === key).map(sentence);
    if (list.length) groups[key] = list;
  }
  return groups;
}
