//! Words, lines and reading order from positioned glyphs, the way a reader
//! (and poppler's `pdftotext`) sees the page, not the order or the spacing a
//! producer happened to write. Chrome and Google Docs (Skia) split words into
//! kerned pieces, Typst places glyphs one by one, designed templates draw
//! side labels rotated: a content stream's operators say little about where
//! words end. Geometry does: a gap between two glyphs on one baseline is a
//! word break when it is wide for the font size, and an explicit space glyph
//! is always one.
//!
//! Glyphs are kept in *line space*: `u` runs along the baseline in reading
//! direction and `v` across it, larger `v` first, so horizontal and rotated
//! text (read bottom to top, top to bottom or upside down) assemble the same
//! way. Rotated text becomes lines of its own after the page's horizontal
//! text.

use super::ColumnPage;

/// Which way a glyph's baseline runs on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Dir {
    /// Left to right: ordinary text.
    Right,
    /// Bottom to top (rotated 90° counter-clockwise).
    Up,
    /// Top to bottom (rotated 90° clockwise).
    Down,
    /// Right to left, upside down.
    Left,
}

/// One glyph, placed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Glyph {
    pub dir: Dir,
    /// Where the glyph starts along its baseline, in points.
    pub u: f64,
    /// Where its baseline is across the page (larger: earlier line).
    pub v: f64,
    /// Where its advance ends along the baseline.
    pub end: f64,
    /// Where its ink ends: `end` without the spacing after it, which does
    /// not count when the next glyph is placed anew.
    pub ink_end: f64,
    /// Font size on the page, in points.
    pub size: f64,
    pub text: char,
    /// An explicit space: a word break whatever the gap.
    pub space: bool,
}

impl Glyph {
    /// A glyph drawn with text rendering matrix `[a b c d e f]` (baseline
    /// direction `(a, b)`, origin `(e, f)`), at `font_size`, `width` wide and
    /// followed by `spacing` (character and word spacing), both in text
    /// space. `None` for a space glyph that advances next to nothing:
    /// Ghostscript writes kerned words as pieces joined by such spaces, with
    /// a word spacing that cancels their width.
    pub fn place(
        m: [f64; 6],
        font_size: f64,
        width: f64,
        spacing: f64,
        text: char,
    ) -> Option<Glyph> {
        let [a, b, c, d, e, f] = m;
        let dir = if a.abs() >= b.abs() {
            if a >= 0.0 { Dir::Right } else { Dir::Left }
        } else if b > 0.0 {
            Dir::Up
        } else {
            Dir::Down
        };
        let (u, v) = to_line_space(dir, e, f);
        let scale = a.hypot(b);
        let space = text.is_whitespace();
        if space && width + spacing < 0.05 * font_size {
            return None;
        }
        // Where the glyph's ink ends. Positive spacing after it is not
        // ink: a producer may indent with character spacing ("•" then 6 pt)
        // or set it on the last letter of a piece whose next piece is placed
        // anew; counting it would hide a gap or invent an overlap. Negative
        // spacing (tight tracking) pulls the next glyph in and is kept.
        let advance = if space {
            width + spacing
        } else {
            width + spacing.min(0.0)
        };
        Some(Glyph {
            dir,
            u,
            v,
            end: u + advance * scale,
            ink_end: u + width.max(0.0) * scale,
            size: font_size * (a * d - b * c).abs().sqrt(),
            text,
            space,
        })
    }
}

/// Page coordinates to line space for a baseline direction.
fn to_line_space(dir: Dir, x: f64, y: f64) -> (f64, f64) {
    match dir {
        Dir::Right => (x, y),
        Dir::Left => (-x, -y),
        Dir::Up => (y, -x),
        Dir::Down => (-y, x),
    }
}

/// A gap wider than this share of the font size between two glyphs is a
/// word break. poppler's TextOutputDev uses 0.1 (`minWordBreakSpace`); the
/// tightest real word spacing (justified text) is about 0.2 em and the
/// widest kerning about 0.08 em.
const WORD_GAP: f64 = 0.12;

