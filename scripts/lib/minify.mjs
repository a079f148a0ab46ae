// The last step of the release build (fonte_build_release in setup.sh),
// run on wasm-pack's output: it makes the shipped files smaller without
// touching what they do (issue 5: JS + wasm within 60 KB gzipped).
//
//   node scripts/lib/minify.mjs web|nodejs PKG_DIR [LOADER MINIFIED_LOADER]
//
// 1. wasm-bindgen names the functions the wasm module imports from its glue
//    `__wbg_<name>_<16 hex digits>`, and some exports `__wbindgen_*`. The
//    names appear once in the .wasm and once or more in the glue; the hashes
//    are random text that gzip cannot shrink. They become `a`, `b`, ... in
//    both files. `memory` keeps its name: it is the one export a caller of
//    init() or initSync() may use, and it is short anyway.
// 2. terser minifies the glue (PKG_DIR/fonte.js) in place and, for the web
//    target, the loader into MINIFIED_LOADER, so that the loader's source
//    keeps its comments. The loader's local imports (`./widget.js`) are
//    inlined first, so a page loads one script of Fonte's besides the glue,
//    and stylesheets in `/* css */` template literals lose their comments
//    and optional whitespace. Properties are never mangled: the glue's
//    import keys and `wasm.<export>` accesses are the names renamed in 1.
// 3. PKG_DIR/fonte_bg.wasm.d.ts, which declares the old export names, is
//    deleted (nothing imports the .wasm as a module: the glue instantiates
//    it), and the web target's InitOutput type in PKG_DIR/fonte.d.ts is cut
//    down to the export that keeps its name.
//
// Everything is checked before anything is written: the script stops with
// an error, leaving wasm-pack's files as they were, when the glue does not
// name an import exactly once, when any `wasm.<name>` in the rewritten glue
// is not an export, or when the rewritten pair does not instantiate in Node
// and answer a check(). Run it on fresh wasm-pack output only (as
// fonte_build_release does): on its own output it stops, saying so.

import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [target, pkgDir, loaderSource, loaderOut] = process.argv.slice(2);
if (!["web", "nodejs"].includes(target) || !pkgDir || (loaderSource && !loaderOut) || (loaderSource && target !== "web")) {
  console.error("usage: node scripts/lib/minify.mjs web|nodejs PKG_DIR [LOADER MINIFIED_LOADER] (a loader only for web)");
  process.exit(2);
}

function fail(message) {
  console.error(`minify: error: ${message}`);
  process.exit(1);
}

let minify;
try {
  ({ minify } = await import("terser"));
} catch {
  fail("terser is not installed: run `npm ci` in the repository (package.json pins it)");
}

const wasmPath = join(pkgDir, "fonte_bg.wasm");
const gluePath = join(pkgDir, "fonte.js");
const typesPath = join(pkgDir, "fonte.d.ts");
const wasmTypesPath = join(pkgDir, "fonte_bg.wasm.d.ts");
for (const file of [wasmPath, gluePath, typesPath, loaderSource].filter(Boolean)) {
  if (!existsSync(file)) fail(`${file} not found: run wasm-pack first`);
}

// --- The wasm binary format, as far as the import and export sections ---

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error("truncated LEB128");
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [decoder.decode(bytes.subarray(start, start + length)), start + length];
}

function pushName(out, text) {
  const bytes = encoder.encode(text);
  out.push(...u32(bytes.length), ...bytes);
}

function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = readU32(bytes, at);
  if (flags & 1) [, at] = readU32(bytes, at);
  return at;
}

// Short names in order: a..z, A..Z, then two letters. Imports and exports
// are separate namespaces, in the .wasm and in the glue (an object's keys
// and the properties of instance.exports), so each starts from `a`.
const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
function shortName(n) {
  let name = "";
  do {
    name = ALPHABET[n % ALPHABET.length] + name;
    n = Math.floor(n / ALPHABET.length);
  } while (n);
  return name;
}

const escape = (name) => name.replace(/[$]/g, "\\$");

// --- 1. Rename ---

const wasm = readFileSync(wasmPath);
const originalGlue = readFileSync(gluePath, "utf8");
let glue = originalGlue;
const GLUE_MODULE = "./fonte_bg.js";

