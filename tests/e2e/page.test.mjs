// The self-check page in a real browser (Debian chromium): typing updates the result, the language
// switches, policy texts with markup stay text, the golden vectors give the same answers as in
// Node, nothing goes to another origin and nothing at all after load. Prints page timings and
// saves screenshots (375 px and 1280 px) under target/screenshots/.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { recordingPage, targetDir, useBrowser } from "./harness.mjs";

const require = createRequire(import.meta.url);
const { loadVectors, check } = require("../support/vectors.cjs");
const shots = path.join(targetDir, "screenshots");

mkdirSync(shots, { recursive: true });
const env = useBrowser();

/** The page, filled with the labelled worked example (it starts empty). */
async function open(viewport) {
  const rec = await recordingPage(env.chrome.browser, viewport);
  await rec.page.goto(env.server.url);
  await rec.page.waitForSelector("html[data-ready=true]");
  await rec.page.locator("credit-check button.fill-example").click();
  await rec.page.waitForFunction(() => document.querySelector("credit-check").report?.company);
  return rec;
}

const field = (name) => `credit-check [name="${name}"]`;
const text = (page, selector) => page.locator(`credit-check ${selector}`).first().textContent();

test("typing a profile updates the score and the lines; no other origin, no request after load", async (t) => {
  const { page, requests, errors } = await open({ width: 1280, height: 900 });
  const loaded = requests.length;
  assert.equal(await text(page, ".score"), "96");
  assert.match(await text(page, '[data-product="reference-pure-credit"] .amount'), /800万/);
  await page.fill(field("employees"), "100");
  await page.fill(field("techStaff"), "10");
  await page.fill(field("financials[0].revenue"), "1000");
  await page.fill(field("financials[0].rdExpense"), "20");
  await page.fill(field("financials[0].costsAndExpenses"), "800");
  await page.fill(field("ip.classOne"), "0");
  await page.fill(field("ip.classTwo"), "1");
  // 10% staff → 4, R&D 2% of revenue → 10 (2.5% of costs → 0), one Class II → 6: 20 points
  await page.waitForFunction(() => document.querySelector("credit-check").report.assessments.techSme.score === 20);
  assert.equal(await text(page, ".score"), "20");
  // A bad amount is shown at its field and the next keystroke recovers.
  await page.fill(field("financials[0].revenue"), "12abc");
  await page.waitForSelector('credit-check [name="financials[0].revenue"][aria-invalid=true]');
  assert.match(await text(page, '[data-path="financials[0].revenue"] .field-error'), /销售收入/);
  await page.fill(field("financials[0].revenue"), "1000");
  await page.waitForSelector("credit-check .stale-mark[hidden]", { state: "attached" });

  const timings = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const first = performance.getEntriesByName("credit-check:first-result")[0];
    const el = document.querySelector("credit-check");
    const samples = [];
    const input = el.shadowRoot.querySelector('[name="financials[0].rdExpense"]');
    for (let i = 0; i < 20; i++) {
      input.value = String(20 + i);
      const t0 = performance.now();
      input.dispatchEvent(new Event("input", { bubbles: true }));
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return { firstResult: first.startTime - nav.startTime, keystrokeMedian: samples[10], keystrokeMax: samples[19] };
  });
  // One load is a noisy figure on a busy machine: load the page again, each time in a fresh
  // page, and print the median and the range. (Printed, never asserted: a figure, not a test.)
  const loads = [timings.firstResult];
  for (let i = 0; i < 6; i++) {
    const again = await recordingPage(env.chrome.browser, { width: 1280, height: 900 });
    await again.page.goto(env.server.url);
    await again.page.waitForFunction(() => performance.getEntriesByName("credit-check:first-result").length > 0);
    loads.push(await again.page.evaluate(() => performance.getEntriesByName("credit-check:first-result")[0].startTime));
    await again.page.close();
  }
  loads.sort((a, b) => a - b);
  t.diagnostic(
    `navigation → first result median ${loads[3].toFixed(0)} ms over ${loads.length} loads (${loads[0].toFixed(0)}–${loads[6].toFixed(0)}); ` +
      `keystroke → updated report median ${timings.keystrokeMedian.toFixed(1)} ms, max ${timings.keystrokeMax.toFixed(1)} ms`,
  );
  const foreign = requests.filter((r) => new URL(r.url).origin !== env.server.origin);
  assert.deepEqual(foreign, [], "requests to other origins");
  assert.deepEqual(requests.slice(loaded), [], "requests after the page and its policy loaded");
  assert.deepEqual(errors, [], "console errors");
  await page.close();
});

