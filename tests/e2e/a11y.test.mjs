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
