//! PDF pages with almost no text: the rest is an image or a scan an ATS
//! cannot read.

use super::{Input, MIN_WORDS_PER_PAGE, page_evidence};
use crate::extract::Format;
use crate::model::{CheckId, Finding, Severity};

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let ex = input.extracted;
    if ex.format != Format::Pdf {
        return;
    }
    for (i, &start) in ex.page_starts.iter().enumerate() {
        let end = ex.page_starts.get(i + 1).copied().unwrap_or(ex.text.len());
        let words = ex
            .text
            .get(start..end)
            .map_or(0, |t| t.split_whitespace().count());
        if words < MIN_WORDS_PER_PAGE {
            out.push(Finding::check(
                CheckId::LittleText,
                Severity::Warning,
                format!(
                    "Page {} has only {words} words of text; the rest is probably an image or scan an ATS cannot read",
                    i + 1
                ),
                "Export the PDF from the original document (Save as PDF), so that all text can be selected",
                page_evidence(input, i + 1),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn a_nearly_empty_page() {
        let text = format!("{CLEAN}\x0cPage two\n");
        let page2 = CLEAN.len() + 1;
        let f = assert_fires(&Doc::pdf(&text, vec![0, page2]), CheckId::LittleText);
        assert!(
            f.message.starts_with("Page 2 has only 2 words"),
            "{}",
            f.message
        );
        assert_quiet(&Doc::pdf(CLEAN, vec![0]), CheckId::LittleText);
        // Text files have no pages to judge.
        assert_quiet(&Doc::text("Jordan Pell\n"), CheckId::LittleText);
    }
}
