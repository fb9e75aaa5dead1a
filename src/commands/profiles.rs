//! `ats-score profiles list|show|validate`.

use super::{terminal_width, write_stdout};
use crate::cli::{ProfileFormat, ProfilesCommand};
use ats_score::error::{Error, exit};
use ats_score::report;
use ats_score::report::escape;

/// `ats-score profiles ...`.
pub fn profiles(command: &ProfilesCommand) -> Result<i32, Error> {
    use ats_score::profile::{self, registry};
    match command {
        ProfilesCommand::List => {
            let mut t = report::new_table(
                terminal_width(),
                &["Company", "Role", "Terms", "Rules", "From", "Extends"],
            );
            for id in registry::ids() {
                let (company, role) = id.split_once('/').unwrap_or((&id, ""));
                let (terms, rules, extends) = match registry::find(&id).map(|found| found.load()) {
                    Some(Ok(p)) => (
                        p.groups
                            .iter()
                            .map(|g| g.terms.len())
                            .sum::<usize>()
                            .to_string(),
                        p.rules.len().to_string(),
                        p.extends.unwrap_or_default(),
                    ),
                    Some(Err(e)) => ("invalid".into(), String::new(), e.to_string()),
                    None => continue,
                };
                let from = if registry::is_user(&id) {
                    "user"
                } else {
                    "built in"
                };
                t.add_row(vec![
                    company.to_string(),
                    role.to_string(),
                    terms,
                    rules,
                    from.into(),
                    extends,
                ]);
            }
            write_stdout(escape::for_terminal(&format!("{t}\n"), false).as_bytes())?;
            if let Some(dir) = registry::user_dir() {
                eprintln!(
                    "ats-score: note: your profiles go in {}",
                    escape::path(&dir)
                );
            }
            Ok(exit::OK)
        }
        ProfilesCommand::Show { id, format } => {
            // "apple" alone: say which ids it has rather than "invalid role ''".
            let Some((company, role)) = id.split_once('/') else {
                let ids = registry::ids();
                let mut examples: Vec<&str> = ids
                    .iter()
                    .map(String::as_str)
                    .filter(|i| i.split('/').next() == Some(id.as_str()))
                    .collect();
                if examples.is_empty() {
                    examples = ids.iter().map(String::as_str).take(3).collect();
                }
                return Err(Error::NoRoleInId {
                    id: id.clone(),
                    examples: examples.join(", "),
                });
            };
            let p = if company == "base" {
                profile::check_name("role", role)?;
                let found = registry::find(id).ok_or_else(|| Error::UnknownRole {
                    company: "base".into(),
                    role: role.into(),
                    suggestion: String::new(),
                    available: registry::ids()
                        .iter()
                        .filter_map(|i| i.strip_prefix("base/"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
                found.load()?
            } else {
                profile::resolve(company, role)?
            };
            let text = match format {
                ProfileFormat::Json => {
                    serde_json::to_string_pretty(&p).expect("profile serializes") + "\n"
                }
                ProfileFormat::Yaml => serde_saphyr::to_string(&p).expect("profile serializes"),
            };
            write_stdout(escape::for_terminal(&text, false).as_bytes())?;
            Ok(exit::OK)
        }
        ProfilesCommand::Validate { files } => {
            let mut code = exit::OK;
            for file in files {
                match profile::load_file(file) {
                    Ok(p) => {
                        let terms: usize = p.groups.iter().map(|g| g.terms.len()).sum();
                        println!(
                            "{}: valid ({} groups, {terms} terms, {} rules)",
                            file.display(),
                            p.groups.len(),
                            p.rules.len()
                        );
                    }
                    Err(e) => {
                        eprintln!("ats-score: error: {}", escape::escape(&e.to_string()));
                        code = e.exit_code();
                    }
                }
            }
            Ok(code)
        }
    }
}
