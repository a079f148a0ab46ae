// Types of the Fonte loader (fonte.js). The result types come from the
// wasm module's own declarations (pkg/fonte.d.ts, generated from Rust).

import type { CheckResult, Lang, MountOptions as WidgetOptions } from "./pkg/fonte.js";

export type { CheckResult, ClaimRef, Lang, Verdict } from "./pkg/fonte.js";

/** Options of `mount`: the script tag's data- attributes, by name. */
export interface MountOptions extends WidgetOptions {
  /**
   * URL (http or https; relative to the page) of an alternative claims
   * bundle in Fonte's JSON format. If it cannot be fetched or is invalid,
   * a console warning is logged and the bundled claims stay in use.
   */
  claims?: string;
}

/**
 * Mounts the widget, replacing any mounted one. Resolves once the claims
 * bundle, if any, has loaded or failed.
 */
export function mount(options?: MountOptions): Promise<void>;

/** Removes the tooltip and every listener Fonte added. */
export function unmount(): void;

/**
 * Checks a text with the mounted widget's claims and language (the bundled
 * claims when nothing is mounted). Also dispatched as `fonte:result`.
 */
export function check(text: string, lang?: Lang): Promise<CheckResult>;

/**
 * Settles once the widget is mounted from the script tag (or, imported
 * from code, once Fonte is loaded). Never rejects.
 */
export const ready: Promise<void>;

declare global {
  interface DocumentEventMap {
    /** One per checked selection and per `check()` call. */
    "fonte:result": CustomEvent<CheckResult>;
  }
}
