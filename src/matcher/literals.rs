//! Short lists of literal words found in a text without building an
//! automaton. Plain std, so `build.rs` can include it with `keys.rs`.

/// A few literal words to find anywhere in a text, in any ASCII case when
/// asked: the triggers of the posting and degree readers, the posting's
/// cue lists, the British and American spellings of a key. Nothing is
/// compiled: the words are sorted by their first byte, and each byte of
/// the text is tried against the words that start with it. A posting or a
/// resume is read once per run, and building an Aho-Corasick automaton for
/// each of a dozen lists cost more than all their searches (2.4 M
/// instructions of a posting's 19 M).
pub(crate) struct Triggers {
    words: Vec<Box<[u8]>>,
    /// Word indices ordered by first byte; `starts[b]..starts[b + 1]` are
    /// those starting with byte `b` (lower-cased when case-insensitive).
    order: Vec<u16>,
    /// Per place in `order`: the word's second byte (folded), or `None`
    /// for a word of one byte; compared before the word is.
    seconds: Vec<Option<u8>>,
    starts: Box<[u16; 257]>,
    case_insensitive: bool,
    /// Found only where a word starts (see [`Triggers::starting_words`]).
    word_starts: bool,
}

/// Whether the byte at `at` is a word character to a regular expression's
/// ASCII `\b`: a letter, a digit or an underscore (false past the end).
pub(crate) fn word_byte(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// One word of a [`Triggers`] list found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Trigger {
    pub start: usize,
    pub end: usize,
    /// Which word of the list.
    pub word: usize,
}

impl Triggers {
    pub(crate) fn new(words: &[&str], case_insensitive: bool) -> Triggers {
        let fold = |b: u8| {
            if case_insensitive {
                b.to_ascii_lowercase()
            } else {
                b
            }
        };
        let words: Vec<Box<[u8]>> = words
            .iter()
            .map(|w| w.bytes().map(fold).collect())
            .collect();
        assert!(
            words.len() < usize::from(u16::MAX) && words.iter().all(|w| !w.is_empty()),
            "trigger words are few and not empty"
        );
        let mut order: Vec<u16> = (0..words.len() as u16).collect();
        order.sort_by_key(|&i| words[usize::from(i)][0]);
        let mut starts = Box::new([0u16; 257]);
        for &i in &order {
            starts[usize::from(words[usize::from(i)][0]) + 1] += 1;
        }
        for b in 0..256 {
            starts[b + 1] += starts[b];
        }
        let seconds = order
            .iter()
            .map(|&i| words[usize::from(i)].get(1).copied())
            .collect();
        Triggers {
            words,
            order,
            seconds,
            starts,
            case_insensitive,
            word_starts: false,
        }
    }

    /// Finds the words only where no ASCII letter or digit comes right
    /// before: for words that must start a word (cues, degree names),
    /// since most places in a text are inside a word.
    pub(crate) fn starting_words(mut self) -> Triggers {
        self.word_starts = true;
        self
    }

    /// Every word found at every place, overlapping, by where it starts.
    pub(crate) fn find_all<'a>(&'a self, text: &'a str) -> FindAll<'a> {
        FindAll {
            triggers: self,
            bytes: text.as_bytes(),
            at: 0,
            next: 0,
            last: 0,
            started: false,
        }
    }

    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.find_all(text).next().is_some()
    }

    /// Whether a word of the list stands in `text` as whole words: no
    /// ASCII letter, digit or underscore right before or after it (a
    /// regular expression's `\b`).
    pub(crate) fn has_whole(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        self.find_all(text)
            .any(|m| (m.start == 0 || !word_byte(bytes, m.start - 1)) && !word_byte(bytes, m.end))
    }
}

/// The iterator of [`Triggers::find_all`]: a plain loop over the bytes,
/// which skips a byte that starts no word with one lookup.
pub(crate) struct FindAll<'a> {
    triggers: &'a Triggers,
    bytes: &'a [u8],
    /// The place being tried, and the words left to try there.
    at: usize,
    next: usize,
    last: usize,
    /// Whether `at` has been tried (else the search starts there).
    started: bool,
}

