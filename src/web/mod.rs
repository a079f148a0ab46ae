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
use web_sys::{Document, HtmlElement, Node, Window};

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

/// Dispatches `fonte:result` on the document with `result` as `detail`,
/// and returns that `detail`. The event's init dictionary is parsed from
/// JSON like the result itself: building it field by field would ship a
/// glue function per field.
pub(crate) fn dispatch(document: &Document, result: &CheckResult) -> Result<JsValue, JsValue> {
    let init = js_sys::JSON::parse(&["{\"detail\":", &result.to_json(), "}"].concat())?;
    let event = ResultEvent::new("fonte:result", &init);
    dom(document).dispatch(&event);
    Ok(prop(&init, "detail"))
}

#[wasm_bindgen]
extern "C" {
    // The global object, read once: cheaper than `web_sys::window()`, which
    // probes four globals and checks the type of the one it finds. In a
    // page it is the `window`; in Node (`check()` from a script) it is no
    // window, its `document` is undefined, and nothing is dispatched.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static WINDOW: Window;
}

#[wasm_bindgen]
extern "C" {
    /// A window, document, element, range or selection, bound with the
    /// calls the widget makes most and without exception handling (unlike
    /// `web_sys`, whose bindings of these return a `Result`): as the widget
    /// calls them (constant tag, attribute and event names; a range index
    /// below `rangeCount`; offsets from the range itself) none can throw,
    /// and a `Result` per call was much of the web layer's code size.
    pub(crate) type Dom;
    #[wasm_bindgen(method, js_name = createElement)]
    pub(crate) fn create(this: &Dom, tag: &str) -> HtmlElement;
    #[wasm_bindgen(method, js_name = appendChild)]
    fn append(this: &Dom, child: &Node);
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set(this: &Dom, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = addEventListener)]
    fn on(this: &Dom, kind: &str, listener: &JsValue, capture: bool);
    #[wasm_bindgen(method, js_name = removeEventListener)]
    fn off(this: &Dom, kind: &str, listener: &JsValue, capture: bool);
    #[wasm_bindgen(method, js_name = dispatchEvent)]
    fn dispatch(this: &Dom, event: &JsValue);
    #[wasm_bindgen(method, js_name = setTimeout)]
    pub(crate) fn set_timeout(this: &Dom, callback: &JsValue, ms: i32) -> i32;
    #[wasm_bindgen(method, js_name = getSelection)]
    pub(crate) fn selection(this: &Dom) -> Option<web_sys::Selection>;
    #[wasm_bindgen(method, js_name = getRangeAt)]
    pub(crate) fn range_at(this: &Dom, index: u32) -> web_sys::Range;
    #[wasm_bindgen(method, getter, js_name = startContainer)]
    pub(crate) fn start_container(this: &Dom) -> Node;
    #[wasm_bindgen(method, getter, js_name = endContainer)]
    pub(crate) fn end_container(this: &Dom) -> Node;
    #[wasm_bindgen(method, getter, js_name = startOffset)]
    pub(crate) fn start_offset(this: &Dom) -> u32;
    #[wasm_bindgen(method, getter, js_name = endOffset)]
    pub(crate) fn end_offset(this: &Dom) -> u32;
    #[wasm_bindgen(method)]
    pub(crate) fn contains(this: &Dom, node: &JsValue) -> bool;
    #[wasm_bindgen(method, js_name = intersectsNode)]
    pub(crate) fn intersects(this: &Dom, node: &Node) -> bool;
    #[wasm_bindgen(method, js_name = substringData)]
    pub(crate) fn substring(this: &Dom, offset: u32, count: u32) -> String;
    #[wasm_bindgen(method)]
    pub(crate) fn focus(this: &Dom);
    #[wasm_bindgen(method)]
    pub(crate) fn blur(this: &Dom);
    #[wasm_bindgen(method, getter, js_name = activeElement)]
    pub(crate) fn active_element(this: &Dom) -> Option<web_sys::Element>;
    #[wasm_bindgen(method, getter, js_name = commonAncestorContainer)]
    pub(crate) fn common_ancestor(this: &Dom) -> Node;
    #[wasm_bindgen(method, js_name = createRange)]
    pub(crate) fn create_range(this: &Dom) -> web_sys::Range;
    #[wasm_bindgen(method, js_name = selectNodeContents)]
    pub(crate) fn select_node_contents(this: &Dom, node: &Node);
    #[wasm_bindgen(method, js_name = setStart)]
    pub(crate) fn set_start(this: &Dom, node: &Node, offset: u32);
    #[wasm_bindgen(method, js_name = setEnd)]
    pub(crate) fn set_end(this: &Dom, node: &Node, offset: u32);
    /// The `fonte:result` event (a `CustomEvent`).
    #[wasm_bindgen(js_name = CustomEvent)]
    type ResultEvent;
    #[wasm_bindgen(constructor, js_class = "CustomEvent")]
    fn new(kind: &str, init: &JsValue) -> ResultEvent;
    #[wasm_bindgen(method, js_name = attachShadow)]
    pub(crate) fn attach_shadow(this: &Dom, init: &JsValue) -> web_sys::ShadowRoot;
    #[wasm_bindgen(method, js_name = matchMedia)]
    pub(crate) fn match_media(this: &Dom, query: &str) -> JsValue;
}