/// A glyph that starts this far (in em) before the previous one ended was
/// drawn in another run over the line: a break, not a kerned pair.
const OVERLAP: f64 = 0.5;

/// Glyphs whose baselines differ by less than this share of the font size
/// are on one line (superscripts and subscripts included).
const SAME_LINE: f64 = 0.5;

/// Gap (in points) that separates two runs of text on one baseline.
const MIN_GAP: f64 = 18.0;
/// Most run starts a page may have for the aligned-runs column test.
const MAX_RUN_STARTS: usize = 5_000;
/// How far a run may start from the gutter and still begin the column.
const GUTTER_SLACK: f64 = 12.0;

/// One line: its glyphs in reading order.
type Line = Vec<Glyph>;

/// Glyphs of one direction grouped into lines (earliest first), each in
/// reading order along the baseline.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut sorted = glyphs.to_vec();
    sorted.sort_by(|a, b| b.v.total_cmp(&a.v).then(a.u.total_cmp(&b.u)));
    let mut out: Vec<Line> = Vec::new();
    let mut top = f64::NAN;
    for g in sorted {
        match out.last_mut() {
            Some(line) if top - g.v <= SAME_LINE * g.size.max(line[0].size).max(1.0) => {
                line.push(g)
            }
            _ => {
                top = g.v;
                out.push(vec![g]);
            }
        }
    }
    for line in &mut out {
        line.sort_by(|a, b| a.u.total_cmp(&b.u));
    }
    out
}

/// The combining mark for a spacing accent a producer draws over a letter
/// (groff writes "ć" as "c" with "´" on top of it).
fn combining(accent: char) -> Option<char> {
    Some(match accent {
        '\u{00B4}' => '\u{0301}',
        '`' => '\u{0300}',
        '\u{00A8}' => '\u{0308}',
        '\u{02C6}' | '^' => '\u{0302}',
        '\u{02DC}' | '~' => '\u{0303}',
        '\u{00B8}' => '\u{0327}',
        '\u{02C7}' => '\u{030C}',
        '\u{02D8}' => '\u{0306}',
        '\u{02D9}' => '\u{0307}',
        '\u{02DD}' => '\u{030B}',
        '\u{02DB}' => '\u{0328}',
        '\u{02DA}' => '\u{030A}',
        '\u{00AF}' => '\u{0304}',
        _ => return None,
    })
}

/// The text of glyphs on one baseline, in order, with a space wherever a
/// space glyph stands or the gap is wide for the font size. The same glyph
/// drawn twice at one place (fake bold) is written once, and an accent drawn
/// over the letter before it joins that letter.
fn line_text(line: &[Glyph]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Glyph> = None;
    let mut end = f64::NEG_INFINITY;
    let mut pending_space = false;
    for g in line {
        if g.space {
            pending_space = prev.is_some();
            end = end.max(g.end);
            continue;
        }
        if let Some(p) = prev {
            let size = p.size.max(g.size).max(1.0);
            if p.text == g.text && (g.u - p.u).abs() < 0.1 * size {
                continue;
            }
            if let Some(mark) = combining(g.text)
                && !pending_space
                && g.u < p.ink_end
                && g.end > p.u
            {
                out.push(mark);
                continue;
            }
            let gap = g.u - end;
            if gap >= MIN_GAP && !pending_space {
                // A wide gap on one baseline separates runs (a heading in a
                // left gutter and the entry beside it, a label and its
                // value): a tab, as a word processor's tab stop would be.
                out.push('\t');
            } else if pending_space || gap > WORD_GAP * size || gap < -OVERLAP * size {
                out.push(' ');
            }
        }
        out.push(g.text);
        prev = Some(g);
        end = g.end;
        pending_space = false;
    }
    out
}

/// Lines one per text line, with a blank line where the space between two
/// baselines is more than one and a half lines (between paragraphs and
/// sections, as `pdftotext` and readers show it).
fn lines_text(lines: &[Line]) -> String {
    lines_text_sized(lines).0
}

