//! What every kata test wraps around the kata: a virtual-time deadline with
//! a real-time watchdog behind it, and a snapshot assertion that shows the
//! reference timeline beside the learner's.

use std::fmt::Write as _;
use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};

use kata_protocol::{Cause, Marker};
use tokio::runtime::Handle;

use crate::timeline::{self, Scale};
use crate::trace::Trace;
use crate::watchdog::{Watchdog, Watched};
use crate::world::World;

pub use crate::step::{run_async_step, run_sync_step};

/// Awaits `fut`, failing the test if it takes longer than `seconds` of
/// virtual time.
///
/// On a paused clock a deadlock is cheap to catch: once every task waits, the
/// runtime jumps the clock to the deadline at once. Without the deadline, a
/// paused runtime with nothing left to run would park forever. An answer
/// that never lets the runtime reach the deadline (a busy loop) is caught by
/// the real-time watchdog instead (see `watchdog.rs`).
pub async fn within<F: Future>(seconds: u64, fut: F) -> F::Output {
    let _watchdog = Watchdog::watch(Watched::Runtime(Handle::current()));
    match tokio::time::timeout(Duration::from_secs(seconds), fut).await {
        Ok(output) => output,
        Err(_) => panic!("{}", deadline_message(seconds)),
    }
}

/// Runs `f`, synchronous kata code that drives a runtime itself (its own
/// `block_on`), under the real-time watchdog: there is no runtime around it
/// whose deadline could fire, so a `block_on` that nothing drives would wait
/// for ever. A healthy call takes milliseconds.
pub fn watched<T>(f: impl FnOnce() -> T) -> T {
    let _watchdog = Watchdog::watch(Watched::Fixed(Cause::NeverReturns));
    f()
}

/// How long, in real time, a missed deadline waits for a thread tokio does
/// not know to show itself (see [`deadline_message`]). Only a failing test
/// pays it.
const FOREIGN_THREAD_GRACE: Duration = Duration::from_millis(250);

