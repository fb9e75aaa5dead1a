//! The command line, declared with clap's derive API. Doc comments here are
//! the `--help` text.

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  ats-score resume.pdf --company apple --role backend
  ats-score resume.docx --company apple --role backend --format json | jq .score
  ats-score resume.pdf --company apple --role backend --explain
  ats-score resume.txt --profile my-profile.yaml --min-score 70
  cat resume.txt | ats-score - --company apple --role backend
  ats-score resumes/ --company apple --role backend              # rank a folder
  ats-score resumes/ -c apple -r backend --format csv > scores.csv
  ats-score resumes/ -c apple -r backend --format jsonl --jobs 4 --glob '*.pdf'

Exit status: 0 scored, 1 below --min-score, 2 usage error, 3 cannot read the
input, 4 unsupported format, 5 corrupt/encrypted/scanned document, 6 profile
error, 7 timed out, 8 batch with files that could not be scored, 9 over a
safety limit (--max-size, --max-pages, --max-unpacked), 70 internal error.";

/// Score a resume the way an Applicant Tracking System reads it, for a
/// company and role, and say exactly what to change.
#[derive(Debug, Parser)]
#[command(name = "ats-score", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Resumes: PDF, DOCX, plain text or Markdown (detected from the
    /// content), `-` for standard input, or directories to search
    /// recursively. More than one file, or a directory, scores a batch.
    #[arg(required = true, value_name = "RESUME")]
    pub resumes: Vec<String>,

    /// Company of the built-in profile to score against (e.g. apple)
    #[arg(long, short = 'c', requires = "role")]
    pub company: Option<String>,

    /// Role of the built-in profile (e.g. backend)
    #[arg(long, short = 'r', requires = "company")]
    pub role: Option<String>,

    /// Score against a profile YAML file instead of a built-in one
    #[arg(long, value_name = "FILE", conflicts_with_all = ["company", "role"])]
    pub profile: Option<PathBuf>,

    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Also print how the score was computed, step by step (human format;
    /// the JSON report always carries score_parts, groups and rules)
    #[arg(long)]
    pub explain: bool,

    /// Exit with status 1 when the score (any score, in a batch) is below N
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub min_score: Option<u32>,

    /// In directories, score only files whose name or path matches this
    /// glob (default: *.pdf, *.docx, *.txt, *.md)
    #[arg(long, value_name = "GLOB")]
    pub glob: Option<String>,

    /// Score this many files at once (default: one per CPU core)
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u32).range(1..=256))]
    pub jobs: Option<u32>,

    /// Give up on a file after this many seconds (0: never)
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub timeout: f64,

    /// Refuse files larger than this many megabytes
    #[arg(long, value_name = "MB", default_value_t = 20.0)]
    pub max_size: f64,

    /// Refuse PDFs with more pages than this
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub max_pages: usize,

    /// Refuse DOCX files that unpack, or PDFs whose streams inflate, to more
    /// than this many megabytes
    #[arg(long, value_name = "MB", default_value_t = 64.0)]
    pub max_unpacked: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Tables for people
    Human,
    /// One JSON document for scripts (schema in the README); a JSON array
    /// of them for a batch
    Json,
    /// One JSON report per line, written as each file finishes
    Jsonl,
    /// One CSV row per resume, for spreadsheets
    Csv,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
