// The self-check page in a real browser: type a profile, read the score, and check that the page
// talked to no origin but its own.
import test, { after, before } from "node:test";
import assert from "node:assert/strict";
import { launch, recordingPage, startServer } from "./harness.mjs";

let server;
let chrome;

before(async () => {
  server = await startServer();
  chrome = await launch();
});

after(async () => {
  await chrome?.close();
  server?.stop();
});

test("typing a profile shows its tech-SME score, with no request to another origin", async () => {
  const { page, requests, errors } = await recordingPage(chrome.browser);
  await page.goto(server.url);
  await page.waitForSelector("html[data-ready=true]");
  await page.fill("input[name=employees]", "100");
  await page.fill("input[name=techStaff]", "10");
  await page.fill("input[name=revenue]", "1000");
  await page.fill("input[name=rdExpense]", "20");
  await page.fill("input[name=costsAndExpenses]", "800");
  await page.fill("input[name=classOne]", "0");
  await page.fill("input[name=classTwo]", "1");
  // 10% staff → 4, R&D 2% of revenue → 10 (costs 2.5% → 0), 1 Class II → 6: 20 points
  await page.waitForFunction(() => document.getElementById("score").textContent === "20");
  await page.fill("input[name=techStaff]", "20");
  await page.fill("input[name=rdExpense]", "180");
  await page.fill("input[name=classOne]", "2");
  // 20% → 12, 18% → 50, Class I → 30: 92
  await page.waitForFunction(() => document.getElementById("score").textContent === "92");
  const foreign = requests.filter((r) => new URL(r.url).origin !== server.origin);
  assert.deepEqual(foreign, [], "requests to other origins");
  assert.deepEqual(errors, [], "console errors");
  await page.close();
});
