//! Text drawn so that people cannot see it (white, invisible render mode,
//! tiny, off the page; hidden or white runs in DOCX). The extractor keeps it
//! out of the text, so it never scores; this check shows the user it is
//! there, because screeners reject resumes for it.

use super::{Input, MAX_EVIDENCE, hidden_evidence};
use crate::model::{CheckId, Finding, Severity};

/// Text drawn so that people cannot see it (white, invisible render mode,
/// tiny, off the page; hidden or white runs in DOCX). It was removed from the
/// text before scoring; here it is shown so the user knows it is there.
pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let hidden = &input.extracted.layout.hidden;
    if hidden.is_empty() {
        return;
    }
    let words: usize = hidden
        .iter()
        .map(|h| h.text.split_whitespace().count())
        .sum();
    let mut reasons: Vec<&str> = hidden.iter().map(|h| h.reason.as_str()).collect();
    reasons.sort_unstable();
    reasons.dedup();
    let evidence = hidden
        .iter()
        .take(MAX_EVIDENCE)
        .map(|h| hidden_evidence(input, h))
        .collect();
    out.push(Finding::check(
        CheckId::HiddenText,
        Severity::Error,
        format!(
            "{words} word(s) of hidden text ({}): an ATS may read them but a recruiter cannot, and many screeners reject resumes for it; they were left out of the score",
            reasons.join(", ")
        ),
        "Delete the hidden text; put the skills you really have in visible text, in your Skills section",
        evidence,
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::extract::Hidden;
    use crate::model::{CheckId, Severity};

    #[test]
    fn hidden_words_are_shown() {
        let doc = Doc::pdf(CLEAN, vec![0]).layout(|l| {
            l.hidden.push(Hidden {
                text: "Kubernetes Kafka Swift".into(),
                reason: "white text".into(),
                page: Some(1),
                at: 20,
            })
        });
        let f = assert_fires(&doc, CheckId::HiddenText);
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.message
                .starts_with("3 word(s) of hidden text (white text)"),
            "{}",
            f.message
        );
        assert_eq!(f.evidence[0].section, "hidden");
        assert_eq!(f.evidence[0].snippet, "Kubernetes Kafka Swift");
        assert_quiet(&Doc::pdf(CLEAN, vec![0]), CheckId::HiddenText);
    }
}
