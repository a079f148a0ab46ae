//! The wasm module's JS API (compiled for `wasm32` only): an [`Engine`]
//! that checks text against a claims bundle and answers with a result as
//! JSON.
//!
//! Nothing here touches the page. Selections and the tooltip are the JS
//! widget's (`www/widget.js`), which the loader (`www/fonte.js`) hands an
//! engine: DOM code is a fraction of the size in JS that it is as wasm and
//! its bindings, and the matching core stays plain Rust, tested natively.

use wasm_bindgen::prelude::*;

use crate::matcher::Matcher;
use crate::verdict::Lang;

/// A matcher over one claims bundle.
#[wasm_bindgen]
pub struct Engine {
    matcher: Matcher,
}

#[wasm_bindgen]
impl Engine {
    /// An engine over the bundled claims.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine {
            matcher: Matcher::bundled(),
        }
    }

    /// An engine over another claims bundle: a pack written by `fonte
    /// pack`, which validated it with the bundled one's rules (see
    /// `fonte::pack`).
    ///
    /// # Errors
    /// An `Error` saying in one line why the pack is refused.
    #[wasm_bindgen(js_name = fromBundle)]
    pub fn from_bundle(pack: &str) -> Result<Engine, JsError> {
        let bundle = crate::pack::read(pack)
            .map_err(|e| JsError::new(&["invalid claims bundle: ", e.message()].concat()))?;
        Ok(Engine {
            matcher: Matcher::new(bundle),
        })
    }

    /// Checks `text`, answering in `lang` (`it` or `en`; by default the
    /// text's language), as the JSON of a `CheckResult` (see `www/fonte.d.ts`):
    /// the browser's own `JSON.parse` reads it, so no serializer ships.
    pub fn check(&self, text: &str, lang: Option<String>) -> String {
        let lang = lang.as_deref().and_then(Lang::parse);
        self.matcher.check_in(text, lang).to_json()
    }

    /// The language of the source document the claims quote (`it` or `en`).
    #[wasm_bindgen(getter, js_name = documentLang)]
    pub fn document_lang(&self) -> String {
        self.matcher.bundle().document.lang.clone()
    }
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new()
    }
}
