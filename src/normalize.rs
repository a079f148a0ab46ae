//! Text normalization: folding, tokenization and sentence splitting.
//!
//! Readers select text the way pages render it: typographic quotes and
//! apostrophes, accents typed as apostrophes (`e'` for `è`), ALL CAPS,
//! non-breaking spaces, footnote marks, emoji, words cut by the selection.
//! Everything here maps such variants onto one plain form, by hand for the
//! characters that matter (a full Unicode normalization table would weigh
//! more than the rest of the widget).
//!
//! Offsets are counted in Unicode scalar values (chars) of the input.

/// Folds one character: lowercase, accents removed, typographic punctuation
/// replaced by its ASCII form. Pushes zero or more chars onto `out`.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        '`' => out.push('\''),
        'a'..='z' | '0'..='9' => out.push(c),
        _ if c.is_ascii() => out.push(c),
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => out.push('a'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => out.push('e'),
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            out.push('i')
        }
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => out.push('o'),
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű'
        | 'Ų' => out.push('u'),
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => out.push('c'),
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => out.push('n'),
        'š' | 'ś' | 'ş' | 'ș' | 'Š' | 'Ś' | 'Ş' | 'Ș' => out.push('s'),
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => out.push('z'),
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => out.push('y'),
        'ł' | 'Ł' => out.push('l'),
        'ř' | 'Ř' => out.push('r'),
        'ť' | 'ț' | 'Ť' | 'Ț' => out.push('t'),
        'ď' | 'đ' | 'Ď' | 'Đ' => out.push('d'),
        'ğ' | 'Ğ' => out.push('g'),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ﬁ' => out.push_str("fi"),
        'ﬂ' => out.push_str("fl"),
        // Apostrophes and primes, as typed, typeset or pasted.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{00B4}' => out.push('\''),
        // Quotation marks.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => out.push('"'),
        // Dashes and hyphens.
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        // Ellipsis.
        '\u{2026}' => out.push_str("..."),
        // Invisible characters that split or join words on web pages.
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        // Fullwidth ASCII.
        '\u{FF01}'..='\u{FF5E}' => {
            if let Some(a) = char::from_u32(c as u32 - 0xFEE0) {
                fold_char(a, out)
            }
        }
        _ if c.is_whitespace() => out.push(' '),
        // Superscript and other non-decimal digits are footnote marks.
        _ if c.is_numeric() && !c.is_ascii_digit() => out.push(' '),
        // Other scripts keep their letters as they are: Fonte's languages
        // are Italian and English, and Unicode's full case tables would
        // weigh more than the rest of the folding.
        _ if c.is_alphabetic() => out.push(c),
        // Emoji, symbols, anything else: a separator.
        _ => out.push(' '),
    }
}

/// Folds a whole string (see [`fold_char`]).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded word.
    pub text: String,
    /// Offset of its first char in the input.
    pub start: usize,
    /// Offset one past its last char in the input.
    pub end: usize,
    /// The word starts with an uppercase letter in the input.
    pub capitalized: bool,
    /// Every letter of the word is uppercase ("MELONI").
    pub all_caps: bool,
    /// A clause boundary (`,;:` or a sentence end) precedes the word.
    pub clause_start: bool,
    /// A colon follows the word ("Meloni: no alle truppe").
    pub colon_after: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits a text into folded words.
