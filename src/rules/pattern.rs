//! `pattern`: a regular expression that must be absent (public GitHub links,
//! per the guide's advice on discretion) or present.

use super::{Context, MAX_EVIDENCE, Outcome};
use crate::model::Span;
use crate::profile::Expect;
use regex::Regex;

pub(super) fn check(re: &Regex, expect: Expect, ctx: &Context) -> Outcome {
    let spans: Vec<Span> = re
        .find_iter(&ctx.norm.text)
        .map(|m| Span::new(m.start(), m.end()))
        .collect();
    let found = !spans.is_empty();
    let fired = match expect {
        Expect::Absent => found,
        Expect::Present => !found,
    };
    Outcome {
        fired,
        reason: match spans.first() {
            Some(s) => format!(
                "found \"{}\" ({} time(s))",
                &ctx.norm.text[s.start..s.end],
                spans.len()
            ),
            None => "not found".into(),
        },
        evidence: ctx.evidence_for(spans, MAX_EVIDENCE),
        measure: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use crate::profile::{Check, Expect};

    fn check(expect: Expect) -> Check {
        Check::Pattern {
            regex: crate::profile::RuleRegex::new(r"github\.com/\w+").unwrap(),
            expect,
        }
    }

    #[test]
    fn absent_and_present() {
        let text = "Ada | GitHub.com/ada | ada@example.com";
        assert!(run(check(Expect::Absent), text).fired);
        assert!(!run(check(Expect::Present), text).fired);
        assert!(!run(check(Expect::Absent), "GitHub Actions").fired);
    }
}
