//! What serde cannot check: positive and finite weights, unique ids, sane
//! `count`s and non-empty rules. Runs on the resolved profile, after
//! `extends`, so an overlay cannot break its base.

use super::schema::{Check, Profile};
use crate::error::{Error, Result};
use std::collections::HashSet;

impl Profile {
    /// Check the resolved profile; the error names `path`.
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        let bad = |message: String| {
            Err(Error::ProfileInvalid {
                path: path.into(),
                message,
            })
        };
        let s = &self.scoring;
        let finite = |v: f64| v.is_finite();
        if !finite(s.keywords)
            || !finite(s.rules)
            || s.keywords < 0.0
            || s.rules < 0.0
            || s.keywords + s.rules <= 0.0
        {
            return bad(
                "scoring: keywords and rules must be finite numbers >= 0, not both 0".into(),
            );
        }
        for (name, v) in [
            ("alias_credit", s.alias_credit),
            ("variant_credit", s.variant_credit),
            ("full_rules_at", s.full_rules_at),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return bad(format!("scoring.{name} must be between 0 and 1, not {v}"));
            }
        }
        if self.groups.is_empty() {
            return bad("a profile needs at least one group of terms".into());
        }
        let mut group_ids = HashSet::new();
        let mut terms = HashSet::new();
        for g in &self.groups {
            if !group_ids.insert(g.id.as_str()) {
                return bad(format!("duplicate group id '{}'", g.id));
            }
            if g.weight <= 0.0 || !g.weight.is_finite() {
                return bad(format!("group '{}': weight must be > 0", g.id));
            }
            if g.terms.is_empty() {
                return bad(format!("group '{}' has no terms", g.id));
            }
            if let Some(c) = g.count
                && (c == 0 || c > g.terms.len())
            {
                return bad(format!(
                    "group '{}': count must be between 1 and its {} terms",
                    g.id,
                    g.terms.len()
                ));
            }
            for t in &g.terms {
                if t.term.trim().is_empty() {
                    return bad(format!("group '{}' has an empty term", g.id));
                }
                for phrase in std::iter::once(&t.term)
                    .chain(&t.also_exact)
                    .chain(&t.aliases)
                    .chain(&t.aliases_case_sensitive)
                {
                    if let Some(problem) = phrase_problem(phrase) {
                        return bad(format!("term '{}': {problem}", short(phrase)));
                    }
                }
                if !terms.insert(t.term.to_lowercase()) {
                    return bad(format!("term '{}' appears twice", t.term));
                }
                if t.weight <= 0.0 || !t.weight.is_finite() {
                    return bad(format!("term '{}': weight must be > 0", t.term));
                }
            }
        }
        if terms.len() > MAX_TERMS {
            return bad(format!(
                "{} terms, more than {MAX_TERMS}: a profile lists the keywords of one role",
                terms.len()
            ));
        }
        let mut rule_ids = HashSet::new();
        for r in &self.rules {
            if !rule_ids.insert(r.id.as_str()) {
                return bad(format!("duplicate rule id '{}'", r.id));
            }
            if r.weight() < 0.0 || !r.weight().is_finite() {
                return bad(format!("rule '{}': weight must be >= 0", r.id));
            }
            let empty = match &r.check {
                Check::MissingAny { terms }
                | Check::RequiresContext { terms, .. }
                | Check::Prominence { terms, .. }
                | Check::SoftSignals { terms, .. } => terms.is_empty(),
                Check::Phrase { phrases, .. } | Check::JobTitle { titles: phrases } => {
                    phrases.is_empty() || phrases.iter().any(|p| p.trim().is_empty())
                }
                Check::Years { min } if !min.is_finite() || *min < 0.0 || *min > 60.0 => {
                    return bad(format!("rule '{}': years must be between 0 and 60", r.id));
                }
                Check::Quantified { .. }
                | Check::Pattern { .. }
                | Check::Years { .. }
                | Check::Degree { .. } => false,
            };
            if empty {
                return bad(format!("rule '{}' lists no terms", r.id));
            }
        }
        Ok(())
    }
}

/// Most terms in one profile (the built-in ones have under 100).
pub const MAX_TERMS: usize = 2_000;

/// Longest term or alias, in characters and in words: a keyword is a short
/// phrase, and matching cost grows with the longest one.
pub const MAX_PHRASE_CHARS: usize = 100;
pub const MAX_PHRASE_WORDS: usize = 12;

/// Why a term or alias cannot be a keyword, if it cannot.
fn phrase_problem(phrase: &str) -> Option<String> {
    if phrase.chars().count() > MAX_PHRASE_CHARS {
        return Some(format!("longer than {MAX_PHRASE_CHARS} characters"));
    }
    if phrase.split_whitespace().count() > MAX_PHRASE_WORDS {
        return Some(format!("more than {MAX_PHRASE_WORDS} words"));
    }
    if phrase.chars().any(|c| c.is_control()) {
        return Some("holds control characters".into());
    }
    None
}

/// The start of a long phrase, for a message.
fn short(phrase: &str) -> String {
    let cut: String = phrase.chars().take(40).collect();
    let cut = crate::report::escape::escape(&cut).into_owned();
    if phrase.chars().count() > 40 {
        format!("{cut}…")
    } else {
        cut
    }
}
