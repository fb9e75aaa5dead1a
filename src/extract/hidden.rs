//! Which glyphs of a PDF page a person cannot see because of how they are
//! painted: white fill (unless on a dark shape, as in a template's colored
//! sidebar), an invisible text render mode (3 or 7), or an image drawn over
//! them afterwards. pdf-extract tells its
//! output device where each glyph is but not its color or render mode, so
//! this module reads the page's content stream itself and produces one mark
//! per character code, in the order pdf-extract draws them. Position-based
//! hiding (tiny or off the page) is decided by the glyph recorder.
//!
//! The marks are only used when they can be trusted to line up with
//! pdf-extract's glyphs: pages that draw text from form XObjects or with
//! multi-byte CMaps other than Identity-H get no marks at all.

use super::content::{self, Operand};
use pdf_extract::{Document, Object, ObjectId};

/// Why a glyph cannot be seen, or `None` when it can.
pub(super) type Mark = Option<&'static str>;

/// A filled rectangle in page space, dark enough that white text on it is
/// readable.
#[derive(Debug, Clone, Copy)]
pub(super) struct DarkRect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl DarkRect {
    /// The part of `self` inside `other`, if any.
    fn within(self, other: Option<DarkRect>) -> Option<DarkRect> {
        let Some(o) = other else { return Some(self) };
        let r = DarkRect {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        };
        (r.x0 < r.x1 && r.y0 < r.y1).then_some(r)
    }

    pub(super) fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// A filled shape drawn on the page: the operator that drew it, its
/// bounding box, and its colour's relative luminance.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fill {
    pub op: usize,
    pub area: DarkRect,
    pub luminance: f64,
}

/// An object, followed if it is a reference; `None` when the reference
/// leads nowhere. Shared by every reader of font and annotation dictionaries.
pub(super) fn deref(doc: &Document, o: &Object) -> Option<Object> {
    deref_ref(doc, o).cloned()
}

/// [`deref`] without a copy.
pub(super) fn deref_ref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// Per-code marks and the shapes drawn on one page.
#[derive(Debug, Default)]
pub(super) struct PageMarks {
    pub marks: Vec<Mark>,
    /// Filled shapes (rectangles and paths, by their bounding boxes), in
    /// drawing order: what text may be drawn on.
    pub fills: Vec<Fill>,
    /// For each character code, the relative luminance of its fill colour.
    pub text_luminance: Vec<f64>,
    /// For each character code, the index of the operator that drew it.
    pub code_ops: Vec<usize>,
    /// Images drawn on the page: the operator index and the area covered.
    pub images: Vec<(usize, DarkRect)>,
    /// For each character code, its width (in thousandths of the font size)
    /// from a composite font's `/W` array, where the font has one.
    /// pdf-extract reads only one of `/W`'s two forms and takes every other
    /// glyph as `/DW` wide (0 in Typst's fonts), which stacks a whole line
    /// of glyphs at one point.
    pub widths: Vec<Option<f64>>,
    /// For each character code, the text it stands for where pdf-extract
    /// decodes it wrongly (see [`FontFacts`]).
    pub texts: Vec<Option<&'static str>>,
    /// For each character code, whether a text-positioning operator (BT,
    /// Td, TD, Tm, T*, ', ") came since the code before it: the place where
    /// an error in earlier widths stops carrying over.
    pub moved: Vec<bool>,
}

/// Text whose contrast with what is behind it is below this ratio cannot be
/// seen (WCAG's minimum for large text is 3; white on white is 1). White on
/// a mid-blue sidebar is about 3.4; near-white on white about 1.1.
const MIN_CONTRAST: f64 = 1.25;

impl PageMarks {
    /// Why the glyph of code `i` at (x, y) cannot be seen, if its colour is
    /// too close to what is drawn behind it (the last filled shape under it
    /// drawn before it, else the white page).
    pub(super) fn blends_in(&self, i: usize, x: f64, y: f64) -> Option<&'static str> {
        let (Some(&text), Some(&op)) = (self.text_luminance.get(i), self.code_ops.get(i)) else {
            return None;
        };
        let behind = self
            .fills
            .iter()
            .rev()
            .find(|f| f.op < op && f.area.contains(x, y))
            .map_or(1.0, |f| f.luminance);
        let (hi, lo) = if text > behind {
            (text, behind)
        } else {
            (behind, text)
        };
        let hidden = (hi + 0.05) / (lo + 0.05) < MIN_CONTRAST;
        match (hidden, text > 0.9) {
            (false, _) => None,
            (true, true) => Some("white text"),
            (true, false) => Some("text the colour of its background"),
        }
    }

    /// Whether character code `i`, at (x, y), is painted over by an image
    /// drawn after it.
    pub(super) fn under_image(&self, i: usize, x: f64, y: f64) -> bool {
        self.code_ops.get(i).is_some_and(|&op| {
            self.images
                .iter()
                .any(|(at, r)| *at > op && r.contains(x, y))
        })
    }
}

