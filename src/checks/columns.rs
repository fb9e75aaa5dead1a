//! PDF pages laid out in columns: many ATSs read straight across the page
//! and mix the two columns' lines.

use super::{Input, page_evidence};
use crate::model::{CheckId, Finding, Severity};

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    for c in &input.extracted.layout.columns {
        out.push(Finding::check(
            CheckId::MultiColumn,
            Severity::Warning,
            format!(
                "Page {} looks laid out in columns ({} of {} lines have a second column starting {:.0} pt from the left); many ATSs read straight across and mix the columns",
                c.page, c.split_lines, c.lines, c.gutter_x
            ),
            "Use a single-column layout; put skills and contact data in the main column",
            page_evidence(input, c.page),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::extract::ColumnPage;
    use crate::model::CheckId;

    #[test]
    fn a_page_in_columns() {
        let doc = Doc::pdf(CLEAN, vec![0]).layout(|l| {
            l.columns.push(ColumnPage {
                page: 1,
                lines: 30,
                split_lines: 20,
                gutter_x: 210.0,
            })
        });
        let f = assert_fires(&doc, CheckId::MultiColumn);
        assert!(f.message.starts_with("Page 1 looks"), "{}", f.message);
        assert_eq!(f.evidence[0].line, 1);
        assert_quiet(&Doc::pdf(CLEAN, vec![0]), CheckId::MultiColumn);
    }
}
