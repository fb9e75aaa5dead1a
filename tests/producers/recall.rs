//! The measure of PDF text extraction over the producer matrix
//! (`fixtures/producers/`), shared by the test that asserts the targets
//! (`tests/cli/producers.rs`) and the report `examples/producer_recall.rs`.
//!
//! Both sides are tokenized the same way: NFKC, ligature characters mapped to
//! letters, split on whitespace, leading and trailing punctuation stripped,
//! lowercased; empty tokens dropped. Metrics, as fractions of source tokens:
//!
//! - recall: multiset recall of source tokens among extracted tokens;
//! - split: source tokens missing from the extraction that appear there as two
//!   adjacent tokens whose concatenation equals them ("softwa re", "on- call");
//! - glued: extra extracted tokens that equal the concatenation of 2 to 4
//!   adjacent source tokens ("workflowsimple");
//! - order: of adjacent source pairs (a, b) both found in the extraction, the
//!   fraction where b comes after a. The k-th occurrence of a token in the
//!   source is aligned with its k-th occurrence in the extraction.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, Default)]
pub struct Metrics {
    pub recall: f64,
    pub split: f64,
    pub glued: f64,
    pub order: f64,
}

impl Metrics {
    pub fn add(&mut self, o: &Metrics) {
        self.recall += o.recall;
        self.split += o.split;
        self.glued += o.glued;
        self.order += o.order;
    }

    pub fn scaled(&self, n: usize) -> Metrics {
        let d = n.max(1) as f64;
        Metrics {
            recall: self.recall / d,
            split: self.split / d,
            glued: self.glued / d,
            order: self.order / d,
        }
    }
}

pub struct Row {
    pub file: String,
    pub source: String,
    pub producer: String,
    /// Source words the rendering cannot show (its font lacks a letter),
    /// from `absent: word word` in the manifest's notes; they are not
    /// counted.
    pub absent: Vec<String>,
    /// The order in which the rendering shows the source's sections, by
    /// their source headings, from `order: A, B, C` in the notes (a theme
    /// that puts Experience first); empty when it keeps the source's order.
    pub order: Vec<String>,
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/producers")
}

pub fn read_manifest(dir: &Path) -> Vec<Row> {
    let path = dir.join("manifest.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("manifest has no column {name}"))
    };
    let (f, s, p, n) = (col("file"), col("source"), col("producer"), col("notes"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let notes = c.get(n).copied().unwrap_or("");
            let absent = notes
                .split(';')
                .filter_map(|part| part.trim().strip_prefix("absent:"))
                .flat_map(tokens)
                .collect();
            let order = notes
                .split(';')
                .filter_map(|part| part.trim().strip_prefix("order:"))
                .flat_map(|list| list.split(','))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            Row {
                file: c[f].to_string(),
                source: c[s].to_string(),
                producer: c[p].to_string(),
                absent,
                order,
            }
        })
        .collect()
}

/// Normalized tokens: NFKC, ligatures to letters, whitespace split,
/// punctuation trimmed from both ends, lowercased, empties dropped.
pub fn tokens(text: &str) -> Vec<String> {
    let mut norm = String::with_capacity(text.len());
    for c in text.nfkc() {
        match c {
            '\u{FB00}' => norm.push_str("ff"),
            '\u{FB01}' => norm.push_str("fi"),
            '\u{FB02}' => norm.push_str("fl"),
            '\u{FB03}' => norm.push_str("ffi"),
            '\u{FB04}' => norm.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => norm.push_str("st"),
            _ => norm.push(c),
        }
    }
    norm.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

pub fn counts(toks: &[String]) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for t in toks {
        *m.entry(t.as_str()).or_insert(0) += 1;
    }
    m
}

pub fn measure(source: &[String], got: &[String]) -> Metrics {
    let n = source.len().max(1) as f64;
    let src = counts(source);
    let ext = counts(got);

    let found: usize = src
        .iter()
        .map(|(t, &c)| c.min(ext.get(t).copied().unwrap_or(0)))
        .sum();

    // Adjacent extracted pairs, joined directly and across a hyphen that the
    // punctuation trim removed ("on-" + "call" -> "on-call").
    let mut pairs: HashMap<String, usize> = HashMap::new();
    for w in got.windows(2) {
        *pairs.entry(format!("{}{}", w[0], w[1])).or_insert(0) += 1;
        *pairs.entry(format!("{}-{}", w[0], w[1])).or_insert(0) += 1;
    }
    let split: usize = src
        .iter()
        .map(|(t, &c)| {
            let missing = c.saturating_sub(ext.get(t).copied().unwrap_or(0));
            missing.min(pairs.get(*t).copied().unwrap_or(0))
        })
        .sum();

    let mut joins: HashMap<String, usize> = HashMap::new();
    for k in 2..=4 {
        for w in source.windows(k) {
            *joins.entry(w.concat()).or_insert(0) += 1;
        }
    }
    let glued: usize = ext
        .iter()
        .map(|(t, &c)| {
            let extra = c.saturating_sub(src.get(t).copied().unwrap_or(0));
            extra.min(joins.get(*t).copied().unwrap_or(0))
        })
        .sum();

    let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in got.iter().enumerate() {
        positions.entry(t.as_str()).or_default().push(i);
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let aligned: Vec<Option<usize>> = source
        .iter()
        .map(|t| {
            let k = seen.entry(t.as_str()).or_insert(0);
            let pos = positions.get(t.as_str()).and_then(|p| p.get(*k)).copied();
            *k += 1;
            pos
        })
        .collect();
    let (mut both, mut in_order) = (0usize, 0usize);
    for w in aligned.windows(2) {
        if let (Some(a), Some(b)) = (w[0], w[1]) {
            both += 1;
            if b > a {
                in_order += 1;
            }
        }
    }

    Metrics {
        recall: found as f64 / n,
        split: split as f64 / n,
        glued: glued as f64 / n,
        order: if both == 0 {
            0.0
        } else {
            in_order as f64 / both as f64
        },
    }
}

/// The source's tokens for `row`, without the words its producer cannot
/// show.
pub fn source_tokens(dir: &Path, row: &Row) -> Vec<String> {
    let path = dir.join(&row.source);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut source = tokens(&in_order(&text, &row.order));
    for word in &row.absent {
        if let Some(i) = source.iter().position(|t| t == word) {
            source.remove(i);
        }
    }
    source
}

/// The source text with its sections in `order` (by heading line), the
/// part before the first heading first, unlisted sections after.
pub fn in_order(text: &str, order: &[String]) -> String {
    if order.is_empty() {
        return text.to_string();
    }
    let is_heading = |line: &str| order.iter().any(|h| h.eq_ignore_ascii_case(line.trim()));
    let mut head = String::new();
    let mut blocks: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if is_heading(line) {
            blocks.push((line.trim().to_lowercase(), String::new()));
        }
        let target = blocks.last_mut().map_or(&mut head, |b| &mut b.1);
        target.push_str(line);
        target.push('\n');
    }
    let mut out = head;
    for name in order {
        if let Some(i) = blocks.iter().position(|b| b.0 == name.to_lowercase()) {
            out.push_str(&blocks.remove(i).1);
        }
    }
    for (_, block) in blocks {
        out.push_str(&block);
    }
    out
}