///
/// Elisions split at the apostrophe (`dell'Ucraina` → `dell`, `ucraina`;
/// `Meloni's` → `meloni`, `s`); English `n't` becomes `not`; an apostrophe
/// closing a word stands for an accent and is dropped (`perche'`); numbers
/// in square brackets are footnote marks and are dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    // Fold first, keeping for each folded char the input offset it came from.
    let mut folded: Vec<(char, usize, bool)> = Vec::with_capacity(text.len());
    let mut buf = String::new();
    for (i, c) in text.chars().enumerate() {
        buf.clear();
        fold_char(c, &mut buf);
        let upper = c.is_uppercase();
        for f in buf.chars() {
            folded.push((f, i, upper));
        }
    }
    let n = folded.len();
    let mut i = 0;
    let mut clause_start = true;
    while i < n {
        let (c, _, _) = folded[i];
        if !is_word_char(c) {
            if matches!(
                c,
                ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '"' | '\n'
            ) {
                clause_start = true;
            }
            i += 1;
            continue;
        }
        let begin = i;
        while i < n && is_word_char(folded[i].0) {
            i += 1;
        }
        let mut word = String::with_capacity(i - begin);
        for f in &folded[begin..i] {
            word.push(f.0);
        }
        let start = folded[begin].1;
        let end = folded[i - 1].1 + 1;
        let capitalized = folded[begin].2;
        let all_caps = folded[begin..i].iter().all(|f| f.2 || !f.0.is_alphabetic());
        // `[12]` after a word is a footnote mark.
        let bracketed = begin > 0
            && folded[begin - 1].0 == '['
            && i < n
            && folded[i].0 == ']'
            && word.chars().all(|c| c.is_ascii_digit());
        if bracketed {
            continue;
        }
        let apostrophe_follows = i < n && folded[i].0 == '\'';
        let letter_after = i + 1 < n && is_word_char(folded[i + 1].0);
        // English negation: don't, won't, isn't become "do"/"wo"/"is" + "not".
        let t_alone = letter_after
            && folded[i + 1].0 == 't'
            && (i + 2 >= n || !is_word_char(folded[i + 2].0));
        let not_span = (apostrophe_follows && t_alone && word.ends_with('n') && word.len() > 1)
            .then(|| (folded[i].1, folded[i + 1].1 + 1));
        if not_span.is_some() {
            word.pop();
        }
        let colon_after = not_span.is_none()
            && folded[i..]
                .iter()
                .find(|f| !f.0.is_whitespace())
                .is_some_and(|f| f.0 == ':');
        tokens.push(Token {
            text: word,
            start,
            end,
            capitalized,
            all_caps,
            clause_start,
            colon_after,
        });
        if let Some((start, end)) = not_span {
            tokens.push(Token {
                text: "not".to_owned(),
                start,
                end,
                capitalized: false,
                all_caps,
                clause_start: false,
                colon_after: false,
            });
            i += 2;
        }
        clause_start = false;
    }
    tokens
}

/// Splits a text into sentences and paragraphs; returns char spans
/// `(start, end)` of the non-blank pieces, in order.
///
/// A sentence ends at `.`, `!`, `?` or `;` followed by whitespace (not after
/// a lone initial such as `U.` or a number such as `5.000`), and at every
/// line break: selections across paragraphs carry one.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    sentences_with(text, &|_| false)
}

/// [`sentences`], where a full stop after a word that `is_abbreviation`
/// (given the folded word, without its stop) ends no sentence ("Ms.
/// Meloni", "l'Art. 5").
pub fn sentences_with(text: &str, is_abbreviation: &dyn Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let chars = chars(text);
    let mut spans = Vec::new();
    let mut start = 0;
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let mut cut = None;
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            // A line break ends a paragraph, a heading or a sentence; but a
            // line that goes on in lowercase after a word is one sentence
            // wrapped by the page ("sull'invio\ndi una missione").
            let before = chars[..i].iter().rev().find(|c| !c.is_whitespace());
            let after = chars[i..].iter().position(|c| !c.is_whitespace());
            let blank_line = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_whitespace())
                .any(|&c| c == '\n');
            let continues = !blank_line
                && before.is_some_and(|c| c.is_alphanumeric() || *c == ',')
                && after.is_some_and(|p| chars[i + p].is_lowercase());
            if !continues {
                cut = Some(i);
            }
        } else if matches!(c, '.' | '!' | '?' | ';' | '…') {
            // Include closing quotes and brackets in the sentence.
            let mut j = i + 1;
            while j < n && matches!(chars[j], '"' | '\'' | '”' | '’' | '»' | ')' | ']') {
                j += 1;
            }
            let followed_by_space = j >= n || chars[j].is_whitespace();
            let lone_initial = c == '.'
                && i >= 1
                && chars[i - 1].is_alphabetic()
                && (i < 2 || !chars[i - 2].is_alphanumeric());
            let abbreviation = c == '.' && {
                let from = chars[..i]
                    .iter()
                    .rposition(|c| !c.is_alphabetic())
                    .map_or(0, |p| p + 1);
                let mut word = String::new();
                for &c in &chars[from..i] {
                    fold_char(c, &mut word);
                }
                is_abbreviation(&word)
            };
            if followed_by_space && !lone_initial && !abbreviation {
                cut = Some(j);
            }
        }
        if let Some(end) = cut {
            push_span(&chars, start, end, &mut spans);
            start = end;
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_span(&chars, start, n, &mut spans);
    spans
}

