//! `soft_signals`: fewer than `min` distinct terms of a set appear. For things
//! a single word does not prove, like the guide's craftsmanship mistake
//! (attention to detail, performance optimization, user experience impact).

use super::{Context, Outcome, list_or};

pub(super) fn check(terms: &[String], min: usize, ctx: &Context) -> Outcome {
    let found = ctx.found(terms);
    let spans = found
        .iter()
        .filter_map(|t| ctx.hits_of(t).first().map(|h| h.span));
    Outcome {
        fired: found.len() < min,
        reason: if found.is_empty() {
            format!(
                "0 of the {} signals found; at least {min} wanted",
                terms.len()
            )
        } else {
            format!(
                "{} of at least {min} found: {}",
                found.len(),
                list_or(&found)
            )
        },
        evidence: ctx.evidence_for(spans, super::MAX_EVIDENCE),
        measure: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, terms};
    use crate::profile::Check;

    fn check() -> Check {
        Check::SoftSignals {
            terms: terms(&["attention to detail", "user experience", "craftsmanship"]),
            min: 2,
        }
    }

    #[test]
    fn counts_distinct_terms() {
        assert!(run(check(), "user experience, user experience").fired);
        assert!(!run(check(), "attention to detail for the user experience").fired);
    }
}
