//! Section headings an ATS does not recognise, and standard sections that
//! are missing: an ATS files text by its heading, so text under an odd
//! heading, or under none, may land in no field.

use super::{Input, evidence_for};
use crate::model::{CheckId, Finding, Severity, Span};
use crate::sections::{Section, SectionKind};

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let odd: Vec<&Section> = input
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Other)
        .collect();
    if !odd.is_empty() {
        let titles: Vec<String> = odd.iter().map(|s| format!("\"{}\"", s.title)).collect();
        out.push(Finding::check(
            CheckId::UnusualHeadings,
            Severity::Warning,
            format!(
                "Section heading(s) {} are not ones an ATS recognises; what is under them may be filed nowhere",
                titles.join(", ")
            ),
            "Use standard headings: Summary, Experience, Skills, Projects, Education, Certifications",
            evidence_for(input, odd.iter().map(|s| Span::new(s.span.start, s.span.start + 1))),
        ));
    }
    let has = |k: SectionKind| input.sections.iter().any(|s| s.kind == k);
    let missing: Vec<&str> = [
        (SectionKind::Experience, "Experience"),
        (SectionKind::Skills, "Skills"),
        (SectionKind::Education, "Education"),
    ]
    .into_iter()
    .filter(|(k, _)| !has(*k))
    .map(|(_, name)| name)
    .collect();
    if !missing.is_empty() {
        out.push(Finding::check(
            CheckId::MissingSections,
            Severity::Info,
            format!("No {} section heading found", missing.join(", ")),
            "Give each part of the resume a standard heading on its own line, so an ATS files it in the right field",
            Vec::new(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn odd_heading() {
        let text = CLEAN.replace("EXPERIENCE\n", "MY JOURNEY\n");
        let f = assert_fires(&Doc::text(&text), CheckId::UnusualHeadings);
        assert!(f.message.contains("\"MY JOURNEY\""), "{}", f.message);
        assert_quiet(&Doc::text(CLEAN), CheckId::UnusualHeadings);
    }

    #[test]
    fn missing_sections() {
        let text = CLEAN.replace("SKILLS\n", "");
        let f = assert_fires(&Doc::text(&text), CheckId::MissingSections);
        assert_eq!(f.message, "No Skills section heading found");
        assert_quiet(&Doc::text(CLEAN), CheckId::MissingSections);
    }
}