/// [`lines_text`], with where each line starts in the text and its font
/// size (its largest glyph).
fn lines_text_sized(lines: &[Line]) -> (String, Vec<(usize, f64)>) {
    let mut out = String::new();
    let mut sizes = Vec::new();
    let mut prev: Option<(f64, f64)> = None;
    for line in labels_first(lines) {
        let text = line_text(line);
        if text.is_empty() {
            continue;
        }
        let size = line.iter().map(|g| g.size).fold(1.0, f64::max);
        if let Some((v, prev_size)) = prev
            && v - line[0].v > 1.5 * size.max(prev_size)
        {
            out.push('\n');
        }
        sizes.push((out.len(), size));
        out.push_str(&text);
        out.push('\n');
        prev = Some((line[0].v, size));
    }
    (out, sizes)
}

/// Lines in reading order where a table's label sits vertically centred
/// beside a value that wraps to two lines ("Practices:" halfway between
/// "…, chaos" and "engineering"): by baseline the label would fall between
/// the value's lines and break its last phrase; it is read before them.
fn labels_first(lines: &[Line]) -> Vec<&Line> {
    let extent = |l: &Line| {
        let ink: Vec<&Glyph> = l.iter().filter(|g| !g.space).collect();
        let start = ink.iter().map(|g| g.u).fold(f64::INFINITY, f64::min);
        let end = ink
            .iter()
            .map(|g| g.ink_end)
            .fold(f64::NEG_INFINITY, f64::max);
        (start, end)
    };
    let size = |l: &Line| l.iter().map(|g| g.size).fold(1.0, f64::max);
    let mut order: Vec<&Line> = lines.iter().collect();
    let mut i = 1;
    while i + 1 < order.len() {
        let (p, l, n) = (order[i - 1], order[i], order[i + 1]);
        let (ps, pe) = extent(p);
        let (_, le) = extent(l);
        let (ns, ne) = extent(n);
        let beside = le < ps.min(ns) && ps < ne && ns < pe;
        let close = p[0].v - n[0].v <= 2.0 * size(p).max(size(n));
        if beside && close {
            order.swap(i - 1, i);
            i += 2;
        } else {
            i += 1;
        }
    }
    order
}

/// A line split at wide gaps into runs of text.
fn runs(line: &[Glyph]) -> Vec<&[Glyph]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..line.len() {
        if line[i].u - line[i - 1].end >= MIN_GAP {
            out.push(&line[start..i]);
            start = i;
        }
    }
    if !line.is_empty() {
        out.push(&line[start..]);
    }
    out
}

/// The text of a page: its horizontal text (column by column when it is
/// laid out in columns, which many templates draw line by line across), then
/// each rotated direction's lines. Also returns the columns found.
#[cfg(test)]
pub(super) fn page_text(glyphs: &[Glyph], page_width: f64) -> (String, Option<ColumnPage>) {
    let (text, columns, _) = page_text_sized(glyphs, page_width);
    (text, columns)
}

/// [`page_text`], with the font size of each line of a one-column page
/// (where the line starts in the page's text, its largest glyph): headings
/// are set larger than the body, which lets sections find a heading whose
/// title no table lists.
pub(super) fn page_text_sized(
    glyphs: &[Glyph],
    page_width: f64,
) -> (String, Option<ColumnPage>, Vec<(usize, f64)>) {
    let mut out = String::new();
    let mut columns = None;
    let mut sizes = Vec::new();
    for dir in [Dir::Right, Dir::Up, Dir::Down, Dir::Left] {
        let these: Vec<Glyph> = glyphs.iter().filter(|g| g.dir == dir).copied().collect();
        if these.iter().all(|g| g.space) {
            continue;
        }
        let lines = lines(&these);
        // An empty band down the page is the surest sign of columns; runs
        // aligned at one x on shared baselines the next (columns drawn line
        // by line); else one column.
        let horizontal = dir == Dir::Right;
        let (text, column) = match horizontal
            .then(|| detect_band(&these, page_width))
            .flatten()
        {
            Some(band) => band_text(&these, band),
            None => match horizontal
                .then(|| detect_columns(&lines, page_width))
                .flatten()
            {
                Some(c) => (columns_text(&lines, c.gutter_x), Some(c)),
                None => {
                    let (text, line_sizes) = lines_text_sized(&lines);
                    if horizontal {
                        sizes.extend(line_sizes.into_iter().map(|(at, s)| (out.len() + at, s)));
                    }
                    (text, None)
                }
            },
        };
        columns = columns.or(column);
        out.push_str(&text);
    }
    (out, columns, sizes)
}

