//! A profile compiled for matching: every term, alias and rule phrase in one
//! matcher, built once and shared by every resume of a batch. This is the
//! only place a profile [`Term`] becomes a matcher phrase, so the scorer, job
//! description mode and the benchmarks cannot drift apart.

use super::schema::{Profile, Term};
use crate::matcher::{Matcher, PhraseSpec};
use std::collections::HashMap;

/// A profile and its matcher. Matcher phrases are numbered terms first (in
/// profile order, group by group), then the phrases the rules refer to.
pub struct CompiledProfile {
    profile: Profile,
    matcher: Matcher,
    /// `term_phrase[g][t]`: the matcher phrase of term `t` of group `g`.
    term_phrase: Vec<Vec<usize>>,
    /// How many phrases are profile terms (the rest are rule phrases).
    terms: usize,
}

/// The matcher phrase of a term. `typos` asks the matcher to report likely
/// misspellings too (for resumes; a job posting's typos do not matter).
pub fn phrase_spec(t: &Term, typos: bool) -> PhraseSpec {
    PhraseSpec {
        text: t.term.clone(),
        also_exact: t.also_exact.clone(),
        aliases: t
            .aliases
            .iter()
            .map(|a| (a.clone(), false))
            .chain(t.aliases_case_sensitive.iter().map(|a| (a.clone(), true)))
            .collect(),
        case_sensitive: t.case_sensitive,
        exclude: t.exclude.clone(),
        typos,
        needs_context: t.needs_context,
    }
}

impl CompiledProfile {
    pub fn new(profile: Profile) -> CompiledProfile {
        let mut specs: Vec<PhraseSpec> = Vec::new();
        let mut by_text: HashMap<String, usize> = HashMap::new();
        let mut term_phrase = Vec::with_capacity(profile.groups.len());
        for group in &profile.groups {
            let mut ids = Vec::with_capacity(group.terms.len());
            for t in &group.terms {
                by_text.insert(t.term.to_lowercase(), specs.len());
                ids.push(specs.len());
                specs.push(phrase_spec(t, true));
            }
            term_phrase.push(ids);
        }
        let terms = specs.len();
        for rule in &profile.rules {
            for phrase in crate::rules::phrases(&rule.check) {
                by_text.entry(phrase.to_lowercase()).or_insert_with(|| {
                    specs.push(PhraseSpec {
                        text: phrase.to_string(),
                        ..Default::default()
                    });
                    specs.len() - 1
                });
            }
        }
        CompiledProfile {
            matcher: Matcher::new(specs),
            profile,
            term_phrase,
            terms,
        }
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The matcher phrase of term `t` of group `g`.
    pub fn term_phrase(&self, g: usize, t: usize) -> usize {
        self.term_phrase[g][t]
    }

    /// Whether matcher phrase `p` is a profile term (not only a rule phrase).
    pub fn is_term_phrase(&self, p: usize) -> bool {
        p < self.terms
    }

    /// The text of matcher phrase `p`, as the profile writes it.
    pub fn phrase_text(&self, p: usize) -> &str {
        &self.matcher.specs()[p].text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_first_then_rule_phrases_once() {
        let p = crate::profile::resolve("apple", "backend").unwrap();
        let terms: usize = p.groups.iter().map(|g| g.terms.len()).sum();
        let c = CompiledProfile::new(p);
        assert_eq!(
            c.phrase_text(c.term_phrase(0, 0)),
            c.profile().groups[0].terms[0].term
        );
        assert!(c.is_term_phrase(terms - 1));
        assert!(!c.is_term_phrase(terms));
        // A rule phrase that is also a term is not compiled twice.
        let texts: Vec<String> = c
            .matcher()
            .specs()
            .iter()
            .map(|s| s.text.to_lowercase())
            .collect();
        let mut unique = texts.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), texts.len());
    }
}
