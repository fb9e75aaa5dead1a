//! ats-score: how an Applicant Tracking System will read and score a resume
//! for a given company and role, and what to change.
//!
//! The pipeline, one stage per module, data flowing one way:
//!
//! ```text
//! input     path or stdin → bytes (regular files only, size-limited)
//! extract   bytes → raw text, pages, layout facts, hidden text
//! normalize raw → canonical text with a map back to raw offsets
//! sections  headings → section spans; contact data
//! matcher   profile terms → hits (exact, alias, variant, typo)
//! rules     the profile's mistakes and tips → outcomes and findings
//! checks    built-in parse and integrity checks → findings
//! score     a pure formula over term credits and rule outcomes
//! report    table, JSON, Markdown, HTML, CSV, explanation, diff
//! ```
//!
//! [`scorer`] runs the stages after extraction for one compiled
//! [`profile`]; [`batch`] runs many files in parallel and hands results back
//! in input order; [`jd`] builds a profile from a job posting. [`model`]
//! holds the vocabulary every stage speaks (spans, findings, severities),
//! [`analysis`] what a scored resume is, [`evidence`] how a span becomes
//! something the user can find in their file.
//!
//! The library never prints; the binary decides what goes to stdout/stderr.

// One `unsafe` call in the crate: the fork in `isolate::supervise`.
#![deny(unsafe_code)]

pub mod analysis;
pub mod batch;
pub mod checks;
pub mod error;
pub mod evidence;
pub mod extract;
pub mod fit;
pub mod input;
pub mod isolate;
pub mod jd;
pub mod matcher;
pub mod model;
pub mod normalize;
pub mod profile;
pub mod report;
pub mod rules;
pub mod score;
pub mod scorer;
pub mod sections;

pub use analysis::{Analysis, RuleResult, Stats, TermResult};
pub use input::read as read_input;
pub use scorer::Scorer;
