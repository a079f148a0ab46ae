// Types of the Fonte loader (fonte.js, shipped as fonte.min.js). Field
// names match the JSON the engine writes (CheckResult::to_json in
// src/verdict.rs); tests/widget.rs checks that every field it returns is
// declared here.

/** How a selection relates to the sourced claims. */
export type Verdict = "supported" | "misattributed" | "contradicted" | "no_match";

/** A language Fonte speaks. */
export type Lang = "it" | "en";

/** The claim a selection was matched to. */
export interface ClaimRef {
  /** Claim id in the bundle. */
  id: string;
  /** Who made the statement according to the source. */
  speaker: string;
  /** The speaker's role. */
  speaker_role: string;
  /** The claim, in the result's language. */
  text: string;
  /** The verbatim passage of the source document. */
  quote: string;
  /** Start of the passage in the source document (Unicode scalar values). */
  quote_start: number;
  /** End of the passage in the source document (Unicode scalar values). */
  quote_end: number;
  /** Through what the report attributes the statement. */
  source: string;
  /** Title of the source document. */
  document: string;
  /** Date of the statement, ISO 8601. */
  date: string;
  /** Place of the statement. */
  place: string;
}

/** The answer for one selection. */
export interface CheckResult {
  verdict: Verdict;
  /** Confidence in the verdict, 0 to 1. */
  score: number;
  /** The matched claim; null for "no_match". */
  claim: ClaimRef | null;
  /** For "misattributed": whom the selection names. */
  attributed_to: string | null;
  /** One short sentence saying why. */
  explanation: string;
  /** Language of the explanation and of the claim fields. */
  lang: Lang;
  /** Start of the judged text in the input (Unicode scalar values). */
  start: number;
  /** End of the judged text in the input (Unicode scalar values). */
  end: number;
  /** True when the input was too long and only its beginning was checked. */
  truncated: boolean;
  /** For several sentences: one result per sentence. */
  parts: CheckResult[];
}

/** Options of `mount`: the script tag's data- attributes, by name. */
export interface MountOptions {
  /** CSS selector of the article container; default: the whole body. */
  root?: string;
  /** Tooltip language; default: <html lang>, else the browser's, else "it". */
  lang?: Lang;
  /** Colour scheme; default "auto" (the reader's system setting). */
  theme?: "auto" | "light" | "dark";
  /**
   * URL (http or https; relative to the page) of an alternative claims
   * bundle, packed by `fonte pack` (which validates the JSON bundle with
   * every rule). If it cannot be fetched or the pack is refused, a console
   * warning is logged and the bundled claims stay in use.
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
 * claims when nothing is mounted, in the text's own language unless `lang`
 * is given). Also dispatched as `fonte:result`.
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
