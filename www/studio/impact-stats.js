// What a policy change does to a portfolio: per product, the firms that change status, the total
// and median change of line, a histogram of the changes, and the firms that move most. Amounts are
// decimal strings; they are added exactly (BigInt at a common scale), never as floats.

/** "8000000.5" → { n: 80000005n, scale: 1 }. */
function dec(s) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(s ?? "0"));
  if (!m) return { n: 0n, scale: 0 };
  const frac = m[3] ?? "";
  const n = BigInt(m[2] + frac);
  return { n: m[1] ? -n : n, scale: frac.length };
}

function at(d, scale) {
  return d.n * 10n ** BigInt(scale - d.scale);
}

function show(n, scale) {
  const neg = n < 0n;
  let s = (neg ? -n : n).toString().padStart(scale + 1, "0");
  if (scale) s = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, "");
  return (neg ? "-" : "") + s;
}

/** b − a, exactly, as a decimal string. */
export function subtract(a, b) {
  const x = dec(a);
  const y = dec(b);
  const scale = Math.max(x.scale, y.scale);
  return show(at(y, scale) - at(x, scale), scale);
}

function sum(values) {
  const ds = values.map(dec);
  const scale = Math.max(0, ...ds.map((d) => d.scale));
  return show(ds.reduce((acc, d) => acc + at(d, scale), 0n), scale);
}

function median(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => Number(a) - Number(b));
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2) return sorted[mid];
  const s = dec(sum([sorted[mid - 1], sorted[mid]]));
  // Halving exactly: one more decimal place.
  return show(s.n * 5n, s.scale + 1);
}

/** Equal-width bins over the changes (numbers; for the chart only). */
function histogram(changes, bins = 12) {
  if (!changes.length) return [];
  const xs = changes.map(Number);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = Array.from({ length: hi > lo ? bins : 1 }, (_, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count: 0 }));
  for (const x of xs) counts[Math.min(counts.length - 1, Math.floor((x - lo) / width))].count++;
  return counts;
}

/** One report (summary detail) as product id → { status, amount }. */
export function outcome(report) {
  const out = {};
  for (const p of report?.products ?? []) out[p.id] = { status: p.status, amount: p.status === "eligible" ? (p.limit?.amount ?? "0") : "0" };
  return out;
}

/**
 * Compares outcomes (arrays of `outcome()`, one per firm, under the baseline and the draft).
 * `names[i]` labels firm i. Returns `{ products: [...], movers: [...] }`.
 */
export function compare(before, after, names, top = 10) {
  const ids = [...new Set([...before, ...after].flatMap((o) => Object.keys(o ?? {})))];
  const movers = [];
  const products = ids.map((id) => {
    const row = { id, toIneligible: 0, toEligible: 0, otherChanges: 0, changed: 0, firms: 0 };
    const changes = [];
    before.forEach((b, i) => {
      const x = b?.[id];
      const y = after[i]?.[id];
      if (!x || !y) return;
      row.firms++;
      if (x.status !== y.status) {
        if (x.status === "eligible" && y.status === "ineligible") row.toIneligible++;
        else if (x.status === "ineligible" && y.status === "eligible") row.toEligible++;
        else row.otherChanges++;
      }
      const change = subtract(x.amount, y.amount);
      if (change !== "0") {
        changes.push(change);
        movers.push({ index: i, name: names[i], product: id, before: x.amount, after: y.amount, change });
      }
    });
    row.changed = changes.length;
    row.total = sum(changes);
    row.median = median(changes);
    row.histogram = histogram(changes);
    return row;
  });
  movers.sort((a, b) => Math.abs(Number(b.change)) - Math.abs(Number(a.change)) || a.index - b.index);
  return { products, movers: movers.slice(0, top) };
}
