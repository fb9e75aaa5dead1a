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
    // One term, many times, beyond what distinct sentences explain.
    for (w, n, at) in &heavy_terms(input) {
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
        if items.len() >= 6 && short * 10 >= items.len() * 8 && !author_list(&items) {
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

/// A citation's author list ("Belli, A., Küster, J., Wang, Y."): a third of
/// its items or more are initials, or it ends with "et al.". Publications
/// are not keyword lists.
fn author_list(items: &[&str]) -> bool {
    let initials = |i: &&str| {
        let letters: Vec<&str> = i.split_whitespace().collect();
        !letters.is_empty() && letters.iter().all(|l| {
            let mut c = l.chars();
            matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
        })
    };
    let et_al = items.iter().any(|i| i.to_lowercase().starts_with("et al"));
    et_al || items.iter().filter(|i| initials(i)).count() * 3 >= items.len()
}

/// Words a line needs to count as a sentence that gives a term context.
const SENTENCE_WORDS: usize = 6;

/// Terms repeated beyond what the resume's distinct sentences explain:
/// (term, times, first offset). Each distinct line of at least
/// [`SENTENCE_WORDS`] words explains up to two mentions; the rest (bare
/// mentions in lists and short lines, the same line again, a term many
/// times in one line) is the excess, judged against the limit and the
/// resume's length. A long career naming its main technology in many
/// different achievements is not stuffing; "AWS AWS AWS" is.
fn heavy_terms<'a>(input: &Input<'a>) -> Vec<(&'a str, usize, usize)> {
    let text = &input.norm.lower;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |at: usize| line_starts.partition_point(|&s| s <= at).saturating_sub(1);
    // term → (times, first offset, line → mentions)
    let mut terms: HashMap<&str, (usize, usize, HashMap<usize, usize>)> = HashMap::new();
    for span in input.term_spans {
        let word = &input.norm.lower[span.start..span.end];
        let e = terms.entry(word).or_insert((0, span.start, HashMap::new()));
        e.0 += 1;
        *e.2.entry(line_of(span.start)).or_default() += 1;
    }
    let line_text = |i: usize| {
        let end = line_starts.get(i + 1).map_or(text.len(), |&e| e);
        text[line_starts[i]..end].trim()
    };
    let words = text.split_whitespace().count().max(1);
    let mut heavy: Vec<(&str, usize, usize)> = terms
        .into_iter()
        .filter_map(|(w, (n, at, lines))| {
            let mut sentences: HashMap<&str, usize> = HashMap::new();
            for (line, mentions) in lines {
                let t = line_text(line);
                if t.split_whitespace().count() >= SENTENCE_WORDS {
                    let explained = sentences.entry(t).or_default();
                    *explained = (*explained).max(mentions.min(2));
                }
            }
            let excess = n - sentences.values().sum::<usize>();
            (excess > input.max_repeats || (excess >= 6 && excess * 100 / words >= 3))
                .then_some((w, n, at))
        })
        .collect();
    heavy.sort_by_key(|h| (std::cmp::Reverse(h.1), h.2));
    heavy
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

    /// Found on real resumes: "aws" 31 times over a long AWS career and
    /// "kernel" 25 times on a kernel engineer's, each in a different
    /// achievement. That is a career, not stuffing.
    #[test]
    fn a_main_technology_in_many_achievements_is_not_stuffing() {
        let bullets: String = (0..30)
            .map(|i| {
                format!("- Moved service {i} to AWS Lambda and cut its monthly cost by {i}0%\n")
            })
            .collect();
        let doc = Doc::text(&format!("{CLEAN}{bullets}")).terms(&["AWS"]);
        assert_quiet(&doc, CheckId::KeywordStuffing);
    }

    /// What stuffing looks like: bare lists of the term, the same line
    /// again and again, a term many times in one line.
    #[test]
    fn bare_and_repeated_mentions_are() {
        let cases = [
            "AWS\n".repeat(12),
            "Expert in AWS cloud services and AWS tooling.\n".repeat(8),
            format!("{}\n", "AWS ".repeat(15)),
            "AWS, Docker\n".repeat(11),
        ];
        for stuffed in cases {
            let doc = Doc::text(&format!("{CLEAN}{stuffed}")).terms(&["AWS"]);
            let f = assert_fires(&doc, CheckId::KeywordStuffing);
            assert!(f.message.contains("\"aws\""), "{}", f.message);
        }
    }

    /// Found on an academic CV: a paper's author list was called a
    /// 15-item keyword list.
    #[test]
    fn author_lists_are_not_keyword_lists() {
        let authors = "Belli, A., Küster, J., Wang, Y., Okafor, A., Rossi, M., Novak, P., Silva, R., Chen, L., Müller, T., Ito, K.\n";
        let cv = format!("{CLEAN}PUBLICATIONS\n{authors}Fast transactional graphs. VLDB 2023.\n");
        assert_quiet(&Doc::text(&cv), CheckId::KeywordStuffing);
        let et_al = format!(
            "{CLEAN}PUBLICATIONS\nSmith J, Li W, Patel R, Kim S, Gomez A, Berg T, Osei K, Liu Y, Park J, Roy D, Sato H, Diaz M, Cole E, Wu X, Ng B, et al.\n"
        );
        assert_quiet(&Doc::text(&et_al), CheckId::KeywordStuffing);
        // A real keyword list of the same length outside Skills still is one.
        let keywords = format!(
            "{CLEAN}PROJECTS\nPython, Go, Rust, Kafka, Redis, Docker, AWS, GCP, Azure, Terraform, Ansible, Jenkins, Git, Linux, Bash\n"
        );
        assert_fires(&Doc::text(&keywords), CheckId::KeywordStuffing);
    }
}
