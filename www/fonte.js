// Fonte loader: <script type="module" src="/fonte/fonte.js"></script>, with
// optional data-root, data-lang, data-theme, data-claims. Documented in
// README.md ("Embedding Fonte") and fonte.d.ts. This is the source: the
// release build ships it minified as fonte.min.js (scripts/lib/minify.mjs).

import init, { check as checkBundled, mount as mountWidget } from "./pkg/fonte.js";

// Largest claims bundle accepted: a bigger one is an error, not a freeze.
const MAX_CLAIMS_BYTES = 8 << 20;

const loaded = init();
// Reported by whoever awaits it (the automatic mount below warns).
loaded.catch(() => {});
let widget = null;

function warn(message) {
  console.warn(`Fonte: ${message}`);
}

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
    const json = await response.text();
    if (json.length > MAX_CLAIMS_BYTES) throw new Error("too big");
    if (target === widget) target.setClaims(json);
  } catch (error) {
    warn(`could not load claims from ${href}: ${error.message ?? error}; using the bundled claims`);
  }
}

export async function mount(options = {}) {
  await loaded;
  unmount();
  const { claims, ...rest } = options;
  const mounted = mountWidget(rest);
  widget = mounted;
  if (claims) await loadClaims(mounted, claims);
}

export function unmount() {
  if (widget) {
    widget.unmount();
    widget.free();
    widget = null;
  }
}

export async function check(text, lang) {
  await loaded;
  return widget ? widget.check(String(text), lang) : checkBundled(String(text), lang);
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
