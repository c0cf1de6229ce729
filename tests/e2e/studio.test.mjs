// The policy studio (www/studio.html, issue #16) in a real browser: a typo is underlined at its
// path with its hint and fixed; a broken test shows expected and actual; a test is added from the
// preview; the worked example's trace shows every step of domain.md §6.8; the impact of K7 at 80%
// on a 1,000-row CSV matches evaluateMany in Node; no request after load, no CSP violation; axe
// clean. Prints the 10,000-profile impact time; screenshots under target/screenshots/.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { recordingPage, targetDir, useBrowser } from "./harness.mjs";
import { readPortfolio, toCsv } from "../../www/studio/portfolio.js";

const require = createRequire(import.meta.url);
const cc = require("../../pkg");
const axePath = require.resolve("axe-core/axe.min.js");
const shots = path.join(targetDir, "screenshots");
mkdirSync(shots, { recursive: true });
const env = useBrowser();

async function openStudio(options = {}) {
  const rec = options.context ? { page: await options.context.newPage(), requests: [], errors: [] } : await recordingPage(env.chrome.browser, { width: 1400, height: 1000 });
  await rec.page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await rec.page.goto(env.server.url + "studio.html");
  await rec.page.waitForSelector("html[data-ready=true]");
  await rec.page.waitForSelector("#impact[data-worker=ready]");
  await rec.page.waitForFunction(() => document.querySelector("#preview credit-check").report);
  return rec;
}

/** Replaces the first occurrence of `from` in the editor by typing `to` over it (a person's edit). */
async function retype(page, from, to) {
  const checked = await page.evaluate(() => document.body.dataset.checked);
  await page.evaluate((from) => {
    const { view } = window.studio.editor;
    const at = view.state.doc.toString().indexOf(from);
    if (at < 0) throw new Error(`not in the editor: ${from}`);
    view.dispatch({ selection: { anchor: at, head: at + from.length } });
    view.focus();
  }, from);
  await page.keyboard.type(to);
  await page.waitForFunction((c) => document.body.dataset.checked !== c, checked);
}

const problems = (page) => page.$$eval("#problems li", (ls) => ls.map((l) => ({ code: l.dataset.code, path: l.dataset.path, hint: l.querySelector(".hint")?.textContent ?? "" })));

test("a typo is underlined at its path with the hint, a click goes there, and fixing it clears it", async () => {
  const { page, errors } = await openStudio();
  assert.deepEqual(await problems(page), []);
  await retype(page, "dar <= 85%", "dra <= 85%");
  const list = await problems(page);
  assert.equal(list.length, 1, JSON.stringify(list));
  assert.equal(list[0].path, "knockouts[6].pass");
  assert.match(list[0].hint, /dar/);
  const underlined = await page.locator("#editor .cm-lintRange-error").allTextContents();
  assert.ok(underlined.join("").includes("dra <= 85%"), underlined.join("|"));
  await page.locator("#problems li button").first().click();
  const selected = await page.evaluate(() => {
    const { state } = window.studio.editor.view;
    return state.sliceDoc(state.selection.main.from, state.selection.main.to);
  });
  assert.equal(selected, '"dra <= 85%"');
  await page.screenshot({ path: path.join(shots, "studio-typo.png") });
  await retype(page, "dra <= 85%", "dar <= 85%");
  assert.deepEqual(await problems(page), []);
  assert.equal(await page.locator("#problems .none").isVisible(), true);
  assert.deepEqual(errors, []);
});

test("a broken test shows expected and actual side by side", async () => {
  const { page } = await openStudio();
  assert.match(await page.textContent("#tests .summary"), /8 (passed|通过)/); // the built-in policy's 8 tests
  await retype(page, '"expr": "3000万"', '"expr": "2000万"');
  const failed = page.locator('#tests li.failed[data-test="0"]');
  await failed.waitFor();
  const rows = await failed.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.ok(
    rows.some(([p, e, a]) => p.includes("absoluteCap") && e === "30000000" && a === "20000000"),
    JSON.stringify(rows),
  );
  assert.deepEqual(
    (await problems(page)).map((p) => p.code),
    ["embeddedTestFailed"],
  );
  await failed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "studio-broken-test.png") });
});

test("a test is added from the preview with its present results, and it passes", async () => {
  const { page } = await openStudio();
  await page.locator("#preview credit-check button.fill-example").click();
  await page.waitForFunction(() => document.querySelector("#preview credit-check").report?.company);
  const checked = await page.evaluate(() => document.body.dataset.checked);
  const before = await page.evaluate(() => JSON.parse(window.studio.editor.text()).tests.length);
  await page.click("#add-test");
  await page.waitForFunction((c) => document.body.dataset.checked !== c, checked);
  const tests = await page.evaluate(() => JSON.parse(window.studio.editor.text()).tests);
  assert.equal(tests.length, before + 1);
  const added = tests[before];
  assert.match(added.name, /^studio: /);
  assert.equal(added.expect.products.find((p) => p.id === "reference-pure-credit").limit.amount, "8000000");
  assert.match(await page.textContent("#tests .summary"), new RegExp(`^${before + 1} (passed|通过)[,，] ?0`));
  assert.deepEqual(await problems(page), []);
});

