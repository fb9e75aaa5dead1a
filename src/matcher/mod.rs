//! Normalized text → keyword hits, in four tiers: exact, alias, variant, typo.
//!
//! The matcher is compiled once per profile (one Aho-Corasick automaton for
//! every phrase and alias, one hash map of squashed variant forms), then run
//! over each resume in a single pass per tier. Matching is on token
//! boundaries so "Go" never hits "good", "Google" or "MongoDB", "Java" never
//! hits "JavaScript", "C" never hits "C++", "C#" or "Objective-C", and "SQL"
//! never hits "NoSQL" or "MySQL".

mod context;
pub mod keys;
pub(crate) mod literals;
pub(crate) mod names;
mod tokens;

use crate::model::{HitKind, Span};
use crate::normalize::Normalized;
use aho_corasick::AhoCorasick;
pub use context::is_ordinary;
use keys::variant_keys;
use std::collections::HashMap;
use tokens::{Token, tokenize, window_gap_ok};
pub use tokens::{is_cjk, on_boundary};

/// One phrase to look for, with the other ways to write it.
#[derive(Debug, Clone, Default)]
pub struct PhraseSpec {
    /// The exact phrase.
    pub text: String,
    /// Other forms that count as the exact phrase (in its case rule).
    pub also_exact: Vec<String>,
    /// `(alias, case_sensitive)`.
    pub aliases: Vec<(String, bool)>,
    /// Whether the phrase itself only counts in the case written.
    pub case_sensitive: bool,
    /// Phrases inside which a hit does not count.
    pub exclude: Vec<String>,
    /// Whether to look for misspellings (skill terms: yes; rule phrases,
    /// which are ordinary words like "caching", no).
    pub typos: bool,
    /// Whether a one-word form counts only with technical context (see
    /// [`context`]); `None` decides by the word (the ordinary-word list,
    /// Title case or one letter when case-sensitive).
    pub needs_context: Option<bool>,
}

/// A place where a phrase was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the specs the matcher was built from.
    pub phrase: usize,
    pub kind: HitKind,
    /// Where, in the normalized text.
    pub span: Span,
}

/// A surface form of a phrase (the phrase itself or an alias).
#[derive(Debug, Clone)]
struct Form {
    phrase: usize,
    kind: HitKind,
    /// The form as written in the profile, spaces collapsed.
    text: String,
    case_sensitive: bool,
    /// Counts only with technical context (see [`context`]).
    gated: bool,
}

/// A form whose misspellings we report, split into lower-case tokens.
#[derive(Debug, Clone)]
struct TypoTarget {
    phrase: usize,
    tokens: Vec<String>,
}

/// A phrase a squashed key stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Variant {
    phrase: usize,
    /// For a case-sensitive form, the cased squash to compare.
    cased: Option<String>,
    /// Whether the key may be found split over several tokens: not an
    /// inflection of a one-word form ("Flask s" is not Flasks).
    split_ok: bool,
    /// A one-word form: a CamelCase one split by a PDF keeps its capitals.
    one_word: bool,
    /// The form holds no function word, so a window that does is words,
    /// not the name split by a PDF's gaps: "or MS" is not ORMs, nor "A
    /// DDS" (a dental degree) AD DS.
    plain: bool,
}

/// Short words a PDF's kerning gap does not make: a window that holds one
/// is words, not a split name.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "be", "by", "for", "in", "is", "it", "of", "on", "or", "so",
    "the", "to", "we", "with",
];

/// The compiled matcher for one profile.
#[derive(Debug, Clone)]
pub struct Matcher {
    specs: Vec<PhraseSpec>,
    /// Automaton over the lower-cased forms; pattern i is `needles[i]`.
    automaton: AhoCorasick,
    needles: Vec<Vec<Form>>,
    /// Lower-cased squashed form (tokens concatenated) → the phrases it is a
    /// variant of; case-sensitive forms also carry the cased squash to check.
    variants: HashMap<String, Vec<Variant>>,
    /// The keys of `variants`, sorted, to stop growing a window as soon as
    /// no key starts with it.
    variant_prefixes: Vec<String>,
    /// Longest form in tokens, plus one, bounds the variant windows.
    max_tokens: usize,
    typo_targets: Vec<TypoTarget>,
    /// First and second words of multi-word typo targets → (target, which):
    /// a window can only hold a one-word typo of such a phrase if it starts
    /// with its first word or continues with its second.
    typo_words: HashMap<String, Vec<(usize, usize)>>,
    /// Per phrase: its one-word forms that need context, lower-cased.
    gated_forms: Vec<Vec<String>>,
    /// Per phrase: its exact text through [`hyphen_free`], compared with
    /// each multi-word variant found.
    hyphen_free_terms: Vec<String>,
    /// Stems of skill phrases of two or three words, for the reordered
    /// tier ("Designed REST APIs" for REST API design): stem → phrases.
    reordered: HashMap<String, Vec<usize>>,
    /// Per phrase: its word stems (empty for phrases not in the tier).
    phrase_stems: Vec<Vec<String>>,
    /// Per phrase: a one-word name with capitals inside ("PagerDuty").
    camel: Vec<bool>,
    /// Whether a one-word name in Title case that needs no context still
    /// does not count inside a person's or place's name ("Priya Docker").
    names_checked: bool,
    /// Whether typos are looked for (see [`Matcher::without_typos`]).
    typos_found: bool,
}

