// axe-core finds no serious or critical accessibility violation on the page or the embed page,
// in either language.
import test from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { useBrowser } from "./harness.mjs";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

const env = useBrowser();

for (const [name, url, lang] of [
  ["self-check page, zh-CN", "", null],
  ["self-check page, English", "", "en"],
  ["embed page", "embed.html", null],
]) {
  test(`axe: ${name}`, async (t) => {
    // axe is injected as a script: this test's context bypasses the page's CSP to allow that.
    const context = await env.chrome.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(env.server.url + url);
    await page.waitForSelector("html[data-ready=true]");
    // Filled with the example, so that every card is there to check.
    await page.locator("credit-check button.fill-example").click();
    await page.waitForFunction(() => document.querySelector("credit-check").report?.company);
    if (lang) {
      await page.click("#lang");
      await page.waitForFunction((l) => document.querySelector("credit-check").report.locale === l, lang);
    }
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      // Open every folded section so that its content is checked too.
      for (const d of document.querySelector("credit-check").shadowRoot.querySelectorAll("details")) d.open = true;
      return window.axe.run(document, { resultTypes: ["violations"] });
    });
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    t.diagnostic(`${result.violations.length} violation(s), ${bad.length} serious or critical`);
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
      [],
    );
    await context.close();
  });
}

test("axe: the empty form with its questions, then errors, warnings and the out-of-date mark", async (t) => {
  const context = await env.chrome.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector("html[data-ready=true]");
  await page.addScriptTag({ path: axePath });
  const run = () => page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations);
  const serious = (list) => list.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  const empty = await run();
  assert.deepEqual(serious(empty), [], "the empty form with its questions");
  const form = page.locator("credit-check form");
  await form.getByLabel("研发费用", { exact: true }).fill("300");
  await form.getByLabel("销售收入", { exact: true }).fill("100");
  await form.getByLabel("职工总数", { exact: true }).fill("很多");
  await page.waitForSelector("credit-check .stale-mark:not([hidden])");
  const broken = await run();
  assert.deepEqual(serious(broken), [], "errors at fields and the out-of-date mark");
  await form.getByLabel("职工总数", { exact: true }).fill("10");
  await page.waitForSelector("credit-check .field-warnings:not([hidden])");
  const warned = await run();
  assert.deepEqual(serious(warned), [], "warnings at fields");
  t.diagnostic(`${empty.length} / ${broken.length} / ${warned.length} violation(s), none serious or critical`);
  await context.close();
});
