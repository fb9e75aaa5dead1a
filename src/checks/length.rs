//! Files too large to upload and resumes too long to read: several ATSs
//! reject uploads over about 2 MB, and recruiters favor one or two pages.

use super::{Input, MAX_BYTES, MAX_PAGES, MAX_WORDS};
use crate::extract::Format;
use crate::model::{CheckId, Finding, Severity};

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let ex = input.extracted;
    let bytes = ex.layout.bytes;
    if bytes > MAX_BYTES {
        out.push(Finding::check(
            CheckId::LargeFile,
            Severity::Warning,
            format!(
                "The file is {:.1} MB; several ATSs reject uploads over about 2 MB",
                bytes as f64 / 1_000_000.0
            ),
            "Shrink it: remove or compress images and export again",
            Vec::new(),
        ));
    }
    let pages = ex.page_starts.len();
    if pages > MAX_PAGES {
        out.push(Finding::check(
            CheckId::LongResume,
            Severity::Warning,
            format!(
                "The resume runs to {pages} pages; recruiters and ATS rankers favor one or two"
            ),
            "Cut older or less relevant roles to fit two pages",
            Vec::new(),
        ));
    } else if ex.format != Format::Pdf {
        let words = input.norm.text.split_whitespace().count();
        if words > MAX_WORDS {
            out.push(Finding::check(
                CheckId::LongResume,
                Severity::Info,
                format!("About {words} words: likely more than two pages"),
                "Cut older or less relevant roles to fit two pages",
                Vec::new(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn large_file() {
        let big = Doc::text(CLEAN).layout(|l| l.bytes = 3_200_000);
        let f = assert_fires(&big, CheckId::LargeFile);
        assert!(f.message.contains("3.2 MB"), "{}", f.message);
        assert_quiet(&Doc::text(CLEAN), CheckId::LargeFile);
    }

    #[test]
    fn long_resume() {
        let three = Doc::pdf(CLEAN, vec![0, 10, 20]);
        assert!(
            assert_fires(&three, CheckId::LongResume)
                .message
                .contains("3 pages")
        );
        assert_quiet(&Doc::pdf(CLEAN, vec![0, 10]), CheckId::LongResume);
        let wordy = format!("{CLEAN}{}", "word ".repeat(1200));
        assert_fires(&Doc::text(&wordy), CheckId::LongResume);
        assert_quiet(&Doc::text(CLEAN), CheckId::LongResume);
    }
}
