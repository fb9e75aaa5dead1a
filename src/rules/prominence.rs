//! `prominence`: terms must be visible where a recruiter looks first: the
//! named sections (Skills, Summary) or the top lines. The guide's "not
//! featuring Swift, Objective-C, C++ prominently" mistake.

use super::{Context, MAX_EVIDENCE, Outcome, list_or};
use crate::sections::{SectionKind, section_at};

pub(super) fn check(
    terms: &[String],
    sections: &[SectionKind],
    top_lines: usize,
    ctx: &Context,
) -> Outcome {
    // "Top" counts the lines of the text as read (`ats-score extract`
    // shows them), blank lines included.
    let on_top = |at: usize| ctx.norm.raw_line(at) <= top_lines;
    let mut buried = Vec::new();
    for term in terms {
        for hit in ctx.hits_of(term) {
            let kind = section_at(ctx.sections, hit.span.start);
            if on_top(hit.span.start) || sections.contains(&kind) {
                return Outcome {
                    fired: false,
                    reason: format!("\"{term}\" is in the {} section", kind.as_str()),
                    evidence: ctx.evidence_for([hit.span], 1),
                    measure: None,
                };
            }
            buried.push(hit.span);
        }
    }
    let names = terms.iter().map(String::as_str).collect::<Vec<_>>();
    let wanted: Vec<&str> = sections.iter().map(|s| s.as_str()).collect();
    let reason = if buried.is_empty() {
        format!("none of {} appears at all", list_or(&names))
    } else {
        format!(
            "{} only appears outside {} and the top {top_lines} lines",
            list_or(&ctx.found(terms)),
            wanted.join("/")
        )
    };
    Outcome {
        fired: true,
        reason,
        evidence: ctx.evidence_for(buried, MAX_EVIDENCE),
        measure: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, terms};
    use crate::profile::Check;
    use crate::sections::SectionKind;

    fn check() -> Check {
        Check::Prominence {
            terms: terms(&["Swift", "C++"]),
            sections: vec![SectionKind::Skills],
            top_lines: 2,
        }
    }

    const BURIED: &str =
        "Ada\nada@example.com\nEXPERIENCE\n- Java work\n- Java work\n- some C++ in 2009";

    #[test]
    fn fires_when_only_buried() {
        let o = run(check(), BURIED);
        assert!(o.fired, "{}", o.reason);
        assert_eq!(o.evidence[0].line, 6);
    }

    #[test]
    fn passes_in_skills_section() {
        let text = format!("{BURIED}\nSKILLS\nSwift, Go");
        assert!(!run(check(), &text).fired);
    }
}