/// Two independent blocks of text side by side: many baselines have a run
/// that starts at the same x in the middle of the page (the second column's
/// left edge), and on several of them text stands left of it too.
/// Right-aligned dates (which start at varying x near the right margin),
/// centered headings and short key/value tables do not qualify.
fn detect_columns(lines: &[Line], page_width: f64) -> Option<ColumnPage> {
    let printed = |l: &&Line| l.iter().any(|g| !g.space);
    let lines: Vec<&Line> = lines.iter().filter(printed).collect();
    if lines.len() < 8 {
        return None;
    }
    let band = |x: f64| x > page_width * 0.2 && x < page_width * 0.7;
    // Where runs start in the middle band: after a wide gap, or a line's
    // only text.
    let starts: Vec<f64> = lines
        .iter()
        .flat_map(|l| runs(l).into_iter().map(|r| r[0].u))
        .filter(|&x| band(x))
        .collect();
    // The mode below is quadratic; no real page has this many runs.
    if starts.len() > MAX_RUN_STARTS {
        return None;
    }
    let (gutter, _) = starts
        .iter()
        .map(|&s| {
            (
                s,
                starts
                    .iter()
                    .filter(|&&o| (o - s).abs() <= GUTTER_SLACK)
                    .count(),
            )
        })
        .max_by_key(|&(_, n)| n)?;
    // Snap to the leftmost start near the mode (bullets sit left of text).
    let gutter = starts
        .iter()
        .copied()
        .filter(|&s| (s - gutter).abs() <= GUTTER_SLACK)
        .fold(f64::MAX, f64::min);
    let at_gutter = |r: &[Glyph]| (r[0].u - gutter).abs() <= GUTTER_SLACK;
    let (mut column_lines, mut split_lines) = (0, 0);
    let mut left_words = Vec::new();
    for line in &lines {
        let rs = runs(line);
        let left: Vec<Glyph> = line
            .iter()
            .filter(|g| g.u < gutter - GUTTER_SLACK)
            .copied()
            .collect();
        if !left.is_empty() {
            left_words.push(words(&left));
        }
        if rs.iter().any(|r| at_gutter(r)) {
            column_lines += 1;
            if rs[0][0].u < gutter - GUTTER_SLACK {
                split_lines += 1;
            }
        }
    }
    let columns = split_lines >= 3
        && column_lines as f64 >= lines.len() as f64 * 0.35
        && !label_column(&left_words, column_lines);
    columns.then_some(ColumnPage {
        page: 0,
        lines: lines.len(),
        split_lines,
        gutter_x: gutter.round(),
    })
}

/// Words in a run of glyphs.
fn words(glyphs: &[Glyph]) -> usize {
    line_text(glyphs).split_whitespace().count()
}

/// The left side holds only labels beside the text, not a column of its
/// own: a few short lines (section headings in a gutter, as JSON Resume's
/// "even" theme and CV classes set them), at most one for every three lines
/// of the right side and none longer than three words. An ATS reading
/// across such a page reads each label before its entry, as meant.
fn label_column(left_words: &[usize], right_lines: usize) -> bool {
    !left_words.is_empty()
        && left_words.len() * 3 <= right_lines
        && left_words.iter().all(|&w| w <= 3)
}

/// Rows of glyphs by baseline (to the nearest point), for the band search.
fn rows(glyphs: &[Glyph]) -> Vec<Vec<Glyph>> {
    let mut by_v: std::collections::BTreeMap<i64, Vec<Glyph>> = std::collections::BTreeMap::new();
    for g in glyphs.iter().filter(|g| !g.space) {
        by_v.entry(g.v.round() as i64).or_default().push(*g);
    }
    by_v.into_values().collect()
}

/// Narrowest empty band between two independent columns, in points.
const MIN_BAND: f64 = 10.0;

