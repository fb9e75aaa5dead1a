//! `phrase`: a discouraged phrase used without context nearby. The guide warns
//! against generic "RESTful API development" with no scale: the same words
//! next to "40k RPS" are fine, alone they say nothing.

use super::{Context, MAX_EVIDENCE, Outcome, has_metric};
use crate::model::Span;

pub(super) fn check(phrases: &[String], unless_nearby: &[String], ctx: &Context) -> Outcome {
    let mut bare = Vec::new();
    let mut total = 0;
    for phrase in phrases {
        for hit in ctx.hits_of(phrase) {
            total += 1;
            let (start, end) = ctx.norm.line_bounds(hit.span.start);
            let line = Span::new(start, end);
            let context = has_metric(&ctx.norm.text[start..end])
                || unless_nearby
                    .iter()
                    .any(|c| ctx.hits_of(c).iter().any(|h| h.span.overlaps(&line)));
            if !context {
                bare.push(hit.span);
            }
        }
    }
    Outcome {
        fired: !bare.is_empty(),
        reason: if total == 0 {
            "the phrase is not used".into()
        } else {
            format!(
                "{} of {total} uses have no scale context on their line",
                bare.len()
            )
        },
        evidence: ctx.evidence_for(bare, MAX_EVIDENCE),
        measure: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, terms};
    use crate::profile::Check;

    fn check() -> Check {
        Check::Phrase {
            phrases: terms(&["RESTful API development"]),
            unless_nearby: vec![],
        }
    }

    #[test]
    fn fires_without_scale_only() {
        assert!(run(check(), "- Responsible for RESTful API development").fired);
        assert!(!run(check(), "- RESTful API development at 40k RPS").fired);
        assert!(!run(check(), "- Designed APIs").fired);
    }
}
