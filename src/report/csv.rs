//! CSV for spreadsheets: one row per resume, a fixed set of columns that a
//! coach can sort and filter. Quoting is the csv crate's, so names with
//! commas or quotes survive.

use super::Scored;
use crate::Analysis;
use crate::error::Error;

/// The header row; the README documents each column.
pub const HEADER: [&str; 10] = [
    "path",
    "score",
    "keywords_points",
    "rules_points",
    "format",
    "matched_terms",
    "total_terms",
    "top_missing",
    "warnings",
    "error",
];

/// The header as a CSV line.
pub fn header() -> String {
    row(&HEADER.map(String::from))
}

/// A scored resume as a CSV line.
pub fn scored(a: &Analysis) -> String {
    let sc = Scored::of(a, 5);
    row(&[
        a.input.clone(),
        sc.score.to_string(),
        format!("{:.2}", a.breakdown.keywords.points),
        format!("{:.2}", a.breakdown.rules.points),
        a.format.as_str().to_string(),
        sc.matched.to_string(),
        sc.terms.to_string(),
        sc.top_missing.join("; "),
        sc.warnings.to_string(),
        String::new(),
    ])
}

/// A file that could not be scored, as a CSV line with only path and error.
pub fn failed(path: &str, e: &Error) -> String {
    let mut cells = vec![String::new(); HEADER.len()];
    cells[0] = path.to_string();
    cells[HEADER.len() - 1] = e.to_string();
    row(&cells)
}

/// One line; each cell through [`super::escape::csv_cell`], so a file
/// named `=HYPERLINK(…).pdf` is text in a spreadsheet, not a formula.
pub(crate) fn row(cells: &[String]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(
        cells
            .iter()
            .map(|c| super::escape::csv_cell(c).into_owned()),
    )
    .expect("writing to memory cannot fail");
    String::from_utf8(w.into_inner().expect("flushing memory cannot fail"))
        .expect("cells are UTF-8")
}
