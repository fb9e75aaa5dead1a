//! The squashed keys of a phrase: the forms under which a window of tokens
//! counts as a variant of it. Shared with `build.rs`, which computes the
//! taxonomy's keys once at build time (job-description mode looks a
//! posting's words up in them instead of compiling 2,000 skills per run),
//! so this file uses nothing of the crate.

use super::literals::Triggers;
use std::sync::LazyLock;

/// One key of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub key: String,
    /// The last word inflected or de-inflected ("orms" for ORM): such a key
    /// may not be matched by a one-word form split over several tokens,
    /// or "BS or MS" would read as ORMs.
    pub inflected: bool,
}

/// The squashed keys under which a window of tokens counts as a variant of a
/// form: the tokens concatenated, and (for ordinary words) the last token
/// inflected or de-inflected (-s, -es, -ing, -ed, -ies/-y), since English
/// phrases inflect at their last word ("message queue", "circuit breakers").
pub fn variant_keys(tokens: &[String], case_sensitive: bool) -> Vec<Key> {
    let fold = |s: &str| {
        if case_sensitive {
            s.to_string()
        } else {
            s.to_lowercase()
        }
    };
    let Some((last, head)) = tokens.split_last() else {
        return Vec::new();
    };
    let head: String = head.iter().map(|t| fold(t)).collect();
    let last = fold(last);
    let plain = Key {
        key: [head.as_str(), last.as_str()].concat(),
        inflected: false,
    };
    let mut keys = vec![plain];
    let alphabetic = last.chars().all(|c| c.is_alphabetic());
    if !case_sensitive && alphabetic {
        let forms = if last.chars().count() >= 4 {
            inflections(&last)
        } else {
            vec![[last.as_str(), "s"].concat()]
        };
        keys.extend(forms.into_iter().map(|f| Key {
            key: [head.as_str(), f.as_str()].concat(),
            inflected: true,
        }));
    }
    if !case_sensitive {
        let spelled: Vec<Key> = keys
            .iter()
            .filter_map(|k| {
                other_spelling(&k.key).map(|key| Key {
                    key,
                    inflected: k.inflected,
                })
            })
            .collect();
        keys.extend(spelled);
    }
    keys
}

/// British and American spellings of the same word: a spelling variant is
/// a variant (partial credit, "use the exact phrase"), not a typo. Whole
/// word stems only, plus the "-isation" ending: shorter pieces ("our",
/// "ise") sit inside too many other words ("source", "enterprise").
const SPELLINGS: &[(&str, &str)] = &[
    ("isation", "ization"),
    ("optimis", "optimiz"),
    ("organis", "organiz"),
    ("prioritis", "prioritiz"),
    ("visualis", "visualiz"),
    ("containeris", "containeriz"),
    ("virtualis", "virtualiz"),
    ("normalis", "normaliz"),
    ("serialis", "serializ"),
    ("standardis", "standardiz"),
    ("customis", "customiz"),
    ("authoris", "authoriz"),
    ("synchronis", "synchroniz"),
    ("analyse", "analyze"),
    ("modelling", "modeling"),
    ("labelling", "labeling"),
    ("behaviour", "behavior"),
    ("colour", "color"),
    ("centre", "center"),
    ("licence", "license"),
    ("catalogue", "catalog"),
];

/// `key` in the other spelling (every British ending made American, or
/// the other way), if it has one of [`SPELLINGS`].
pub fn other_spelling(key: &str) -> Option<String> {
    // One list of both spellings of every pair: a profile has hundreds of
    // keys, and 42 substring searches each cost a tenth of a whole run
    // (callgrind); an automaton cost 0.4 M instructions to build.
    static BOTH: LazyLock<Triggers> = LazyLock::new(|| {
        let words: Vec<&str> = SPELLINGS.iter().flat_map(|&(b, a)| [a, b]).collect();
        Triggers::new(&words, false)
    });
    // The first found is the leftmost, and the first pair's at a tie.
    let m = BOTH.find_all(key).next()?;
    let (british, american) = SPELLINGS[m.word / 2];
    Some(if m.word % 2 == 0 {
        key.replace(american, british)
    } else {
        key.replace(british, american)
    })
}

/// Words a practice's gerund comes from that, alone, mostly mean something
/// else: a "profile" is a summary of a person or a risk, not profiling; a
/// "monitor" a screen; a "mock" an interview; "render" plaster; a "market"
/// the place one sells in. Such a word is no variant of the gerund
/// ("Profile", a resume's heading, is no partial Profiling). Sorted.
const NOUNS_OF_THEIR_OWN: &[&str] = &["market", "mock", "monitor", "profile", "render", "throttle"];

/// Regular inflections of an English word and the words it may inflect.
pub fn inflections(w: &str) -> Vec<String> {
    let mut out = vec![[w, "ing"].concat(), [w, "ed"].concat()];
    // "Postgres" + "s" is a misspelling, not a plural.
    if !w.ends_with('s') {
        out.push([w, "s"].concat());
        out.push([w, "es"].concat());
    }
    if let Some(stem) = w.strip_suffix('e') {
        out.push([stem, "ing"].concat());
        out.push([w, "d"].concat());
    }
    if let Some(stem) = w.strip_suffix('y') {
        out.push([stem, "ies"].concat());
    }
    for suffix in ["s", "es", "ing", "ed"] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.chars().count() >= 3
        {
            // The stem's other forms too: "queues" → "queue" → "queueing".
            let own =
                |base: &str| suffix == "ing" && NOUNS_OF_THEIR_OWN.binary_search(&base).is_ok();
            if !own(stem) {
                out.push(stem.to_string());
            }
            if suffix == "ing" || suffix == "ed" {
                let base = [stem, "e"].concat();
                if !own(&base) {
                    out.push(base);
                }
            }
            out.push([stem, "ing"].concat());
        }
    }
    if let Some(stem) = w.strip_suffix("ies") {
        out.push([stem, "y"].concat());
    }
    out
}
