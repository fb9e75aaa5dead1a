//! The command line, declared with clap's derive API. Doc comments here are
//! the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  ats-score resume.pdf --company apple --role backend
  ats-score resume.docx --company apple --role backend --format json | jq .score
  ats-score resume.pdf --company apple --role backend --explain
  ats-score resume.pdf -c apple -r backend --format html > report.html
  ats-score resume.txt --profile my-profile.yaml --min-score 70 --quiet
  cat resume.txt | ats-score - --company apple --role backend
  ats-score resumes/ --company apple --role backend              # rank a folder
  ats-score resumes/ -c apple -r backend --format csv > scores.csv
  ats-score extract resume.pdf --sections                        # what an ATS reads
  ats-score diff old.pdf new.pdf -c apple -r backend             # what changed
  ats-score resume.pdf --jd posting.txt                          # against a job posting
  ats-score resume.pdf --jd-text \"Go engineer, 5+ years…\"        # a posting pasted in
  ats-score fit resume.pdf                                       # which roles it fits
  ats-score profiles list                                        # built-in and your profiles
  ats-score schema > report.schema.json                          # the JSON report's schema

Exit status: 0 scored, 1 below --min-score (diff: the score fell, with
--fail-on-drop), 2 usage error, 3 cannot read the input, 4 unsupported format,
5 corrupt/encrypted/scanned document, 6 profile error, 7 timed out, 8 batch with
files that could not be scored, 9 over a safety limit (--max-size, --max-pages,
--max-unpacked, --max-memory, nesting), 70 internal error.";

/// The version, with the git commit it was built from.
const VERSION: &str = ats_score::report::json::VERSION;

/// Score a resume the way an Applicant Tracking System reads it, for a
/// company and role, and say exactly what to change.
#[derive(Debug, Parser)]
#[command(
    name = "ats-score",
    version = VERSION,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub score: ScoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the text exactly as ats-score (and an ATS) reads it
    Extract {
        /// The resume: PDF, DOCX or text, or `-` for standard input
        file: PathBuf,
        /// Mark where each detected section starts
        #[arg(long)]
        sections: bool,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Which roles a resume fits: its score against every built-in role,
    /// best first (a batch: one row per resume, or a resumes × roles CSV)
    Fit(FitArgs),
    /// Compare two versions of a resume: score, keywords and warnings
    /// (exit 1 with --fail-on-drop when the score fell: a gate for CI)
    Diff {
        /// The earlier version
        old: PathBuf,
        /// The new version
        new: PathBuf,
        #[command(flatten)]
        profile: ProfileArgs,
        /// Output format; json is one object: old, new, score_change, terms,
        /// fixed, introduced
        #[arg(long, short = 'f', value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
        /// Exit with status 1 when the new version scores lower than the
        /// old, or by more than N points when N is given
        #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "0", require_equals = true,
              value_parser = clap::value_parser!(u32).range(0..=100))]
        fail_on_drop: Option<u32>,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// List, show and check scoring profiles
    Profiles {
        #[command(subcommand)]
        command: ProfilesCommand,
    },
    /// Build a profile from a job posting and print it as YAML, to edit and
    /// use with --profile
    ProfileFromJd {
        /// The job posting as text, or `-` for standard input
        file: PathBuf,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the JSON Schema of the report that --format json and jsonl
    /// write, for validating or generating code
    Schema,
    /// Print the manual page (roff), e.g. `ats-score man > ats-score.1`;
    /// with --dir, write it and one page per subcommand into a directory
    Man {
        /// Write ats-score.1 and every ats-score-<subcommand>.1 here
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProfilesCommand {
    /// A table of every profile: built in and in your profile directory
    List,
    /// Print a profile as resolved (after `extends`)
    Show {
        /// `company/role`, e.g. apple/backend or base/frontend
        #[arg(value_parser = PROFILE_ID, hide_possible_values = true)]
        id: String,
        /// Output format
        #[arg(long, short = 'f', value_enum, default_value_t = ProfileFormat::Yaml)]
        format: ProfileFormat,
    },
    /// Check profile files; exit status 0 when all are valid, 6 otherwise
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileFormat {
    Yaml,
    Json,
}

/// Which profile to score against.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Company of the built-in profile to score against (e.g. apple)
    #[arg(long, short = 'c', requires = "role", value_parser = COMPANY, hide_possible_values = true)]
    pub company: Option<String>,

    /// Role of the built-in profile (e.g. backend)
    #[arg(long, short = 'r', requires = "company", value_parser = ROLE, hide_possible_values = true)]
    pub role: Option<String>,

    /// Score against a profile YAML file instead of a built-in one
    #[arg(long, value_name = "FILE", conflicts_with_all = ["company", "role"])]
    pub profile: Option<PathBuf>,

    /// Score against the skills a job posting asks for (a text file, or `-`);
    /// with --company/--role or --profile, the posting's skills count double
    #[arg(long, value_name = "FILE")]
    pub jd: Option<PathBuf>,

    /// The job posting itself, pasted on the command line, instead of --jd
    /// FILE (quote it: --jd-text "Senior Go engineer… 5+ years…")
    #[arg(long, value_name = "TEXT", conflicts_with = "jd")]
    pub jd_text: Option<String>,

    /// Count a resume's years of experience as of this month (YYYY-MM)
    /// instead of this one: "Present" in its dates means that month, so a
    /// report made again later says the same
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_as_of)]
    pub as_of: Option<i32>,
}