test("the 2022 ladder document opens from the menu: valid, every test it carries passing, and the preview uses it", async () => {
  const { page, errors } = await openStudio();
  const doc = JSON.parse(readFileSync(new URL("../../www/policies/ladder-2022.json", import.meta.url), "utf8"));
  const checked = await page.evaluate(() => document.body.dataset.checked);
  await page.selectOption("#open", "ladder");
  await page.waitForFunction((c) => document.body.dataset.checked !== c, checked);
  assert.equal(await page.evaluate(() => JSON.parse(window.studio.editor.text()).id), doc.id);
  assert.deepEqual(await problems(page), []);
  assert.equal(await page.locator("#problems .none").isVisible(), true);
  assert.match(await page.textContent("#tests .summary"), new RegExp(`^${doc.tests.length} (passed|通过)[,，] ?0`));
  assert.equal(await page.locator("#tests li.failed").count(), 0);
  await page.waitForFunction((id) => document.querySelector("#preview credit-check").report?.policy.id === id, doc.id);
  // The preview's ladder shows the 2022 tiers.
  for (const id of ["specializedSme", "littleGiant"]) {
    assert.match(await page.locator(`#preview credit-check li.tier[data-scheme=${id}] .tier-title`).textContent(), /2022/, id);
  }
  await page.screenshot({ path: path.join(shots, "studio-ladder-2022.png") });
  await page.locator("#preview credit-check button.fill-example").click();
  await page.waitForFunction(() => document.querySelector("#preview credit-check").report?.company);
  await page.locator("#preview credit-check section.ladder").screenshot({ path: path.join(shots, "studio-ladder-2022-preview.png") });
  assert.deepEqual(errors, []);
});

// domain.md §6.8, step by step (yuan).
const WORKED = {
  revenueBase: "4500000",
  taxBase: "9600000",
  base: "9600000",
  multiplier: "1.4",
  baseTimesQ: "13440000",
  ipAddOn: "850000",
  talentAddOn: "3000000",
  gross: "17290000",
  haircut: "0.85",
  afterHaircut: "14696500",
  tierCap: "10000000",
  relativeCap: "30000000",
  absoluteCap: "30000000",
  capped: "10000000",
  net: "8000000",
  line: "8000000",
};

