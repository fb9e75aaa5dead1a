//! Keyword stuffing: one term far more often than any honest resume needs,
//! long keyword lists outside Skills, and the same list twice. Repetition
//! never raises the score (a term counts once), but it is what stuffing
//! looks like to a recruiter.

use super::{Input, raw_evidence};
use crate::model::{CheckId, Finding, Severity};
use crate::sections::{SectionKind, section_at};
use std::collections::HashMap;

/// More repetitions of one term than any honest resume needs.
pub const MAX_REPEATS: usize = 10;

/// A term repeated far above normal, long comma lists outside Skills, and
/// the same list twice. Repetition never raises the score (a term counts
/// once), but it is what stuffing looks like to a recruiter.
pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let text = &input.norm.text;
    let mut evidence_at: Vec<usize> = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    // One term, many times.
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for span in input.term_spans {
        let word = &input.norm.lower[span.start..span.end];
        let e = counts.entry(word).or_insert((0, span.start));
        e.0 += 1;
    }
    let words = text.split_whitespace().count().max(1);
    let mut heavy: Vec<(&str, usize, usize)> = counts
        .iter()
        .filter(|(_, (n, _))| *n > input.max_repeats || (*n >= 6 && *n * 100 / words >= 3))
        .map(|(w, (n, at))| (*w, *n, *at))
        .collect();
    heavy.sort_by_key(|h| std::cmp::Reverse(h.1));
    for (w, n, at) in &heavy {
        reasons.push(format!("\"{w}\" {n} times"));
        evidence_at.push(input.norm.raw_offset(*at));
    }
    // Long comma lists outside Skills, and the same list twice.
    let mut lists: HashMap<String, usize> = HashMap::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let items: Vec<&str> = line
            .split([',', ';', '|'])
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        let short = items
            .iter()
            .filter(|i| i.split_whitespace().count() <= 3)
            .count();
        if items.len() >= 6 && short * 10 >= items.len() * 8 {
            let key = items
                .iter()
                .map(|i| i.to_lowercase())
                .collect::<Vec<_>>()
                .join(",");
            if let Some(&first) = lists.get(&key) {
                reasons.push("the same keyword list twice".into());
                evidence_at.push(input.norm.raw_offset(first));
                evidence_at.push(input.norm.raw_offset(offset));
            } else {
                lists.insert(key, offset);
            }
            let section = section_at(input.sections, offset);
            if items.len() >= 15 && !matches!(section, SectionKind::Skills) {
                reasons.push(format!(
                    "a {}-item keyword list outside Skills",
                    items.len()
                ));
                evidence_at.push(input.norm.raw_offset(offset));
            }
        }
        offset += line.len();
    }
    if reasons.is_empty() {
        return;
    }
    reasons.dedup();
    out.push(Finding::check(
        CheckId::KeywordStuffing,
        Severity::Warning,
        format!(
            "Keyword stuffing: {}; repetition does not raise the score and reads as gaming to a recruiter",
            reasons.join("; ")
        ),
        "List each skill once in Skills, and show it in context in your experience",
        raw_evidence(input, evidence_at),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn one_term_too_often() {
        let text = format!("{CLEAN}{}", "Python expert. ".repeat(12));
        let f = assert_fires(
            &Doc::text(&text).terms(&["Python"]),
            CheckId::KeywordStuffing,
        );
        assert!(f.message.contains("\"python\" 13 times"), "{}", f.message);
        assert_quiet(
            &Doc::text(CLEAN).terms(&["Python"]),
            CheckId::KeywordStuffing,
        );
    }

    #[test]
    fn the_same_list_twice() {
        let list = "Python, Go, Swift, Rust, Kafka, Redis, Docker\n";
        let text = format!("{CLEAN}{list}{list}");
        let f = assert_fires(&Doc::text(&text), CheckId::KeywordStuffing);
        assert!(
            f.message.contains("the same keyword list twice"),
            "{}",
            f.message
        );
        let once = format!("{CLEAN}{list}");
        assert_quiet(&Doc::text(&once), CheckId::KeywordStuffing);
    }
}
