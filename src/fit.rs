//! Role fit: one resume scored against every role, to say which roles it is
//! written for. Career changers and new graduates often do not know which
//! role their resume reads as; coaches sorting a cohort want the matrix.
//!
//! The roles are the built-in base roles (`base/*`, plus any the user added
//! to their profile directory); with a company, that company's profile of a
//! role replaces the base one where it has one. Each role's score is the
//! ordinary score of the report (rule points follow fit, see
//! [`crate::score`]), so a fit score and a report score always agree.

use crate::error::{Error, Result};
use crate::extract::Extracted;
use crate::profile;
use crate::{Analysis, Scorer};

/// Below this score on every role, a resume fits none of them.
pub const NO_FIT: u32 = 20;

/// How many matched and missing terms each role lists.
pub const TOP_TERMS: usize = 3;

/// One role's result for one resume.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RoleFit {
    /// Profile id, e.g. `base/backend` or `apple/ios`.
    pub id: String,
    pub name: String,
    pub score: u32,
    /// The unrounded score, which ranks ties of `score`.
    pub exact: f64,
    pub keywords_points: f64,
    pub rules_points: f64,
    /// The role's most valuable terms found (exact, alias or variant).
    pub matched: Vec<String>,
    /// The role's terms that would add most, with their gain in points.
    pub missing: Vec<(String, f64)>,
}

/// Every role, compiled once for a whole batch.
pub struct Fitter {
    scorers: Vec<Scorer>,
    /// The company as matched (lower case), if one was asked for.
    company: Option<String>,
}

impl Fitter {
    /// The base roles, each replaced by `company`'s profile of it when the
    /// company has one. An unknown company is an error, as with `--company`.
    pub fn new(company: Option<&str>) -> Result<Fitter> {
        let ids = profile::registry::ids();
        let company = company.map(str::to_lowercase);
        if let Some(c) = &company {
            profile::check_name("company", c)?;
            if !ids
                .iter()
                .any(|id| id.split('/').next() == Some(c.as_str()))
            {
                return Err(Error::Reported {
                    code: crate::error::exit::PROFILE,
                    message: format!(
                        "no profiles for company '{c}' (see `ats-score profiles list`)"
                    ),
                });
            }
        }
        let mut profiles = Vec::new();
        for id in &ids {
            let Some(role) = id.strip_prefix("base/") else {
                continue;
            };
            let owner = match &company {
                Some(c) if ids.contains(&format!("{c}/{role}")) => c.as_str(),
                _ => "base",
            };
            profiles.push(profile::resolve(owner, role)?);
        }
        // Compiling ten matchers is most of a one-resume run: on every
        // core at once (where the system starts threads), it takes half.
        let scorers = std::thread::scope(|s| {
            let compiling: Vec<_> = profiles
                .into_iter()
                .map(|p| {
                    let copy = p.clone();
                    let thread =
                        std::thread::Builder::new().spawn_scoped(s, move || Scorer::new(copy));
                    (thread.ok(), p)
                })
                .collect();
            compiling
                .into_iter()
                .map(|(thread, p)| match thread.map(|t| t.join()) {
                    Some(Ok(scorer)) => scorer,
                    Some(Err(panic)) => std::panic::resume_unwind(panic),
                    None => Scorer::new(p),
                })
                .collect()
        });
        Ok(Fitter { scorers, company })
    }

    /// The company whose profiles replace base roles, as matched.
    pub fn company(&self) -> Option<&str> {
        self.company.as_deref()
    }

    /// How many roles are compared.
    pub fn len(&self) -> usize {
        self.scorers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scorers.is_empty()
    }

    /// The role ids, one per base role in the order of the base roles'
    /// names (a company's profile in its base role's place).
    pub fn columns(&self) -> Vec<&str> {
        self.scorers
            .iter()
            .map(|s| s.profile().id.as_str())
            .collect()
    }

    /// Every role's fit, best first (ties by id).
    pub fn fit(&self, name: &str, extracted: &Extracted) -> Vec<RoleFit> {
        let mut out: Vec<RoleFit> = self
            .scorers
            .iter()
            .map(|s| role_fit(s, &s.score_text(name, extracted)))
            .collect();
        out.sort_by(|a, b| b.exact.total_cmp(&a.exact).then_with(|| a.id.cmp(&b.id)));
        out
    }
}

/// The best role, if the resume fits any (scores at least [`NO_FIT`]).
pub fn best(fits: &[RoleFit]) -> Option<&RoleFit> {
    fits.first().filter(|f| f.score >= NO_FIT)
}

fn role_fit(scorer: &Scorer, a: &Analysis) -> RoleFit {
    let p = scorer.profile();
    let value = |t: &crate::analysis::TermResult| p.groups[t.group].weight * t.weight * t.credit;
    let mut found: Vec<_> = a.terms.iter().filter(|t| t.credit > 0.0).collect();
    found.sort_by(|x, y| value(y).total_cmp(&value(x)));
    let mut missing: Vec<_> = a.terms.iter().filter(|t| t.gain > 0.0).collect();
    missing.sort_by(|x, y| y.gain.total_cmp(&x.gain));
    let b = &a.breakdown;
    RoleFit {
        id: p.id.clone(),
        name: p.name.clone(),
        score: b.score,
        exact: b.exact,
        keywords_points: b.keywords.points,
        rules_points: b.rules.points,
        matched: found
            .iter()
            .take(TOP_TERMS)
            .map(|t| t.term.clone())
            .collect(),
        missing: missing
            .iter()
            .take(TOP_TERMS)
            .map(|t| (t.term.clone(), t.gain))
            .collect(),
    }
}
