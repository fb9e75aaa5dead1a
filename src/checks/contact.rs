//! Contact data an ATS cannot file: no email, no phone, or both only in a
//! page header, footer or text box, which many ATSs skip, so the recruiter
//! has no way to reach the candidate.

use super::{Input, evidence_for, region_of};
use crate::extract::RegionKind;
use crate::model::{CheckId, Finding, Severity};

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let c = input.contact;
    if c.emails.is_empty() {
        out.push(Finding::check(
            CheckId::MissingEmail,
            Severity::Warning,
            "No email address found".into(),
            "Put your email address in plain text at the top of the resume (not in an image, icon or page header)",
            Vec::new(),
        ));
    }
    if c.phones.is_empty() {
        out.push(Finding::check(
            CheckId::MissingPhone,
            Severity::Warning,
            "No phone number found".into(),
            "Add a phone number in plain text at the top, e.g. (415) 555-0142",
            Vec::new(),
        ));
    }
    let essentials: Vec<_> = c.emails.iter().chain(&c.phones).collect();
    let places: Vec<Option<RegionKind>> = essentials
        .iter()
        .map(|i| region_of(input, i.span))
        .collect();
    let hidden = places.iter().all(|p| {
        matches!(
            p,
            Some(RegionKind::Header | RegionKind::Footer | RegionKind::TextBox)
        )
    });
    if !essentials.is_empty() && hidden {
        let mut kinds: Vec<&str> = places.iter().flatten().map(|k| k.as_str()).collect();
        kinds.dedup();
        out.push(Finding::check(
            CheckId::ContactOutsideBody,
            Severity::Warning,
            format!(
                "Your email and phone are only in a {}, which many ATSs do not read",
                kinds.join(" and ")
            ),
            "Move your name, email and phone into the body of the document, as its first lines",
            evidence_for(input, essentials.iter().map(|i| i.span)),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::extract::{Region, RegionKind};
    use crate::model::CheckId;

    #[test]
    fn missing_email_and_phone() {
        let doc = Doc::text("Jordan Pell\n\nEXPERIENCE\nEngineer at Acme\n");
        assert_fires(&doc, CheckId::MissingEmail);
        assert_fires(&doc, CheckId::MissingPhone);
        assert_quiet(&Doc::text(CLEAN), CheckId::MissingEmail);
        assert_quiet(&Doc::text(CLEAN), CheckId::MissingPhone);
    }

    #[test]
    fn contact_only_in_a_page_header() {
        let contact_line = CLEAN.find("jordan@").unwrap();
        let end = contact_line + CLEAN[contact_line..].find('\n').unwrap();
        let doc = Doc::text(CLEAN).layout(|l| {
            l.regions.push(Region {
                kind: RegionKind::Header,
                start: contact_line,
                end,
            })
        });
        let f = assert_fires(&doc, CheckId::ContactOutsideBody);
        assert!(f.message.contains("page header"), "{}", f.message);
        assert_eq!(f.evidence[0].line, 2);
        assert_quiet(&Doc::text(CLEAN), CheckId::ContactOutsideBody);
    }
}
