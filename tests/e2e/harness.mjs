// Shared set-up for the browser tests: a static server on a free port (with the product's CSP)
// and Debian's chromium driven by playwright-core, recording every request the page makes.
import { spawn, execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function chromiumPath() {
  return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
}

/** Starts scripts/serve.py on port 0; resolves to { url, origin, stop }. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", [path.join(root, "scripts/serve.py"), "--port", "0", "--quiet"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buf = "";
    child.on("error", reject);
    child.stdout.on("data", (d) => {
      buf += d;
      const m = buf.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        const url = m[0];
        resolve({ url, origin: new URL(url).origin, stop: () => child.kill() });
      }
    });
  });
}

/** Launches headless chromium (playwright gives it a fresh profile) with no background networking. */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const close = () => browser.close();
  return { browser, close };
}

/** A new page that records every request URL and every console error. */
export async function recordingPage(browser, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push({ url: r.url(), at: Date.now() }));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { page, requests, errors };
}

/** Cargo's target directory (CARGO_TARGET_DIR when set): screenshots and test files go there. */
export const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, "target");

/** Registers before/after hooks that start the server and the browser for a test file. */
export function useBrowser() {
  const env = { server: null, chrome: null };
  before(async () => {
    env.server = await startServer();
    env.chrome = await launch();
  });
  after(async () => {
    await env.chrome?.close();
    env.server?.stop();
  });
  return env;
}
