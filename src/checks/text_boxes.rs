//! Text in text boxes (DOCX drawings): many ATSs skip them, so what is in
//! them is lost.

use super::{Input, evidence_for};
use crate::extract::RegionKind;
use crate::model::{CheckId, Finding, Severity, Span};

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let boxes: Vec<Span> = input
        .extracted
        .layout
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::TextBox)
        .map(|r| {
            Span::new(
                input.norm.norm_offset(r.start),
                input.norm.norm_offset(r.end),
            )
        })
        .filter(|s| {
            input.norm.text[s.start..s.end]
                .chars()
                .any(char::is_alphanumeric)
        })
        .collect();
    if !boxes.is_empty() {
        out.push(Finding::check(
            CheckId::TextBox,
            Severity::Warning,
            format!(
                "{} text box(es) hold text; many ATSs skip text boxes",
                boxes.len()
            ),
            "Move the text into the normal flow of the document",
            evidence_for(input, boxes),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::extract::{Region, RegionKind};
    use crate::model::CheckId;

    fn boxed(start: usize, end: usize) -> Doc {
        Doc::text(CLEAN).layout(move |l| {
            l.regions.push(Region {
                kind: RegionKind::TextBox,
                start,
                end,
            })
        })
    }

    #[test]
    fn text_in_a_box() {
        let start = CLEAN.find("SUMMARY").unwrap();
        let f = assert_fires(&boxed(start, start + 7), CheckId::TextBox);
        assert_eq!(f.evidence[0].snippet, "SUMMARY");
        // An empty box (a decorative shape) says nothing.
        let blank = CLEAN.find("\n\n").unwrap();
        assert_quiet(&boxed(blank, blank + 2), CheckId::TextBox);
        assert_quiet(&Doc::text(CLEAN), CheckId::TextBox);
    }
}
