//! Matches and rule outcomes → a score, by a formula simple enough to check
//! by hand (the README states it and `--explain` prints it for each resume):
//!
//! ```text
//! term credit   c  = 1 exact, alias_credit for an alias, variant_credit for a
//!                    variant, 0 for a typo or nothing
//! group credit  G  = sum of the best `count` values of (term weight × c)
//!                    ÷ sum of the `count` largest term weights
//!                    (no `count`: every term)
//! keyword part  K  = Σ group weight × G ÷ Σ group weight
//! rules part    R  = Σ weight of rules that did not fire ÷ Σ rule weight
//! fit           F  = min(1, K ÷ full_rules_at)        (1 when full_rules_at is 0)
//! score            = round(100 × (keywords × K + rules × R × F) ÷ (keywords + rules))
//! ```
//!
//! `F` is there because avoiding a role's mistakes says nothing when the
//! resume is not for that role: a nurse's resume fires none of the iOS
//! rules, and before `F` it earned their 25 points. Rule points now follow
//! the keyword credit up to `full_rules_at` (0.5 by default: a resume with
//! half of a role's keywords is plainly written for it), so a resume with
//! nothing of a role scores near zero there and one that fits is not
//! penalized at all.
//!
//! It is a pure function so that "what would this edit add?" is just the
//! same function on changed inputs.

use serde::Serialize;

/// One term's weight and earned credit (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TermCredit {
    pub weight: f64,
    pub credit: f64,
}

/// One group's weight, its `count`, and its terms.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupInput {
    pub weight: f64,
    pub count: Option<usize>,
    pub terms: Vec<TermCredit>,
}

/// One rule's weight and whether it fired.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleInput {
    pub weight: f64,
    pub fired: bool,
}

/// The whole computation, every intermediate kept for `--explain` and JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// The final score, 0–100.
    pub score: u32,
    /// The unrounded score.
    pub exact: f64,
    pub keywords: Part,
    pub rules: Part,
    /// `F`: the share of the rules part a resume can earn given its fit.
    pub fit: f64,
    /// Group credits, in profile order.
    pub groups: Vec<f64>,
    /// Points of the keyword part each group earned, in profile order.
    pub group_points: Vec<f64>,
    /// Points each rule is worth (what it costs when it fires), in profile
    /// order.
    pub rule_points: Vec<f64>,
    /// Σ group weight × group credit, and Σ group weight: K's fraction.
    pub keyword_weight: (f64, f64),
    /// Σ weight of rules that passed, and Σ rule weight: R's fraction.
    pub rule_weight: (f64, f64),
}

/// One part of the score: its share of 100 points, its credit, its points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Part {
    /// Points this part is worth out of 100.
    pub max: f64,
    /// Fraction earned, 0–1.
    pub credit: f64,
    /// The rules part only: `F`, the fit that scales it (see the module docs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fit: Option<f64>,
    /// `max × credit` (× `fit` for the rules part).
    pub points: f64,
}

/// Credit of one group; see the module docs.
pub fn group_credit(group: &GroupInput) -> f64 {
    let n = group
        .count
        .unwrap_or(group.terms.len())
        .min(group.terms.len());
    let mut earned: Vec<f64> = group.terms.iter().map(|t| t.weight * t.credit).collect();
    let mut weights: Vec<f64> = group.terms.iter().map(|t| t.weight).collect();
    earned.sort_by(|a, b| b.total_cmp(a));
    weights.sort_by(|a, b| b.total_cmp(a));
    let denominator: f64 = weights[..n].iter().sum();
    if denominator <= 0.0 {
        return 0.0;
    }
    (earned[..n].iter().sum::<f64>() / denominator).min(1.0)
}

/// The profile's point split and how rule points follow fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Split {
    pub keywords: f64,
    pub rules: f64,
    /// Keyword credit at which the rules part counts in full; 0 turns the
    /// scaling off.
    pub full_rules_at: f64,
}

/// `F` of the module docs.
pub fn fit_factor(k: f64, full_rules_at: f64) -> f64 {
    if full_rules_at <= 0.0 {
        1.0
    } else {
        (k / full_rules_at).clamp(0.0, 1.0)
    }
}

