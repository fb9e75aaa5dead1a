//! Misspelled profile terms ("Kubernets"): a misspelling earns nothing,
//! because an ATS search for the right spelling will not find it, so each
//! one is a mistake to fix, even where the term is also spelled right
//! elsewhere.

use super::Input;
use crate::model::{CheckId, Finding, Severity};

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    for t in input.terms {
        let Some((found, _)) = t.typos.first() else {
            continue;
        };
        out.push(Finding::check(
            CheckId::MisspelledKeyword,
            Severity::Warning,
            format!(
                "\"{found}\" looks like a misspelling of \"{}\"; an ATS search for \"{}\" will not find it",
                t.term, t.term
            ),
            &format!("write \"{}\"", t.term),
            t.typos.iter().map(|(_, e)| e.clone()).collect(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn misspelled_term() {
        let text = CLEAN.replace("Swift", "Swift, Kubernets");
        let doc = Doc::text(&text).terms(&["Kubernetes"]);
        let f = assert_fires(&doc, CheckId::MisspelledKeyword);
        assert!(
            f.message.starts_with("\"Kubernets\" looks like"),
            "{}",
            f.message
        );
        assert_eq!(f.fix, "write \"Kubernetes\"");
        assert_eq!(
            f.evidence[0].snippet,
            "Languages: Python, Go, Swift, Kubernets"
        );
        let right = CLEAN.replace("Swift", "Swift, Kubernetes");
        assert_quiet(
            &Doc::text(&right).terms(&["Kubernetes"]),
            CheckId::MisspelledKeyword,
        );
    }
}