test("edit after edit, the report changed in place is the one a whole render gives", async (t) => {
  const { page, errors } = await open({ width: 1280, height: 900 });
  // A disclosure the reader opened stays open (the element keeps it); a whole render opens it too.
  await page.locator('credit-check [data-key="reference-pure-credit:checks"] summary').click();
  const sameAsWhole = () =>
    page.evaluate(async () => {
      const el = document.querySelector("credit-check");
      const { evaluateInto } = await import("./pkg/lean/credit_check.js");
      const whole = document.createElement("div");
      evaluateInto(whole, el.profile, { locale: el.locale });
      const shown = el.shadowRoot.querySelector(".report-host .report");
      for (const d of shown.querySelectorAll("details[open]")) whole.querySelector(`details[data-key="${d.dataset.key}"]`)?.setAttribute("open", "");
      const parts = shown.querySelectorAll("*").length;
      return { same: shown.isEqualNode(whole.firstChild), parts, opened: shown.querySelectorAll("details[open]").length };
    });
  const edits = [
    ["financials[0].revenue", "800"],
    ["employees", "5"],
    ["ip.classOne", "0"],
    ["financials[0].rdExpense", ""],
    ["financials[0].revenue", ""],
    ["financials[0].revenue", "30000"],
    ["financials[0].rdExpense", "3000"],
    ["employees", "120"],
    ["ip.classOne", "4"],
  ];
  let checked = 0;
  for (const locale of ["zh-CN", "en"]) {
    if (locale === "en") {
      await page.click("#lang");
      await page.waitForFunction(() => document.querySelector("credit-check").report.locale === "en");
    }
    for (const [name, value] of edits) {
      await page.fill(field(name), value);
      const found = await sameAsWhole();
      assert.ok(found.same, `${locale}, after ${name} = ${JSON.stringify(value)}: the report differs from a whole render`);
      assert.ok(found.opened >= 1, "the opened disclosure stays open");
      checked += 1;
    }
  }
  assert.deepEqual(errors, []);
  t.diagnostic(`${checked} edits: each report the same as a whole render`);
  await page.close();
});

test("a year two back with the year before left empty is kept, and the report asks for the gap", async () => {
  const { page } = await open({ width: 1280, height: 900 });
  await page.locator("credit-check details.optional summary").first().click();
  await page.fill(field("financials[2].revenue"), "2000");
  const missing = await page.evaluate(() => {
    const report = document.querySelector("credit-check").report;
    return report.assessments.highTech.checks.flatMap((c) => c.missing ?? []);
  });
  assert.ok(missing.some((m) => m.startsWith("financials[1]")), JSON.stringify(missing));
  await page.close();
});

test("the language switch turns the page and the report into English and back", async () => {
  const { page } = await open({ width: 1280, height: 900 });
  await page.click("#lang");
  await page.waitForFunction(() => document.querySelector("credit-check").report.locale === "en");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.match(await page.locator("h1").textContent(), /self-check/);
  assert.match(await text(page, '[data-product="reference-pure-credit"] h4'), /pure-credit line/);
  assert.match(await text(page, "legend"), /The company/);
  await page.click("#lang");
  await page.waitForFunction(() => document.querySelector("credit-check").report.locale === "zh-CN");
  assert.match(await text(page, "legend"), /企业基本情况/);
  await page.close();
});

test("markup in policy texts and profile fields is shown as text, never run", async () => {
  const { page } = await open({ width: 1280, height: 900 });
  const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
  await page.evaluate(async (evil) => {
    const { defaultPolicy } = await import("./pkg/credit_check.js");
    const policy = defaultPolicy();
    policy.products[0].name = { "zh-CN": evil, en: evil };
    policy.knockouts[0].label = { "zh-CN": evil, en: evil };
    policy.disclaimer = { "zh-CN": evil, en: evil };
    const el = document.querySelector("credit-check");
    el.setField("name", evil);
    el.policy = policy;
  }, evil);
  await page.waitForFunction(() => document.querySelector("credit-check").report.products[0].name.startsWith("<img"));
  const found = await page.evaluate(() => {
    const root = document.querySelector("credit-check").shadowRoot;
    return {
      images: root.querySelectorAll("img, b").length,
      name: root.querySelector('[data-product="reference-pure-credit"] h4').textContent,
      company: root.querySelector(".company").textContent,
      pwned: window.__pwned === 1,
    };
  });
  assert.deepEqual(found, { images: 0, name: evil, company: evil, pwned: false });
  await page.close();
});

