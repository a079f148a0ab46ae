//! Browser smoke test: the wasm build runs in a real page and reads the
//! bundled data with the same JSON reader as natively, compiled to wasm.
#![cfg(target_arch = "wasm32")]

use fonte::claims::Bundle;
use fonte::data::BUNDLED_CLAIMS;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_page() {
    let window = web_sys::window().expect("a browser window");
    let document = window
        .document()
        .expect("the window should have a document");
    // Served over HTTP by wasm-bindgen-test-runner: a page, not Node.
    let url = document.url().expect("the document should have a URL");
    assert!(url.starts_with("http://"), "{url}");
}

#[wasm_bindgen_test]
fn bundled_claims_parse_in_wasm() {
    let bundle = Bundle::from_json(BUNDLED_CLAIMS).expect("data/claims.json should parse");
    assert_eq!(bundle.schema, "fonte-claims/1");
    assert!(!bundle.document.id.is_empty());
    for claim in &bundle.claims {
        assert!(claim.quote.start < claim.quote.end, "{}", claim.id);
    }
}

#[wasm_bindgen_test]
fn invalid_json_is_an_error_not_a_panic() {
    assert!(Bundle::from_json("{\"schema\": ").is_err());
    // Valid JSON of the wrong shape is an error too.
    assert!(Bundle::from_json("[1, 2, 3]").is_err());
}