/// Why the deadline passed. Usually a deadlock. But the paused clock also
/// jumps to the deadline while a thread of the learner's own
/// (`std::thread::spawn`) does the work a task awaits: tokio cannot see that
/// thread, so to the runtime every task is simply waiting. Such an answer
/// may well be right on a real clock, and must not be told "deadlock".
fn deadline_message(seconds: u64) -> String {
    let started = Instant::now();
    let foreign = World::current().is_some_and(|world| {
        loop {
            if world.saw_foreign_thread() {
                break true;
            }
            if started.elapsed() > FOREIGN_THREAD_GRACE {
                break false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    if foreign {
        format!(
            "did not finish within {seconds} s of virtual time, while work ran on a thread \
             tokio does not know (std::thread::spawn). On a real runtime this answer may well \
             be right. But the paused clock cannot see such a thread: with every task waiting, \
             it jumped straight to the deadline. Run blocking work with \
             tokio::task::spawn_blocking, whose threads the clock waits for."
        )
    } else {
        format!(
            "did not finish within {seconds} s of virtual time (deadlock?): \
             something awaited that can never complete"
        )
    }
}

/// Compares the world's trace with the reference snapshot `name`.
///
/// Name the snapshot after the test function: when anything in the test
/// fails, this assertion or one before it, the world prints the reference
/// timeline beside the learner's (see `show_on_failure`).
/// `tests/snapshots/` is never written by a learner's run (see
/// `.cargo/config.toml`); CONTRIBUTING.md says how authors record one.
#[macro_export]
macro_rules! assert_timeline {
    ($name:literal, $world:expr) => {{
        let world: &$crate::World = &$world;
        world.compared_with($name);
        let rendered = $crate::timeline::render(&world.trace());
        $crate::insta::assert_snapshot!($name, rendered);
    }};
}

/// Where the reference snapshots live, seen from a kata or solution crate
/// (both sit two levels below the workspace root).
const SNAPSHOTS: &str = "../../tests/snapshots";

/// Prints the reference timeline beside `trace`'s, if they differ, framed
/// by marker lines for the runner (see `kata-protocol`).
///
/// The world calls this when it is dropped while its test panics, so that
/// every failure shows the picture, whichever assertion failed: a learner
/// told "gathered calls run concurrently" also sees that their two calls
/// ran one after the other. The reference is the snapshot `name` (by
/// default the test's own name) of this test binary's crate, read from the
/// paths cargo gives a test run; the marker names the `test`, which is what
/// the runner reports on.
pub(crate) fn show_on_failure(test: &str, name: &str, trace: &Trace) {
    // Nothing ran (a `todo!()` panicked first): the message says it all.
    if trace.events().is_empty() {
        return;
    }
    let (Some(manifest_dir), Some(krate)) = (std::env::var_os("CARGO_MANIFEST_DIR"), test_crate())
    else {
        return;
    };
    let file = format!("{krate}__{name}.snap");
    let Ok(stored) = std::fs::read_to_string(Path::new(&manifest_dir).join(SNAPSHOTS).join(&file))
    else {
        return;
    };
    let expected = snapshot_body(&stored);
    if expected.trim_end() == timeline::render(trace).trim_end() {
        return;
    }
    let Some(reference) = timeline::parse(expected) else {
        return;
    };
    eprintln!(
        "\n{}\nThe timeline of `{name}` differs from the reference (both drawn on one scale).\n\n{}\n\
         Change the kata, not the snapshot: the reference is what a right answer does.\n{}\n",
        Marker::TimelineBegin {
            test: test.to_owned()
        },
        compare(&reference, trace, terminal_width()),
        Marker::TimelineEnd,
    );
}

/// The reference and the learner's timelines on the scale of the longer
/// one, side by side when `width` columns hold both, else one above the
/// other. Rows that differ are marked with `!`.
pub fn compare(reference: &Trace, yours: &Trace, width: usize) -> String {
    let scale = Scale::fitting(&[reference, yours]);
    let expected = timeline::rows(reference, scale);
    let actual = timeline::rows(yours, scale);
    let left: Vec<&str> = expected.lines().collect();
    let right: Vec<&str> = actual.lines().collect();
    let left_width = left.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let right_width = right.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let left_width = left_width.max("expected".len());

    let mut out = String::new();
    let differs = |i: usize| left.get(i) != right.get(i);
    if 2 + left_width + 3 + right_width <= width {
        writeln!(out, "  {:<left_width$} | yours", "expected").unwrap();
        for i in 0..left.len().max(right.len()) {
            let (l, r) = (
                left.get(i).copied().unwrap_or(""),
                right.get(i).copied().unwrap_or(""),
            );
            let mark = if differs(i) { '!' } else { ' ' };
            writeln!(
                out,
                "{}",
                format!("{mark} {l:<left_width$} | {r}").trim_end()
            )
            .unwrap();
        }
    } else {
        writeln!(out, "  expected").unwrap();
        for l in &left {
            writeln!(out, "{}", format!("  {l}").trim_end()).unwrap();
        }
        writeln!(out, "\n  yours").unwrap();
        for (i, r) in right.iter().enumerate() {
            let mark = if differs(i) { '!' } else { ' ' };
            writeln!(out, "{}", format!("{mark} {r}").trim_end()).unwrap();
        }
    }
    out
}

/// The width of the learner's terminal: `COLUMNS` when set (the runner sets
/// it for the tests it runs), else the terminal's own, else 80.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| {
            crossterm::terminal::size()
                .ok()
                .map(|(w, _)| usize::from(w))
        })
        .filter(|w| *w > 0)
        .unwrap_or(80)
}

/// The crate name of the running test binary: cargo names it
/// `<crate>-<hash>`.
fn test_crate() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let stem = exe.file_stem()?.to_str()?;
    Some(
        stem.rsplit_once('-')
            .map_or(stem, |(krate, _hash)| krate)
            .to_owned(),
    )
}

/// The content of an insta `.snap` file: what follows its `---` header.
fn snapshot_body(stored: &str) -> &str {
    match stored
        .strip_prefix("---\n")
        .and_then(|s| s.split_once("\n---\n"))
    {
        Some((_header, body)) => body,
        None => stored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_what_follows_the_header() {
        let stored = "---\nsource: tests/x.rs\nexpression: rendered\n---\nline 1\nline 2\n";
        assert_eq!(snapshot_body(stored), "line 1\nline 2\n");
    }
}
