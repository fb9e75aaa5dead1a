//! Keywords laid out in a table: many ATSs read tables cell by cell, out of
//! order, or not at all, so skills in a grid may never be seen.

use super::{Input, evidence_for, region_of};
use crate::extract::RegionKind;
use crate::model::{CheckId, Finding, Severity, Span};
use crate::sections::SectionKind;

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let in_tables: Vec<Span> = input
        .term_spans
        .iter()
        .copied()
        .filter(|s| region_of(input, *s) == Some(RegionKind::Table))
        .collect();
    let skills_table = input.sections.iter().any(|s| {
        s.kind == SectionKind::Skills
            && region_of(input, Span::new(s.span.start, s.span.start + 1))
                == Some(RegionKind::Table)
    });
    if in_tables.len() >= 3 || skills_table {
        out.push(Finding::check(
            CheckId::TableLayout,
            Severity::Warning,
            format!(
                "{} of your keywords are laid out in a table; many ATSs read tables cell by cell, out of order, or not at all",
                in_tables.len()
            ),
            "List skills as plain lines instead, e.g. \"Languages: Swift, Python, Go\"",
            evidence_for(input, in_tables),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::extract::{Region, RegionKind};
    use crate::model::CheckId;

    #[test]
    fn skills_in_a_table() {
        let start = CLEAN.find("Languages:").unwrap();
        let end = start + CLEAN[start..].find('\n').unwrap();
        let table = |kind| {
            Doc::text(CLEAN)
                .terms(&["Python", "Go", "Swift"])
                .layout(move |l| l.regions.push(Region { kind, start, end }))
        };
        let f = assert_fires(&table(RegionKind::Table), CheckId::TableLayout);
        assert!(f.message.starts_with("3 of your keywords"), "{}", f.message);
        assert_quiet(&table(RegionKind::Footer), CheckId::TableLayout);
        assert_quiet(
            &Doc::text(CLEAN).terms(&["Python", "Go", "Swift"]),
            CheckId::TableLayout,
        );
    }
}
