//! schema.org `ClaimReview` JSON-LD for a bundle, so that search engines and
//! fact-check aggregators can read what the widget shows.
//!
//! The output is a JSON **array** with one self-contained `ClaimReview` per
//! claim, each carrying its own `@context`: a publisher can embed the whole
//! array in one `<script type="application/ld+json">` or take the one object
//! that matches an article. (An `@graph` would force them to keep the
//! wrapper.)
//!
//! What the review says is only what the bundle knows: every claim is a
//! statement the source document attributes to its speaker, so the rating is
//! "attested by the source", never "true". No `url` appears anywhere: the
//! bundle has none and Fonte invents none. The publisher adds its own
//! `author` (the reviewing organization) and `url` when it publishes, and
//! may replace `datePublished`, which is the source document's date.
//!
//! Native only: the widget does not ship `serde_json`.

use serde_json::{json, Map, Value};

use crate::claims::{Bundle, Claim, EntityKind};
use crate::verdict::Lang;

/// The rating's `alternateName`, in the review's language.
pub fn rating_label(lang: Lang) -> &'static str {
    match lang {
        Lang::It => "Attestata dalla fonte",
        Lang::En => "Attested by the source",
    }
}

/// One `ClaimReview` per claim, in the source document's language.
pub fn claim_reviews(bundle: &Bundle) -> Value {
    let lang = Lang::parse(&bundle.document.lang).unwrap_or_default();
    claim_reviews_in(bundle, lang)
}

/// One `ClaimReview` per claim, written in `lang`.
pub fn claim_reviews_in(bundle: &Bundle, lang: Lang) -> Value {
    Value::Array(
        bundle
            .claims
            .iter()
            .map(|claim| claim_review(bundle, claim, lang))
            .collect(),
    )
}

/// The `ClaimReview` of one claim of `bundle`, written in `lang`.
pub fn claim_review(bundle: &Bundle, claim: &Claim, lang: Lang) -> Value {
    let doc = &bundle.document;
    let quote = &claim.quote;

    let mut appearance = json!({
        "@type": "CreativeWork",
        "name": doc.title.get(lang),
        "datePublished": doc.date,
        "inLanguage": doc.lang,
        "text": quote.text,
    });
    // A claim the report relays from another source (the Palazzo Chigi
    // note) appears in the report, which is based on that source.
    if claim.source != doc.id {
        if let Some(source) = bundle.source(&claim.source) {
            appearance["isBasedOn"] = json!({
                "@type": "CreativeWork",
                "name": source.name.get(lang),
            });
        }
    }

    let mut item = Map::new();
    item.insert("@type".into(), "Claim".into());
    if let Some(author) = author(bundle, &claim.speaker, lang) {
        item.insert("author".into(), author);
    }
    item.insert("datePublished".into(), claim.date.clone().into());
    item.insert(
        "locationCreated".into(),
        json!({ "@type": "Place", "name": claim.place.get(lang) }),
    );
    item.insert("appearance".into(), appearance);

    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.text.get(lang),
        "itemReviewed": Value::Object(item),
        "reviewRating": {
            "@type": "Rating",
            "alternateName": rating_label(lang),
            "ratingExplanation": explanation(bundle, claim, lang),
        },
        "datePublished": doc.date,
        "inLanguage": lang.as_str(),
    })
}

/// The speaker as schema.org `author`: a `Person` with `jobTitle`, an
/// `Organization`, or for a group the list of its members. `None` for the
/// document speaking for itself: its author is not known, and a document
/// is no `Person` or `Organization`.
fn author(bundle: &Bundle, id: &str, lang: Lang) -> Option<Value> {
    let entity = bundle.entity(id)?;
    match entity.kind {
        EntityKind::Person => Some(json!({
            "@type": "Person",
            "name": entity.name,
            "jobTitle": entity.role.get(lang),
        })),
        EntityKind::Body => Some(json!({
            "@type": "Organization",
            "name": entity.name,
            "description": entity.role.get(lang),
        })),
        EntityKind::Group => {
            // Validation forbids nested groups, so this recursion is one level deep.
            let members: Vec<Value> = entity
                .members
                .iter()
                .filter_map(|m| author(bundle, m, lang))
                .collect();
            (!members.is_empty()).then_some(Value::Array(members))
        }
        EntityKind::Document => None,
    }
}

fn explanation(bundle: &Bundle, claim: &Claim, lang: Lang) -> String {
    let doc = bundle.document.title.get(lang);
    let (start, end) = (claim.quote.start, claim.quote.end);
    let speaker = bundle
        .entity(&claim.speaker)
        .filter(|e| e.kind != EntityKind::Document);
    match (lang, speaker) {
        (Lang::It, Some(e)) => format!(
            "«{doc}» attribuisce questa affermazione a {} nel passo citato (caratteri {start}–{end}).",
            e.name
        ),
        (Lang::It, None) => format!(
            "«{doc}» lo afferma direttamente nel passo citato (caratteri {start}–{end})."
        ),
        (Lang::En, Some(e)) => format!(
            "“{doc}” attributes this statement to {} in the quoted passage (characters {start}–{end}).",
            e.name
        ),
        (Lang::En, None) => format!(
            "“{doc}” states this itself in the quoted passage (characters {start}–{end})."
        ),
    }
}