test("the trace of the worked example shows every step of §6.8 with its value, the binding cap and the band rows", async () => {
  const { page } = await openStudio();
  const product = page.locator('#trace [data-product="reference-pure-credit"]');
  await product.waitFor();
  const steps = await product.locator("tr[data-step]").evaluateAll((trs) =>
    Object.fromEntries(
      trs.map((tr) => {
        const v = tr.querySelector(".value span");
        return [tr.dataset.step, { value: v?.title, shown: v?.textContent.trim(), binding: tr.classList.contains("binding"), text: tr.textContent }];
      }),
    ),
  );
  // Each step's exact value (on hover), and as a person reads it: 万 for money, × for a factor.
  for (const [id, value] of Object.entries(WORKED)) assert.equal(steps[id]?.value, value, id);
  assert.equal(steps.tierCap.shown, "1,000万");
  assert.equal(steps.line.shown, "800万");
  assert.ok(!/\d{7}/.test(steps.net.shown), steps.net.shown);
  assert.deepEqual(
    Object.keys(steps).filter((id) => steps[id].binding),
    ["tierCap"],
  );
  assert.match(steps.tierCap.text, /tierCap.*2.*1,000万/);
  // The facts a step reads are readable too: the revenue in 万, the debt ratio as a percentage.
  assert.match(steps.relativeCap.text, /revenue = 3,000万/);
  assert.match(steps.haircut.text, /dar = 62\.5%/);
  assert.match(steps.haircut.text, /darHaircut.*2.*0\.85/);
  assert.match(steps.taxBase.text, /taxMultiplier\[A\].*× 8/);
  assert.match(await page.textContent("#trace .schemes"), /科技型中小企业[^:]*: [^(]+ \(96\)/);
  assert.doesNotMatch(await page.textContent("#trace .schemes"), /qualified|techSme/);
  await product.locator('tr[data-step="tierCap"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "studio-trace.png") });
});

/** Per product, what changes from `before` to `after` reports (summary), counted here in Node. */
function expected(before, after) {
  const out = {};
  before.forEach((b, i) => {
    for (const p of b.products) {
      const q = after[i].products.find((x) => x.id === p.id);
      const row = (out[p.id] ??= { toIneligible: 0, toEligible: 0, total: 0n });
      if (p.status === "eligible" && q.status === "ineligible") row.toIneligible++;
      if (p.status === "ineligible" && q.status === "eligible") row.toEligible++;
      const amount = (r) => BigInt(r.status === "eligible" ? r.limit.amount : "0");
      row.total += amount(q) - amount(p);
    }
  });
  return out;
}

test("K7 from 85% to 80% on a 1,000-row CSV: the impact matches evaluateMany in Node; 10,000 profiles timed", async (t) => {
  const { page } = await openStudio();
  const file = path.join(targetDir, "studio-portfolio.csv");
  writeFileSync(file, toCsv(cc.sampleProfiles(1000, 7)));
  await page.setInputFiles("#impact input.portfolio", file);
  await page.waitForFunction(() => /1000/.test(document.querySelector("#impact .impact-status").textContent));
  await retype(page, "dar <= 85%", "dar <= 80%");
  await page.click("#impact .run");
  await page.waitForSelector("#impact[data-state=done]");

  const { profiles } = readPortfolio(await import("node:fs").then((fs) => fs.readFileSync(file, "utf8")), "x.csv");
  assert.equal(profiles.length, 1000);
  const policy = cc.defaultPolicy();
  const draft = structuredClone(policy);
  draft.knockouts.find((k) => k.id === "K7").pass = "dar <= 80%";
  const want = expected(cc.evaluateMany(profiles, { detail: "summary" }), cc.evaluateMany(profiles, { policy: draft, detail: "summary" }));
  const shown = await page.$$eval("#impact .impact-table tbody tr", (trs) =>
    Object.fromEntries(trs.map((tr) => [tr.dataset.product, Object.fromEntries([...tr.querySelectorAll("td")].map((td) => [td.dataset.k, td.dataset.yuan ?? td.textContent]))])),
  );
  for (const [id, w] of Object.entries(want)) {
    assert.equal(Number(shown[id].toIneligible), w.toIneligible, `${id} eligible → ineligible`);
    assert.equal(Number(shown[id].toEligible), w.toEligible, `${id} ineligible → eligible`);
    assert.equal(shown[id].total, w.total.toString(), `${id} total line change`);
  }
  assert.ok(want["reference-pure-credit"].toIneligible > 0, "the change moves some firms");
  t.diagnostic(`K7 at 80%: ${JSON.stringify(Object.fromEntries(Object.entries(want).map(([k, v]) => [k, v.toIneligible])))} firms become ineligible`);
  await page.locator("#impact .impact-results").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "studio-impact.png") });

  // A mover's button opens its trace.
  await page.locator("#impact .mover").first().click();
  await page.waitForFunction(() => document.querySelector("#profile").value.includes("企业"));

  // The benchmark: 10,000 seeded profiles under both policies (a figure, not an assertion).
  await page.fill("#impact .sample-count", "10000");
  await page.click("#impact .generate");
  const started = Date.now();
  await page.click("#impact .run");
  await page.waitForSelector("#impact[data-state=running]");
  await page.waitForSelector("#impact[data-state=done]", { timeout: 60_000 });
  const ms = await page.evaluate(() => document.querySelector("#impact").lastResult.ms);
  t.diagnostic(`10,000 profiles × 2 policies: ${(ms / 1000).toFixed(2)} s in the worker, ${((Date.now() - started) / 1000).toFixed(2)} s click to result`);
});

test("the page makes no request after load and breaks no CSP rule", async () => {
  const { page, requests, errors } = await openStudio();
  const loaded = requests.length;
  assert.ok(requests.every((r) => r.url.startsWith(env.server.origin)), "same origin only");
  await retype(page, "dar <= 85%", "dar <= 80%");
  await page.locator("#preview credit-check button.fill-example").click();
  await page.click("#add-test");
  await page.fill("#impact .sample-count", "200");
  await page.click("#impact .generate");
  await page.click("#impact .run");
  await page.waitForSelector("#impact[data-state=done]");
  await page.click("#lang");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  // The message about the test just added follows the language too.
  assert.match(await page.textContent("#tests .added"), /^Test “studio: .*” added\.$/);
  assert.deepEqual(requests.slice(loaded).map((r) => r.url), []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: path.join(shots, "studio-en.png"), fullPage: false });
});

test("axe: the studio has no serious or critical violation", async (t) => {
  const context = await env.chrome.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
  const { page } = await openStudio({ context });
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  t.diagnostic(`${result.violations.length} violation(s), ${bad.length} serious or critical`);
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`),
    [],
  );
  await context.close();
});
