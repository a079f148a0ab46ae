//! Stemmers: the Snowball Italian and English (Porter2) algorithms.
//!
//! Fonte matches words by stem, so that "annunciato" meets "annuncia" and
//! "guarantees" meets "guaranteed". These are the two Snowball algorithms
//! exactly as `rust-stemmers` 1.2 implements them, stem for stem
//! (`tests/stem.rs` compares the two on every word Fonte ships and on tens
//! of thousands of generated ones), written for size: rust-stemmers took
//! 6.2 KB of the gzipped widget, these take 3.3 KB, and stem a word at
//! least as fast.
//!
//! Words are expected in lowercase, as Fonte's tokens are (and as
//! rust-stemmers expects them): the stem of a word with ASCII capitals is
//! rust-stemmers' stem in lowercase.
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

/// Declares a suffix table, written as in Snowball and compiled while the
/// crate builds (see [`build`]): `table!("eed eedly=ee|ed edly ing ingly")`.
///
/// Rules are separated by `|`; a rule lists space-separated suffixes, then
/// `=` and their replacement if they have one. A rule's index is its
/// position: the code attaches conditions to it.
macro_rules! table {
    ($rules:expr) => {{
        const TABLE: &[u8] = &compile::<{ build($rules, &mut [0; 2048]) }>($rules);
        TABLE
    }};
}

/// Compiles a table of [`table!`] into its searchable form, of length `N`.
const fn compile<const N: usize>(rules: &str) -> [u8; N] {
    let mut out = [0; N];
    assert!(build(rules, &mut out) == N);
    out
}

/// Writes the searchable form of `rules` into `out` (long enough) and
/// returns its length.
///
/// The form: the number of rules, each rule's replacement (its length, its
/// bytes), then the suffixes grouped by their last byte (that byte, the
/// group's length in bytes, then each suffix, longest first, as a byte
/// `rule << 4 | length` and the suffix), then a 0. [`among`] then reads
/// only the group of the word's last byte, and stops at the first suffix
/// that fits; a plain list of string slices would also ship a pointer and
/// a length per suffix.
const fn build(rules: &str, out: &mut [u8]) -> usize {
    let src = rules.as_bytes();
    // (start, length, rule) of each suffix, (start, length) of each
    // replacement, in `src`.
    let mut suffixes = [(0, 0, 0); 128];
    let mut replacements = [(0, 0); 16];
    let (mut n, mut rule, mut start, mut in_replacement) = (0, 0, 0, false);
    let mut i = 0;
    while i <= src.len() {
        let b = if i < src.len() { src[i] } else { b'|' };
        if b == b' ' || b == b'|' || b == b'=' {
            if in_replacement {
                replacements[rule] = (start, i - start);
            } else {
                assert!(i - start > 0 && i - start < 16, "suffix of 1 to 15 bytes");
                suffixes[n] = (start, i - start, rule);
                n += 1;
            }
            in_replacement = b == b'=' || (in_replacement && b != b'|');
            if b == b'|' {
                rule += 1;
                assert!(rule < 16, "at most 16 rules");
            }
            start = i + 1;
        }
        i += 1;
    }
    let mut o = 0;
    out[o] = rule as u8 + 1;
    o += 1;
    let mut r = 0;
    while r <= rule {
        let (start, len) = replacements[r];
        out[o] = len as u8;
        o += 1;
        let mut k = 0;
        while k < len {
            assert!(src[start + k].is_ascii(), "replacements are ASCII");
            out[o] = src[start + k];
            o += 1;
            k += 1;
        }
        r += 1;
    }
    let mut placed = [false; 128];
    let mut first = 0;
    while first < n {
        if !placed[first] {
            let key = src[suffixes[first].0 + suffixes[first].1 - 1];
            out[o] = key;
            let group = o + 2;
            o = group;
            let mut len = 15;
            while len > 0 {
                let mut t = first;
                while t < n {
                    let (start, l, rule) = suffixes[t];
                    if !placed[t] && l == len && src[start + l - 1] == key {
                        placed[t] = true;
                        out[o] = (rule << 4 | l) as u8;
                        o += 1;
                        let mut k = 0;
                        while k < l {
                            out[o] = src[start + k];
                            o += 1;
                            k += 1;
                        }
                    }
                    t += 1;
                }
                len -= 1;
            }
            assert!(o - group < 256, "a group of at most 255 bytes");
            out[group - 1] = (o - group) as u8;
        }
        first += 1;
    }
    out[o] = 0;
    o + 1
}