impl Iterator for FindAll<'_> {
    type Item = Trigger;

    fn next(&mut self) -> Option<Trigger> {
        let t = self.triggers;
        loop {
            while self.next < self.last {
                let k = self.next;
                self.next += 1;
                let same =
                    |a: u8, b: u8| a == b || (t.case_insensitive && a.to_ascii_lowercase() == b);
                // The first byte is the bucket's; the second rules out
                // most words before the whole is compared.
                if let Some(second) = t.seconds[k]
                    && !self
                        .bytes
                        .get(self.at + 1)
                        .is_some_and(|&b| same(b, second))
                {
                    continue;
                }
                let i = usize::from(t.order[k]);
                let word = &t.words[i];
                let end = self.at + word.len();
                let fits = self
                    .bytes
                    .get(self.at..end)
                    .is_some_and(|s| s.iter().zip(word.iter()).all(|(&a, &b)| same(a, b)));
                if fits {
                    return Some(Trigger {
                        start: self.at,
                        end,
                        word: i,
                    });
                }
            }
            if self.started {
                self.at += 1;
            }
            self.started = true;
            // Find the next byte that starts some word.
            loop {
                let &byte = self.bytes.get(self.at)?;
                if t.word_starts && self.at > 0 && self.bytes[self.at - 1].is_ascii_alphanumeric() {
                    self.at += 1;
                    continue;
                }
                let b = usize::from(if t.case_insensitive {
                    byte.to_ascii_lowercase()
                } else {
                    byte
                });
                let (from, to) = (usize::from(t.starts[b]), usize::from(t.starts[b + 1]));
                if from < to {
                    self.next = from;
                    self.last = to;
                    break;
                }
                self.at += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Triggers;

    /// Every place an Aho-Corasick automaton finds a word (overlapping, any
    /// ASCII case or exact), the trigger list finds too, and nothing else.
    #[test]
    fn triggers_find_what_an_automaton_finds() {
        let lists: [(&[&str], bool); 3] = [
            (
                &["degree", "ph.", "phd", "b.s", "m. s", "a.a.", "GED", "é"],
                true,
            ),
            (&["BS", "BA", "MS", "AS", "AAS", "PhD"], false),
            (&["year", "yr", "ye", "+", "remote", "office"], true),
        ];
        let mut texts = vec![
            "A PhD or Ph.D. (BS/MS) degree; 5+ yrs, YEARS; Remote-first office, café".to_string(),
        ];
        for dir in ["fixtures/jd/postings", "fixtures/resumes"] {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text);
                }
            }
        }
        let mut found = 0;
        for (words, ci) in lists {
            let mine = Triggers::new(words, ci);
            let starting = Triggers::new(words, ci).starting_words();
            let automaton = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(ci)
                .build(words)
                .unwrap();
            for text in &texts {
                let mut want: Vec<(usize, usize, usize)> = automaton
                    .find_overlapping_iter(text.as_str())
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect();
                want.sort_unstable();
                let mut got: Vec<(usize, usize, usize)> = mine
                    .find_all(text)
                    .map(|t| (t.start, t.end, t.word))
                    .collect();
                got.sort_unstable();
                assert_eq!(got, want);
                found += got.len();
                let starts: Vec<(usize, usize, usize)> = want
                    .iter()
                    .copied()
                    .filter(|&(s, _, _)| s == 0 || !text.as_bytes()[s - 1].is_ascii_alphanumeric())
                    .collect();
                let mut got: Vec<(usize, usize, usize)> = starting
                    .find_all(text)
                    .map(|t| (t.start, t.end, t.word))
                    .collect();
                got.sort_unstable();
                assert_eq!(got, starts);
                assert_eq!(mine.is_match(text), !want.is_empty());
            }
        }
        assert!(found > 500, "{found}");
    }

    #[test]
    fn whole_words_only() {
        let list = Triggers::new(&["in progress", "expected", "partial"], true).starting_words();
        assert!(list.has_whole("B.S. in Physics (Expected 2027)"));
        assert!(list.has_whole("MS, in progress"));
        assert!(!list.has_whole("exceeded expectedness; impartial; partially"));
        assert!(!list.has_whole("B.S._expected"));
        assert!(list.has_whole("partial"));
    }
}
