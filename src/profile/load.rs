//! Reading profiles: YAML text to a resolved [`Profile`], with `extends`
//! applied (an overlay changes a base profile's groups, terms and rules by
//! id) and every error located at its file, line and column.
//!
//! YAML is read with serde-saphyr: maintained (serde_yaml is archived), pure
//! Rust, panic-free on bad input, with locations on errors and a budget
//! against alias ("billion laughs") bombs.

use super::registry;
use super::resolve::did_you_mean;
use super::schema::{ChecksConfig, Group, Profile, Rule, Scoring, Term};
use crate::error::{Error, Result};
use serde::Deserialize;

/// A profile as written: an overlay may extend another profile and give only
/// what it adds or changes. [`Profile::from_yaml`] resolves it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    id: String,
    name: String,
    #[serde(default)]
    extends: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    scoring: Option<Scoring>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    #[serde(default)]
    rules: Vec<Rule>,
    #[serde(default)]
    checks: Option<ChecksConfig>,
    #[serde(default)]
    posting: Option<crate::jd::Posting>,
}

/// A group as written; in an overlay, a group with a base group's id only
/// needs the fields it changes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    weight: Option<f64>,
    #[serde(default)]
    count: Option<usize>,
    #[serde(default)]
    terms: Vec<Term>,
}

/// How deep `extends` may chain (overlay → base is 1).
const MAX_EXTENDS: usize = 4;

/// Largest profile file we read; real ones are a few KB.
pub(crate) const MAX_PROFILE_BYTES: usize = 1 << 20;

impl Profile {
    /// Parse and validate a profile. `path` only names the source in errors.
    pub fn from_yaml(path: &str, text: &str) -> Result<Profile> {
        if text.len() > MAX_PROFILE_BYTES {
            return Err(Error::ProfileInvalid {
                path: path.into(),
                message: format!("profile is larger than {MAX_PROFILE_BYTES} bytes"),
            });
        }
        resolve_raw(path, text, false, 0)
    }
}

/// A profile from where the registry found it.
pub(super) fn from_source(source: &super::registry::Source) -> Result<Profile> {
    if source.text.len() > MAX_PROFILE_BYTES {
        return Err(Error::ProfileInvalid {
            path: source.path.clone(),
            message: format!("profile is larger than {MAX_PROFILE_BYTES} bytes"),
        });
    }
    resolve_raw(&source.path, &source.text, source.built_in, 0)
}

/// Parse `text` (YAML, or for built-in profiles the JSON made from their
/// YAML at build time), build on the profile it extends, and validate.
fn resolve_raw(path: &str, text: &str, json: bool, depth: usize) -> Result<Profile> {
    let raw: RawProfile = if json {
        serde_json::from_str(text).map_err(|e| Error::ProfileSyntax {
            path: path.into(),
            line: e.line() as u64,
            column: e.column() as u64,
            message: with_suggestion(&strip_location(&first_line(&e.to_string()))),
        })?
    } else {
        let options = serde_saphyr::options! {
            budget: Some(serde_saphyr::Budget::default()),
            with_snippet: false,
        };
        serde_saphyr::from_str_with_options(text, options).map_err(|e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            Error::ProfileSyntax {
                path: path.into(),
                line,
                column,
                message: with_suggestion(&strip_location(&first_line(&e.to_string()))),
            }
        })?
    };
    let bad = |message: String| Error::ProfileInvalid {
        path: path.into(),
        message,
    };
    let base = match &raw.extends {
        None => None,
        Some(_) if depth >= MAX_EXTENDS => {
            return Err(bad(format!(
                "`extends` chains deeper than {MAX_EXTENDS} profiles"
            )));
        }
        Some(parent) => {
            let found = registry::find(parent).ok_or_else(|| {
                bad(format!(
                    "extends '{parent}', which is not a known profile{}",
                    did_you_mean(
                        parent,
                        &registry::ids()
                            .iter()
                            .map(String::as_str)
                            .collect::<Vec<_>>()
                    )
                ))
            })?;
            Some(resolve_raw(
                &found.path,
                &found.text,
                found.built_in,
                depth + 1,
            )?)
        }
    };
    let profile = merge(base, raw).map_err(bad)?;
    profile.validate(path)?;
    Ok(profile)
}