impl Matcher {
    pub fn new(specs: Vec<PhraseSpec>) -> Matcher {
        // Sized up front: growing these maps took a tenth of the build.
        let forms: usize = specs
            .iter()
            .map(|s| 1 + s.also_exact.len() + s.aliases.len())
            .sum();
        let mut by_needle: HashMap<String, Vec<Form>> = HashMap::with_capacity(forms);
        let mut variants: HashMap<String, Vec<Variant>> = HashMap::with_capacity(forms * 12);
        let mut max_tokens = 1;
        let mut typo_targets = Vec::new();
        let mut gated_forms: Vec<Vec<String>> = vec![Vec::new(); specs.len()];
        for (i, spec) in specs.iter().enumerate() {
            let forms = std::iter::once((spec.text.as_str(), spec.case_sensitive, HitKind::Exact))
                .chain(
                    spec.also_exact
                        .iter()
                        .map(|a| (a.as_str(), spec.case_sensitive, HitKind::Exact)),
                )
                .chain(
                    spec.aliases
                        .iter()
                        .map(|(a, cs)| (a.as_str(), *cs, HitKind::Alias)),
                );
            for (text, cs, kind) in forms {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    continue;
                }
                let toks: Vec<String> = tokenize(&text)
                    .iter()
                    .map(|t| text[t.start..t.end].to_string())
                    .collect();
                max_tokens = max_tokens.max(toks.len() + 1);
                for key in variant_keys(&toks, cs) {
                    let item = Variant {
                        phrase: i,
                        cased: cs.then(|| key.key.clone()),
                        split_ok: !(key.inflected && toks.len() == 1),
                        one_word: toks.len() == 1,
                        plain: !toks
                            .iter()
                            .any(|t| FUNCTION_WORDS.contains(&t.to_lowercase().as_str())),
                    };
                    let entry = variants.entry(key.key.to_lowercase()).or_default();
                    if !entry.contains(&item) {
                        entry.push(item);
                    }
                }
                if spec.typos {
                    let letters: usize = toks.iter().map(|t| t.chars().count()).sum();
                    if letters >= 5 {
                        typo_targets.push(TypoTarget {
                            phrase: i,
                            tokens: toks.iter().map(|t| t.to_lowercase()).collect(),
                        });
                    }
                }
                let one_word = !text.contains(' ');
                let gated = match spec.needs_context {
                    Some(need) => need && one_word,
                    None => context::ordinary_form(&text, cs),
                };
                if gated {
                    gated_forms[i].push(text.to_lowercase());
                }
                by_needle
                    .entry(text.to_lowercase())
                    .or_default()
                    .push(Form {
                        phrase: i,
                        kind,
                        text,
                        case_sensitive: cs,
                        gated,
                    });
            }
        }
        let mut patterns: Vec<String> = by_needle.keys().cloned().collect();
        patterns.sort_unstable();
        let needles: Vec<Vec<Form>> = patterns
            .iter()
            .map(|p| by_needle.remove(p).unwrap_or_default())
            .collect();
        let automaton =
            // A contiguous NFA: the default (a DFA for small sets) took 0.6 ms
            // to build for 75 patterns, more than the search it speeds up.
            AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(&patterns)
                .expect("profile phrases form a valid automaton");
        let mut variant_prefixes: Vec<String> = variants.keys().cloned().collect();
        variant_prefixes.sort_unstable();
        let mut typo_words: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (t, target) in typo_targets.iter().enumerate() {
            if target.tokens.len() > 1 {
                for which in 0..2 {
                    typo_words
                        .entry(target.tokens[which].clone())
                        .or_default()
                        .push((t, which));
                }
            }
        }
        let hyphen_free_terms = specs
            .iter()
            .map(|s| hyphen_free(&s.text, s.case_sensitive))
            .collect();
        let camel = specs
            .iter()
            .map(|s| !s.text.contains(' ') && s.text.chars().skip(1).any(char::is_uppercase))
            .collect();
        let mut reordered: HashMap<String, Vec<usize>> = HashMap::new();
        let phrase_stems: Vec<Vec<String>> = specs
            .iter()
            .enumerate()
            .map(|(i, spec)| {
                let stems = reorder_stems(spec);
                for st in &stems {
                    let list = reordered.entry(st.clone()).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
                stems
            })
            .collect();
        Matcher {
            specs,
            automaton,
            needles,
            variants,
            variant_prefixes,
            max_tokens,
            typo_targets,
            typo_words,
            gated_forms,
            hyphen_free_terms,
            reordered,
            phrase_stems,
            camel,
            names_checked: false,
            typos_found: true,
        }
    }

    /// Looks for no typos: a job posting's skills are read from what it
    /// says, and a typo there asks for nothing (the search for them was a
    /// good part of reading a posting).
    pub fn without_typos(mut self) -> Matcher {
        self.typos_found = false;
        self
    }

    /// Checks every one-word name in Title case for a person's or place's
    /// name around it, not only the ordinary words: a job posting's
    /// "Contact Priya Docker" or "a walk from La Scala" asks for no skill.
    /// A resume keeps the narrower check, where "Docker" after a capital is
    /// most often a heading or a list.
    pub fn checking_names(mut self) -> Matcher {
        self.names_checked = true;
        self
    }

    pub fn specs(&self) -> &[PhraseSpec] {
        &self.specs
    }

    /// Every hit in `norm`, best tier first per place: a variant overlapping
    /// an exact hit of the same phrase is dropped, and a "typo" that is a
    /// real hit of any phrase is not a typo.
    pub fn find(&self, norm: &Normalized) -> Vec<Hit> {
        self.find_in(norm, &[])
    }

