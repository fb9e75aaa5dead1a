//! Profile rules: the guide's mistakes and tips as data-driven checks.
//!
//! Modeled on Vale: a small set of rule kinds, one file each, all sharing the
//! header in the profile (id, severity, message, fix). A rule never fails at
//! run time: everything that could fail (regexes) was checked when the
//! profile loaded. Each kind returns an [`Outcome`] that says whether it fired,
//! why (for `--explain`), and the lines that show it.

pub mod degree;
mod missing_any;
mod pattern;
mod phrase;
mod prominence;
mod quantified;
mod requires_context;
mod soft_signals;
pub mod title;
pub mod years;

use crate::matcher::Hit;
pub(crate) use crate::matcher::literals::Triggers;
use crate::model::{Evidence, Span};
use crate::normalize::Normalized;
use crate::profile::Check;
use crate::sections::Section;
use std::collections::HashMap;

pub(crate) use quantified::has_metric;

/// What a rule sees: the resume as normalized text, its sections, and the
/// hits of every phrase, looked up by the phrase as written in the profile.
pub struct Context<'a> {
    pub norm: &'a Normalized,
    pub sections: &'a [Section],
    /// Lower-cased phrase → hits that count (exact, alias, variant).
    pub hits: HashMap<String, Vec<Hit>>,
    /// Turns a span into user-facing evidence.
    pub evidence: &'a dyn Fn(Span) -> Evidence,
    /// The month "Present" means in a resume's dates.
    pub today: years::Month,
}

impl Context<'_> {
    /// Hits of a phrase; empty when it was not found.
    pub fn hits_of(&self, phrase: &str) -> &[Hit] {
        self.hits
            .get(&phrase.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// The phrases of `terms` that were found, in profile order.
    pub fn found<'t>(&self, terms: &'t [String]) -> Vec<&'t str> {
        terms
            .iter()
            .filter(|t| !self.hits_of(t).is_empty())
            .map(String::as_str)
            .collect()
    }

    /// Evidence for up to `limit` spans, one per line.
    pub fn evidence_for(
        &self,
        spans: impl IntoIterator<Item = Span>,
        limit: usize,
    ) -> Vec<Evidence> {
        crate::evidence::one_per_line(self.evidence, spans, limit)
    }
}

/// The result of one rule on one resume.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub fired: bool,
    /// Why it fired or passed, in one sentence, for `--explain`.
    pub reason: String,
    pub evidence: Vec<Evidence>,
    /// What the rule measured, for rules that compare the resume with a
    /// job posting (the match-rate summary shows it).
    pub measure: Option<Measure>,
}

/// A measured comparison with what a posting asks.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Measure {
    /// The posting's title, and the resume's title that holds it.
    Title {
        asked: String,
        found: Option<String>,
    },
    /// Years asked, and the years the dated roles add up to.
    Years { asked: f64, found: Option<f64> },
    /// The degree asked, and the highest the resume shows.
    Degree {
        asked: degree::DegreeLevel,
        found: Option<degree::DegreeLevel>,
    },
}

/// How many evidence lines a finding shows at most.
pub(crate) const MAX_EVIDENCE: usize = 5;

/// Run one check.
pub fn evaluate(check: &Check, ctx: &Context) -> Outcome {
    match check {
        Check::MissingAny { terms } => missing_any::check(terms, ctx),
        Check::RequiresContext { terms, context } => requires_context::check(terms, context, ctx),
        Check::Prominence {
            terms,
            sections,
            top_lines,
        } => prominence::check(terms, sections, *top_lines, ctx),
        Check::SoftSignals { terms, min } => soft_signals::check(terms, *min, ctx),
        Check::Quantified { min } => quantified::check(*min, ctx),
        Check::Phrase {
            phrases,
            unless_nearby,
        } => phrase::check(phrases, unless_nearby, ctx),
        Check::Pattern { regex, expect } => pattern::check(regex.regex(), *expect, ctx),
        Check::JobTitle { titles } => title::check(titles, ctx),
        Check::Years { min } => years::check(*min, ctx),
        Check::Degree { level } => degree::check(*level, ctx),
    }
}