if (!/function __wbg_get_imports\(\)/.test(glue)) {
  fail(`${gluePath} is not wasm-bindgen's glue as generated (already minified? run wasm-pack again)`);
}
if (/\bwasm\[/.test(glue)) fail(`${gluePath} reaches an export by a computed name; it cannot be renamed safely`);

// The exports the glue uses, by the one way it reaches them.
const usedExports = new Set([...glue.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));

const importNames = new Map();
const exportNames = new Map();
const sections = [wasm.subarray(0, 8)];
if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  let body = wasm.subarray(start, start + size);
  at = start + size;
  if (id === 2) {
    // (module, name, description)*
    let [count, p] = readU32(body, 0);
    const out = u32(count);
    for (; count > 0; count--) {
      let module, name;
      [module, p] = readName(body, p);
      [name, p] = readName(body, p);
      const description = p;
      const kind = body[p++];
      if (kind === 0) [, p] = readU32(body, p); // function: type index
      else if (kind === 1) p = skipLimits(body, p + 1); // table: reftype, limits
      else if (kind === 2) p = skipLimits(body, p); // memory: limits
      else if (kind === 3) p += 2; // global: valtype, mutability
      else fail(`import ${module}.${name}: unknown kind ${kind}`);
      if (module === GLUE_MODULE && kind === 0) {
        if (!importNames.has(name)) importNames.set(name, shortName(importNames.size));
        name = importNames.get(name);
      }
      pushName(out, module);
      pushName(out, name);
      out.push(...body.subarray(description, p));
    }
    if (p !== body.length) fail(`${wasmPath}: the import section does not end where its entries do`);
    body = Uint8Array.from(out);
  } else if (id === 7) {
    // (name, kind, index)*
    let [count, p] = readU32(body, 0);
    const out = u32(count);
    for (; count > 0; count--) {
      let name;
      [name, p] = readName(body, p);
      const description = p;
      p += 1;
      [, p] = readU32(body, p);
      // Exports the glue does not name (wasm-bindgen's unused runtime
      // globals) keep their names: nothing in the glue would follow.
      if (name !== "memory" && usedExports.has(name)) {
        exportNames.set(name, shortName(exportNames.size));
        name = exportNames.get(name);
      }
      pushName(out, name);
      out.push(...body.subarray(description, p));
    }
    if (p !== body.length) fail(`${wasmPath}: the export section does not end where its entries do`);
    body = Uint8Array.from(out);
  }
  sections.push(Uint8Array.from([id, ...u32(body.length)]), body);
}
if (at !== wasm.length) fail(`${wasmPath}: the last section runs past the end of the file`);
if (importNames.size === 0) fail(`${wasmPath} imports nothing from ${GLUE_MODULE}`);
const newWasm = Buffer.concat(sections);

for (const [name, short] of importNames) {
  // Each import is one key of the glue's imports object: `name: function(`.
  const key = new RegExp(`(?<![\\w$])${escape(name)}(?=: function\\b)`, "g");
  const uses = glue.match(key)?.length ?? 0;
  if (uses !== 1) fail(`${gluePath} names the import ${name} ${uses} times, not once`);
  glue = glue.replace(key, short);
}
for (const [name, short] of exportNames) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(name)}(?![\\w$])`, "g"), `wasm.${short}`);
}
const shortExports = new Set([...exportNames.values(), "memory"]);
for (const m of glue.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)) {
  if (!shortExports.has(m[1])) fail(`${gluePath} still uses the export ${m[1]} after renaming`);
}
if (/\b__wbg_\w+_[0-9a-f]{16}\b/.test(glue)) fail(`${gluePath} still names a hashed import`);

// --- 2. Minify ---

/**
 * The module at `path` with its imports of sibling modules (`import { a, b }
 * from "./x.js";`) replaced by their source, `export` keywords removed. Such
 * a module may only export declarations (`export function`, `export const`,
 * `export class`), and import nothing itself: enough for widget.js, and
 * checked here rather than assumed.
 */
function inlineImports(path) {
  const importLine = /^import \{([^}]*)\} from "\.\/([\w-]+\.js)";\n/gm;
  return readFileSync(path, "utf8").replace(importLine, (_, names, file) => {
    const inlined = join(dirname(path), file);
    let code = readFileSync(inlined, "utf8");
    if (/^import\b/m.test(code)) fail(`${inlined} imports something itself; only self-contained modules are inlined`);
    code = code.replace(/^export (?=(?:async )?function\b|const\b|let\b|class\b)/gm, "");
    if (/^export\b/m.test(code)) fail(`${inlined} has an export other than a declaration`);
    for (const name of names.split(",").map((n) => n.trim())) {
      if (!new RegExp(`^(?:(?:async )?function|const|let|class) ${escape(name)}\\b`, "m").test(code)) {
        fail(`${path} imports ${name}, which ${inlined} does not declare at its top level`);
      }
    }
    return `${code}\n`;
  });
}

/** The `/* css *\/` template literals of `code` without comments, with
 * whitespace runs made one space, and no space next to `{ } ; , >` or
 * after `:`, and no `;` before `}`; quoted strings are kept as they are. */
function minifyCss(code) {
  return code.replace(/\/\* css \*\/ `([^`]*)`/g, (_, css) => {
    if (css.includes("${")) fail("a /* css */ template literal interpolates; it cannot be minified safely");
    const tight = (c) => "{};,>".includes(c);
    let out = "";
    let space = false;
    let quote = "";
    for (let i = 0; i < css.length; i++) {
      const c = css[i];
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === "/" && css[i + 1] === "*") {
        const end = css.indexOf("*/", i + 2);
        i = end < 0 ? css.length : end + 1;
        continue;
      } else if (/\s/.test(c)) {
        space = true;
        continue;
      } else if (c === '"' || c === "'") {
        quote = c;
      }
      const last = out.at(-1) ?? "";
      if (space && out && !tight(last) && last !== ":" && !tight(c)) out += " ";
      space = false;
      // The last declaration of a block needs no `;`.
      if (c === "}" && last === ";" && !quote) out = out.slice(0, -1);
      out += c;
    }
    return `\`${out}\``;
  });
}