    /// [`Matcher::find`], where `lists` are spans known to list skills
    /// (the Skills section): a name that is also an ordinary word counts
    /// there without further context.
    pub fn find_in(&self, norm: &Normalized, lists: &[Span]) -> Vec<Hit> {
        // Line breaks become spaces so a phrase wrapped across lines by a PDF
        // still matches; the byte offsets do not change.
        let flat: String = norm
            .lower
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        let mut hits = Vec::new();
        let mut gated = Vec::new();
        for m in self.automaton.find_overlapping_iter(&flat) {
            let (start, end) = (m.start(), m.end());
            if !on_boundary(&norm.text, start, end) {
                continue;
            }
            for form in &self.needles[m.pattern().as_usize()] {
                if form.case_sensitive && !same_case(&norm.text[start..end], &form.text) {
                    continue;
                }
                let hit = Hit {
                    phrase: form.phrase,
                    kind: form.kind,
                    span: Span::new(start, end),
                };
                if form.gated {
                    gated.push(hit);
                } else {
                    hits.push(hit);
                }
            }
        }
        let toks = tokenize(&norm.text);
        // A one-word variant of a name that needs context ("ELIXIR",
        // "Go's") needs it too.
        let before = hits.len();
        self.find_variants(norm, &toks, &mut hits);
        let mut k = before;
        while k < hits.len() {
            let h = &hits[k];
            // Inflected too ("kafkas", "Flasks"): a plural of a word is
            // still the word.
            let found = &norm.lower[h.span.start..h.span.end];
            let inflected = |g: &String| {
                found.strip_prefix(g.as_str()).is_some_and(|rest| {
                    matches!(rest, "" | "s" | "es" | "ing" | "ed" | "'s" | "’s")
                })
            };
            if self.gated_forms[h.phrase].iter().any(inflected) {
                gated.push(hits.swap_remove(k));
            } else {
                k += 1;
            }
        }
        // Names found in another order ("testing, unit") are read before the
        // lower-case check, which holds for them too ("the spring boot
        // clearance").
        self.find_reordered(norm, &toks, &mut hits);
        // A product name that is also an English word, written in lower
        // case ("struts", "thrift"), needs technical words close by, gated
        // or not.
        let lowercase = |h: &Hit| {
            h.kind != HitKind::Typo && context::lowercase_word(&norm.text[h.span.start..h.span.end])
        };
        let mut lower: Vec<Hit> = Vec::new();
        for list in [&mut hits, &mut gated] {
            let mut k = 0;
            while k < list.len() {
                if lowercase(&list[k]) {
                    lower.push(list.swap_remove(k));
                } else {
                    k += 1;
                }
            }
        }
        // A one-word name in Title case right after a capitalized word
        // ("Priya Docker"): the only hits the name check can drop, so the
        // context is built only when there is one.
        let title_word = |h: &Hit| {
            let w = &norm.text[h.span.start..h.span.end];
            let mut chars = w.chars();
            let before = norm.text[..h.span.start].strip_suffix(' ').unwrap_or("");
            let word_before = before.rsplit([' ', '\n']).next().unwrap_or("");
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_lowercase())
                && word_before.starts_with(char::is_uppercase)
        };
        let check_names = self.names_checked && hits.iter().any(title_word);
        if !gated.is_empty() || !lower.is_empty() || check_names {
            // Skill terms found without doubt are evidence for the names
            // near them; rule phrases ("scale", "privacy") are not.
            let evidence = hits
                .iter()
                .filter(|h| self.specs[h.phrase].typos)
                .map(|h| h.span)
                .collect();
            let ctx = context::Context::new(&norm.text, &toks, evidence, lists);
            if check_names {
                hits.retain(|h| !title_word(h) || !ctx.in_name(h.span));
            }
            hits.extend(gated.into_iter().filter(|h| ctx.supports(h.span)));
            hits.extend(lower.into_iter().filter(|h| ctx.supports_lowercase(h.span)));
        }
        if self.typos_found {
            self.find_typos(norm, &toks, &mut hits);
        }
        self.drop_excluded(&flat, &mut hits);
        hits.retain(|h| {
            h.kind == HitKind::Typo
                || !(names::names_a_place(&norm.text, h.span, crate::jd::taxonomy::names_a_skill)
                    || names::names_a_degree(&norm.text, h.span, crate::jd::taxonomy::knows))
        });
        let mut kept = dedupe(hits);
        self.drop_inside_split_compounds(&norm.text, &mut kept);
        kept
    }

    /// "Postgre SQL" is PostgreSQL written with a space, not the term SQL:
    /// a hit inside a variant that splits a one-word term belongs to that
    /// term alone.
    fn drop_inside_split_compounds(&self, text: &str, hits: &mut Vec<Hit>) {
        // Per phrase, its split variants' spans by start: they are disjoint
        // (one phrase keeps one hit per place), so the one that could hold
        // a hit is the last starting at or before it. A pairwise check was
        // quadratic on a text of many such variants.
        let mut split: HashMap<usize, std::collections::BTreeMap<usize, Span>> = HashMap::new();
        // By shape, not tier: "Objective C" is exact (a hyphen read as a
        // space) and still holds a "C" that is not the language.
        for h in hits.iter().filter(|h| {
            h.kind != HitKind::Typo
                && !self.specs[h.phrase].text.contains(' ')
                && text[h.span.start..h.span.end].contains(' ')
        }) {
            split
                .entry(h.phrase)
                .or_default()
                .insert(h.span.start, h.span);
        }
        if split.is_empty() {
            return;
        }
        hits.retain(|h| {
            !split.iter().any(|(&phrase, spans)| {
                phrase != h.phrase
                    && spans
                        .range(..=h.span.start)
                        .next_back()
                        .is_some_and(|(_, &s)| s != h.span && h.span.end <= s.end)
            })
        });
    }

    /// Windows of consecutive tokens whose squashed form equals a form's.
    fn find_variants(&self, norm: &Normalized, toks: &[Token], hits: &mut Vec<Hit>) {
        let text = &norm.text;
        let mut cased = String::new();
        let mut lower = String::new();
        for i in 0..toks.len() {
            cased.clear();
            lower.clear();
            for k in 0..self.max_tokens.min(toks.len() - i) {
                let t = &toks[i + k];
                if k > 0 && !window_gap_ok(&text[toks[i + k - 1].end..t.start]) {
                    break;
                }
                cased.push_str(&text[t.start..t.end]);
                lower.push_str(&norm.lower[t.start..t.end]);
                if !self.is_variant_prefix(&lower) {
                    break;
                }
                let (start, end) = (toks[i].start, t.end);
                let Some(entries) = self.variants.get(lower.as_str()) else {
                    continue;
                };
                let words_split = k > 0
                    && toks[i..=i + k]
                        .iter()
                        .any(|t| FUNCTION_WORDS.contains(&&norm.lower[t.start..t.end]));
                for v in entries {
                    let phrase = &v.phrase;
                    let case_ok = v.cased.as_ref().is_none_or(|k| *k == cased);
                    // A CamelCase name split by a PDF keeps its capitals
                    // ("Postgre SQL"); "pager duty" is words, not PagerDuty.
                    let camel_lost =
                        v.one_word && self.camel[*phrase] && !cased.chars().any(char::is_uppercase);
                    let split_ok =
                        k == 0 || (v.split_ok && !(v.plain && words_split) && !camel_lost);
                    if case_ok && split_ok && on_boundary(text, start, end) {
                        // "Objective C" for Objective-C, "Scikit Learn" for
                        // scikit-learn: an ATS's tokenizer splits at the
                        // hyphen, so its search finds both the same.
                        // (One token: the automaton found it if exact.)
                        let same = k > 0
                            && hyphen_free(&text[start..end], self.specs[*phrase].case_sensitive)
                                == self.hyphen_free_terms[*phrase];
                        hits.push(Hit {
                            phrase: *phrase,
                            kind: if same {
                                HitKind::Exact
                            } else {
                                HitKind::Variant
                            },
                            span: Span::new(start, end),
                        });
                    }
                }
            }
        }
    }

    /// A skill phrase of two or three words written with its words in
    /// another order or form, side by side: "Designed REST APIs" for REST
    /// API design, "optimized queries" for query optimization. A reader accepts it; an ATS searching the exact
    /// phrase may not, so it is a variant (partial credit, with the advice
    /// to write the phrase).
    fn find_reordered(&self, norm: &Normalized, toks: &[Token], hits: &mut Vec<Hit>) {
        if self.reordered.is_empty() {
            return;
        }
        let text = &norm.text;
        let stems: Vec<String> = toks
            .iter()
            .map(|t| stem(&norm.lower[t.start..t.end]))
            .collect();
        // Sentence number of each token: a new one after ". ", ";" or a line.
        let mut sentence = Vec::with_capacity(toks.len());
        let mut n = 0;
        for (i, t) in toks.iter().enumerate() {
            if i > 0 {
                let gap = &text[toks[i - 1].end..t.start];
                if gap.contains(['.', ';', '\n', ':', '!', '?', '•']) {
                    n += 1;
                }
            }
            sentence.push(n);
        }
        for (i, st) in stems.iter().enumerate() {
            let Some(phrases) = self.reordered.get(st) else {
                continue;
            };
            for &p in phrases {
                let want = &self.phrase_stems[p];
                // Adjacent words only: "learning about machines" is not
                // machine learning, nor "API gateway security" API security.
                let window = want.len();
                let mut found = vec![false; want.len()];
                let mut end = i;
                for k in i..toks.len().min(i + window) {
                    if sentence[k] != sentence[i] {
                        break;
                    }
                    if let Some(w) = want.iter().position(|w| *w == stems[k])
                        && !found[w]
                    {
                        if k == i && w != want.iter().position(|x| x == st).unwrap_or(0) {
                            continue;
                        }
                        found[w] = true;
                        end = k;
                    }
                    if found.iter().all(|f| *f) {
                        break;
                    }
                }
                if found.iter().all(|f| *f) {
                    let span = Span::new(toks[i].start, toks[end].end);
                    if on_boundary(text, span.start, span.end) {
                        hits.push(Hit {
                            phrase: p,
                            kind: HitKind::Variant,
                            span,
                        });
                    }
                }
            }
        }
    }

    /// Whether some variant key starts with `p`.
    fn is_variant_prefix(&self, p: &str) -> bool {
        let i = self.variant_prefixes.partition_point(|k| k.as_str() < p);
        self.variant_prefixes
            .get(i)
            .is_some_and(|k| k.starts_with(p))
    }

    /// Windows with exactly one token misspelled relative to a form.
    fn find_typos(&self, norm: &Normalized, toks: &[Token], hits: &mut Vec<Hit>) {
        if self.typo_targets.is_empty() {
            return;
        }
        let text = &norm.text;
        let words: Vec<&str> = toks.iter().map(|t| &norm.lower[t.start..t.end]).collect();
        // A typo keeps its first letter (see `is_typo`), and in a phrase of
        // several words all but one are spelled right; so only windows that
        // start with the right letter, or share the first or second word,
        // need a look.
        let mut by_first: Vec<Vec<usize>> = vec![Vec::new(); 256];
        let mut phrase_starts: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            if let Some(&b) = w.as_bytes().first() {
                by_first[usize::from(b)].push(i);
            }
            for &(t, which) in self.typo_words.get(*w).into_iter().flatten() {
                if i >= which {
                    phrase_starts.entry(t).or_default().push(i - which);
                }
            }
        }
        let mut candidates: Vec<usize> = Vec::new();
        for (t, target) in self.typo_targets.iter().enumerate() {
            let n = target.tokens.len();
            if n > words.len() {
                continue;
            }
            candidates.clear();
            if n == 1 {
                if let Some(&b) = target.tokens[0].as_bytes().first() {
                    candidates.extend(&by_first[usize::from(b)]);
                }
            } else if let Some(starts) = phrase_starts.get(&t) {
                candidates.extend(starts);
                candidates.sort_unstable();
                candidates.dedup();
            }
            'window: for &i in &candidates {
                if i + n > words.len() {
                    continue;
                }
                let mut differing = None;
                for k in 0..n {
                    if k > 0 && !window_gap_ok(&text[toks[i + k - 1].end..toks[i + k].start]) {
                        continue 'window;
                    }
                    if words[i + k] != target.tokens[k] {
                        if differing.is_some() {
                            continue 'window;
                        }
                        differing = Some(k);
                    }
                }
                let Some(k) = differing else { continue };
                let typo = if n == 1 {
                    is_typo(&target.tokens[k], words[i + k])
                } else {
                    is_phrase_word_typo(&target.tokens[k], words[i + k])
                };
                if typo {
                    let span = Span::new(toks[i].start, toks[i + n - 1].end);
                    if on_boundary(text, span.start, span.end) {
                        hits.push(Hit {
                            phrase: target.phrase,
                            kind: HitKind::Typo,
                            span,
                        });
                    }
                }
            }
        }
    }

    /// Drop hits that sit inside an excluded phrase of their own spec.
    fn drop_excluded(&self, flat: &str, hits: &mut Vec<Hit>) {
        let mut excluded: HashMap<usize, Vec<Span>> = HashMap::new();
        for (i, spec) in self.specs.iter().enumerate() {
            for ex in &spec.exclude {
                let ex = ex.to_lowercase();
                // Whole phrases only: "go-to" must not exclude "Go-tooling".
                let whole = flat
                    .match_indices(ex.as_str())
                    .filter(|(at, _)| on_boundary(flat, *at, at + ex.len()));
                for (at, _) in whole {
                    excluded
                        .entry(i)
                        .or_default()
                        .push(Span::new(at, at + ex.len()));
                }
            }
        }
        if excluded.is_empty() {
            return;
        }
        hits.retain(|h| {
            excluded.get(&h.phrase).is_none_or(|spans| {
                !spans
                    .iter()
                    .any(|s| s.start <= h.span.start && h.span.end <= s.end)
            })
        });
    }
}