/// Two columns whose lines do not share baselines (a sidebar in another
/// font size beside the main text): a vertical band of the page, between
/// 12% and 80% of its width, that almost no row of text crosses, with
/// plenty of rows wholly on each side and few rows on both. Rows on both
/// sides at one baseline are what a table looks like, and a table is read
/// row by row. Returns the band `(left, right)`.
fn detect_band(glyphs: &[Glyph], page_width: f64) -> Option<(f64, f64)> {
    let rows = rows(glyphs);
    let n = rows.len();
    if n < 8 {
        return None;
    }
    let (lo, hi) = (page_width * 0.12, page_width * 0.8);
    // Every 2 pt, but at most 400 positions, however wide a hostile page.
    let step = ((hi - lo) / 400.0).max(2.0);
    // How many rows have ink at each sampled x: each glyph marks the
    // positions its ink covers, once per row.
    let positions = ((hi - lo) / step).floor() as usize + 1;
    let mut inked = vec![0usize; positions];
    let mut last_row = vec![usize::MAX; positions];
    for (r, row) in rows.iter().enumerate() {
        for g in row {
            let first = ((g.u - lo) / step).ceil().max(0.0) as usize;
            let last = ((g.ink_end.max(g.u) - lo) / step).floor();
            if last < 0.0 {
                continue;
            }
            for k in first..=(last as usize).min(positions - 1) {
                if last_row[k] != r {
                    last_row[k] = r;
                    inked[k] += 1;
                }
            }
        }
    }
    let crossing = |x: f64| {
        let k = ((x - lo) / step).round() as usize;
        inked.get(k).copied().unwrap_or(0)
    };
    // The widest run of x where at most 10% of rows have ink.
    let mut best: Option<(f64, f64)> = None;
    let mut start: Option<f64> = None;
    let mut x = lo;
    while x <= hi + step {
        let open = x <= hi && crossing(x) * 10 <= n;
        match (open, start) {
            (true, None) => start = Some(x),
            (false, Some(s)) => {
                let band = (s, x - step);
                if band.1 - band.0 >= MIN_BAND && best.is_none_or(|b| band.1 - band.0 > b.1 - b.0) {
                    best = Some(band);
                }
                start = None;
            }
            _ => {}
        }
        x += step;
    }
    let (left, right) = best?;
    let (mut left_only, mut right_only, mut both) = (0, 0, 0);
    let mut left_words = Vec::new();
    for r in &rows {
        let l = r.iter().any(|g| g.u < left);
        let rt = r.iter().any(|g| g.u > right);
        match (l, rt) {
            (true, false) => left_only += 1,
            (false, true) => right_only += 1,
            (true, true) => both += 1,
            _ => {}
        }
        if l {
            let side: Vec<Glyph> = r.iter().filter(|g| g.u < left).copied().collect();
            left_words.push(words(&side));
        }
    }
    let columns = left_only * 5 >= n && right_only * 5 >= n && both * 10 <= n * 3;
    (columns && !label_column(&left_words, right_only + both)).then_some((left, right))
}