async function terse(code, file, module) {
  const result = await minify(code, {
    module,
    // Top-level names of a CommonJS module are local to it as well.
    toplevel: true,
    ecma: 2020,
    compress: { passes: 2 },
    // Keeps the glue's pointer to its types for TypeScript and Deno.
    format: { comments: /@ts-self-types/ },
  }).catch((error) => fail(`terser failed on ${file}: ${error.message}`));
  return result.code;
}

const minGlue = await terse(glue, gluePath, target === "web");
if (/@ts-self-types/.test(glue) && !/@ts-self-types/.test(minGlue)) fail("terser dropped the glue's @ts-self-types");
let minLoader = null;
let loaderBundle = null;
if (loaderSource) {
  loaderBundle = inlineImports(loaderSource);
  minLoader = await terse(minifyCss(loaderBundle), loaderSource, true);
  // The loader finds the glue by this relative path: it must survive as is.
  if (!minLoader.includes('"./pkg/fonte.js"')) fail(`${loaderOut} no longer imports "./pkg/fonte.js"`);
}

// --- 3. Types ---

let types = readFileSync(typesPath, "utf8");
if (target === "web") {
  const initOutput = /export interface InitOutput \{[^}]*\}/g;
  const found = types.match(initOutput)?.length ?? 0;
  if (found !== 1) fail(`${typesPath} declares InitOutput ${found} times, not once`);
  types = types.replace(
    initOutput,
    "export interface InitOutput {\n" +
      "    /** The module's memory; its other exports are internal to the glue (names shortened at build time). */\n" +
      "    readonly memory: WebAssembly.Memory;\n" +
      "}",
  );
}

// --- Check the rewritten pair before it replaces wasm-pack's ---

const scratch = mkdtempSync(join(pkgDir, ".minify-"));
try {
  writeFileSync(join(scratch, "fonte_bg.wasm"), newWasm);
  writeFileSync(join(scratch, "fonte.js"), minGlue);
  let glueModule;
  if (target === "web") {
    // The scratch directory has no package.json, so Node would read .js as
    // CommonJS: the ES module is imported under an .mjs name instead.
    writeFileSync(join(scratch, "fonte.mjs"), minGlue);
    glueModule = await import(pathToFileURL(join(scratch, "fonte.mjs")).href);
    // Instantiation fails with a LinkError if any renamed import is missing.
    glueModule.initSync({ module: newWasm });
  } else {
    writeFileSync(join(scratch, "package.json"), '{"type":"commonjs"}');
    glueModule = createRequire(import.meta.url)(join(scratch, "fonte.js"));
  }
  // Calls through the renamed exports (the constructor, malloc, check,
  // free): an export the glue lost would throw here.
  const engine = new glueModule.Engine();
  const result = JSON.parse(engine.check("Macron ha annunciato una forza di rassicurazione europea", "it"));
  engine.free();
  if (!["supported", "misattributed", "contradicted", "no_match"].includes(result?.verdict)) {
    throw new Error(`check() answered ${JSON.stringify(result)}`);
  }
} catch (error) {
  rmSync(scratch, { recursive: true, force: true });
  fail(`the rewritten pair does not work: ${error.message}`);
}

// Renames within one directory, so each file is replaced whole.
function replace(path, contents) {
  const temporary = join(scratch, `new-${basename(path)}`);
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}
replace(wasmPath, newWasm);
replace(gluePath, minGlue);
replace(typesPath, types);
rmSync(wasmTypesPath, { force: true });
rmSync(scratch, { recursive: true, force: true });
if (minLoader !== null) {
  writeFileSync(loaderOut, minLoader);
  // TypeScript looks for the types beside the module it imports: the
  // minified loader gets the readable loader's declarations under its name.
  const types = loaderSource.replace(/\.js$/, ".d.ts");
  if (existsSync(types)) copyFileSync(types, loaderOut.replace(/\.js$/, ".d.ts"));
}

// What a reader downloads, before and after, gzipped as in
// tests/e2e/size.test.mjs.
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const rows = [
  ["fonte_bg.wasm", wasm, newWasm],
  ["fonte.js (glue)", Buffer.from(originalGlue), Buffer.from(minGlue)],
];
if (minLoader !== null) rows.push([`${basename(loaderOut)} (loader and widget)`, Buffer.from(loaderBundle), Buffer.from(minLoader)]);
let before = 0;
let after = 0;
for (const [name, old, now] of rows) {
  before += gz(old);
  after += gz(now);
  console.log(`minify: ${name}: ${gz(old)} -> ${gz(now)} B gzipped`);
}
console.log(
  `minify: ${importNames.size} imports and ${exportNames.size} exports renamed; ` +
    `in all ${before} -> ${after} B gzipped`,
);