/// Every window of up to `max_tokens` consecutive tokens of `lower` (a
/// lower-cased text), squashed (tokens concatenated), given to `visit`;
/// a window stops growing when `visit` returns false. This is
/// the shape of the variant search, for callers that look the squashed
/// forms up in a table of their own (job-description mode's precompiled
/// taxonomy keys, see `build.rs`).
pub fn squashed_windows(lower: &str, max_tokens: usize, mut visit: impl FnMut(&str) -> bool) {
    let toks = tokenize(lower);
    let mut key = String::new();
    for i in 0..toks.len() {
        key.clear();
        for t in &toks[i..toks.len().min(i + max_tokens)] {
            key.push_str(&lower[t.start..t.end]);
            if !visit(&key) {
                break;
            }
        }
    }
}

/// The key `squashed_windows` gives the whole of `lower`: its tokens
/// run together.
pub fn squashed(lower: &str) -> String {
    tokenize(lower)
        .iter()
        .map(|t| &lower[t.start..t.end])
        .collect()
}

/// A word's stem for the reordered tier: lower-cased, without the usual
/// English endings ("designed", "designing", "design" → "design";
/// "queries", "query" → "quer").
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suffix in [
        "ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "y", "e",
    ] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.chars().count() >= 3
        {
            return s.to_string();
        }
    }
    w
}

