//! Reading JSON data on either target without shipping a JSON parser to the
//! browser: natively through `serde_json`, in wasm through the browser's own
//! `JSON.parse` and `serde-wasm-bindgen`.

use serde::de::DeserializeOwned;

/// The bundled claims (`data/claims.json`).
pub const BUNDLED_CLAIMS: &str = include_str!("../data/claims.json");

/// The bundled lexicon (`data/lexicon.json`).
pub const BUNDLED_LEXICON: &str = include_str!("../data/lexicon.json");

/// The summit report the bundled claims quote (`data/source/...`).
pub const BUNDLED_SOURCE: &str = include_str!("../data/source/vertice-parigi-2026-01-06.it.txt");

/// Parses JSON into `T`; the error is one human-readable line.
pub fn parse<T: DeserializeOwned>(json: &str) -> Result<T, String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(json)
            .map_err(|e| e.as_string().unwrap_or_else(|| "invalid JSON".to_owned()))?;
        serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
    }
}