/// The chars of `text`, pushed one by one: `collect` costs the wasm more.
pub(crate) fn chars(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.len());
    for c in text.chars() {
        chars.push(c);
    }
    chars
}

fn push_span(chars: &[char], mut start: usize, mut end: usize, spans: &mut Vec<(usize, usize)>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if chars[start..end].iter().any(|c| c.is_alphanumeric()) {
        spans.push((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn folds_case_accents_and_typography() {
        assert_eq!(fold("Perché SARÀ “così”"), "perche sara \"cosi\"");
        assert_eq!(fold("l’Ucraina"), "l'ucraina");
        assert_eq!(fold("a\u{00A0}b\u{200B}c"), "a bc");
    }

    #[test]
    fn folding_is_idempotent() {
        for s in ["Perché SARÀ “così”", "ﬁne Œuvre", "Ｍｅｌｏｎｉ", "x¹ y²"] {
            assert_eq!(fold(&fold(s)), fold(s));
        }
    }

    #[test]
    fn splits_elisions_and_handles_apostrophes() {
        assert_eq!(words("dell’Ucraina"), ["dell", "ucraina"]);
        assert_eq!(words("Meloni's position"), ["meloni", "s", "position"]);
        assert_eq!(words("it won't replace"), ["it", "wo", "not", "replace"]);
        assert_eq!(words("perche' e' cosi'"), ["perche", "e", "cosi"]);
        assert_eq!(words("PERCHÉ È"), ["perche", "e"]);
    }

    #[test]
    fn drops_footnote_marks_and_emoji() {
        assert_eq!(words("Parigi[1] 🇫🇷 vertice²"), ["parigi", "vertice"]);
        assert_eq!(words("articolo 5"), ["articolo", "5"]);
    }

    #[test]
    fn offsets_point_into_the_input() {
        let text = "È l’Ucraina";
        let toks = tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = toks
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect();
        assert_eq!(got, ["È", "l", "Ucraina"]);
        assert!(toks[0].capitalized && toks[2].capitalized && !toks[1].capitalized);
    }

    #[test]
    fn splits_sentences_and_paragraphs() {
        let text =
            "Primo punto. Secondo, con 5.000 euro!\nTerzo\n\n  U.S. forces stay\nin Europe\nTitolo";
        let got: Vec<String> = sentences(text)
            .into_iter()
            .map(|(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(
            got,
            [
                "Primo punto.",
                "Secondo, con 5.000 euro!",
                "Terzo",
                "U.S. forces stay\nin Europe",
                "Titolo"
            ]
        );
    }

    #[test]
    fn an_abbreviation_ends_no_sentence() {
        let text = "Ms. Meloni spoke. L'Art. 5 conta. Ask Ms. Then go.";
        let got: Vec<String> = sentences_with(text, &|w| ["art", "ms"].contains(&w))
            .into_iter()
            .map(|(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        // Like a lone initial, the stop of an abbreviation ends nothing,
        // even where a sentence does end ("Ask Ms."): rare, and merging two
        // sentences costs less than cutting a name from its title.
        assert_eq!(
            got,
            ["Ms. Meloni spoke.", "L'Art. 5 conta.", "Ask Ms. Then go."]
        );
        assert_eq!(sentences(text).len(), 6);
    }

    #[test]
    fn blank_input_has_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\t ").is_empty());
        assert!(sentences("... !!").is_empty());
    }
}
