//! Where profiles come from: the user's profile directory first, then the
//! ones built into the binary. A user file `<dir>/<company>/<role>.yaml`
//! takes the place of the built-in profile with the same id, so a coach can
//! adjust a company's profile without rebuilding.

use std::path::PathBuf;

/// The user's profile directory: `$ATS_SCORE_PROFILES`, else
/// `$XDG_CONFIG_HOME/ats-score/profiles`, else
/// `~/.config/ats-score/profiles`.
pub fn user_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ATS_SCORE_PROFILES").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("ats-score").join("profiles"))
}

/// Ids of the user's profiles (`company/role`), from file names that are
/// valid identifiers; anything else in the directory is ignored.
pub fn user_ids() -> Vec<String> {
    let Some(dir) = user_dir() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for company in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let Some(c) = company.file_name().to_str().map(String::from) else {
            continue;
        };
        if super::check_name("company", &c).is_err() || !company.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(company.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            let role = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if path.extension().is_some_and(|e| e == "yaml")
                && super::check_name("role", role).is_ok()
            {
                out.push(format!("{c}/{role}"));
            }
        }
    }
    out.sort();
    out
}

/// Every profile id, user and built-in, sorted and unique.
pub fn ids() -> Vec<String> {
    let mut all: Vec<String> = super::embedded_ids()
        .into_iter()
        .map(String::from)
        .collect();
    all.extend(user_ids());
    all.sort();
    all.dedup();
    all
}

/// Whether the profile `id` comes from the user's directory.
pub fn is_user(id: &str) -> bool {
    user_ids().iter().any(|u| u == id)
}

/// A profile's text and where it comes from.
#[derive(Debug, Clone)]
pub struct Source {
    /// How the profile is named in messages.
    pub path: String,
    pub text: String,
    /// Built into the binary, as JSON converted from its YAML at build time;
    /// else the user's YAML file.
    pub built_in: bool,
    /// Why the user's file could not be read: it is then an error, never
    /// silently replaced by the built-in profile of the same id.
    pub unreadable: Option<String>,
    /// The id the file's place gives it (`<dir>/acme/widgets.yaml` is
    /// acme/widgets); its `id:` must say the same.
    pub id: String,
}

impl Source {
    /// The profile, resolved and validated.
    pub fn load(&self) -> crate::error::Result<super::Profile> {
        if let Some(message) = &self.unreadable {
            return Err(crate::error::Error::Reported {
                code: crate::error::exit::PROFILE,
                message: message.clone(),
            });
        }
        let profile = super::load::from_source(self)?;
        // A user file whose id disagrees with its place would be listed
        // under one name and report another: say which to change.
        if !self.built_in && profile.id != self.id {
            return Err(crate::error::Error::ProfileInvalid {
                path: self.path.clone(),
                message: format!(
                    "its id is '{}', but its place in the profile directory makes it '{}': write `id: {}` or move the file",
                    profile.id, self.id, self.id
                ),
            });
        }
        Ok(profile)
    }
}

/// Profile `id`: the user's copy if there is one, else the built-in one.
/// `id` must be `company/role` with identifier parts, so it can never reach
/// outside the directories.
pub fn find(id: &str) -> Option<Source> {
    let (company, role) = id.split_once('/')?;
    if super::check_name("company", company).is_err() || super::check_name("role", role).is_err() {
        return None;
    }
    if let Some(dir) = user_dir() {
        let path = dir.join(company).join(format!("{role}.yaml"));
        // Only a file that is not there falls back to the built-in profile.
        if std::fs::symlink_metadata(&path).is_ok() {
            let shown = crate::report::escape::path(&path);
            let read = super::load::read_file(&path, &shown);
            return Some(Source {
                path: shown,
                unreadable: read.as_ref().err().map(ToString::to_string),
                text: read.unwrap_or_default(),
                built_in: false,
                id: id.to_string(),
            });
        }
    }
    super::embedded_text(id).map(|text| Source {
        path: format!("profiles/{id}.yaml"),
        text: text.to_string(),
        built_in: true,
        unreadable: None,
        id: id.to_string(),
    })
}
