//! Panics a service raises on purpose, to show how a panic travels (a
//! `JoinError`, a `*` on the timeline), kept out of the test's output.
//!
//! The default panic hook prints every panic, and `cargo kata check` reports
//! the first panic a failing test printed: a simulated bug would hide the
//! learner's own. So a deliberate panic goes through [`panic_on_purpose`],
//! which installs, once per process, a hook that prints nothing for panics
//! whose message starts as a deliberate one does and hands every other panic
//! (a test's assertion quoting a deliberate panic included) to the hook that
//! was there before.

use std::cell::Cell;
use std::sync::{Mutex, Once};

/// How the deliberate panics raised so far begin: `what (on purpose):`.
static PREFIXES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Panics with `what (on purpose): detail`, silently. A test whose
/// scenario needs a panic (a task that panics, to show its `JoinError`)
/// raises it with this too: printed, it would come before the learner's
/// real failure in `cargo test -p NAME`, and be taken for it.
pub fn panic_on_purpose(what: &str, detail: &str) -> ! {
    let prefix = format!("{what} (on purpose):");
    {
        let mut prefixes = PREFIXES.lock().unwrap_or_else(|p| p.into_inner());
        if !prefixes.contains(&prefix) {
            prefixes.push(prefix.clone());
        }
    }
    silence_deliberate_panics();
    panic!("{prefix} {detail}")
}

thread_local! {
    /// How many [`hushed`] calls are running on this thread.
    static HUSHED: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` with every panic on this thread left unprinted: for a test
/// that expects the code it runs to panic and reports the panic in words
/// of its own (kata 23 runs a learner's checks against mutants, which each
/// check must fail by panicking). The panics still unwind as usual.
pub fn hushed<T>(f: impl FnOnce() -> T) -> T {
    struct Unhush;
    impl Drop for Unhush {
        fn drop(&mut self) {
            HUSHED.with(|h| h.set(h.get() - 1));
        }
    }
    silence_deliberate_panics();
    HUSHED.with(|h| h.set(h.get() + 1));
    let _unhush = Unhush;
    f()
}

fn is_hushed() -> bool {
    HUSHED.with(|h| h.get() > 0)
}

fn is_deliberate(message: &str) -> bool {
    let prefixes = PREFIXES.lock().unwrap_or_else(|p| p.into_inner());
    prefixes
        .iter()
        .any(|prefix| message.starts_with(prefix.as_str()))
}

fn silence_deliberate_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let payload = info.payload();
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied());
            if !is_hushed() && !message.is_some_and(is_deliberate) {
                previous(info);
            }
        }));
    });
}