#[derive(Debug, Clone, Copy)]
struct State<'w> {
    /// Fill color: luminance 0 (black) – 1 (white).
    fill: f64,
    render: i64,
    ctm: [f64; 6],
    bytes_per_code: usize,
    /// What the scan knows of the current font beyond pdf-extract.
    font: Option<&'w FontFacts>,
    /// The clipping area, by bounding box: paint outside it is not seen
    /// (WeasyPrint draws a 1-pixel rule as a clipped 20-pixel rectangle).
    clip: Option<DarkRect>,
}

/// Facts about a font that pdf-extract gets wrong: its true glyph widths
/// (composite fonts' `/W`, Type3 fonts' `/FontMatrix`), and whether it is a
/// TeX bitmap font in the Cork (T1) encoding whose glyph names (`/a28`) say
/// nothing, so its ligatures and quotes come out as accents.
#[derive(Debug, Default)]
pub(super) struct FontFacts {
    cid: Option<CidWidths>,
    /// Type3: `/FirstChar`, `/Widths` and the `/FontMatrix` scale, so that
    /// a width in thousandths of the font size is `widths[i] × scale`.
    type3: Option<(u32, Vec<f64>, f64)>,
    tex_t1: bool,
}

/// The Cork (T1) encoding's ligatures, dashes and quotes below code 32,
/// which other encodings read as accents ("˝exible" for "flexible").
fn cork(code: u8) -> Option<&'static str> {
    Some(match code {
        16 => "\u{201C}",
        17 => "\u{201D}",
        21 => "\u{2013}",
        22 => "\u{2014}",
        27 => "ff",
        28 => "fi",
        29 => "fl",
        30 => "ffi",
        31 => "ffl",
        _ => return None,
    })
}

impl FontFacts {
    fn read(doc: &Document, font: &pdf_extract::Dictionary) -> FontFacts {
        let deref = |o: &Object| deref(doc, o);
        let subtype = font.get(b"Subtype").and_then(Object::as_name).ok();
        let mut facts = FontFacts::default();
        match subtype {
            Some(b"Type0") => facts.cid = CidWidths::read(doc, font),
            Some(b"Type3") => {
                let scale = match font.get(b"FontMatrix").ok().and_then(deref) {
                    Some(Object::Array(m)) => m.first().and_then(num).unwrap_or(0.001),
                    _ => 0.001,
                };
                let first = font.get(b"FirstChar").ok().and_then(num).unwrap_or(0.0);
                if let Some(Object::Array(w)) = font.get(b"Widths").ok().and_then(deref) {
                    let widths = w.iter().take(256).map(|v| num(v).unwrap_or(0.0)).collect();
                    facts.type3 = Some((first.max(0.0) as u32, widths, scale * 1000.0));
                }
                // dvips and pdfTeX name bitmap glyphs /a0 ... /a255.
                let opaque_names = match font.get(b"Encoding").ok().and_then(deref) {
                    Some(Object::Dictionary(enc)) => {
                        match enc.get(b"Differences").ok().and_then(deref) {
                            Some(Object::Array(d)) => d.iter().any(|n| {
                                n.as_name().is_ok_and(|n| {
                                    n.len() > 1
                                        && n[0] == b'a'
                                        && n[1..].iter().all(u8::is_ascii_digit)
                                })
                            }),
                            _ => false,
                        }
                    }
                    _ => false,
                };
                facts.tex_t1 = opaque_names && font.get(b"ToUnicode").is_err();
            }
            _ => {}
        }
        facts
    }

    /// The width of `code` in thousandths of the font size, when known
    /// better than pdf-extract knows it.
    fn width(&self, code: &[u8]) -> Option<f64> {
        if let (Some(w), [hi, lo]) = (&self.cid, code) {
            return Some(w.width(u32::from(u16::from_be_bytes([*hi, *lo]))));
        }
        let (first, widths, scale) = self.type3.as_ref()?;
        let [c] = code else { return None };
        let i = u32::from(*c).checked_sub(*first)? as usize;
        widths.get(i).map(|w| w * scale)
    }
}

