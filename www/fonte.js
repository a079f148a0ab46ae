// Fonte loader: <script type="module" src="/fonte/fonte.min.js"></script>,
// with optional data-root, data-lang, data-theme, data-claims. Documented in
// README.md ("Embedding Fonte") and fonte.d.ts. This is the source: the
// release build ships it minified, with widget.js, as fonte.min.js
// (scripts/lib/minify.mjs).
//
// It loads the wasm engine, mounts the widget (widget.js) and fetches the
// claims bundle a publisher configured; nothing else goes over the network.

import init, { Engine } from "./pkg/fonte.js";
import { dispatchResult, mountWidget, parseLang } from "./widget.js";

// Largest claims bundle accepted: a bigger one is an error, not a freeze.
const MAX_CLAIMS_BYTES = 8 << 20;

const loaded = init();
// Reported by whoever awaits it (the automatic mount below warns).
loaded.catch(() => {});
/** The engine over the bundled claims, built on first use and then shared. */
let bundled = null;
let widget = null;

function warn(message) {
  console.warn(`Fonte: ${message}`);
}

function bundledEngine() {
  bundled ??= new Engine();
  return bundled;
}

/** Gives `target` an engine over the bundle at `url`; on any failure warns
 * and leaves it on the bundled claims. */
async function loadClaims(target, url) {
  let href;
  try {
    href = new URL(url, document.baseURI);
  } catch {
    return warn(`data-claims is not a URL: ${url}; using the bundled claims`);
  }
  if (href.protocol !== "https:" && href.protocol !== "http:") {
    return warn(`data-claims must be an http(s) URL, not ${href.protocol}; using the bundled claims`);
  }
  try {
    const response = await fetch(href, { credentials: "omit", referrerPolicy: "no-referrer" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const length = Number(response.headers.get("content-length"));
    if (length > MAX_CLAIMS_BYTES) throw new Error(`${length} bytes is too big`);
    const text = await response.text();
    if (text.length > MAX_CLAIMS_BYTES) throw new Error("too big");
    const engine = Engine.fromBundle(text);
    // Unmounted or remounted meanwhile: the claims are no longer wanted.
    if (target !== widget) return engine.free();
    target.setEngine(engine);
  } catch (error) {
    warn(`could not load claims from ${href}: ${error.message ?? error}; using the bundled claims`);
  }
}

export async function mount(options = {}) {
  await loaded;
  unmount();
  const { claims, ...rest } = options ?? {};
  const mounted = mountWidget(bundledEngine(), rest);
  widget = mounted;
  if (claims) await loadClaims(mounted, claims);
}

export function unmount() {
  if (widget) {
    widget.unmount();
    if (widget.engine !== bundled) widget.engine.free();
    widget = null;
  }
}

export async function check(text, lang) {
  await loaded;
  if (widget) return widget.check(String(text), lang);
  return dispatchResult(JSON.parse(bundledEngine().check(String(text), parseLang(lang))));
}

// The tag that loaded this module (module scripts have no currentScript);
// imported from code instead, nothing mounts until mount() is called.
const tag = Array.from(document.querySelectorAll("script[src]")).find((s) => s.src === import.meta.url);

const { root, lang, theme, claims } = tag?.dataset ?? {};
export const ready = tag
  ? mount({ root, lang, theme, claims }).catch((error) => warn(`not mounted: ${error.message ?? error}`))
  : loaded.then(
      () => {},
      (error) => warn(`could not start: ${error.message ?? error}`),
    );
