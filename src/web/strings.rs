//! Every word the tooltip shows, in Italian and English, in one table.

use crate::verdict::{Lang, Verdict};

/// The tooltip's interface text in one language.
pub(crate) struct Strings {
    /// Accessible name of the dialog, before the verdict.
    pub app: &'static str,
    /// The badge text per verdict, in [`Strings::verdict`] order.
    verdicts: [&'static str; 4],
    /// Label of the close button.
    pub close: &'static str,
    /// Before the speaker the report names, for misattributed selections
    /// (with the space that separates it from the name).
    pub said_by: &'static str,
    /// Before whom the selection names, for misattributed selections (with
    /// the space that separates it from the name).
    pub text_names: &'static str,
    /// Above the quote, for contradicted selections.
    pub report_says: &'static str,
    /// How many sentences a multi-sentence selection was split into.
    pub sentences: &'static str,
    /// Said when only the beginning of a very long selection was checked.
    pub truncated: &'static str,
    /// The keyboard hint: the shortcut and Escape.
    pub hint: &'static str,
    /// The language of this table.
    lang: Lang,
}

const IT: Strings = Strings {
    app: "Fonte",
    verdicts: [
        "Confermato dalla fonte",
        "Attribuzione errata",
        "Smentito dalla fonte",
        "Nessuna affermazione documentata trovata",
    ],
    close: "Chiudi",
    said_by: "Secondo il resoconto: ",
    text_names: "Il testo lo attribuisce a: ",
    report_says: "Il resoconto dice invece:",
    sentences: "Frasi verificate",
    truncated: "Testo molto lungo: è stato verificato solo l’inizio.",
    hint: "Alt+Maiusc+F per entrare nel riquadro, Esc per chiudere",
    lang: Lang::It,
};

const EN: Strings = Strings {
    app: "Fonte",
    verdicts: [
        "Supported by the source",
        "Misattributed",
        "Contradicted by the source",
        "No sourced claim found",
    ],
    close: "Close",
    said_by: "According to the report: ",
    text_names: "The text attributes it to: ",
    report_says: "What the report actually says:",
    sentences: "Sentences checked",
    truncated: "Very long text: only its beginning was checked.",
    hint: "Alt+Shift+F to move into this box, Esc to close",
    lang: Lang::En,
};

impl Strings {
    /// The table for `lang`.
    pub fn get(lang: Lang) -> &'static Strings {
        match lang {
            Lang::It => &IT,
            Lang::En => &EN,
        }
    }

    /// The badge text for a verdict.
    pub fn verdict(&self, verdict: Verdict) -> &'static str {
        self.verdicts[match verdict {
            Verdict::Supported => 0,
            Verdict::Misattributed => 1,
            Verdict::Contradicted => 2,
            Verdict::NoMatch => 3,
        }]
    }

    /// `2026-01-06` as "6 gennaio 2026" / "6 January 2026" (the same words
    /// as the explanations); anything else is shown as it is.
    pub fn date(&self, iso: &str) -> String {
        crate::explain::long_date(iso, self.lang)
    }
}

/// The glyph beside the badge text; the text, not the colour or the glyph,
/// carries the meaning.
pub(crate) fn icon(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Supported => "✓",
        Verdict::Misattributed => "⇄",
        Verdict::Contradicted => "✕",
        Verdict::NoMatch => "?",
    }
}
