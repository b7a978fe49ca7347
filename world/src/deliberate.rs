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
            if !message.is_some_and(is_deliberate) {
                previous(info);
            }
        }));
    });
}