/// Score a resume.
pub fn score(split: Split, groups: &[GroupInput], fired: &[RuleInput]) -> Breakdown {
    let Split {
        keywords,
        rules,
        full_rules_at,
    } = split;
    let credits: Vec<f64> = groups.iter().map(group_credit).collect();
    let total_weight: f64 = groups.iter().map(|g| g.weight).sum();
    let earned = groups
        .iter()
        .zip(&credits)
        .fold(0.0, |acc, (g, c)| acc + g.weight * c);
    let k = if total_weight > 0.0 {
        earned / total_weight
    } else {
        0.0
    };
    let rule_weight: f64 = fired.iter().map(|r| r.weight).sum();
    let passed = fired
        .iter()
        .filter(|r| !r.fired)
        .fold(0.0, |acc, r| acc + r.weight);
    let r = if rule_weight > 0.0 {
        passed / rule_weight
    } else {
        1.0
    };
    let total = keywords + rules;
    let kmax = 100.0 * keywords / total;
    let rmax = 100.0 * rules / total;
    let f = fit_factor(k, full_rules_at);
    let group_points = groups
        .iter()
        .zip(&credits)
        .map(|(g, c)| {
            if total_weight > 0.0 {
                kmax * g.weight * c / total_weight
            } else {
                0.0
            }
        })
        .collect();
    let rule_points = fired
        .iter()
        .map(|r| {
            if rule_weight > 0.0 {
                rmax * r.weight / rule_weight * f
            } else {
                0.0
            }
        })
        .collect();
    let exact = kmax * k + rmax * r * f;
    Breakdown {
        score: exact.round().clamp(0.0, 100.0) as u32,
        exact,
        keywords: Part {
            max: kmax,
            credit: k,
            fit: None,
            points: kmax * k,
        },
        rules: Part {
            max: rmax,
            credit: r,
            fit: Some(f),
            points: rmax * r * f,
        },
        fit: f,
        groups: credits,
        group_points,
        rule_points,
        keyword_weight: (earned, total_weight),
        rule_weight: (passed, rule_weight),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(weight: f64, credit: f64) -> TermCredit {
        TermCredit { weight, credit }
    }

    #[test]
    fn count_takes_best_terms() {
        // SQL (2) + PostgreSQL (1) of SQL/PostgreSQL/MySQL, best two count.
        let g = GroupInput {
            weight: 8.0,
            count: Some(2),
            terms: vec![t(2.0, 1.0), t(1.0, 1.0), t(1.0, 0.0)],
        };
        assert_eq!(group_credit(&g), 1.0);
        let g = GroupInput {
            terms: vec![t(2.0, 0.0), t(1.0, 1.0), t(1.0, 1.0)],
            ..g
        };
        assert!((group_credit(&g) - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn all_terms_count_without_count() {
        let g = GroupInput {
            weight: 1.0,
            count: None,
            terms: vec![t(1.0, 1.0), t(1.0, 0.5)],
        };
        assert_eq!(group_credit(&g), 0.75);
    }

    #[test]
    fn formula_by_hand() {
        let groups = vec![
            GroupInput {
                weight: 3.0,
                count: None,
                terms: vec![t(1.0, 1.0)],
            },
            GroupInput {
                weight: 1.0,
                count: None,
                terms: vec![t(1.0, 0.0)],
            },
        ];
        let rules = [
            RuleInput {
                weight: 1.0,
                fired: true,
            },
            RuleInput {
                weight: 3.0,
                fired: false,
            },
        ];
        let b = score(SPLIT, &groups, &rules);
        // K = 3/4, R = 3/4 → 75 × .75 + 25 × .75 = 75
        assert_eq!(b.score, 75);
        assert_eq!(b.keywords.points, 56.25);
        assert_eq!(b.rules.points, 18.75);
        assert_eq!(b.group_points, [56.25, 0.0]);
        assert_eq!(b.rule_points, [6.25, 18.75]);
        assert_eq!(b.keyword_weight, (3.0, 4.0));
        assert_eq!(b.rule_weight, (3.0, 4.0));
        assert_eq!(b.fit, 1.0);
    }

    const SPLIT: Split = Split {
        keywords: 75.0,
        rules: 25.0,
        full_rules_at: 0.5,
    };

    #[test]
    fn rule_points_follow_fit() {
        let groups = |credit| {
            vec![GroupInput {
                weight: 1.0,
                count: None,
                terms: vec![t(1.0, credit)],
            }]
        };
        let clean = [RuleInput {
            weight: 1.0,
            fired: false,
        }];
        // No keyword at all: no rule points either.
        let b = score(SPLIT, &groups(0.0), &clean);
        assert_eq!((b.score, b.fit, b.rules.points), (0, 0.0, 0.0));
        // K = 0.2 → F = 0.4: 15 + 25 × 0.4 = 25.
        let b = score(SPLIT, &groups(0.2), &clean);
        assert!((b.exact - 25.0).abs() < 1e-9, "{}", b.exact);
        assert!((b.rule_points[0] - 10.0).abs() < 1e-9);
        // From K = full_rules_at on, the rules count in full.
        let b = score(SPLIT, &groups(0.5), &clean);
        assert_eq!((b.fit, b.score), (1.0, 63));
        // 0 turns the scaling off.
        let off = Split {
            full_rules_at: 0.0,
            ..SPLIT
        };
        assert_eq!(score(off, &groups(0.0), &clean).score, 25);
    }
}