/// Words too common to carry a phrase: a phrase made of these and one
/// other word is not looked for out of order.
const REORDER_STOP: &[&str] = &[
    "and",
    "or",
    "of",
    "the",
    "for",
    "to",
    "in",
    "on",
    "with",
    "a",
    "an",
    "data",
    "system",
    "systems",
    "service",
    "services",
    "development",
    "management",
    "engineer",
    "engineering",
];

/// The stems of a skill phrase of two or three plain words; empty when the
/// phrase is not for the reordered tier.
fn reorder_stems(spec: &PhraseSpec) -> Vec<String> {
    let words: Vec<&str> = spec.text.split_whitespace().collect();
    let plain = words
        .iter()
        .all(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic));
    let distinctive = words
        .iter()
        .filter(|w| !REORDER_STOP.contains(&w.to_lowercase().as_str()))
        .count();
    if !spec.typos
        || spec.case_sensitive
        || !(2..=3).contains(&words.len())
        || !plain
        || distinctive < 2
    {
        return Vec::new();
    }
    let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
    let mut unique = stems.clone();
    unique.sort();
    unique.dedup();
    if unique.len() == stems.len() {
        stems
    } else {
        Vec::new()
    }
}

/// `s` with hyphens read as spaces and spaces collapsed (lower-cased
/// unless `case_sensitive`): two forms equal here are the same words to a
/// search engine's tokenizer.
fn hyphen_free(s: &str, case_sensitive: bool) -> String {
    let words = s.split(|c: char| c == '-' || c.is_whitespace());
    let joined = words
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if case_sensitive {
        joined
    } else {
        joined.to_lowercase()
    }
}