fn parse_as_of(s: &str) -> Result<i32, String> {
    ats_score::rules::years::parse_month(s)
        .ok_or_else(|| format!("'{s}' is not a month written YYYY-MM (e.g. 2026-12)"))
}

/// How output looks.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// When to color the report: auto (a terminal, and NO_COLOR unset),
    /// always or never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print no report and no notes, only errors; the exit status tells the
    /// result (with --min-score, or diff's --fail-on-drop)
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// How a batch finds and spreads its files (the default command and `fit`).
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// In directories, read only files whose name or path matches this
    /// glob (default: *.pdf, *.docx, *.txt, *.md)
    #[arg(long, value_name = "GLOB")]
    pub glob: Option<String>,

    /// Read this many files at once (default: one per CPU core)
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u32).range(1..=256))]
    pub jobs: Option<u32>,
}

impl BatchArgs {
    /// Worker processes to run: `--jobs`, else one per core.
    pub fn jobs(&self) -> usize {
        self.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            |j| j as usize,
        )
    }
}

/// Safety limits for files from strangers.
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Give up on a file after this many seconds (0: never; at most a day)
    #[arg(long, value_name = "SECS", default_value_t = 10.0, value_parser = seconds)]
    pub timeout: f64,

    /// Refuse files larger than this many megabytes
    #[arg(long, value_name = "MB", default_value_t = 20.0, value_parser = megabytes)]
    pub max_size: f64,

    /// Refuse PDFs with more pages than this
    #[arg(long, value_name = "N", default_value_t = 50,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub max_pages: u32,

    /// Refuse DOCX files that unpack, or PDFs whose streams inflate, to more
    /// than this many megabytes
    #[arg(long, value_name = "MB", default_value_t = 64.0, value_parser = megabytes)]
    pub max_unpacked: f64,

    /// Most memory the process reading one file may use, in megabytes; a
    /// file that needs more is refused (exit 9) and a batch goes on
    #[arg(long, value_name = "MB", default_value_t = 1000.0, value_parser = megabytes)]
    pub max_memory: f64,
}

/// Longest `--timeout`: a day. Longer is no limit in practice, and
/// `Duration` cannot hold every float (`1e300` once panicked).
const MAX_SECONDS: f64 = 86_400.0;

/// Largest size limit: 100 GB, far above anything a resume could be.
const MAX_MEGABYTES: f64 = 100_000.0;

/// A finite number of seconds from 0 to [`MAX_SECONDS`].
fn seconds(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("'{s}' is not a number of seconds"))?;
    if v.is_finite() && (0.0..=MAX_SECONDS).contains(&v) {
        Ok(v)
    } else {
        Err(format!("must be from 0 to {MAX_SECONDS} seconds"))
    }
}

/// A finite number of megabytes above 0, up to [`MAX_MEGABYTES`].
fn megabytes(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("'{s}' is not a number of megabytes"))?;
    if v.is_finite() && v > 0.0 && v <= MAX_MEGABYTES {
        Ok(v)
    } else {
        Err(format!(
            "must be more than 0 and at most {MAX_MEGABYTES} MB"
        ))
    }
}