/// Text of a page with independent columns: rows that cross the band above
/// the columns (a full-width name), the left column, the right column, then
/// crossing rows below. A row crosses when its text runs over the band's
/// middle without a gap wider than two word spaces.
fn band_text(glyphs: &[Glyph], (left, right): (f64, f64)) -> (String, Option<ColumnPage>) {
    let mid = (left + right) / 2.0;
    let rows = rows(glyphs);
    // A row crosses the band when its text runs over the band's middle with
    // no band-wide gap; a sidebar line that only reaches into the band
    // stays in its column.
    let crosses = |r: &[Glyph]| {
        let center = |g: &Glyph| (g.u + g.ink_end) / 2.0;
        let straddles = r.iter().any(|g| g.u < mid && g.ink_end > mid);
        let last_left = r
            .iter()
            .filter(|g| center(g) < mid)
            .map(|g| g.ink_end)
            .fold(f64::NAN, f64::max);
        let first_right = r
            .iter()
            .filter(|g| center(g) >= mid)
            .map(|g| g.u)
            .fold(f64::NAN, f64::min);
        // Wider than two word spaces: two texts, not one.
        let size = r.iter().map(|g| g.size).fold(1.0, f64::max);
        straddles || first_right - last_left < 0.5 * size
    };
    let top_column_v = rows
        .iter()
        .filter(|r| !crosses(r))
        .map(|r| r[0].v)
        .fold(f64::MIN, f64::max);
    // Whether each row (by rounded baseline, as `rows` groups them) crosses:
    // looked up per glyph, so a page of many glyphs stays linear.
    let crossing: std::collections::HashMap<i64, bool> = rows
        .iter()
        .map(|r| (r[0].v.round() as i64, crosses(r)))
        .collect();
    let (mut above, mut below, mut left_side, mut right_side) = (vec![], vec![], vec![], vec![]);
    for g in glyphs {
        let row_crosses = crossing
            .get(&(g.v.round() as i64))
            .copied()
            .unwrap_or(false);
        match (
            row_crosses,
            g.v > top_column_v,
            (g.u + g.ink_end) / 2.0 < mid,
        ) {
            (true, true, _) => above.push(*g),
            (true, false, _) => below.push(*g),
            (false, _, true) => left_side.push(*g),
            (false, _, false) => right_side.push(*g),
        }
    }
    let mut out = String::new();
    for part in [above, left_side, right_side, below] {
        out.push_str(&lines_text(&lines(&part)));
    }
    let split_lines = rows.iter().filter(|r| !crosses(r)).count();
    let column = ColumnPage {
        page: 0,
        lines: rows.len(),
        split_lines,
        gutter_x: right.round(),
    };
    (out, Some(column))
}

