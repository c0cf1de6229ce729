// A bank embeds <credit-check> with its own policy file and colours and listens to its events;
// under a CSP without 'wasm-unsafe-eval' the element reports a clear error instead of failing silently.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { recordingPage, useBrowser } from "./harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const env = useBrowser();

test("the embed page uses the bank's policy and receives the result event", async () => {
  const { page, requests, errors } = await recordingPage(env.chrome.browser);
  await page.goto(`${env.server.url}embed.html`);
  await page.waitForSelector("html[data-ready=true]");
  await page.locator("credit-check button.fill-example").click();
  await page.waitForFunction(() => /万元/.test(document.querySelector("#last-result").textContent));
  const out = await page.locator("#last-result").textContent();
  assert.match(out, /example-bank-tech-loan/);
  assert.match(out, /1000 万元/); // the bank's 1200万 tier cap − 200万 of existing loans
  const report = await page.evaluate(() => document.querySelector("credit-check").report);
  assert.deepEqual(report.products.map((p) => p.id), ["example-tech-loan"]);
  const accent = await page.evaluate(() => {
    const el = document.querySelector("credit-check");
    return getComputedStyle(el.shadowRoot.querySelector(".big")).color;
  });
  assert.equal(accent, "rgb(122, 31, 31)", "the bank's --cc-accent reaches inside");
  assert.ok(requests.some((r) => r.url.endsWith("/policies/example-bank.json")));
  assert.deepEqual(requests.filter((r) => new URL(r.url).origin !== env.server.origin), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a bank's page loads the full module alone, never the lean one", async () => {
  const { page, requests } = await recordingPage(env.chrome.browser);
  await page.goto(`${env.server.url}embed.html`);
  await page.waitForSelector("html[data-ready=true]");
  const paths = requests.map((r) => new URL(r.url).pathname);
  assert.ok(paths.includes("/pkg/credit_check_bg.wasm"), JSON.stringify(paths));
  assert.deepEqual(paths.filter((p) => p.startsWith("/pkg/lean/")), []);
  await page.close();
});

test("a policy property with a different product answers with that product", async () => {
  const { page } = await recordingPage(env.chrome.browser);
  await page.goto(`${env.server.url}embed.html`);
  await page.waitForSelector("html[data-ready=true]");
  const ids = await page.evaluate(async () => {
    const el = document.querySelector("credit-check");
    const policy = await (await fetch("policies/example-bank.json")).json();
    policy.products[0].id = "renamed";
    const got = new Promise((resolve) =>
      document.addEventListener("credit-check:result", (e) => resolve(e.detail.products.map((p) => p.id)), { once: true }),
    );
    el.setAttribute("products", "renamed");
    el.policy = policy;
    return got;
  });
  assert.deepEqual(ids, ["renamed"]);
  await page.close();
});

test("a policy-src that cannot be loaded is an error, never a fallback to another policy", async () => {
  const { page } = await recordingPage(env.chrome.browser);
  await page.goto(`${env.server.url}embed.html`);
  await page.waitForSelector("html[data-ready=true]");
  const after = await page.evaluate(async () => {
    const el = document.querySelector("credit-check");
    const error = new Promise((resolve) =>
      el.addEventListener("credit-check:error", (e) => resolve(e.detail.code), { once: true }),
    );
    let results = 0;
    el.addEventListener("credit-check:result", () => (results += 1));
    el.setAttribute("policy-src", "policies/missing.json");
    const code = await error;
    el.setField("employees", "90");
    await new Promise((r) => setTimeout(r, 50));
    return {
      code,
      results,
      report: el.report,
      cards: el.shadowRoot.querySelectorAll(".product").length,
      shown: el.shadowRoot.querySelector(".unavailable")?.textContent,
    };
  });
  assert.deepEqual(after, { code: "policyUnavailable", results: 0, report: null, cards: 0, shown: "额度测算暂不可用，请稍后再试。" });
  await page.close();
});

test("an invalid policy-src shows the user a plain message and gives the developer every problem", async () => {
  const { page } = await recordingPage(env.chrome.browser);
  const policy = JSON.parse(readFileSync(path.join(root, "www/policies/example-bank.json"), "utf8"));
  policy.products[0].limit.steps[0].expr = "revnue * 20%";
  policy.effective = "someday";
  await page.route("**/policies/broken.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(policy) }));
  await page.goto(`${env.server.url}embed.html`);
  await page.waitForSelector("html[data-ready=true]");
  const got = await page.evaluate(async () => {
    const el = document.querySelector("credit-check");
    const error = new Promise((resolve) => el.addEventListener("credit-check:error", (e) => resolve(e.detail), { once: true }));
    el.setAttribute("policy-src", "policies/broken.json");
    const detail = await error;
    return { detail, shown: el.shadowRoot.querySelector(".unavailable")?.textContent, report: el.report };
  });
  assert.equal(got.detail.code, "policyInvalid");
  assert.equal(got.shown, "额度测算暂不可用，请稍后再试。");
  assert.equal(got.report, null);
  const paths = got.detail.errors.map((e) => e.path);
  assert.ok(paths.includes("effective"), JSON.stringify(paths));
  assert.ok(paths.some((p) => p.startsWith("products[0].limit.steps[0]")), JSON.stringify(paths));
  assert.ok(got.detail.errors.every((e) => e.code && e.message));
  await page.close();
});

test("without 'wasm-unsafe-eval' the element emits credit-check:error", async () => {
  const { page } = await recordingPage(env.chrome.browser);
  await page.goto(`${env.server.url}no-wasm/embed.html`);
  await page.waitForSelector("html[data-error]");
  assert.equal(await page.locator("html").getAttribute("data-error"), "wasmUnavailable");
  assert.match(await page.locator("credit-check .error").textContent(), /WebAssembly/);
  await page.close();
});
