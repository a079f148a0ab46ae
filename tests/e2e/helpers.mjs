// Shared by the end-to-end tests: a static server for www/ and a headless
// Chromium driven by playwright-core. Not a test file itself (node --test
// only runs *.test.mjs).

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const WWW = resolve(fileURLToPath(new URL("../../www/", import.meta.url)));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** The policy a strict publisher would send: no inline scripts or styles, no eval. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/**
 * Serves www/ on a free 127.0.0.1 port. Options: `csp` (a
 * Content-Security-Policy header for every response), `routes` (path ->
 * { status, type, body } for extra responses such as a claims bundle).
 * Resolves to { url, requests, close }; `requests` lists every request
 * served as { path, headers }.
 */
export async function serve({ csp, routes = {} } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push({ path, headers: req.headers });
    const headers = csp ? { "Content-Security-Policy": csp } : {};
    const route = routes[path];
    if (route) {
      res.writeHead(route.status ?? 200, { ...headers, "Content-Type": route.type ?? "application/json" });
      res.end(route.body);
      return;
    }
    const file = normalize(join(WWW, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(WWW)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Headless Chromium; `extraArgs` are added to the usual flags. */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * A served www/ and a Chromium for one test file: started before its tests,
 * closed after them. Use `env.server` and `env.browser` inside the tests.
 */
export function useBrowser({ serveOptions, args } = {}) {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await serve(serveOptions);
    env.browser = await launch(args);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Collects console errors and warnings and uncaught page errors. */
export function watchConsole(page) {
  const messages = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") messages.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

/** Resolves once the widget is mounted (the loader has run and wasm is ready). */
export async function widgetReady(page) {
  await page.evaluate(async () => (await import(new URL("fonte.min.js", document.baseURI).href)).ready);
}

/**
 * Finds the text node range of `sentence` inside the element matching
 * `selector` and returns the viewport coordinates of its first and last
 * characters (for real mouse drags).
 */
export async function sentenceBox(page, selector, sentence, scroll = true) {
  return page.evaluate(
    ([selector, sentence, scroll]) => {
      const root = document.querySelector(selector);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(sentence);
        if (at < 0) continue;
        if (scroll) node.parentElement.scrollIntoView({ block: "center" });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const first = range.getBoundingClientRect();
        range.setStart(node, at + sentence.length - 1);
        range.setEnd(node, at + sentence.length);
        const last = range.getBoundingClientRect();
        return {
          start: { x: first.left + 1, y: first.top + first.height / 2 },
          end: { x: last.right - 1, y: last.top + last.height / 2 },
        };
      }
      throw new Error(`sentence not found: ${sentence}`);
    },
    [selector, sentence, scroll],
  );
}

/** Selects `sentence` with a real mouse drag (mousedown, moves, mouseup). */
export async function dragSelect(page, selector, sentence) {
  const { start, end } = await sentenceBox(page, selector, sentence);
  await page.mouse.move(start.x - 0.5, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

/** Drags the mouse from the start of `from` to the end of `to` (two texts, maybe in different paragraphs). */
export async function dragBetween(page, selector, from, to) {
  await sentenceBox(page, selector, from);
  const a = await sentenceBox(page, selector, from, false);
  const b = await sentenceBox(page, selector, to, false);
  await page.mouse.move(a.start.x - 0.5, a.start.y);
  await page.mouse.down();
  await page.mouse.move(b.end.x, b.end.y, { steps: 8 });
  await page.mouse.up();
}

/** Selects `sentence` with a programmatic range (no pointer events). */
export async function rangeSelect(page, selector, sentence) {
  await page.evaluate(
    ([selector, sentence]) => {
      const root = document.querySelector(selector);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(sentence);
        if (at < 0) continue;
        node.parentElement.scrollIntoView({ block: "center" });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + sentence.length);
        const selection = document.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`sentence not found: ${sentence}`);
    },
    [selector, sentence],
  );
}

/** What the tooltip shows, read through its open shadow root. */
export async function tooltip(page) {
  return page.evaluate(() => {
    const host = document.querySelector("fonte-tooltip");
    const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
    if (!dialog || dialog.hidden) return null;
    const rect = dialog.getBoundingClientRect();
    const text = (sel) => dialog.querySelector(sel)?.textContent ?? null;
    return {
      verdict: dialog.dataset.verdict,
      badge: text("#fonte-verdict"),
      speakers: Array.from(dialog.querySelectorAll(".who b"), (b) => b.textContent),
      quote: text("blockquote"),
      explanation: text(".why"),
      placement: dialog.dataset.placement,
      rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    };
  });
}

/** Waits for the tooltip to show (any verdict) and returns what it shows. */
export async function waitForTooltip(page, timeout = 5000) {
  await page.waitForFunction(
    () => {
      const dialog = document.querySelector("fonte-tooltip")?.shadowRoot?.querySelector('[role="dialog"]');
      return dialog && !dialog.hidden;
    },
    null,
    { timeout },
  );
  return tooltip(page);
}