/// Case-sensitive comparison that ignores how spaces were collapsed.
fn same_case(found: &str, form: &str) -> bool {
    found.split_whitespace().eq(form.split_whitespace())
}

/// Keep, for each phrase, the best hit at each place: exact first, then the
/// longest alias or variant ("Node JS" over its "Node"); drop typos that
/// overlap a real hit of any phrase.
fn dedupe(mut hits: Vec<Hit>) -> Vec<Hit> {
    let rank = |k: HitKind| match k {
        HitKind::Exact => 0,
        HitKind::Alias | HitKind::Variant => 1,
        HitKind::Typo => 2,
    };
    hits.sort_by_key(|h| {
        (
            rank(h.kind),
            std::cmp::Reverse(h.span.end - h.span.start),
            h.kind,
            h.span.start,
            h.phrase,
        )
    });
    // Kept places per phrase, and all kept places, each as disjoint
    // intervals: a hit is checked against them in log time (a pairwise
    // check took 73 s on a 1.4 MB text).
    let mut by_phrase: HashMap<usize, Coverage> = HashMap::new();
    let mut all = Coverage::default();
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        let shadowed = if h.kind == HitKind::Typo {
            all.overlaps(h.span)
        } else {
            by_phrase.get(&h.phrase).is_some_and(|c| c.overlaps(h.span))
        };
        if !shadowed {
            by_phrase.entry(h.phrase).or_default().add(h.span);
            all.add(h.span);
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| (h.span.start, h.phrase));
    kept
}

/// A union of spans, kept as disjoint intervals (start → end).
#[derive(Default)]
struct Coverage(std::collections::BTreeMap<usize, usize>);

impl Coverage {
    /// Whether any covered span overlaps `s` (as [`Span::overlaps`]).
    fn overlaps(&self, s: Span) -> bool {
        // The covered interval starting last before `s` ends is the only
        // one that can reach into it (they are disjoint and sorted).
        self.0
            .range(..s.end)
            .next_back()
            .is_some_and(|(_, &end)| end > s.start)
    }

    fn add(&mut self, s: Span) {
        if s.start >= s.end {
            return;
        }
        let (mut start, mut end) = (s.start, s.end);
        // Merge with every interval that overlaps or touches.
        let touching: Vec<usize> = self
            .0
            .range(..=end)
            .rev()
            .take_while(|&(_, &e)| e >= start)
            .map(|(&st, _)| st)
            .collect();
        for st in touching {
            if let Some(e) = self.0.remove(&st) {
                start = start.min(st);
                end = end.max(e);
            }
        }
        self.0.insert(start, end);
    }
}

/// Whether `found` looks like a misspelling of `expected` (both lower-case,
/// one token). Strict on purpose: a false "typo" would tell someone to fix a
/// word that is right. Short words only count transposed letters; derived
/// words ("architectural" for "architecture") are not typos.
fn is_typo(expected: &str, found: &str) -> bool {
    // Cheap rejections first: almost every word on a resume fails these, and
    // this runs for every word against every long term.
    if expected == found
        || expected.len().abs_diff(found.len()) > 2
        || expected.as_bytes().first() != found.as_bytes().first()
    {
        return false;
    }
    let (e, f): (Vec<char>, Vec<char>) = (expected.chars().collect(), found.chars().collect());
    let len = e.len();
    if len < 5 || e[0] != f[0] || f.iter().any(|c| !c.is_alphanumeric()) {
        return false;
    }
    if f.iter().any(|c| c.is_ascii_digit()) && !e.iter().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // A derived word ("architectural" for "architecture") is not a typo;
    // a doubled last letter ("Postgress") is.
    let doubled_last = f.len() == len + 1 && f[len] == e[len - 1] && f[..len] == e[..];
    if f.len() > len && f[..len - 1] == e[..len - 1] && !doubled_last {
        return false;
    }
    match len {
        5..=6 => (f.len() == len && transposed(&e, &f)) || doubled(&e, &f),
        7..=10 => one_edit(&e, &f),
        _ => {
            one_edit(&e, &f)
                || (f.len() == len
                    && e.iter().zip(&f).filter(|(a, b)| a != b).count() <= 4
                    && strsim::osa_distance(expected, found) == 2)
        }
    }
}

/// A misspelled word inside a phrase whose other words are spelled right
/// ("performance tunning"): the context makes one edit on a word of four or
/// more letters safe to call a typo.
fn is_phrase_word_typo(expected: &str, found: &str) -> bool {
    let (e, f): (Vec<char>, Vec<char>) = (expected.chars().collect(), found.chars().collect());
    e.len() >= 4
        && e.first() == f.first()
        && f.iter().all(|c| c.is_alphabetic())
        && !(f.len() > e.len() && f[..e.len() - 1] == e[..e.len() - 1])
        && one_edit(&e, &f)
}

/// `found` is `expected` with one letter typed twice ("Reddis").
fn doubled(e: &[char], f: &[char]) -> bool {
    f.len() == e.len() + 1
        && (1..f.len()).any(|i| f[i] == f[i - 1] && f[..i] == e[..i] && f[i + 1..] == e[i..])
}

/// Same length, differing only by two neighbouring letters swapped.
fn transposed(e: &[char], f: &[char]) -> bool {
    let diff: Vec<usize> = (0..e.len()).filter(|&i| e[i] != f[i]).collect();
    matches!(diff[..], [i, j] if j == i + 1 && e[i] == f[j] && e[j] == f[i])
}

