//! Finding a profile by company and role: the user's directory first, then
//! the built-in ones, with a fallback to the role's base profile and
//! did-you-mean suggestions for names that look like typos.

use super::registry;
use super::schema::Profile;
use crate::error::{Error, Result};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_profiles.rs"));
}

/// Ids (`company/role`) of the profiles built into the binary, sorted.
pub fn embedded_ids() -> Vec<&'static str> {
    let mut ids: Vec<_> = embedded::PROFILES.iter().map(|(id, _)| *id).collect();
    ids.sort_unstable();
    ids
}

/// The built-in profile text for an id.
pub(crate) fn embedded_text(id: &str) -> Option<&'static str> {
    embedded::PROFILES
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, text)| *text)
}

/// Load a profile by company and role (user profiles first, then built-in),
/// refusing names that are not plain identifiers before looking anything
/// up. `generic` is the role's base profile. A company without a profile for
/// the role falls back to the base profile, with a note saying so; a company
/// name that looks like a typo of a known one is an error instead.
pub fn resolve(company: &str, role: &str) -> Result<Profile> {
    resolve_with_note(company, role).map(|(p, _)| p)
}

/// [`resolve`], with the note to show when it fell back to a base profile.
pub fn resolve_with_note(company: &str, role: &str) -> Result<(Profile, Option<String>)> {
    check_name("company", company)?;
    check_name("role", role)?;
    let wanted = if company == "generic" {
        format!("base/{role}")
    } else {
        format!("{company}/{role}")
    };
    if let Some(found) = registry::find(&wanted) {
        return Ok((found.load()?, None));
    }
    let ids = registry::ids();
    let mut companies: Vec<&str> = ids
        .iter()
        .filter_map(|i| i.split('/').next())
        .filter(|c| *c != "base")
        .collect();
    companies.sort_unstable();
    companies.dedup();
    let roles: Vec<&str> = ids.iter().filter_map(|i| i.strip_prefix("base/")).collect();
    let base = format!("base/{role}");
    let known_company = companies.contains(&company) || company == "generic";
    let typo = did_you_mean(company, &companies);
    match registry::find(&base) {
        Some(found) if known_company || typo.is_empty() => {
            let note = format!(
                "no {company}-specific profile for the {role} role; scoring against the general {role} profile ({base})"
            );
            Ok((found.load()?, Some(note)))
        }
        Some(_) => Err(Error::UnknownCompany {
            company: company.into(),
            suggestion: typo,
            available: companies.join(", "),
        }),
        None => {
            let mut available: Vec<&str> = ids
                .iter()
                .filter_map(|i| i.strip_prefix(company)?.strip_prefix('/'))
                .chain(roles.iter().copied())
                .collect();
            available.sort_unstable();
            available.dedup();
            if !known_company && available.is_empty() {
                return Err(Error::UnknownCompany {
                    company: company.into(),
                    suggestion: typo,
                    available: companies.join(", "),
                });
            }
            Err(Error::UnknownRole {
                company: company.into(),
                role: role.into(),
                suggestion: did_you_mean(role, &available),
                available: available.join(", "),
            })
        }
    }
}

/// Refuse a company or role name that is not a plain identifier, before it
/// is used to look anything up (it becomes part of a path).
pub fn check_name(what: &'static str, value: &str) -> Result<()> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Error::BadName {
            what,
            value: value.into(),
        })
    }
}

pub(crate) fn did_you_mean(value: &str, choices: &[&str]) -> String {
    choices
        .iter()
        .map(|c| (strsim::jaro_winkler(value, c), c))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!(" (did you mean '{c}'?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_profile_loads() {
        assert!(!embedded_ids().is_empty());
        for id in embedded_ids() {
            let (company, role) = id.split_once('/').unwrap();
            let p = resolve(company, role).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(p.id, id);
        }
    }

    /// The built-in profiles are embedded as JSON made from their YAML at
    /// build time: each reads exactly as its YAML file does.
    #[test]
    fn built_in_json_reads_as_its_yaml() {
        for id in embedded_ids() {
            let path = format!("{}/profiles/{id}.yaml", env!("CARGO_MANIFEST_DIR"));
            let yaml = std::fs::read_to_string(&path).unwrap();
            let from_yaml = Profile::from_yaml(&path, &yaml).unwrap_or_else(|e| panic!("{e}"));
            let from_json = registry::find(id).unwrap().load().unwrap();
            assert_eq!(
                serde_json::to_string(&from_yaml).unwrap(),
                serde_json::to_string(&from_json).unwrap(),
                "{id}"
            );
        }
    }

    #[test]
    fn names_are_identifiers() {
        assert!(matches!(resolve("../etc", "x"), Err(Error::BadName { .. })));
        assert!(matches!(
            resolve("Apple", "backend"),
            Err(Error::BadName { .. })
        ));
    }

    #[test]
    fn suggests_closest_company() {
        let e = resolve("aple", "backend").unwrap_err().to_string();
        assert!(e.contains("did you mean 'apple'"), "{e}");
    }

    #[test]
    fn unknown_field_has_location() {
        let yaml = "id: a/b\nname: x\nsources: []\nscoring: {keywords: 1, rules: 0}\ngroups:\n  - id: g\n    name: g\n    wieght: 1\n";
        match Profile::from_yaml("p.yaml", yaml) {
            Err(Error::ProfileSyntax { line, message, .. }) => {
                assert_eq!(line, 8);
                assert!(message.contains("wieght"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
