//! The README's sample outputs are the binary's output: each block that
//! follows a marker
//!
//! `<!-- output: ARGS [| lines A-B, C-D] -->`
//!
//! must equal what `ats-score ARGS` prints (80 columns, no color), cut to
//! those lines with a `...` line between ranges. `README_REGENERATE=1 cargo
//! test readme` writes the current output into the README instead.

use super::ats;

struct Example {
    args: Vec<String>,
    ranges: Vec<(usize, usize)>,
    /// Line indexes (0-based) of the block's content in the README.
    first: usize,
    end: usize,
}

fn examples(readme: &[&str]) -> Vec<Example> {
    let mut out = Vec::new();
    for (i, line) in readme.iter().enumerate() {
        let Some(spec) = line
            .strip_prefix("<!-- output: ")
            .and_then(|l| l.strip_suffix(" -->"))
        else {
            continue;
        };
        let (args, ranges) = spec.split_once(" | lines ").unwrap_or((spec, ""));
        let ranges = ranges
            .split(", ")
            .filter(|r| !r.is_empty())
            .map(|r| {
                let (a, b) = r.split_once('-').unwrap();
                (a.parse().unwrap(), b.parse().unwrap())
            })
            .collect();
        assert!(
            readme[i + 1].starts_with("```"),
            "README line {}: no block after the marker",
            i + 1
        );
        let end = (i + 2..readme.len())
            .find(|&k| readme[k] == "```")
            .expect("the block ends");
        out.push(Example {
            args: args.split_whitespace().map(String::from).collect(),
            ranges,
            first: i + 2,
            end,
        });
    }
    out
}

/// What the binary prints for `e`, cut to its ranges.
fn expected(e: &Example) -> Vec<String> {
    let out = ats().args(&e.args).env("NO_COLOR", "1").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    if e.ranges.is_empty() {
        return lines.iter().map(|l| l.to_string()).collect();
    }
    let mut cut = Vec::new();
    for (n, &(a, b)) in e.ranges.iter().enumerate() {
        assert!(
            a >= 1 && b <= lines.len(),
            "{:?}: lines {a}-{b} of {}",
            e.args,
            lines.len()
        );
        if n > 0 {
            cut.push("...".to_string());
        }
        cut.extend(lines[a - 1..b].iter().map(|l| l.to_string()));
    }
    if e.ranges.last().is_some_and(|&(_, b)| b < lines.len()) {
        cut.push("...".to_string());
    }
    cut
}

#[test]
fn readme_samples_are_the_binary_s_output() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut readme: Vec<String> = text.lines().map(String::from).collect();
    let found = examples(&readme.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(found.len() >= 4, "{} marked samples", found.len());
    let regenerate = std::env::var_os("README_REGENERATE").is_some();
    let mut stale = Vec::new();
    // From the last, so earlier line indexes stay right while rewriting.
    for e in found.iter().rev() {
        let want = expected(e);
        if readme[e.first..e.end] != want[..] {
            stale.push(e.args.join(" "));
            if regenerate {
                readme.splice(e.first..e.end, want);
            }
        }
    }
    if regenerate {
        std::fs::write(&path, readme.join("\n") + "\n").unwrap();
    } else {
        assert!(
            stale.is_empty(),
            "README samples differ from the binary's output: {stale:?}; run README_REGENERATE=1 cargo test readme"
        );
    }
}
