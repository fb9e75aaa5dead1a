//! `missing_any`: none of a set of terms appears. The guide's "no API design
//! patterns" mistake is exactly this: not one of GraphQL, gRPC or a REST
//! maturity level anywhere.

use super::{Context, Outcome, list_or};

pub(super) fn check(terms: &[String], ctx: &Context) -> Outcome {
    let found = ctx.found(terms);
    match found.first() {
        None => Outcome {
            fired: true,
            reason: format!(
                "none of {} appears",
                list_or(&terms.iter().map(String::as_str).collect::<Vec<_>>())
            ),
            evidence: Vec::new(),
            measure: None,
        },
        Some(first) => Outcome {
            fired: false,
            reason: format!("found {}", list_or(&found)),
            evidence: ctx.evidence_for(ctx.hits_of(first).iter().map(|h| h.span), 1),
            measure: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, terms};
    use crate::profile::Check;

    #[test]
    fn fires_only_when_all_absent() {
        let check = || Check::MissingAny {
            terms: terms(&["GraphQL", "gRPC"]),
        };
        assert!(run(check(), "Built REST services").fired);
        let o = run(check(), "Built gRPC services");
        assert!(!o.fired);
        assert_eq!(o.evidence[0].line, 1);
    }
}