/// The longest suffix of `w` in `table` (a [`table!`]) that starts at byte
/// `floor` or later: the index of its rule, the byte where it starts, and
/// what replaces it.
///
/// This is Snowball's `among`: the longest suffix is the one taken, even
/// when the conditions on its rule then fail.
fn among(w: &str, floor: usize, table: &'static [u8]) -> Option<(usize, usize, &'static [u8])> {
    let w = w.as_bytes();
    let last = *w.last()?;
    let rules = *table.first()? as usize;
    let mut i = 1;
    for _ in 0..rules {
        i += 1 + *table.get(i)? as usize;
    }
    loop {
        let key = *table.get(i)?;
        let len = *table.get(i + 1)? as usize;
        i += 2;
        if key == 0 {
            return None;
        }
        if key == last {
            break;
        }
        i += len;
    }
    let end = i + table.get(i - 1).map_or(0, |&l| l as usize);
    while i < end {
        let head = *table.get(i)? as usize;
        let suffix = table.get(i + 1..i + 1 + (head & 15))?;
        if w.ends_with(suffix) && w.len() - suffix.len() >= floor {
            let rule = head >> 4;
            let mut r = 1;
            for _ in 0..rule {
                r += 1 + *table.get(r)? as usize;
            }
            let by = table.get(r + 1..r + 1 + *table.get(r)? as usize)?;
            return Some((rule, w.len() - suffix.len(), by));
        }
        i += 1 + suffix.len();
    }
    None
}

/// Removes the longest suffix of `w` in `table` (a [`table!`]), if it
/// starts at byte `mark` or later. Whether it did.
fn strip(w: &mut String, table: &'static [u8], mark: usize) -> bool {
    match among(w, 0, table) {
        Some((_, start, _)) if start >= mark => {
            w.truncate(start);
            true
        }
        _ => false,
    }
}