/// Build the resolved profile: the base (if any) with the overlay applied.
/// Groups and rules with a base id are changed in place; new ones are added.
fn merge(base: Option<Profile>, raw: RawProfile) -> std::result::Result<Profile, String> {
    let mut p = match base {
        Some(b) => b,
        None => Profile {
            id: String::new(),
            name: String::new(),
            extends: None,
            sources: Vec::new(),
            scoring: raw.scoring.clone().ok_or(
                "`scoring` is missing (only a profile that `extends` another may omit it)",
            )?,
            groups: Vec::new(),
            rules: Vec::new(),
            checks: ChecksConfig::default(),
            posting: None,
        },
    };
    p.id = raw.id;
    p.name = raw.name;
    p.extends = raw.extends;
    for s in raw.sources {
        if !p.sources.contains(&s) {
            p.sources.push(s);
        }
    }
    if let Some(scoring) = raw.scoring {
        p.scoring = scoring;
    }
    if let Some(checks) = raw.checks {
        p.checks = checks;
    }
    if raw.posting.is_some() {
        p.posting = raw.posting;
    }
    for g in raw.groups {
        if let Some(existing) = p.groups.iter_mut().find(|e| e.id == g.id) {
            if let Some(name) = g.name {
                existing.name = name;
            }
            if let Some(weight) = g.weight {
                existing.weight = weight;
            }
            if g.count.is_some() {
                existing.count = g.count;
            }
            for t in g.terms {
                match existing
                    .terms
                    .iter_mut()
                    .find(|e| e.term.eq_ignore_ascii_case(&t.term))
                {
                    Some(e) => *e = t,
                    None => existing.terms.push(t),
                }
            }
        } else {
            let (Some(name), Some(weight)) = (g.name, g.weight) else {
                return Err(format!(
                    "group '{}' is new here, so it needs a name and a weight",
                    g.id
                ));
            };
            p.groups.push(Group {
                id: g.id,
                name,
                weight,
                count: g.count,
                terms: g.terms,
            });
        }
    }
    for r in raw.rules {
        match p.rules.iter_mut().find(|e| e.id == r.id) {
            Some(e) => *e = r,
            None => p.rules.push(r),
        }
    }
    Ok(p)
}

/// serde reports an unknown key or variant with the valid ones; add the
/// closest as a suggestion ("unknown field `wieght`, ... (did you mean
/// `weight`?)").
fn with_suggestion(message: &str) -> String {
    let is_unknown = message.starts_with("unknown field") || message.starts_with("unknown variant");
    let wrong = message.split('`').nth(1);
    let valid: Vec<&str> = message
        .split_once("expected one of ")
        .or_else(|| message.split_once("expected "))
        .map(|(_, list)| list.split(", ").map(|v| v.trim_matches('`')).collect())
        .unwrap_or_default();
    match wrong {
        Some(wrong) if is_unknown && !valid.is_empty() => {
            format!(
                "{message}{}",
                did_you_mean(wrong, &valid).replace('\'', "`")
            )
        }
        _ => message.to_string(),
    }
}

/// serde-saphyr appends " at line L, column C"; we print the location as
/// `file:line:column` in front instead, the form editors can jump to.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_string()
}

/// Load a profile from a user's file.
pub fn load_file(path: &std::path::Path) -> Result<Profile> {
    let name = crate::report::escape::path(path);
    let text = read_file(path, &name)?;
    Profile::from_yaml(&name, &text)
}

/// A user's profile file as text: a regular file only (a pipe or a device
/// could block or never end), its size checked before it is read and
/// bounded while it is, and UTF-8.
pub(crate) fn read_file(path: &std::path::Path, name: &str) -> Result<String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| io_error(name, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory { path: name.into() });
    }
    if !meta.is_file() {
        return Err(Error::ProfileInvalid {
            path: name.into(),
            message: "a profile must be a regular file (this is a pipe, socket or device)".into(),
        });
    }
    let too_large = || Error::ProfileInvalid {
        path: name.into(),
        message: format!("profile is larger than {MAX_PROFILE_BYTES} bytes"),
    };
    if meta.len() > MAX_PROFILE_BYTES as u64 {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PROFILE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| io_error(name, e))?;
    if bytes.len() > MAX_PROFILE_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| Error::ProfileInvalid {
        path: name.into(),
        message: "profile is not UTF-8 text".into(),
    })
}

/// Map an I/O error on `path` to the right typed error.
pub(crate) fn io_error(path: &str, e: std::io::Error) -> Error {
    match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound { path: path.into() },
        std::io::ErrorKind::IsADirectory => Error::IsDirectory { path: path.into() },
        _ => Error::Io {
            path: path.into(),
            source: e,
        },
    }
}