pub(crate) fn dom(node: &JsValue) -> &Dom {
    node.unchecked_ref()
}

/// Sets an attribute whose name is a constant.
pub(crate) fn set_attr(element: &JsValue, name: &str, value: &str) {
    dom(element).set(name, value);
}

/// Appends `child` to `parent` (an element, shadow root or document).
pub(crate) fn append(parent: &JsValue, child: &Node) {
    dom(parent).append(child);
}

/// Adds an event listener (`capture` or bubble phase).
pub(crate) fn on(target: &JsValue, kind: &str, listener: &JsValue, capture: bool) {
    dom(target).on(kind, listener, capture);
}

/// Removes a listener added by [`on`].
pub(crate) fn off(target: &JsValue, kind: &str, listener: &JsValue, capture: bool) {
    dom(target).off(kind, listener, capture);
}

/// The page's window (the widget only runs in pages, never in workers).
pub(crate) fn window() -> Window {
    WINDOW.with(Window::clone)
}

/// `target[name]`, or `undefined`. Reading event, geometry and other simple
/// properties by name keeps one generic import instead of one per property
/// and type.
pub(crate) fn prop(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or_default()
}

/// `target[name]` as a boolean (JS truthiness).
pub(crate) fn flag(target: &JsValue, name: &str) -> bool {
    prop(target, name).is_truthy()
}

/// `target[name]` as a number; 0 when it is not one.
pub(crate) fn num(target: &JsValue, name: &str) -> f64 {
    prop(target, name).as_f64().unwrap_or(0.0)
}

pub(crate) fn warn(err: &JsValue) {
    web_sys::console::warn_2(&JsValue::from_str("Fonte:"), err);
}

// Rust-only docs (`concat!`): wasm-bindgen copies doc comments into the
// shipped JS glue, and the JS API is documented in `www/fonte.d.ts`.
#[doc = concat!("Checks `text` against the bundled claims, answering in `lang` (default: the text's language), and dispatches `fonte:result` on the document.")]
#[wasm_bindgen(skip_jsdoc, unchecked_return_type = "CheckResult")]
pub fn check(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let result = shared_bundled().check_in(text, lang.as_deref().and_then(Lang::parse));
    match window().document() {
        Some(document) => dispatch(&document, &result),
        None => to_js(&result),
    }
}

#[doc = concat!("Mounts the widget on the page: selections in `options.root` are checked and explained in a tooltip. Call `unmount()` on the result to remove it.")]
#[wasm_bindgen(skip_jsdoc)]
pub fn mount(
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: JsValue,
) -> Result<Widget, JsValue> {
    Widget::mount_with(&MountOptions::from_js(&options))
}
