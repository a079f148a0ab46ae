//! Stemmers: the Snowball Italian and English (Porter2) algorithms.
//!
//! Fonte matches words by stem, so that "annunciato" meets "annuncia" and
//! "guarantees" meets "guaranteed". These are the two Snowball algorithms
//! exactly as `rust-stemmers` 1.2 implements them, stem for stem
//! (`tests/stem.rs` compares the two on every word Fonte ships and on tens
//! of thousands of generated ones), written for size: the generated code
//! and its `among` tables weighed 7.6 KB gzip in the widget.
//!
//! As in Snowball, positions (the regions R1, R2 and RV) are byte offsets
//! into the word being stemmed. Suffixes are always matched whole, so every
//! cut falls on a character boundary. Letters that the algorithms mark as
//! consonants (Italian `U` and `I` between vowels, English `Y` after one)
//! are uppercase ASCII while the word is stemmed, as in the Snowball
//! sources, and lowered at the end.
//!
//! ```
//! assert_eq!(fonte::stem::italian("rassicurazione"), "rassicur");
//! assert_eq!(fonte::stem::english("guarantees"), "guarante");
//! ```

/// A rule table: each rule is a list of space-separated suffixes and the
/// text that replaces them.
type Rules = [(&'static str, &'static str)];

/// The longest suffix of `w` in `rules` that starts at byte `floor` or
/// later: its rule's index, the byte where it starts, and its replacement.
///
/// This is Snowball's `among`: the longest match is the one taken, even
/// when the conditions attached to it then fail.
fn among(w: &str, floor: usize, rules: &Rules) -> Option<(usize, usize, &'static str)> {
    let mut best: Option<(usize, usize, &'static str)> = None;
    for (i, &(suffixes, by)) in rules.iter().enumerate() {
        for suffix in suffixes.split(' ') {
            if w.ends_with(suffix) {
                let start = w.len() - suffix.len();
                if start >= floor && best.is_none_or(|b| start < b.1) {
                    best = Some((i, start, by));
                }
            }
        }
    }
    best
}

/// Removes the longest of `suffixes` (space-separated) that ends `w`, if
/// it starts at byte `mark` or later. Whether it did.
fn strip(w: &mut String, suffixes: &'static str, mark: usize) -> bool {
    match among(w, 0, &[(suffixes, "")]) {
        Some((_, start, _)) if start >= mark => {
            w.truncate(start);
            true
        }
        _ => false,
    }
}

/// Replaces everything from byte `start` on with `by`.
fn replace(w: &mut String, start: usize, by: &str) {
    w.truncate(start);
    w.push_str(by);
}

/// The part of `w` before byte `end`.
fn head(w: &str, end: usize) -> &str {
    w.get(..end).unwrap_or("")
}

/// Snowball's R1 when `from` is 0 (R2 when `from` is R1): the byte just
/// past the first non-vowel that follows a vowel, or the word's length.
fn region(w: &str, from: usize, vowel: fn(char) -> bool) -> usize {
    let mut seen_vowel = false;
    for (i, c) in w.get(from..).unwrap_or("").char_indices() {
        if vowel(c) {
            seen_vowel = true;
        } else if seen_vowel {
            return from + i + c.len_utf8();
        }
    }
    w.len()
}

/// Lowers the marked letters `marks` (uppercase ASCII: lowering them keeps
/// the UTF-8 valid).
fn unmark(w: String, marks: &[u8]) -> String {
    let mut bytes = w.into_bytes();
    for b in &mut bytes {
        if marks.contains(b) {
            b.make_ascii_lowercase();
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

fn it_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'à' | 'è' | 'ì' | 'ò' | 'ù')
}

/// Italian writes its accents grave, except on a closed `é`/`ó`; Snowball
/// folds the acute ones onto the grave.
fn it_grave(c: char) -> char {
    match c {
        'á' => 'à',
        'é' => 'è',
        'í' => 'ì',
        'ó' => 'ò',
        'ú' => 'ù',
        _ => c,
    }
}

/// Italian RV: after the third letter when the word opens consonant-vowel,
/// else after the next vowel (vowel-vowel: the next consonant) from the
/// third letter on.
fn it_rv(w: &str) -> usize {
    let mut chars = w.char_indices();
    let (Some((_, c0)), Some((_, c1))) = (chars.next(), chars.next()) else {
        return w.len();
    };
    if it_vowel(c1) && !it_vowel(c0) {
        return chars.next().map_or(w.len(), |(i, c)| i + c.len_utf8());
    }
    let want_vowel = !it_vowel(c1);
    for (i, c) in chars {
        if it_vowel(c) == want_vowel {
            return i + c.len_utf8();
        }
    }
    w.len()
}

/// Pronouns attached to a gerund or an infinitive ("dandogli", "farlo").
const IT_PRONOUNS: &Rules = &[(
    "ci gli la le li lo mi ne si ti vi sene gliela gliele glieli glielo gliene \
     mela mele meli melo mene tela tele teli telo tene cela cele celi celo cene \
     vela vele veli velo vene",
    "",
)];

/// What a pronoun must follow, and what replaces the pronoun then.
const IT_BEFORE_PRONOUN: &Rules = &[("ando endo", ""), ("ar er ir", "e")];

/// Noun and adjective endings. The index matters: `italian` attaches the
/// region and the follow-up removals to each rule.
const IT_STANDARD: &Rules = &[
    (
        "anza anze ico ici ica ice iche ichi ismo ismi abile abili ibile ibili \
         ista iste isti istà istè istì oso osi osa ose mente atrice atrici ante anti",
        "",
    ),
    ("azione azioni atore atori", ""),
    ("logia logie", "log"),
    ("uzione uzioni usione usioni", "u"),
    ("enza enze", "ente"),
    ("amento amenti imento imenti", ""),
    ("amente", ""),
    ("ità", ""),
    ("ivo ivi iva ive", ""),
];

/// Verb endings, removed when they lie in RV. (`Yamo` is in the Snowball
/// source; no lowercase word ends with it.)
const IT_VERB: &Rules = &[(
    "ammo ando ano are arono asse assero assi assimo ata ate ati ato ava avamo \
     avano avate avi avo emmo enda ende endi endo erà erai eranno ere erebbe \
     erebbero erei eremmo eremo ereste eresti erete erò erono essero ete eva \
     evamo evano evate evi evo Yamo iamo immo ono irà irai iranno ire irebbe \
     irebbero irei iremmo iremo ireste iresti irete irò irono isca iscano isce \
     isci isco iscono issero ita ite iti ito iva ivamo ivano ivate ivi ivo \
     uta ute uti uto ar ir",
    "",
)];

/// The Snowball Italian stem of a lowercase word.
pub fn italian(word: &str) -> String {
    // Prelude: acute accents to grave, `u` after `q` and `u`/`i` between
    // vowels marked as consonants (the vowel before as already marked).
    let mut w = String::with_capacity(word.len());
    let mut prev = '\0';
    for (i, c) in word.char_indices() {
        let next = word.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        let marked = if c == 'u' && prev == 'q' {
            'U'
        } else if matches!(c, 'u' | 'i')
            && w.chars().next_back().is_some_and(it_vowel)
            && next.is_some_and(|n| it_vowel(it_grave(n)))
        {
            c.to_ascii_uppercase()
        } else {
            it_grave(c)
        };
        w.push(marked);
        prev = c;
    }
    let rv = it_rv(&w);
    let r1 = region(&w, 0, it_vowel);
    let r2 = region(&w, r1, it_vowel);

    if let Some((_, p, _)) = among(&w, 0, IT_PRONOUNS) {
        if let Some((_, s, by)) = among(head(&w, p), 0, IT_BEFORE_PRONOUN) {
            if s >= rv {
                replace(&mut w, p, by);
            }
        }
    }

    let standard = match among(&w, 0, IT_STANDARD) {
        Some((rule, s, by)) if s >= [r2, r2, r2, r2, r2, rv, r1, r2, r2][rule] => {
            replace(&mut w, s, by);
            match rule {
                1 => {
                    strip(&mut w, "ic", r2);
                }
                6 => {
                    let iv = w.ends_with("iv");
                    if strip(&mut w, "ic abil os iv", r2) && iv {
                        strip(&mut w, "at", r2);
                    }
                }
                7 => {
                    strip(&mut w, "ic abil iv", r2);
                }
                8 if strip(&mut w, "at", r2) => {
                    strip(&mut w, "ic", r2);
                }
                _ => {}
            }
            true
        }
        _ => false,
    };
    if !standard {
        if let Some((_, s, _)) = among(&w, rv, IT_VERB) {
            w.truncate(s);
        }
    }

    if strip(&mut w, "a e i o à è ì ò", rv) {
        strip(&mut w, "i", rv);
    }
    if among(&w, rv, &[("ch gh", "")]).is_some() {
        w.pop();
    }
    unmark(w, b"IU")
}

fn en_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Whether `w` ends in a short syllable: non-vowel, vowel, non-vowel other
/// than `w`, `x` or `Y`; or, as the whole word, vowel, non-vowel.
fn en_short(w: &str) -> bool {
    let mut rev = w.chars().rev();
    match (rev.next(), rev.next(), rev.next()) {
        (Some(c), Some(v), Some(b)) => {
            !en_vowel(c) && !matches!(c, 'w' | 'x' | 'Y') && en_vowel(v) && !en_vowel(b)
        }
        (Some(c), Some(v), None) => !en_vowel(c) && en_vowel(v),
        _ => false,
    }
}

/// Whole words with a stem of their own; an empty replacement keeps the
/// word as it is.
const EN_EXCEPTIONS: &Rules = &[
    ("skis", "ski"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("idly", "idl"),
    ("gently", "gentl"),
    ("ugly", "ugli"),
    ("early", "earli"),
    ("only", "onli"),
    ("singly", "singl"),
    ("sky news howe atlas cosmos bias andes", ""),
];

/// Step 1a: plurals. The first two rules have conditions (see `english`).
const EN_STEP1A: &Rules = &[("s", ""), ("ied ies", ""), ("sses ss", "ss"), ("us", "us")];

/// Step 1b: `-ed`, `-ing`. The first rule needs R1, the second a vowel.
const EN_STEP1B: &Rules = &[("eed eedly", "ee"), ("ed edly ing ingly", "")];

/// Step 2, in R1. `ogi` needs an `l` before it, `li` a valid li-ending.
const EN_STEP2: &Rules = &[
    ("ogi", "og"),
    ("li", ""),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("abli", "able"),
    ("entli", "ent"),
    ("izer ization", "ize"),
    ("ational ation ator", "ate"),
    ("alism aliti alli", "al"),
    ("fulness fulli", "ful"),
    ("ousli ousness", "ous"),
    ("iveness iviti", "ive"),
    ("biliti bli", "ble"),
    ("lessli", "less"),
];

/// Step 3, in R1. `ative` needs R2.
const EN_STEP3: &Rules = &[
    ("ative", ""),
    ("tional", "tion"),
    ("ational", "ate"),
    ("alize", "al"),
    ("icate iciti ical", "ic"),
    ("ful ness", ""),
];

/// Step 4, in R2. `ion` needs an `s` or a `t` before it.
const EN_STEP4: &Rules = &[
    ("ion", ""),
    (
        "al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize",
        "",
    ),
];

/// The Snowball English (Porter2) stem of a lowercase word.
pub fn english(word: &str) -> String {
    if let Some((_, 0, by)) = among(word, 0, EN_EXCEPTIONS) {
        return if by.is_empty() { word } else { by }.to_owned();
    }
    if word.chars().nth(2).is_none() {
        return word.to_owned();
    }
    // Prelude: one leading apostrophe goes; `y` at the start or after a
    // vowel is a consonant.
    let body = word.strip_prefix('\'').unwrap_or(word);
    let mut w = String::with_capacity(body.len() + 1);
    let mut y_found = false;
    for c in body.chars() {
        if c == 'y' && w.chars().next_back().is_none_or(en_vowel) {
            w.push('Y');
            y_found = true;
        } else {
            w.push(c);
        }
    }
    let r1 = "gener commun arsen"
        .split(' ')
        .find(|p| w.starts_with(p))
        .map_or_else(|| region(&w, 0, en_vowel), str::len);
    let r2 = region(&w, r1, en_vowel);

    strip(&mut w, "' 's 's'", 0);
    match among(&w, 0, EN_STEP1A) {
        Some((0, s, _)) => {
            // The `s` goes after a vowel, but not one right before it.
            let mut before = head(&w, s).chars();
            if before.next_back().is_some() && before.any(en_vowel) {
                w.truncate(s);
            }
        }
        Some((1, s, _)) => {
            let by = if head(&w, s).chars().nth(1).is_some() {
                "i"
            } else {
                "ie"
            };
            replace(&mut w, s, by);
        }
        Some((_, s, by)) => replace(&mut w, s, by),
        None => {}
    }
    let invariant = "succeed proceed exceed canning inning earring herring outing";
    if !matches!(among(&w, 0, &[(invariant, "")]), Some((_, 0, _))) {
        en_steps(&mut w, r1, r2);
    }
    if y_found {
        unmark(w, b"Y")
    } else {
        w
    }
}

/// English steps 1b to 5.
fn en_steps(w: &mut String, r1: usize, r2: usize) {
    match among(w, 0, EN_STEP1B) {
        Some((0, s, by)) if s >= r1 => replace(w, s, by),
        Some((1, s, _)) if head(w, s).chars().any(en_vowel) => {
            w.truncate(s);
            if among(w, 0, &[("at bl iz", "")]).is_some() {
                w.push('e');
            } else if among(w, 0, &[("bb dd ff gg mm nn pp rr tt", "")]).is_some() {
                w.pop();
            } else if w.len() == r1 && en_short(w) {
                w.push('e');
            }
        }
        _ => {}
    }

    let mut rev = w.chars().rev();
    if matches!(rev.next(), Some('y' | 'Y'))
        && rev.next().is_some_and(|c| !en_vowel(c))
        && rev.next().is_some()
    {
        w.pop();
        w.push('i');
    }

    if let Some((rule, s, by)) = among(w, 0, EN_STEP2) {
        let before = head(w, s).chars().next_back();
        let ok = match rule {
            0 => before == Some('l'),
            1 => matches!(
                before,
                Some('c' | 'd' | 'e' | 'g' | 'h' | 'k' | 'm' | 'n' | 'r' | 't')
            ),
            _ => true,
        };
        if s >= r1 && ok {
            replace(w, s, by);
        }
    }

    if let Some((rule, s, by)) = among(w, 0, EN_STEP3) {
        if s >= r1 && (rule != 0 || s >= r2) {
            replace(w, s, by);
        }
    }

    if let Some((rule, s, _)) = among(w, 0, EN_STEP4) {
        let st = matches!(head(w, s).chars().next_back(), Some('s' | 't'));
        if s >= r2 && (rule != 0 || st) {
            w.truncate(s);
        }
    }

    let s = w.len().saturating_sub(1);
    if w.ends_with('e') && (s >= r2 || (s >= r1 && !en_short(head(w, s))))
        || w.ends_with("ll") && s >= r2
    {
        w.truncate(s);
    }
}
