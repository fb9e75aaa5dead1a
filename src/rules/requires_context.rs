//! `requires_context`: a term appears without the context that gives it
//! weight. The guide's "databases listed without schema design" mistake: a
//! recruiter reads "PostgreSQL" in a list as familiarity, not depth.

use super::{Context, MAX_EVIDENCE, Outcome, list_or};

pub(super) fn check(terms: &[String], context: &[String], ctx: &Context) -> Outcome {
    let found = ctx.found(terms);
    if found.is_empty() {
        return Outcome {
            fired: false,
            reason: "none of the terms appears, so no context is needed".into(),
            evidence: Vec::new(),
            measure: None,
        };
    }
    let supported = ctx.found(context);
    if let Some(first) = supported.first() {
        return Outcome {
            fired: false,
            reason: format!("{} backed by {}", list_or(&found), list_or(&supported)),
            evidence: ctx.evidence_for(ctx.hits_of(first).iter().map(|h| h.span), 1),
            measure: None,
        };
    }
    let spans = found
        .iter()
        .flat_map(|t| ctx.hits_of(t).iter().map(|h| h.span));
    Outcome {
        fired: true,
        reason: format!(
            "{} appears but none of {}",
            list_or(&found),
            list_or(&context.iter().map(String::as_str).collect::<Vec<_>>())
        ),
        evidence: ctx.evidence_for(spans, MAX_EVIDENCE),
        measure: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, terms};
    use crate::profile::Check;

    fn check() -> Check {
        Check::RequiresContext {
            terms: terms(&["PostgreSQL", "MySQL"]),
            context: terms(&["schema design", "indexing"]),
        }
    }

    #[test]
    fn fires_on_bare_database_list() {
        let o = run(check(), "Skills: PostgreSQL, MySQL");
        assert!(o.fired);
        assert_eq!(o.evidence.len(), 1);
    }

    #[test]
    fn passes_with_context_or_without_terms() {
        assert!(!run(check(), "PostgreSQL schema design and indexes").fired);
        assert!(!run(check(), "Go and Java").fired);
    }
}
