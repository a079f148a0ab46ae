//! Smoke test of the native build: the bundled data parses, and a check
//! returns the result shape the JS API and the CLI document.
#![cfg(not(target_arch = "wasm32"))]

use fonte::claims::Bundle;
use fonte::data::{BUNDLED_CLAIMS, BUNDLED_LEXICON, BUNDLED_SOURCE};
use fonte::{Matcher, Verdict};

fn bundled() -> Bundle {
    Bundle::from_json(BUNDLED_CLAIMS).expect("data/claims.json should parse as a Bundle")
}

#[test]
fn bundled_data_parses() {
    let bundle = bundled();
    assert_eq!(bundle.schema, "fonte-claims/1");
    assert!(fonte::Lang::parse(&bundle.document.lang).is_some());

    let lexicon = fonte::lexicon::Lexicon::from_json(BUNDLED_LEXICON)
        .expect("data/lexicon.json should parse and validate");
    assert!(!lexicon.concepts.is_empty() && !lexicon.stopwords.it.is_empty());

    // The report is the ground truth every quote points into.
    assert!(BUNDLED_SOURCE.contains("Parigi"));
    let source: Vec<char> = BUNDLED_SOURCE.chars().collect();
    for claim in &bundle.claims {
        let quote = &claim.quote;
        let passage: String = source
            .get(quote.start..quote.end)
            .unwrap_or_else(|| panic!("{}: quote offsets outside the report", claim.id))
            .iter()
            .collect();
        assert_eq!(passage, quote.text, "{}: quote is not verbatim", claim.id);
    }
}

#[test]
fn parse_errors_are_one_line() {
    let err = Bundle::from_json("{\"schema\": ")
        .expect_err("truncated JSON")
        .to_string();
    assert!(!err.is_empty() && !err.contains('\n'), "{err:?}");
}

#[test]
fn empty_selection_is_no_match_with_documented_fields() {
    let result = Matcher::new(bundled()).check("");
    assert_eq!(result.verdict, Verdict::NoMatch);
    assert!(result.claim.is_none());

    let json = serde_json::to_value(&result).expect("CheckResult serializes");
    let object = json.as_object().expect("a JSON object");
    for field in [
        "verdict",
        "score",
        "claim",
        "attributed_to",
        "explanation",
        "parts",
    ] {
        assert!(object.contains_key(field), "missing field {field}: {json}");
    }
    assert_eq!(json["verdict"], "no_match");
    assert!(json["score"].is_number());
    assert!(json["claim"].is_null());
    assert!(json["attributed_to"].is_null());
    assert!(json["explanation"].is_string());
    assert_eq!(json["parts"], serde_json::json!([]));
}

#[test]
fn lexicon_concept_words_are_not_stop_words() {
    // Phrases are looked up before stop words are dropped: a stop word in a
    // concept ("stato" in "è stato") would turn every occurrence into that
    // concept.
    let lexicon = fonte::lexicon::Lexicon::from_json(BUNDLED_LEXICON).expect("valid lexicon");
    for concept in &lexicon.concepts {
        for (words, stop) in [
            (&concept.it, &lexicon.stopwords.it),
            (&concept.en, &lexicon.stopwords.en),
        ] {
            for word in words {
                let folded = fonte::normalize::fold(word);
                assert!(
                    !stop.iter().any(|s| fonte::normalize::fold(s) == folded),
                    "{:?} in concept {:?} is a stop word",
                    word,
                    concept.id
                );
            }
        }
    }
}
