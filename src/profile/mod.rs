//! Profiles: what a company/role's ATS looks for, as YAML data.
//!
//! A profile is data, never code: a new company or role is a new file under
//! `profiles/`, embedded into the binary at build time (see `build.rs`) so the
//! tool works from any directory. Loading is strict, like Vale's: an unknown
//! key is an error with its file, line and column, and every regex compiles at
//! load time, so a rule can never fail while scoring a resume.
//!
//! - [`schema`]: the types a profile file may contain;
//! - `load`: YAML to a resolved profile, `extends` applied;
//! - `validate`: what serde cannot check;
//! - [`resolve`]: company and role to a profile (user directory, built-in,
//!   base-role fallback);
//! - [`registry`]: where profile files are found;
//! - [`compiled`]: a profile with its matcher, built once for many resumes.

pub mod compiled;
mod load;
pub mod registry;
pub mod resolve;
pub mod schema;
mod validate;

pub use compiled::CompiledProfile;
pub(crate) use load::io_error;
pub use load::load_file;
pub(crate) use resolve::embedded_text;
pub use resolve::{check_name, embedded_ids, resolve, resolve_with_note};
pub use schema::{
    Check, ChecksConfig, Expect, Group, Profile, REGEX_SIZE_LIMIT, Rule, RuleCategory, RuleRegex,
    Scoring, Term,
};
