//! Browser smoke test: the wasm build runs in a real page and reads the
//! bundled claims with the same pack reader as natively, compiled to wasm.
#![cfg(target_arch = "wasm32")]

use fonte::claims::Bundle;
use fonte::data::{BUNDLED_CLAIMS, BUNDLED_PACK};
use fonte::pack;
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
fn the_bundled_pack_reads_in_wasm() {
    let bundle = Bundle::bundled();
    assert_eq!(bundle.schema, "fonte-claims/1");
    assert!(!bundle.document.id.is_empty());
    assert!(bundle.document.text.is_some());
    assert!(bundle.claims.len() > 20);
    for claim in &bundle.claims {
        assert!(claim.quote.start < claim.quote.end, "{}", claim.id);
    }
    assert_eq!(pack::read(BUNDLED_PACK).unwrap(), bundle);
}

#[wasm_bindgen_test]
fn what_is_not_a_pack_is_an_error_not_a_panic() {
    let e = pack::read(BUNDLED_CLAIMS).unwrap_err();
    assert!(e.message().contains("fonte pack"), "{}", e.message());
    assert!(pack::read("").is_err());
    assert!(pack::read(&BUNDLED_PACK[..BUNDLED_PACK.len() / 2]).is_err());
}
