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
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_owned();
    };
    let months = match lang {
        Lang::It => &MONTHS_IT,
        Lang::En => &MONTHS_EN,
    };
    match months.get(m.wrapping_sub(1)) {
        Some(month) => format!("{d} {month} {y}"),
        None => iso.to_owned(),
    }
}

/// The explanation for a verdict on a matched claim.
pub fn explain(
    verdict: Verdict,
    claim: &ClaimRef,
    attributed_to: Option<&str>,
    lang: Lang,
) -> String {
    let date = long_date(&claim.date, lang);
    let speaker = &claim.speaker;
    let source = &claim.source;
    let place = &claim.place;
    match (verdict, lang) {
        (Verdict::Supported, Lang::It) => {
            format!("Confermato: secondo {source}, lo ha affermato {speaker} ({place}, {date}).")
        }
        (Verdict::Supported, Lang::En) => {
            format!("Supported: according to {source}, {speaker} said this ({place}, {date}).")
        }
        (Verdict::Misattributed, Lang::It) => format!(
            "Attribuzione errata: secondo {source} l'affermazione è di {speaker}, non di {}.",
            attributed_to.unwrap_or("chi è citato")
        ),
        (Verdict::Misattributed, Lang::En) => format!(
            "Misattributed: according to {source} this was said by {speaker}, not by {}.",
            attributed_to.unwrap_or("the person named")
        ),
        (Verdict::Contradicted, Lang::It) => format!(
            "Smentito: secondo {source}, {speaker} ha detto il contrario: «{}»",
            claim.text
        ),
        (Verdict::Contradicted, Lang::En) => format!(
            "Contradicted: according to {source}, {speaker} said the opposite: “{}”",
            claim.text
        ),
        (Verdict::NoMatch, lang) => no_match(lang),
    }
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
    }
}
