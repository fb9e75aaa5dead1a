//! Damaged copies of real inputs for the differential tests of our own
//! readers (content streams, ToUnicode maps): byte flips, cuts, insertions
//! of syntax and deletions, from a fixed seed so a failure repeats.

/// A repeatable source of damage (xorshift).
pub(super) struct Damage(u64);

impl Damage {
    pub fn new(seed: u64) -> Damage {
        Damage(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// `seed` with 1 to `edits` edits: a flipped bit, a cut, one of
    /// `pieces` inserted, or up to `span` bytes deleted.
    pub fn apply(&mut self, seed: &[u8], edits: u64, pieces: &[&[u8]], span: u64) -> Vec<u8> {
        let mut s = seed.to_vec();
        for _ in 0..1 + self.next() % edits {
            if s.is_empty() {
                break;
            }
            let at = (self.next() % s.len() as u64) as usize;
            match self.next() % 4 {
                0 => s[at] ^= 1 << (self.next() % 8),
                1 => s.truncate(at),
                2 => {
                    let p = pieces[(self.next() % pieces.len() as u64) as usize];
                    s.splice(at..at, p.iter().copied());
                }
                _ => {
                    let end = (at + 1 + (self.next() % span) as usize).min(s.len());
                    s.drain(at..end);
                }
            }
        }
        s
    }
}
