//! One short human sentence saying why, in the reader's language.

use crate::verdict::{ClaimRef, Lang, Verdict};

const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats an ISO date (`2026-01-06`) as "6 gennaio 2026" / "6 January 2026";
/// anything else is returned as is.
pub fn long_date(iso: &str, lang: Lang) -> String {
    let mut parts = iso.splitn(3, '-');
    let parsed = (|| {
        let year: u32 = parts.next()?.parse().ok()?;
        let month: usize = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.get(..2)?.parse().ok()?;
        let months = match lang {
            Lang::It => &MONTHS_IT,
            Lang::En => &MONTHS_EN,
        };
        let name = months.get(month.checked_sub(1)?)?;
        (1..=31).contains(&day).then(|| {
            // Not `format!`: the explanations are the only other use of
            // `core::fmt` in the widget, and it is kilobytes of wasm.
            let mut out = String::new();
            crate::json::write_uint(&mut out, day as usize);
            out.push(' ');
            out.push_str(name);
            out.push(' ');
            crate::json::write_uint(&mut out, year as usize);
            out
        })
    })();
    parsed.unwrap_or_else(|| iso.to_owned())
}

/// The explanation for a verdict on a matched claim. `by_document` says the
/// claim is the report's own statement rather than someone's words.
pub fn explain(
    verdict: Verdict,
    claim: &ClaimRef,
    attributed_to: Option<&str>,
    lang: Lang,
    by_document: bool,
) -> String {
    let date = long_date(&claim.date, lang);
    let (speaker, source, place, text) = (&claim.speaker, &claim.source, &claim.place, &claim.text);
    let parts: &[&str] = match (verdict, lang, by_document) {
        (Verdict::Supported, Lang::It, true) => &[
            "Confermato: lo riporta la fonte (",
            source,
            ", ",
            place,
            ", ",
            &date,
            ").",
        ],
        (Verdict::Supported, Lang::It, false) => &[
            "Confermato: lo ha detto ",
            speaker,
            " (",
            source,
            ", ",
            place,
            ", ",
            &date,
            ").",
        ],
        (Verdict::Supported, Lang::En, true) => &[
            "Supported: the source reports this (",
            source,
            ", ",
            place,
            ", ",
            &date,
            ").",
        ],
        (Verdict::Supported, Lang::En, false) => &[
            "Supported: ",
            speaker,
            " said this (",
            source,
            ", ",
            place,
            ", ",
            &date,
            ").",
        ],
        (Verdict::Misattributed, Lang::It, _) => &[
            "Attribuzione errata: secondo la fonte lo ha detto ",
            speaker,
            ", non ",
            attributed_to.unwrap_or("chi è citato"),
            " (",
            source,
            ").",
        ],
        (Verdict::Misattributed, Lang::En, _) => &[
            "Misattributed: according to the source ",
            speaker,
            " said this, not ",
            attributed_to.unwrap_or("the person named"),
            " (",
            source,
            ").",
        ],
        (Verdict::Contradicted, Lang::It, _) => &[
            "Smentito: la fonte dice il contrario: «",
            text,
            "» (",
            source,
            ").",
        ],
        (Verdict::Contradicted, Lang::En, _) => &[
            "Contradicted: the source says the opposite: “",
            text,
            "” (",
            source,
            ").",
        ],
        (Verdict::NoMatch, lang, _) => return no_match(lang),
    };
    parts.concat()
}

/// The explanation when no claim matches.
pub fn no_match(lang: Lang) -> String {
    match lang {
        Lang::It => {
            "Nessuna affermazione documentata nel resoconto corrisponde a questo testo.".to_owned()
        }
        Lang::En => "No sourced claim in the report matches this text.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_in_both_languages() {
        assert_eq!(long_date("2026-01-06", Lang::It), "6 gennaio 2026");
        assert_eq!(long_date("2026-01-06", Lang::En), "6 January 2026");
        assert_eq!(long_date("2026-13-06", Lang::En), "2026-13-06");
        assert_eq!(long_date("ieri", Lang::It), "ieri");
        assert_eq!(long_date("2026-01-32", Lang::It), "2026-01-32");
        assert_eq!(long_date("2026-01-06T10:00", Lang::En), "6 January 2026");
    }

    #[test]
    fn every_verdict_explains_itself_in_both_languages() {
        let claim = ClaimRef {
            id: "c".into(),
            speaker: "Emmanuel Macron".into(),
            speaker_role: String::new(),
            text: "Una forza di rassicurazione".into(),
            quote: String::new(),
            quote_start: 0,
            quote_end: 0,
            source: "Resoconto".into(),
            document: String::new(),
            date: "2026-01-06".into(),
            place: "Parigi".into(),
        };
        let it = |v, who| explain(v, &claim, who, Lang::It, false);
        assert_eq!(
            it(Verdict::Supported, None),
            "Confermato: lo ha detto Emmanuel Macron (Resoconto, Parigi, 6 gennaio 2026)."
        );
        assert!(it(Verdict::Misattributed, Some("Friedrich Merz")).contains("non Friedrich Merz"));
        assert!(it(Verdict::Contradicted, None).contains("«Una forza di rassicurazione»"));
        let en = explain(Verdict::Supported, &claim, None, Lang::En, true);
        assert_eq!(
            en,
            "Supported: the source reports this (Resoconto, Parigi, 6 January 2026)."
        );
        assert_eq!(
            explain(Verdict::NoMatch, &claim, None, Lang::En, false),
            no_match(Lang::En)
        );
    }
}
