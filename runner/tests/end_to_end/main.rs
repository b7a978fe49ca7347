//! `cargo kata` driven end to end: the real binary, on scratch copies of the
//! workspace (`sandbox/mod.rs`), as a learner and an author drive it.
//!
//! One test binary, not one per file: cargo runs test binaries one after
//! another, but the tests of one binary side by side, so a test that waits
//! (on a hang the watchdog must name, a debounce, a pseudo-terminal) lets
//! another compile meanwhile, and the runner is linked into one binary
//! instead of five. Each file still reads on its own.

mod sandbox;

mod cli;
mod faults;
mod interview;
mod korean;
mod watch;