/// `ats-score fit`.
#[derive(Debug, Args)]
pub struct FitArgs {
    /// Resumes (PDF, DOCX, text), `-` for standard input, or directories
    #[arg(required = true, value_name = "RESUME")]
    pub resumes: Vec<PathBuf>,

    /// Use this company's profile of a role where it has one (e.g. apple)
    #[arg(long, short = 'c', value_parser = COMPANY, hide_possible_values = true)]
    pub company: Option<String>,

    /// Output format: human (a ranked table), json, jsonl, or csv (a
    /// resumes × roles matrix of scores)
    #[arg(long, short = 'f', value_enum, default_value_t = FitFormat::Human)]
    pub format: FitFormat,

    #[command(flatten)]
    pub batch: BatchArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FitFormat {
    Human,
    Json,
    Jsonl,
    Csv,
}

/// Scoring one resume or a batch (the default command).
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Resumes: PDF, DOCX, plain text or Markdown (detected from the
    /// content), `-` for standard input, or directories to search
    /// recursively. More than one file, or a directory, scores a batch.
    #[arg(required = true, value_name = "RESUME")]
    pub resumes: Vec<PathBuf>,

    #[command(flatten)]
    pub profile: ProfileArgs,

    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Also print how the score was computed, step by step (human, md and
    /// html; the JSON report always carries score_parts, groups and rules)
    #[arg(long)]
    pub explain: bool,

    /// Exit with status 1 when the score (any score, in a batch) is below N
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub min_score: Option<u32>,

    #[command(flatten)]
    pub batch: BatchArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Tables for people
    Human,
    /// One JSON document for scripts (`ats-score schema` prints its JSON
    /// Schema); a JSON array of them for a batch
    Json,
    /// One JSON report per line, written as each file finishes
    Jsonl,
    /// One CSV row per resume, for spreadsheets
    Csv,
    /// Markdown, to paste into a document or a pull request
    Md,
    /// One self-contained HTML page, readable on a phone
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to color stdout: `always`, or `auto` with a terminal, NO_COLOR
    /// unset (any value disables, per no-color.org) and TERM not `dumb`.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

/// Which part of a profile id a [`ProfileName`] argument holds.
#[derive(Debug, Clone, Copy)]
enum NamePart {
    Company,
    Role,
    Id,
}

/// A company, role or profile id argument. Matched in any case ("-c Apple"
/// is apple, as a user who types the company's name expects); any value is
/// accepted here, and an unknown one is refused later with the known ones
/// listed. Its possible values, the built-in profiles and the user's, are
/// what shell completion scripts offer (they are hidden from `--help`).
#[derive(Debug, Clone, Copy)]
struct ProfileName(NamePart);

impl clap::builder::TypedValueParser for ProfileName {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        value
            .to_str()
            .map(str::to_lowercase)
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidUtf8))
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let mut names: Vec<String> = ats_score::profile::registry::ids()
            .into_iter()
            .map(|id| match (self.0, id.split_once('/')) {
                (NamePart::Company, Some((company, _))) => company.to_string(),
                (NamePart::Role, Some((_, role))) => role.to_string(),
                _ => id,
            })
            .collect();
        names.sort();
        names.dedup();
        Some(Box::new(
            names.into_iter().map(clap::builder::PossibleValue::new),
        ))
    }
}

const COMPANY: ProfileName = ProfileName(NamePart::Company);
const ROLE: ProfileName = ProfileName(NamePart::Role);
const PROFILE_ID: ProfileName = ProfileName(NamePart::Id);

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn limits_are_ranges() {
        assert_eq!(seconds("0"), Ok(0.0));
        assert_eq!(seconds("2.5"), Ok(2.5));
        for bad in ["1e300", "-1", "NaN", "inf", "x", "86401"] {
            assert!(seconds(bad).is_err(), "{bad}");
        }
        assert_eq!(megabytes("20"), Ok(20.0));
        for bad in ["0", "-5", "inf", "NaN", "1e20"] {
            assert!(megabytes(bad).is_err(), "{bad}");
        }
    }
}
