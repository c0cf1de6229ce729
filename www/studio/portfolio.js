// Reading a portfolio file as the CLI's `credit-check batch` does (src/bin/credit-check/csv.rs):
// CSV with a header of profile paths (`financials[0].revenue`), or JSON Lines. Pure functions,
// shared by the page, the worker and the Node tests.

const FLAGS = new Set(["resident", "tax.arrears"]);

function isFlag(path) {
  return FLAGS.has(path) || path.startsWith("statuses.") || (path.startsWith("credit.") && path !== "credit.overdueEventsIn24m");
}

/** One CSV line into fields (quotes as RFC 4180, no quoted newlines). */
export function splitCsv(line) {
  const out = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (!quoted && c === '"' && field === "") quoted = true;
    else if (!quoted && c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) throw new Error("unterminated quote");
  out.push(field);
  return out;
}

function setPath(root, path, value) {
  const keys = [];
  for (const part of path.split(".")) {
    const m = /^([^[]+)\[(\d+)\]$/.exec(part);
    if (m) keys.push([m[1], Number(m[2])]);
    else keys.push([part, null]);
  }
  let cur = root;
  keys.forEach(([key, index], i) => {
    const last = i === keys.length - 1;
    if (index === null) {
      if (last) cur[key] = value;
      else cur = cur[key] ??= {};
      return;
    }
    const list = (cur[key] ??= []);
    while (list.length <= index) list.push({});
    if (last) list[index] = value;
    else cur = list[index];
  });
}

function cellValue(path, cell) {
  if (!isFlag(path)) return cell;
  const v = cell.toLowerCase();
  if (["true", "1", "yes", "y", "是"].includes(v)) return true;
  if (["false", "0", "no", "n", "否"].includes(v)) return false;
  return cell;
}

/** A row as a profile: each non-empty cell set at its header's path. */
export function rowToProfile(header, cells) {
  if (cells.length !== header.length) throw new Error(`${cells.length} cells for ${header.length} columns`);
  const root = {};
  header.forEach((path, i) => {
    const cell = cells[i].trim();
    if (cell !== "") setPath(root, path.trim(), cellValue(path.trim(), cell));
  });
  return root;
}

/** A file's text into `{ profiles, errors: [{ line, message }] }`. */
export function readPortfolio(text, name = "") {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const profiles = [];
  const errors = [];
  const jsonl = /\.jsonl?$/i.test(name) || lines.find((l) => l.trim())?.trim().startsWith("{");
  if (jsonl) {
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      try {
        profiles.push(JSON.parse(l.replace(/^\uFEFF/, "")));
      } catch (e) {
        errors.push({ line: i + 1, message: e.message });
      }
    });
    return { profiles, errors };
  }
  const header = splitCsv(lines[0] ?? "");
  lines.slice(1).forEach((l, i) => {
    if (!l.trim()) return;
    try {
      profiles.push(rowToProfile(header, splitCsv(l)));
    } catch (e) {
      errors.push({ line: i + 2, message: e.message });
    }
  });
  return { profiles, errors };
}

/** A profile's leaves as path → value (for writing a CSV of profiles). */
export function flatten(value, prefix = "", out = {}) {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = value;
  return out;
}

/** Profiles as CSV with the union of their paths as header. */
export function toCsv(profiles) {
  const rows = profiles.map((p) => flatten(p));
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const quote = (v) => (v === undefined ? "" : /[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [header.join(","), ...rows.map((r) => header.map((h) => quote(r[h])).join(","))].join("\n") + "\n";
}
