//! PDF pages with almost no text: the rest is an image or a scan an ATS
//! cannot read. A short or blank last page that draws no image, after
//! pages of real text, is the resume running over (a few lines, a last
//! job's bullets) or a page break at the very end, not a scan. (A resume
//! turned into outlines has no words on its other pages either, and they
//! still count.)

use super::{Input, MIN_WORDS_PER_PAGE, page_evidence};
use crate::extract::Format;
use crate::model::{CheckId, Finding, Severity};

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let ex = input.extracted;
    if ex.format != Format::Pdf {
        return;
    }
    let pages = ex.page_starts.len();
    for (i, &start) in ex.page_starts.iter().enumerate() {
        let end = ex.page_starts.get(i + 1).copied().unwrap_or(ex.text.len());
        let words = ex
            .text
            .get(start..end)
            .map_or(0, |t| t.split_whitespace().count());
        let runs_over = pages > 1 && i + 1 == pages && !ex.layout.image_pages.contains(&(i + 1));
        if words < MIN_WORDS_PER_PAGE && !runs_over {
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
        // A short page in the middle.
        let text = format!("{CLEAN}\x0cPage two\n\x0c{CLEAN}");
        let page2 = CLEAN.len() + 1;
        let page3 = text.len() - CLEAN.len();
        let f = assert_fires(&Doc::pdf(&text, vec![0, page2, page3]), CheckId::LittleText);
        assert!(
            f.message.starts_with("Page 2 has only 2 words"),
            "{}",
            f.message
        );
        // A one-page document of a few words.
        assert_fires(&Doc::pdf("Jordan Pell\n", vec![0]), CheckId::LittleText);
        assert_quiet(&Doc::pdf(CLEAN, vec![0]), CheckId::LittleText);
        // Text files have no pages to judge.
        assert_quiet(&Doc::text("Jordan Pell\n"), CheckId::LittleText);
    }

    /// Seen on the producer matrix: two-page renderings whose second page
    /// holds the last 6 to 24 words (fpdf2, CurVe, Typst, WeasyPrint, XeTeX).
    #[test]
    fn a_short_last_page_runs_over_unless_it_holds_an_image() {
        let text = format!("{CLEAN}\x0cAWS Certified Solutions Architect, 2021\n");
        let starts = vec![0, CLEAN.len() + 1];
        assert_quiet(&Doc::pdf(&text, starts.clone()), CheckId::LittleText);
        let scanned = Doc::pdf(&text, starts.clone()).layout(|l| {
            l.images = 1;
            l.image_pages = vec![2];
        });
        assert_fires(&scanned, CheckId::LittleText);
        // An image elsewhere does not make the last page a scan.
        let logo = Doc::pdf(&text, starts.clone()).layout(|l| {
            l.images = 1;
            l.image_pages = vec![1];
        });
        assert_quiet(&logo, CheckId::LittleText);
        // A blank last page (Chromium's print of a JSON Resume theme ends
        // with one) after a page of text.
        let blank = format!("{CLEAN}\x0c");
        assert_quiet(&Doc::pdf(&blank, starts), CheckId::LittleText);
        // Every page without words: the first still counts.
        let f = assert_fires(&Doc::pdf("\x0c", vec![0, 1]), CheckId::LittleText);
        assert!(
            f.message.starts_with("Page 1 has only 0 words"),
            "{}",
            f.message
        );
    }
}