/// Replaces everything from byte `start` on with `by` (ASCII).
fn replace(w: &mut String, start: usize, by: &[u8]) {
    w.truncate(start);
    for &b in by {
        w.push(char::from(b));
    }
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
const IT_PRONOUNS: &[u8] = table!(
    "ci gli la le li lo mi ne si ti vi sene gliela gliele glieli glielo \
    gliene mela mele meli melo mene tela tele teli telo tene cela cele celi celo cene vela vele \
    veli velo vene"
);

/// What an attached pronoun must follow, and what replaces the pronoun.
const IT_BEFORE_PRONOUN: &[u8] = table!("ando endo|ar er ir=e");

/// Noun and adjective endings. `italian` attaches each rule's region and
/// follow-up removals to its index.
const IT_STANDARD: &[u8] = table!(
    "anza anze ico ici ica ice iche ichi ismo ismi abile abili ibile \
    ibili ista iste isti istà istè istì oso osi osa ose mente atrice atrici ante anti\
    |azione azioni atore atori\
    |logia logie=log\
    |uzione uzioni usione usioni=u\
    |enza enze=ente\
    |amento amenti imento imenti\
    |amente\
    |ità\
    |ivo ivi iva ive"
);

/// Verb endings, removed when they lie in RV. (`Yamo` is in the Snowball
/// source; no lowercase word ends with it.)
const IT_VERB: &[u8] = table!(
    "ammo ando ano are arono asse assero assi assimo ata ate ati ato ava \
    avamo avano avate avi avo emmo enda ende endi endo erà erai eranno ere erebbe erebbero erei \
    eremmo eremo ereste eresti erete erò erono essero ete eva evamo evano evate evi evo Yamo \
    iamo immo ono irà irai iranno ire irebbe irebbero irei iremmo iremo ireste iresti irete irò \
    irono isca iscano isce isci isco iscono issero ita ite iti ito iva ivamo ivano ivate ivi ivo \
    uta ute uti uto ar ir"
);

/// The stem of a folded word in language `lang` (0 Italian, 1 English), as
/// the analyzer and the build (the bundled lexicon) key words: numbers stay
/// as written.
pub fn stem(word: &str, lang: usize) -> String {
    if word.chars().all(|c| c.is_ascii_digit()) {
        word.to_owned()
    } else if lang == 0 {
        italian(word)
    } else {
        english(word)
    }
}

/// The Snowball Italian stem of a lowercase word.
pub fn italian(word: &str) -> String {
    // Prelude: acute accents to grave; `u` after `q`, and `u` or `i`
    // between vowels, marked as consonants (a letter just marked no longer
    // counts as the vowel before the next).
    let mut w = String::with_capacity(word.len());
    let (mut prev, mut prev_vowel) = ('\0', false);
    for (i, c) in word.char_indices() {
        let next = word.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        let marked = if c == 'u' && prev == 'q' {
            'U'
        } else if matches!(c, 'u' | 'i')
            && prev_vowel
            && next.is_some_and(|n| it_vowel(it_grave(n)))
        {
            c.to_ascii_uppercase()
        } else {
            it_grave(c)
        };
        w.push(marked);
        (prev, prev_vowel) = (c, it_vowel(marked));
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

    // A standard suffix in its rule's region; failing that, a verb suffix.
    let region_of = |rule| match rule {
        5 => rv,
        6 => r1,
        _ => r2,
    };
    match among(&w, 0, IT_STANDARD) {
        Some((rule, s, by)) if s >= region_of(rule) => {
            replace(&mut w, s, by);
            match rule {
                1 => {
                    strip(&mut w, table!("ic"), r2);
                }
                6 => {
                    let iv = w.ends_with("iv");
                    if strip(&mut w, table!("ic abil os iv"), r2) && iv {
                        strip(&mut w, table!("at"), r2);
                    }
                }
                7 => {
                    strip(&mut w, table!("ic abil iv"), r2);
                }
                8 if strip(&mut w, table!("at"), r2) => {
                    strip(&mut w, table!("ic"), r2);
                }
                _ => {}
            }
        }
        _ => {
            if let Some((_, s, _)) = among(&w, rv, IT_VERB) {
                w.truncate(s);
            }
        }
    }

    if strip(&mut w, table!("a e i o à è ì ò"), rv) {
        strip(&mut w, table!("i"), rv);
    }
    if among(&w, rv, table!("ch gh")).is_some() {
        w.pop();
    }
    lower(w)
}

/// Lowers the letters marked as consonants. Lowering every ASCII letter
/// takes less code than lowering only the marks, and is the same on
/// lowercase words (Fonte's tokens are folded to lowercase).
fn lower(mut w: String) -> String {
    w.make_ascii_lowercase();
    w
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

/// Whole words with a stem of their own; the last rule keeps its words as
/// they are.
const EN_EXCEPTIONS: &[u8] = table!(
    "skis=ski|skies=sky|dying=die|lying=lie|tying=tie|idly=idl\
    |gently=gentl|ugly=ugli|early=earli|only=onli|singly=singl\
    |sky news howe atlas cosmos bias andes"
);

/// Step 1a: plurals. The first two rules have conditions (see `english`).
const EN_STEP1A: &[u8] = table!("s|ied ies|sses ss=ss|us=us");

/// Step 1b: `-ed`, `-ing`. The first rule needs R1, the second a vowel.
const EN_STEP1B: &[u8] = table!("eed eedly=ee|ed edly ing ingly");

/// Step 2, in R1. `ogi` needs an `l` before it, `li` a valid li-ending.
const EN_STEP2: &[u8] = table!(
    "ogi=og|li|tional=tion|enci=ence|anci=ance|abli=able|entli=ent\
    |izer ization=ize|ational ation ator=ate|alism aliti alli=al|fulness fulli=ful\
    |ousli ousness=ous|iveness iviti=ive|biliti bli=ble|lessli=less"
);

/// Step 3, in R1. `ative` needs R2.
const EN_STEP3: &[u8] =
    table!("ative|tional=tion|ational=ate|alize=al|icate iciti ical=ic|ful ness");

/// Step 4, in R2. `ion` needs an `s` or a `t` before it.
const EN_STEP4: &[u8] =
    table!("ion|al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize");

/// The Snowball English (Porter2) stem of a lowercase word.
pub fn english(word: &str) -> String {
    if let Some((_, 0, by)) = among(word, 0, EN_EXCEPTIONS) {
        if by.is_empty() {
            return word.to_owned();
        }
        let mut stem = String::new();
        replace(&mut stem, 0, by);
        return stem;
    }
    if word.chars().count() < 3 {
        return lower(word.to_owned());
    }
    // Prelude: one leading apostrophe goes; `y` at the start or after a
    // vowel is a consonant.
    let body = word.strip_prefix("'").unwrap_or(word);
    let mut w = String::with_capacity(body.len() + 1);
    let mut prev_vowel = true;
    for c in body.chars() {
        let marked = if c == 'y' && prev_vowel { 'Y' } else { c };
        w.push(marked);
        prev_vowel = en_vowel(marked);
    }
    let r1 = "gener commun arsen"
        .split(' ')
        .find(|p| w.starts_with(p))
        .map_or_else(|| region(&w, 0, en_vowel), str::len);
    let r2 = region(&w, r1, en_vowel);

    strip(&mut w, table!("' 's 's'"), 0);
    match among(&w, 0, EN_STEP1A) {
        Some((0, s, _)) => {
            // The `s` goes after a vowel, but not one right before it.
            let mut before = head(&w, s).chars();
            if before.next_back().is_some() && before.any(en_vowel) {
                w.truncate(s);
            }
        }
        Some((1, s, _)) => {
            let by: &[u8] = if head(&w, s).chars().count() > 1 {
                b"i"
            } else {
                b"ie"
            };
            replace(&mut w, s, by);
        }
        Some((_, s, by)) => replace(&mut w, s, by),
        None => {}
    }
    let invariant = table!("succeed proceed exceed canning inning earring herring outing");
    if !matches!(among(&w, 0, invariant), Some((_, 0, _))) {
        en_steps(&mut w, r1, r2);
    }
    lower(w)
}

/// English steps 1b to 5.
fn en_steps(w: &mut String, r1: usize, r2: usize) {
    match among(w, 0, EN_STEP1B) {
        Some((0, s, by)) if s >= r1 => replace(w, s, by),
        Some((1, s, _)) if head(w, s).chars().any(en_vowel) => {
            w.truncate(s);
            if among(w, 0, table!("at bl iz")).is_some() {
                w.push('e');
            } else if among(w, 0, table!("bb dd ff gg mm nn pp rr tt")).is_some() {
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
        // The letter before is ASCII or the last byte of a longer one.
        let before = head(w, s).bytes().next_back();
        let ok = match rule {
            0 => before == Some(b'l'),
            1 => before.is_some_and(|b| b"cdeghkmnrt".contains(&b)),
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
        let st = matches!(head(w, s).bytes().next_back(), Some(b's' | b't'));
        if s >= r2 && (rule != 0 || st) {
            w.truncate(s);
        }
    }

    let s = w.len().saturating_sub(1);
    if (w.ends_with('e') && (s >= r2 || (s >= r1 && !en_short(head(w, s)))))
        || (w.ends_with("ll") && s >= r2)
    {
        w.truncate(s);
    }
}
