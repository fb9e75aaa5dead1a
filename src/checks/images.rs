//! Pictures: an ATS reads no text in them, so a name, contact line or logo
//! with words that exists only as an image is lost.

use super::Input;
use crate::model::{CheckId, Finding, Severity};

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let images = input.extracted.layout.images;
    if images > 0 {
        out.push(Finding::check(
            CheckId::Images,
            Severity::Info,
            format!("The document contains {images} image(s); an ATS reads no text in images"),
            "Make sure nothing you need read (name, contact, skills, logos with words) is only in an image; leave out photos",
            Vec::new(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn counts_images() {
        let f = assert_fires(&Doc::text(CLEAN).layout(|l| l.images = 2), CheckId::Images);
        assert!(f.message.contains("2 image(s)"), "{}", f.message);
        assert_quiet(&Doc::text(CLEAN), CheckId::Images);
    }
}