/// A page laid out in columns, as text read column by column: lines that
/// span the page above the columns (the name), then the left column top to
/// bottom, then the right column, then spanning lines below.
fn columns_text(lines: &[Line], gutter: f64) -> String {
    let (mut above, mut left, mut right, mut below) = (vec![], vec![], vec![], vec![]);
    let mut seen_column = false;
    for line in lines {
        let mut spanning = Vec::new();
        let mut in_column = false;
        for run in runs(line) {
            let start = run[0].u;
            let end = run[run.len() - 1].end;
            if start >= gutter - GUTTER_SLACK {
                right.push(line_text(run));
                in_column = true;
            } else if end <= gutter + GUTTER_SLACK {
                left.push(line_text(run));
                in_column = true;
            } else {
                spanning.push(line_text(run));
            }
        }
        seen_column |= in_column;
        for text in spanning {
            match (seen_column, in_column) {
                (false, _) => above.push(text),
                _ => below.push(text),
            }
        }
    }
    let mut out = String::new();
    for part in [above, left, right, below] {
        for line in part.into_iter().filter(|l| !l.trim().is_empty()) {
            out.push_str(line.trim());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A visible 10 pt glyph `width` points wide drawn with matrix `m`.
    fn glyph(m: [f64; 6], width: f64, c: char) -> Glyph {
        Glyph::place(m, 10.0, width, 0.0, c).expect("a visible glyph")
    }

    /// Glyphs of `text` from (x, y), `advance` points each, with `gap`
    /// extra points after each.
    fn word(x: f64, y: f64, text: &str, advance: f64, gap: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                let at = x + i as f64 * (advance + gap);
                glyph([1.0, 0.0, 0.0, 1.0, at, y], advance, c)
            })
            .collect()
    }

    fn text_of(glyphs: &[Glyph]) -> String {
        page_text(glyphs, 612.0).0
    }

    #[test]
    fn kerned_pieces_stay_one_word() {
        // "Software" with a 0.5 pt kern between "a" and "r" (Skia splits
        // words at such gaps into separate show operators).
        let mut g = word(72.0, 700.0, "Softwa", 5.0, 0.0);
        g.extend(word(72.0 + 6.0 * 5.0 + 0.5, 700.0, "re", 5.0, 0.0));
        assert_eq!(text_of(&g), "Software\n");
    }

    #[test]
    fn gaps_and_space_glyphs_break_words() {
        let mut g = word(72.0, 700.0, "Go", 5.0, 0.0);
        g.extend(word(72.0 + 10.0 + 3.0, 700.0, "Rust", 5.0, 0.0));
        assert_eq!(text_of(&g), "Go Rust\n");
        // A space glyph breaks even when the next glyph is pulled back.
        let mut g = word(72.0, 700.0, "a b", 5.0, 0.0);
        g[2].u -= 5.0;
        g[2].end -= 5.0;
        assert_eq!(text_of(&g), "a b\n");
    }

    #[test]
    fn ghostscript_pieces_and_spacing() {
        let at = |x: f64, width: f64, spacing: f64, c: char| {
            Glyph::place([1.0, 0.0, 0.0, 1.0, x, 700.0], 10.0, width, spacing, c)
        };
        // "Jav" + a space whose word spacing cancels it + "a", then "," with
        // 2.5 pt of character spacing standing for the space before "SQL".
        let g: Vec<Glyph> = [
            at(189.79, 5.0, -0.25, 'J'),
            at(194.64, 5.0, -0.25, 'a'),
            at(199.39, 5.0, -0.25, 'v'),
            at(204.14, 2.5, -2.35, ' '),
            at(204.29, 5.0, -0.25, 'a'),
            at(209.29, 2.5, 2.5, ','),
            at(214.29, 5.56, 2.5, 'S'),
            at(219.85, 7.78, 0.0, 'Q'),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert_eq!(text_of(&g), "Java, SQ\n");
        // A bullet indented by character spacing, and a letter whose
        // trailing spacing the next piece's position overrides.
        let g: Vec<Glyph> = [
            at(72.0, 3.5, 6.5, '•'),
            at(82.0, 6.67, 6.5, 'C'),
            at(88.67, 5.0, 0.0, 'u'),
            at(93.67, 2.78, 0.0, 't'),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert_eq!(text_of(&g), "• Cut\n");
    }

    #[test]
    fn accents_drawn_over_letters_join_them() {
        let at = |x: f64, width: f64, c: char| glyph([1.0, 0.0, 0.0, 1.0, x, 700.0], width, c);
        // "ółc" then "´" over the "c", as groff draws "ć".
        let g = vec![
            at(72.0, 5.0, 'ó'),
            at(77.0, 2.8, 'ł'),
            at(79.8, 4.4, 'c'),
            at(81.0, 3.3, '\u{00B4}'),
        ];
        assert_eq!(text_of(&g), "ółc\u{301}\n");
        // An accent standing on its own is kept as it is.
        let g = vec![at(72.0, 5.0, 'a'), at(80.0, 3.3, '\u{00B4}')];
        assert_eq!(text_of(&g), "a \u{00B4}\n");
    }

    #[test]
    fn glyphs_placed_one_by_one_in_any_order() {
        let mut g = word(72.0, 700.0, "Typst", 5.0, 0.0);
        g.reverse();
        g.extend(word(72.0, 686.0, "places", 5.0, 0.0));
        assert_eq!(text_of(&g), "Typst\nplaces\n");
    }

    #[test]
    fn fake_bold_is_read_once() {
        let mut g = word(72.0, 700.0, "Bold", 6.0, 0.0);
        g.extend(word(72.3, 700.0, "Bold", 6.0, 0.0));
        assert_eq!(text_of(&g), "Bold\n");
    }

    #[test]
    fn rotated_labels_are_their_own_lines() {
        let mut g = word(72.0, 700.0, "Body", 5.0, 0.0);
        // "SKILLS" reading bottom to top at x = 30.
        g.extend(
            "SKILLS"
                .chars()
                .enumerate()
                .map(|(i, c)| glyph([0.0, 1.0, -1.0, 0.0, 30.0, 400.0 + i as f64 * 6.0], 6.0, c)),
        );
        assert_eq!(text_of(&g), "Body\nSKILLS\n");
        // Sizes survive rotation (a 45° matrix once read as size 0, "tiny").
        assert!((g.last().unwrap().size - 10.0).abs() < 1e-9);
        let h = std::f64::consts::FRAC_1_SQRT_2;
        let tilted = glyph([h, h, -h, h, 100.0, 100.0], 5.0, 'x');
        assert!((tilted.size - 10.0).abs() < 1e-9);
    }

    #[test]
    fn flipped_matrices_read_upright() {
        // A mirrored text matrix (m22 < 0) keeps its size and its lines.
        let m = |x: f64, y: f64| [1.0, 0.0, 0.0, -1.0, x, y];
        let g: Vec<Glyph> = "ab"
            .chars()
            .enumerate()
            .map(|(i, c)| glyph(m(72.0 + i as f64 * 5.0, 700.0), 5.0, c))
            .chain(
                "cd".chars()
                    .enumerate()
                    .map(|(i, c)| glyph(m(72.0 + i as f64 * 5.0, 686.0), 5.0, c)),
            )
            .collect();
        assert_eq!(text_of(&g), "ab\ncd\n");
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut g = Vec::new();
        for i in 0..20 {
            let y = 700.0 - i as f64 * 13.0;
            g.extend(word(54.0, y, "left", 5.0, 0.0));
            g.extend(word(300.0, y, "right", 5.0, 0.0));
        }
        let (text, columns) = page_text(&g, 612.0);
        let c = columns.unwrap();
        assert_eq!(c.split_lines, 20);
        assert_eq!(c.gutter_x, 300.0);
        let first_right = text.find("right").unwrap();
        assert!(!text[first_right..].contains("left"), "{text}");
    }

    #[test]
    fn sidebar_with_its_own_baselines_is_a_column() {
        // A sidebar in 9 pt on a 12 pt leading beside main text in 10 pt on
        // a 14 pt leading: their baselines rarely meet.
        let mut g = Vec::new();
        for i in 0..30 {
            g.extend(word(40.0, 740.0 - i as f64 * 12.0, "side", 4.5, 0.0));
        }
        for i in 0..25 {
            g.extend(word(
                220.0,
                745.0 - i as f64 * 14.0,
                "main text here",
                5.0,
                0.0,
            ));
        }
        let (text, columns) = page_text(&g, 612.0);
        assert!(columns.is_some());
        let first_main = text.find("main").unwrap();
        assert!(!text[first_main..].contains("side"), "{text}");
    }

    #[test]
    fn label_value_tables_are_read_row_by_row() {
        // Labels in a narrow first column, values beside them on the same
        // baselines: a table, not two columns; a tab between label and value.
        let mut g = Vec::new();
        for i in 0..12 {
            let y = 700.0 - i as f64 * 14.0;
            g.extend(word(54.0, y, "Label", 5.0, 0.0));
            g.extend(word(100.0, y, "value words", 5.0, 0.0));
        }
        assert_eq!(detect_band(&g, 612.0), None);
        let (text, _) = page_text(&g, 612.0);
        assert!(
            text.starts_with("Label\tvalue words\nLabel\tvalue words\n"),
            "{text}"
        );
    }

    #[test]
    fn a_centred_label_is_read_before_its_wrapped_value() {
        let mut g = word(120.0, 700.0, "capacity planning, chaos", 5.0, 0.0);
        g.extend(word(54.0, 693.0, "Practices:", 5.0, 0.0));
        g.extend(word(120.0, 686.0, "engineering", 5.0, 0.0));
        // Ordinary lines that start at the margin keep their order.
        g.extend(word(54.0, 660.0, "First line of a paragraph", 5.0, 0.0));
        g.extend(word(54.0, 646.0, "second line", 5.0, 0.0));
        assert_eq!(
            text_of(&g),
            "Practices:\ncapacity planning, chaos\nengineering\n\nFirst line of a paragraph\nsecond line\n"
        );
    }

    #[test]
    fn right_aligned_dates_are_not_columns() {
        let mut g = Vec::new();
        for i in 0..20 {
            let y = 700.0 - i as f64 * 13.0;
            g.extend(word(54.0, y, "Engineer at a company", 5.0, 0.0));
            if i % 4 == 0 {
                g.extend(word(490.0, y, "2019", 5.0, 0.0));
            }
        }
        assert_eq!(page_text(&g, 612.0).1, None);
    }
}
