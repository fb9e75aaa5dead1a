//! Integration tests: every test runs the real `ats-score` binary on real
//! files from `fixtures/` (made by `examples/gen_fixtures.rs`). One test
//! binary, one module per area, so it links once.

mod cli;