/// Exactly one edit apart (optimal string alignment distance 1): one letter
/// changed, added, dropped, or two neighbours swapped. No allocation and no
/// full distance matrix: this runs against many words per resume.
fn one_edit(e: &[char], f: &[char]) -> bool {
    match e.len() as isize - f.len() as isize {
        0 => {
            let mismatches = e.iter().zip(f).filter(|(a, b)| a != b).count();
            mismatches == 1 || transposed(e, f)
        }
        1 | -1 => {
            let (long, short) = if e.len() > f.len() { (e, f) } else { (f, e) };
            let p = long.iter().zip(short).take_while(|(a, b)| a == b).count();
            long[p + 1..] == short[p..]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn spec(text: &str) -> PhraseSpec {
        PhraseSpec {
            text: text.into(),
            typos: true,
            ..Default::default()
        }
    }

    fn cs(text: &str) -> PhraseSpec {
        PhraseSpec {
            case_sensitive: true,
            ..spec(text)
        }
    }

    /// `(phrase text, kind, found text)` for every hit.
    fn run(specs: Vec<PhraseSpec>, text: &str) -> Vec<(String, HitKind, String)> {
        let m = Matcher::new(specs);
        let n = normalize(text);
        m.find(&n)
            .into_iter()
            .map(|h| {
                (
                    m.specs()[h.phrase].text.clone(),
                    h.kind,
                    n.text[h.span.start..h.span.end].to_string(),
                )
            })
            .collect()
    }

    #[track_caller]
    fn assert_none(specs: Vec<PhraseSpec>, text: &str) {
        let hits = run(specs, text);
        assert!(hits.is_empty(), "{text:?} should not match, got {hits:?}");
    }

    #[track_caller]
    fn assert_kind(specs: Vec<PhraseSpec>, text: &str, kind: HitKind, found: &str) {
        let hits = run(specs, text);
        assert!(
            hits.iter().any(|(_, k, f)| *k == kind && f == found),
            "{text:?}: expected {kind:?} '{found}', got {hits:?}"
        );
    }

    #[test]
    fn go_is_not_good_google_mongodb_django() {
        let go = || {
            vec![PhraseSpec {
                exclude: vec!["go-to".into()],
                ..cs("Go")
            }]
        };
        assert_none(
            go(),
            "good Google MongoDB Django golang go-to Go-to gopher ago",
        );
        assert_kind(go(), "Services in Go, Java", HitKind::Exact, "Go");
        assert_kind(go(), "Python/Go/Rust", HitKind::Exact, "Go");
    }

    #[test]
    fn an_ask_ending_its_item_names_the_technology() {
        let rust = || vec![cs("Rust")];
        assert_kind(rust(), "- Experience with Rust", HitKind::Exact, "Rust");
        assert_kind(
            rust(),
            "Proficiency in Rust, or a wish to learn it",
            HitKind::Exact,
            "Rust",
        );
        // Without the ask, or with the name going on into ordinary words,
        // a lone capitalised word is still not enough.
        assert_none(rust(), "- Rust");
        assert_none(rust(), "- Knowledge of Rust removal on old hulls");
        let spring = || vec![cs("Spring")];
        assert_none(spring(), "Knowledge of Spring planting schedules");
        assert_kind(
            spring(),
            "Knowledge of Spring and Hibernate",
            HitKind::Exact,
            "Spring",
        );
    }

    #[test]
    fn a_rated_one_letter_language_among_technical_words() {
        assert_kind(
            vec![cs("C")],
            "- Strong C, and good working knowledge of firmware in modern C++",
            HitKind::Exact,
            "C",
        );
        assert_none(
            vec![cs("C")],
            "- Strong C grades in maths and a Grade B in English",
        );
    }

    #[test]
    fn a_verb_of_programming_before_in_names_the_language() {
        let c = || vec![cs("C")];
        assert_kind(
            c(),
            "- You program in C with confidence; some C++ is welcome",
            HitKind::Exact,
            "C",
        );
        assert_kind(vec![cs("R")], "Models coded in R", HitKind::Exact, "R");
        assert_none(c(), "- Our team works in C building, second floor");
        let elixir = || vec![cs("Elixir")];
        assert_kind(
            elixir(),
            "Our payments core is written in Elixir, and the bar's elixir is free",
            HitKind::Exact,
            "Elixir",
        );
        assert_none(elixir(), "Try the Elixir of the house on Fridays");
    }

    #[test]
    fn english_words_in_lower_case_are_english() {
        assert_none(
            vec![spec("Spring Boot")],
            "Be available for the spring boot clearance in March.",
        );
        assert_kind(
            vec![spec("Spring Boot")],
            "Built microservices in spring boot",
            HitKind::Exact,
            "spring boot",
        );
        assert_kind(
            vec![spec("Assembly language")],
            "- Ability to read assembly language well enough",
            HitKind::Exact,
            "assembly language",
        );
        let kudu = || {
            vec![PhraseSpec {
                aliases: vec![("Kudu".into(), false)],
                ..spec("Apache Kudu")
            }]
        };
        assert_none(kudu(), "Guides point out kudu, impala and oryx to guests.");
    }

    #[test]
    fn a_gerund_is_not_the_noun_it_comes_from() {
        // A resume's "Profile" heading is no partial Profiling, nor a
        // desk's monitor Monitoring.
        assert_none(vec![spec("Profiling")], "Profile\nBackend engineer");
        assert_none(vec![spec("Monitoring")], "a second monitor at every desk");
        assert_kind(
            vec![spec("Profiling")],
            "CPU profiling of Go services",
            HitKind::Exact,
            "profiling",
        );
        // Other gerunds keep the nouns that mean the same practice.
        assert_kind(
            vec![spec("Caching")],
            "a Redis cache in front of the API",
            HitKind::Variant,
            "cache",
        );
    }

    #[test]
    fn java_is_not_javascript() {
        assert_none(vec![spec("Java")], "JavaScript and Javanese");
        assert_kind(
            vec![spec("Java")],
            "Java-based services",
            HitKind::Exact,
            "Java",
        );
    }

    #[test]
    fn c_is_not_cpp_csharp_objc() {
        assert_none(vec![cs("C")], "C++, C#, Objective-C and CSS");
        assert_kind(vec![cs("C")], "C/C++ and C.", HitKind::Exact, "C");
    }

    #[test]
    fn sql_is_not_nosql_or_mysql() {
        assert_none(vec![spec("SQL")], "NoSQL, MySQL, T-SQL");
        assert_kind(vec![spec("SQL")], "SQL (PostgreSQL)", HitKind::Exact, "SQL");
    }

    #[test]
    fn node_alias_only_in_its_case() {
        let node = || {
            vec![PhraseSpec {
                aliases: vec![("NodeJS".into(), false), ("Node".into(), true)],
                ..spec("Node.js")
            }]
        };
        assert_none(node(), "each node in the cluster");
        assert_kind(node(), "Node.js and Express", HitKind::Exact, "Node.js");
        assert_kind(node(), "built on nodejs", HitKind::Alias, "nodejs");
        assert_kind(node(), "Node services", HitKind::Alias, "Node");
        assert_kind(node(), "Node JS services", HitKind::Variant, "Node JS");
    }

    #[test]
    fn variants_of_punctuation_spacing_and_plural() {
        // A hyphen read as a space is the same words to a search engine.
        assert_kind(
            vec![spec("Objective-C")],
            "Objective C",
            HitKind::Exact,
            "Objective C",
        );
        assert_kind(
            vec![spec("scikit-learn")],
            "Scikit Learn",
            HitKind::Exact,
            "Scikit Learn",
        );
        assert_kind(
            vec![spec("Objective-C")],
            "ObjectiveC",
            HitKind::Variant,
            "ObjectiveC",
        );
        assert_kind(
            vec![spec("Message Queues")],
            "a message queue",
            HitKind::Variant,
            "message queue",
        );
        assert_kind(
            vec![spec("MongoDB")],
            "Mongo DB",
            HitKind::Variant,
            "Mongo DB",
        );
        assert_kind(
            vec![spec("caching")],
            "a Redis cache",
            HitKind::Variant,
            "cache",
        );
    }

    /// Found on a real resume: "performance optimisation" was reported as
    /// a misspelling. British and American spellings are variants.
    #[test]
    fn british_and_american_spellings_are_variants() {
        for (term, written) in [
            ("performance optimization", "performance optimisation"),
            ("Containerization", "containerisation"),
            ("data modeling", "data modelling"),
            ("Data Visualization", "data visualisation"),
            (
                "behavior-driven development",
                "behaviour-driven development",
            ),
        ] {
            assert_kind(vec![spec(term)], written, HitKind::Variant, written);
        }
        assert_kind(
            vec![spec("data modelling")],
            "data modeling",
            HitKind::Variant,
            "data modeling",
        );
        // Letters that are only part of a word ("-ise" in "enterprise")
        // make no variant: this is still a typo.
        assert_kind(
            vec![spec("Enterprise")],
            "enterprize",
            HitKind::Typo,
            "enterprize",
        );
    }

    #[test]
    fn phrases_wrap_across_lines() {
        assert_kind(
            vec![spec("REST API Design")],
            "REST API\nDesign",
            HitKind::Exact,
            "REST API\nDesign",
        );
    }

    #[test]
    fn typos_on_long_terms_only() {
        assert_kind(
            vec![spec("Kubernetes")],
            "ran Kubernets clusters",
            HitKind::Typo,
            "Kubernets",
        );
        assert_kind(
            vec![spec("Python")],
            "Pyhton scripts",
            HitKind::Typo,
            "Pyhton",
        );
        assert_none(vec![spec("Docker")], "a docket of work");
        assert_none(
            vec![spec("Microservices Architecture")],
            "microservices architectural style",
        );
        assert_none(vec![spec("Redis")], "Redix");
        assert_kind(
            vec![spec("Performance Tuning")],
            "performance tunning",
            HitKind::Typo,
            "performance tunning",
        );
        assert_kind(
            vec![spec("Performance Tuning")],
            "Perfromance Tuning",
            HitKind::Typo,
            "Perfromance Tuning",
        );
        assert_kind(
            vec![spec("PostgreSQL")],
            "PostgresQL and PostgeSQL",
            HitKind::Typo,
            "PostgeSQL",
        );
    }

    #[test]
    fn excluded_phrases_do_not_count() {
        let swift = vec![PhraseSpec {
            exclude: vec!["Swift delivery".into()],
            ..cs("Swift")
        }];
        assert_none(swift.clone(), "Swift delivery of features; swift fixes");
        // Found by review: an exclusion is a whole phrase, not a substring.
        let go = vec![PhraseSpec {
            exclude: vec!["go-to".into()],
            ..cs("Go")
        }];
        assert_kind(go, "Go-tooling, Docker", HitKind::Exact, "Go");
        assert_kind(swift, "Swift and Vapor", HitKind::Exact, "Swift");
    }

    #[test]
    fn typo_inflections() {
        assert!(is_typo("kubernetes", "kubernets"));
        assert!(!is_typo("kubernetes", "kubernetes"));
        assert!(!is_typo("docker", "docket"));
        assert!(is_typo("docker", "dokcer"));
        assert!(!is_typo("architecture", "architectural"));
    }
}