/// A composite font's glyph widths: `/DW` and the `/W` array, by CID.
#[derive(Debug, Default)]
pub(super) struct CidWidths {
    default: f64,
    by_cid: std::collections::HashMap<u32, f64>,
}

/// At most this many CIDs are read from one `/W` array (a font has at most
/// 65,536; a hostile range must not allocate more).
const MAX_CIDS: usize = 65_536;

impl CidWidths {
    /// Both forms of `/W`: `c [w1 w2 ...]` and `c_first c_last w`.
    fn read(doc: &Document, font: &pdf_extract::Dictionary) -> Option<CidWidths> {
        let deref = |o: &Object| deref(doc, o);
        let descendant = match font.get(b"DescendantFonts").ok().and_then(deref)? {
            Object::Array(a) => a.first().and_then(deref)?,
            _ => return None,
        };
        let Object::Dictionary(cid_font) = descendant else {
            return None;
        };
        let mut out = CidWidths {
            default: cid_font.get(b"DW").ok().and_then(num).unwrap_or(1000.0),
            ..CidWidths::default()
        };
        let Some(Object::Array(w)) = cid_font.get(b"W").ok().and_then(deref) else {
            return Some(out);
        };
        let mut i = 0;
        while i < w.len() && out.by_cid.len() < MAX_CIDS {
            let Some(first) = num(&w[i]) else { break };
            let first = first.max(0.0) as u32;
            match w.get(i + 1).and_then(deref) {
                Some(Object::Array(list)) => {
                    for (k, v) in list.iter().enumerate().take(MAX_CIDS) {
                        if let Some(width) = num(v) {
                            out.by_cid.insert(first.saturating_add(k as u32), width);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(width)) = (num(&last), w.get(i + 2).and_then(num)) else {
                        break;
                    };
                    let last = (last.max(0.0) as u32).min(first.saturating_add(MAX_CIDS as u32));
                    for cid in first..=last {
                        out.by_cid.insert(cid, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
        Some(out)
    }

    fn width(&self, cid: u32) -> f64 {
        self.by_cid.get(&cid).copied().unwrap_or(self.default)
    }
}

fn num(o: &Object) -> Option<f64> {
    o.as_float()
        .ok()
        .map(f64::from)
        .or_else(|| o.as_i64().ok().map(|i| i as f64))
}

fn multiply(a: [f64; 6], b: [f64; 6]) -> [f64; 6] {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: [f64; 6], x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// Relative luminance (WCAG: linear light, 0 black – 1 white) of a fill
/// color given as 1 (gray), 3 (RGB) or 4 (CMYK) numbers.
fn luminance(values: &[f64]) -> Option<f64> {
    let linear = |c: f64| {
        let c = c.clamp(0.0, 1.0);
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let rgb = |r: f64, g: f64, b: f64| 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    match values {
        [g] => Some(linear(*g)),
        [r, g, b] => Some(rgb(*r, *g, *b)),
        [c, m, y, k] => Some(rgb(
            (1.0 - c) * (1.0 - k),
            (1.0 - m) * (1.0 - k),
            (1.0 - y) * (1.0 - k),
        )),
        _ => None,
    }
}

/// The fonts and XObjects of a page, as the scan needs them.
pub(super) struct PageResources {
    bytes_per_code: std::collections::HashMap<Vec<u8>, usize>,
    facts: std::collections::HashMap<Vec<u8>, FontFacts>,
    xobjects: Vec<(Vec<u8>, ObjectId, Vec<u8>)>,
}

impl PageResources {
    /// `None` when the page cannot be marked reliably (a composite font
    /// with an encoding other than Identity).
    pub fn read(doc: &Document, page: ObjectId) -> Option<PageResources> {
        let fonts = doc.get_page_fonts(page).ok()?;
        let mut resources = PageResources {
            bytes_per_code: std::collections::HashMap::new(),
            facts: std::collections::HashMap::new(),
            xobjects: page_xobjects(doc, page),
        };
        for (name, font) in &fonts {
            let subtype = font.get(b"Subtype").and_then(Object::as_name).ok();
            let bpc = if subtype == Some(b"Type0".as_slice()) {
                let encoding = font.get(b"Encoding").and_then(Object::as_name).ok();
                if encoding != Some(b"Identity-H".as_slice())
                    && encoding != Some(b"Identity-V".as_slice())
                {
                    return None;
                }
                2
            } else {
                1
            };
            resources.bytes_per_code.insert(name.clone(), bpc);
            resources
                .facts
                .insert(name.clone(), FontFacts::read(doc, font));
        }
        Some(resources)
    }
}

/// Scan one page with lopdf's reading of its content, for streams our
/// reader leaves to lopdf.
pub(super) fn scan_with_lopdf(resources: &PageResources, content: &[u8]) -> Option<PageMarks> {
    let ops = pdf_extract::content::Content::decode(content)
        .ok()?
        .operations;
    let mut run = Run::new(resources);
    let mut operands = Vec::new();
    for op in &ops {
        operands.clear();
        operands.extend(op.operands.iter().map(content::Operand::from_object));
        run.step(&op.operator, &operands);
    }
    run.finish()
}

/// Deepest `q` nesting the scan follows.
const MAX_SAVED_STATES: usize = 4096;

/// The scan of one page in progress: the graphics state and what was found.
pub(super) struct Run<'w> {
    fonts: &'w PageResources,
    state: State<'w>,
    stack: Vec<State<'w>>,
    out: PageMarks,
    /// The bounding box of the path being built, in page space.
    path: Option<DarkRect>,
    /// A clipping path waits for the painting operator after `W`.
    clipping: Option<Option<DarkRect>>,
    moved: bool,
    /// The number of the current operation.
    index: usize,
    /// Text is drawn from a form XObject: pdf-extract draws it in its own
    /// pass, and the marks would not line up.
    unreliable: bool,
}

impl<'w> Run<'w> {
    pub fn new(fonts: &'w PageResources) -> Run<'w> {
        Run {
            fonts,
            state: State {
                fill: 0.0,
                render: 0,
                ctm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
                bytes_per_code: 1,
                font: None,
                clip: None,
            },
            stack: Vec::new(),
            out: PageMarks::default(),
            path: None,
            clipping: None,
            moved: true,
            index: 0,
            unreliable: false,
        }
    }

    pub fn finish(self) -> Option<PageMarks> {
        (!self.unreliable).then_some(self.out)
    }

    pub fn step<'o>(&mut self, operator: &str, operands: &'o [Operand]) {
        if self.unreliable {
            return;
        }
        let grow = |path: &mut Option<DarkRect>, (x, y): (f64, f64)| {
            let r = path.get_or_insert(DarkRect {
                x0: x,
                y0: y,
                x1: x,
                y1: y,
            });
            r.x0 = r.x0.min(x);
            r.y0 = r.y0.min(y);
            r.x1 = r.x1.max(x);
            r.y1 = r.y1.max(y);
        };
        let nums: Vec<f64> = operands.iter().filter_map(Operand::number).collect();
        let fonts = self.fonts;
        let (state, out) = (&mut self.state, &mut self.out);
        match operator {
            // A hostile stream may save the state millions of times; no
            // real page nests this deep.
            "q" if self.stack.len() >= MAX_SAVED_STATES => self.unreliable = true,
            "q" => self.stack.push(*state),
            "Q" => *state = self.stack.pop().unwrap_or(*state),
            "cm" if nums.len() == 6 => {
                state.ctm = multiply(
                    [nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]],
                    state.ctm,
                );
            }
            "g" | "rg" | "k" | "sc" | "scn" => {
                if let Some(l) = luminance(&nums) {
                    state.fill = l;
                }
            }
            "Tr" => state.render = nums.first().map_or(0, |&m| m as i64),
            "Tf" => {
                if let Some(Operand::Name(name)) = operands.first() {
                    state.bytes_per_code = fonts.bytes_per_code.get(name).copied().unwrap_or(1);
                    state.font = fonts.facts.get(name);
                }
            }
            "BT" | "Td" | "TD" | "Tm" | "T*" => self.moved = true,
            "re" if nums.len() == 4 => {
                for (dx, dy) in [
                    (0.0, 0.0),
                    (nums[2], 0.0),
                    (0.0, nums[3]),
                    (nums[2], nums[3]),
                ] {
                    grow(&mut self.path, apply(state.ctm, nums[0] + dx, nums[1] + dy));
                }
            }
            // Curves (circles, rounded badges) by their control points,
            // which bound them.
            "m" | "l" | "c" | "v" | "y" if nums.len() >= 2 && nums.len().is_multiple_of(2) => {
                for p in nums.chunks_exact(2) {
                    grow(&mut self.path, apply(state.ctm, p[0], p[1]));
                }
            }
            "W" | "W*" => self.clipping = Some(self.path),
            "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n" | "S" | "s" => {
                let painted = self.path.take();
                let filled = !matches!(operator, "n" | "S" | "s");
                if let Some(area) = painted
                    .filter(|_| filled)
                    .and_then(|p| p.within(state.clip))
                {
                    out.fills.push(Fill {
                        op: self.index,
                        area,
                        luminance: state.fill,
                    });
                }
                if let Some(clip) = self.clipping.take() {
                    state.clip = clip.and_then(|c| c.within(state.clip)).or(Some(DarkRect {
                        x0: 0.0,
                        y0: 0.0,
                        x1: 0.0,
                        y1: 0.0,
                    }));
                }
            }
            "Do" => {
                // Text inside form XObjects is drawn by pdf-extract in its
                // own pass; our marks would no longer line up.
                let name = match operands.first() {
                    Some(Operand::Name(n)) => Some(n.as_slice()),
                    _ => None,
                };
                let subtype = name.and_then(|name| {
                    fonts
                        .xobjects
                        .iter()
                        .find(|(n, _, _)| n == name)
                        .map(|(_, _, subtype)| subtype.as_slice())
                });
                match subtype {
                    Some(b"Form") => self.unreliable = true,
                    Some(b"Image") => {
                        // An image fills the unit square of its CTM.
                        let corners = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]
                            .map(|(x, y)| apply(state.ctm, x, y));
                        let xs = corners.map(|c| c.0);
                        let ys = corners.map(|c| c.1);
                        out.images.push((
                            self.index,
                            DarkRect {
                                x0: xs.iter().copied().fold(f64::MAX, f64::min),
                                y0: ys.iter().copied().fold(f64::MAX, f64::min),
                                x1: xs.iter().copied().fold(f64::MIN, f64::max),
                                y1: ys.iter().copied().fold(f64::MIN, f64::max),
                            },
                        ));
                    }
                    _ => {}
                }
            }
            "Tj" | "'" | "\"" | "TJ" => {
                let string = |o: &'o Operand| match o {
                    Operand::Str(s) => Some(s.as_slice()),
                    _ => None,
                };
                let strings: Vec<&[u8]> = match (operator, operands.first()) {
                    ("TJ", Some(Operand::Array(a))) => a.iter().filter_map(string).collect(),
                    ("TJ", _) => Vec::new(),
                    _ => operands.iter().filter_map(string).collect(),
                };
                let mark: Mark = if matches!(state.render, 3 | 7) {
                    Some("invisible text")
                } else {
                    None
                };
                // Outlined text (render mode 1) shows its stroke, whatever
                // its fill.
                let text_luminance = if state.render == 1 { 0.0 } else { state.fill };
                self.moved |= matches!(operator, "'" | "\"");
                for s in strings {
                    let codes = s.len() / state.bytes_per_code.max(1);
                    out.marks.extend(std::iter::repeat_n(mark, codes));
                    out.text_luminance
                        .extend(std::iter::repeat_n(text_luminance, codes));
                    out.code_ops.extend(std::iter::repeat_n(self.index, codes));
                    let bpc = state.bytes_per_code.max(1);
                    for code in s.chunks_exact(bpc) {
                        out.widths.push(state.font.and_then(|f| f.width(code)));
                        out.texts.push(match (state.font, code) {
                            (Some(f), [c]) if f.tex_t1 => cork(*c),
                            _ => None,
                        });
                    }
                    out.moved.extend((0..codes).map(|k| k == 0 && self.moved));
                    if codes > 0 {
                        self.moved = false;
                    }
                }
            }
            _ => {}
        }
        self.index += 1;
    }
}

/// An XObject a page can draw: (resource name, object id, `/Subtype` such
/// as `Image` or `Form`).
pub(super) type XObject = (Vec<u8>, ObjectId, Vec<u8>);

/// The XObjects a page can draw. Shared by the hidden-text scan, the image
/// count and the check for forms.
pub(super) fn page_xobjects(doc: &Document, page: ObjectId) -> Vec<XObject> {
    let Ok((own, inherited)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    let dicts = own.into_iter().chain(
        inherited
            .iter()
            .filter_map(|id| doc.get_dictionary(*id).ok()),
    );
    let mut out = Vec::new();
    for resources in dicts {
        let Ok(xobjects) = resources.get(b"XObject").and_then(|o| match o {
            Object::Reference(id) => doc.get_dictionary(*id),
            other => other.as_dict(),
        }) else {
            continue;
        };
        for (name, obj) in xobjects.iter() {
            let Ok(id) = obj.as_reference() else { continue };
            let subtype = doc
                .get_object(id)
                .and_then(Object::as_stream)
                .ok()
                .and_then(|s| s.dict.get(b"Subtype").ok())
                .and_then(|t| t.as_name().ok())
                .unwrap_or_default()
                .to_vec();
            out.push((name.clone(), id, subtype));
        }
    }
    out
}