test("fuzzed policy texts and profile fields always render as text", async (t) => {
  const { page, errors } = await open({ width: 1280, height: 900 });
  const pieces = ["<", ">", "&", '"', "'", "`", "${x}", "<script>window.__pwned=1</script>", "<img src=x onerror=window.__pwned=1>",
    "<svg onload=window.__pwned=1>", "</div>", "<style>*{display:none}</style>", "javascript:", "\u202e", "企业", "&lt;", "<!--", "]]>", " "];
  let seed = 20261126;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const fuzz = () => Array.from({ length: 1 + rnd(6) }, () => pieces[rnd(pieces.length)]).join("");
  let rounds = 0;
  for (let round = 0; round < 12; round++) {
    const texts = Array.from({ length: 6 }, fuzz);
    texts[5] = texts[5].slice(0, 150); // a company name is at most 200 characters
    const found = await page.evaluate(async (texts) => {
      const { defaultPolicy } = await import("./pkg/credit_check.js");
      const policy = defaultPolicy();
      const both = (s) => ({ "zh-CN": s, en: s });
      policy.products[0].name = both(texts[0]);
      policy.products[0].provenance = both(texts[1]);
      policy.products[0].limit.steps[0].label = both(texts[2]);
      policy.knockouts[0].label = both(texts[3]);
      policy.disclaimer = both(texts[4]);
      policy.tests = [];
      const el = document.querySelector("credit-check");
      el.setField("name", texts[5]);
      // The first policy given to the page loads the full module before it shows a result.
      const shown = new Promise((resolve) => el.addEventListener("credit-check:result", resolve, { once: true }));
      el.policy = policy;
      await shown;
      const root = el.shadowRoot;
      for (const d of root.querySelectorAll("details")) d.open = true;
      const report = root.querySelector(".report");
      return {
        elements: [...report.querySelectorAll("*")].map((e) => e.localName).filter((n) => !["div", "section", "header", "h2", "h3", "h4", "h5", "p", "span", "small", "ul", "ol", "li", "details", "summary", "article", "footer"].includes(n)),
        text: report.textContent,
        pwned: window.__pwned === 1,
      };
    }, texts);
    assert.deepEqual(found.elements, [], `unexpected elements for ${JSON.stringify(texts)}`);
    assert.equal(found.pwned, false);
    for (const text of texts.slice(0, 5)) assert.ok(found.text.includes(text), `missing ${JSON.stringify(text)}`);
    rounds += 1;
  }
  assert.deepEqual(errors, []);
  t.diagnostic(`${rounds * 6} fuzzed texts rendered as text`);
  await page.close();
});

/** Every golden vector evaluated in the page through the module at `modulePath`, checked against its expectation. */
async function vectorsThrough(page, modulePath) {
  const cases = loadVectors();
  // Sent as JSON text and parsed in the page, so that keys such as "__proto__" arrive as they are.
  const results = await page.evaluate(
    async ([text, url]) => {
      const { evaluate } = await import(url);
      return JSON.parse(text).map((c) => {
        try {
          return { report: evaluate(c.profile, { locale: "en", ...(c.options || {}) }) };
        } catch (e) {
          return { error: { code: e.code, path: e.path, message: e.message } };
        }
      });
    },
    [JSON.stringify(cases), modulePath],
  );
  cases.forEach((c, i) => {
    const replay = () => {
      if (results[i].error) throw Object.assign(new Error(results[i].error.message), results[i].error);
      return results[i].report;
    };
    assert.deepEqual(check(replay, c), [], `${c.file}: ${c.name}`);
  });
  return cases.length;
}

test("every golden vector gives in the browser what it gives in Node", async (t) => {
  const { page } = await open({ width: 800, height: 600 });
  const n = await vectorsThrough(page, "./pkg/credit_check.js");
  t.diagnostic(`${n} vectors passed in chromium`);
  await page.close();
});

test("the page loads the lean module alone, and every golden vector gives through it what it gives in Node", async (t) => {
  const { page, requests } = await open({ width: 800, height: 600 });
  const pathsNow = () => requests.map((r) => new URL(r.url).pathname);
  // The first load carries the Chinese texts only: the English ones are fetched on a switch to
  // English (here asked for as the page script does, before evaluating in English).
  assert.ok(!pathsNow().includes("/pkg/lean/texts.en.bin"), JSON.stringify(pathsNow()));
  await page.evaluate(async () => (await import("./credit-check.min.js")).localeReady("en"));
  assert.ok(pathsNow().includes("/pkg/lean/texts.en.bin"), JSON.stringify(pathsNow()));
  // The element's own instance (initialised when the page loaded).
  const n = await vectorsThrough(page, "./pkg/lean/credit_check.js");
  const paths = pathsNow();
  assert.ok(paths.includes("/pkg/lean/credit_check_bg.wasm"), JSON.stringify(paths));
  assert.deepEqual(paths.filter((p) => p.startsWith("/pkg/credit_check")), [], "the full module is not fetched");
  t.diagnostic(`${n} vectors passed in chromium through the lean module`);
  await page.close();
});

test("screenshots at 375 px and 1280 px; the narrow layout does not scroll sideways", async (t) => {
  for (const width of [375, 1280]) {
    const { page } = await open({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width}px: ${overflow}px of horizontal overflow`);
    const file = path.join(shots, `self-check-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (width === 375) {
      // The summary bar keeps the result in sight while the form is filled in.
      assert.match(await text(page, ".summary"), /96/);
    }
    t.diagnostic(`saved ${path.relative(process.cwd(), file)}`);
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: path.join(shots, `print-${width}.png`), fullPage: true });
    await page.close();
  }
});
