//! The web layer: the only code that touches the DOM (compiled for `wasm32`
//! only).
//!
//! - [`widget`]: the mounted widget, its listeners and timers.
//! - [`selection`]: reading the reader's selection as text.
//! - [`place`]: where the tooltip goes.
//! - `tooltip`: the tooltip's DOM, in a shadow root.
//! - `strings`: the interface text in Italian and English.
//!
//! The JS API (`check`, `mount`, and the [`Widget`] handle) is re-exported
//! by the loader `www/fonte.js`, which is what publishers include.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Document};

use crate::matcher::Matcher;
use crate::verdict::{CheckResult, Lang};

pub mod place;
pub mod selection;
mod strings;
mod tooltip;
pub mod widget;

pub use tooltip::HOST_TAG;
pub use widget::{MountOptions, Widget};

/// The TypeScript types of the JS API, written into the generated
/// `fonte.d.ts`. Field names match the serde names of [`CheckResult`] and
/// [`crate::ClaimRef`] (a browser test checks that they stay in step).
pub const TS_TYPES: &str = r#"
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
/** Options of `mount` (the loader reads them from the script tag's data- attributes). */
export interface MountOptions {
  /** CSS selector of the article container; default: the whole body. */
  root?: string;
  /** Tooltip language; default: <html lang>, else the browser's, else "it". */
  lang?: Lang;
  /** Colour scheme; default "auto" (the reader's system setting). */
  theme?: "auto" | "light" | "dark";
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_SECTION: &str = TS_TYPES;

thread_local! {
    static BUNDLED: RefCell<Option<Rc<Matcher>>> = const { RefCell::new(None) };
}

/// The bundled claims, indexed once per page and shared.
pub(crate) fn shared_bundled() -> Rc<Matcher> {
    BUNDLED.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| Rc::new(Matcher::bundled()))
            .clone()
    })
}

/// A result as a plain JS object, with `null` for absent fields: written as
/// JSON by [`CheckResult::to_json`] and read by the browser's own parser,
/// so no serializer is shipped.
pub(crate) fn to_js(result: &CheckResult) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&result.to_json())
}

/// Dispatches `fonte:result` on the document, the result as `detail`.
pub(crate) fn dispatch(document: &Document, detail: &JsValue) -> Result<(), JsValue> {
    let init = CustomEventInit::new();
    init.set_detail(detail);
    let event = CustomEvent::new_with_event_init_dict("fonte:result", &init)?;
    document.dispatch_event(&event)?;
    Ok(())
}

pub(crate) fn warn(err: &JsValue) {
    web_sys::console::warn_2(&JsValue::from_str("Fonte:"), err);
}

pub(crate) fn js_error(err: JsValue) -> JsError {
    JsError::new(&err.as_string().unwrap_or_else(|| format!("{err:?}")))
}

/// Checks `text` against the bundled claims, answering in `lang` (default:
/// the text's language), and dispatches `fonte:result` on the document.
#[wasm_bindgen(unchecked_return_type = "CheckResult")]
pub fn check(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
) -> Result<JsValue, JsError> {
    let result = shared_bundled().check_in(text, lang.as_deref().and_then(Lang::parse));
    let value = to_js(&result).map_err(js_error)?;
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        dispatch(&document, &value).map_err(js_error)?;
    }
    Ok(value)
}

/// Mounts the widget on the page: selections in `options.root` are checked
/// and explained in a tooltip. Call `unmount()` on the result to remove it.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: JsValue,
) -> Result<Widget, JsError> {
    Widget::mount_with(&MountOptions::from_js(&options)).map_err(js_error)
}