/// Every phrase a check refers to, so the matcher can be built with them.
pub fn phrases(check: &Check) -> Vec<&str> {
    match check {
        Check::MissingAny { terms }
        | Check::Prominence { terms, .. }
        | Check::SoftSignals { terms, .. } => terms.iter().map(String::as_str).collect(),
        Check::RequiresContext { terms, context } => {
            terms.iter().chain(context).map(String::as_str).collect()
        }
        Check::Phrase {
            phrases,
            unless_nearby,
        } => phrases
            .iter()
            .chain(unless_nearby)
            .map(String::as_str)
            .collect(),
        Check::Quantified { .. }
        | Check::Pattern { .. }
        | Check::JobTitle { .. }
        | Check::Years { .. }
        | Check::Degree { .. } => Vec::new(),
    }
}

/// Compile one of our own fixed patterns with regex-lite (see
/// `sections::contact` for why not `regex`): the posting, degree and date
/// readers' patterns are constants, each run by the unit tests, so a
/// failure here is a bug in this crate, never in the input.
pub(crate) fn fixed(pattern: &str) -> regex_lite::Regex {
    regex_lite::Regex::new(pattern)
        .unwrap_or_else(|e| panic!("built-in pattern {pattern:?} does not compile: {e}"))
}

/// The lines of `text` (with their offsets) holding one of the words
/// `triggers` finds: the regexes of the posting and date readers run only
/// on these, since most lines hold none of their words and a regex over
/// every line cost more than the rest of a run.
pub(crate) fn lines_with<'t>(
    text: &'t str,
    triggers: &Triggers,
) -> impl Iterator<Item = (usize, &'t str)> {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let at = offset;
        offset += line.len();
        triggers.is_match(line).then_some((at, line))
    })
}

/// Stretches of `text` around each word `triggers` finds, from `before`
/// bytes before it to `after` bytes after (widened to whitespace, merged
/// where they meet), with their offsets: a regex run on these instead of
/// whole lines, which in a posting written as prose are paragraphs.
pub(crate) fn windows_with<'t>(
    text: &'t str,
    triggers: &Triggers,
    before: usize,
    after: usize,
) -> Vec<(usize, &'t str)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for m in triggers.find_all(text) {
        let mut start = m.start.saturating_sub(before);
        while start > 0
            && !(text.is_char_boundary(start) && text[..start].ends_with(char::is_whitespace))
        {
            start -= 1;
        }
        let mut end = (m.end + after).min(text.len());
        while end < text.len()
            && !(text.is_char_boundary(end) && text[end..].starts_with(char::is_whitespace))
        {
            end += 1;
        }
        match spans.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => spans.push((start, end)),
        }
    }
    spans.into_iter().map(|(s, e)| (s, &text[s..e])).collect()
}

/// "a, b or c" for messages.
pub(crate) fn list_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => format!("\"{one}\""),
        [head @ .., last] => format!(
            "{} or \"{last}\"",
            head.iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers to run one rule kind over a text with a throwaway matcher.
    use super::*;
    use crate::matcher::{Matcher, PhraseSpec};
    use crate::normalize::normalize;

    /// Run `check` over `text`, returning the outcome.
    pub fn run(check: Check, text: &str) -> Outcome {
        let norm = normalize(text);
        let sections = crate::sections::detect(&norm);
        let specs: Vec<PhraseSpec> = phrases(&check)
            .into_iter()
            .map(|p| PhraseSpec {
                text: p.into(),
                ..Default::default()
            })
            .collect();
        let matcher = Matcher::new(specs);
        let mut hits: HashMap<String, Vec<Hit>> = HashMap::new();
        for h in matcher.find(&norm) {
            let key = matcher.specs()[h.phrase].text.to_lowercase();
            hits.entry(key).or_default().push(h);
        }
        let evidence = |s: Span| Evidence {
            line: norm.raw_line(s.start),
            page: None,
            section: String::new(),
            snippet: norm.text[norm.line_bounds(s.start).0..norm.line_bounds(s.start).1]
                .to_string(),
        };
        let ctx = Context {
            norm: &norm,
            sections: &sections,
            hits,
            evidence: &evidence,
            today: 2026 * 12 + 11,
        };
        evaluate(&check, &ctx)
    }

    pub fn terms(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }
}
