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
use crate::trace::{Kind, Trace};
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

/// Why the deadline passed, classified from what happened before it rather
/// than assumed.
///
/// - A thread of the learner's own (`std::thread::spawn`) did the work a
///   task awaits: tokio cannot see that thread, so to the runtime every
///   task is simply waiting, and the paused clock jumps to the deadline.
///   Such an answer may well be right on a real clock, and must not be
///   told "deadlock".
/// - Work went on until the deadline (ten thousand requests done one at a
///   time): nothing is stuck, it is slow. Say how much finished, and when.
/// - Nothing happened for a long stretch before the deadline: something
///   awaited that can never complete. Only then "deadlock?".
fn deadline_message(seconds: u64) -> String {
    let started = Instant::now();
    let world = World::current();
    let foreign = world.as_ref().is_some_and(|world| {
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
        return format!(
            "did not finish within {seconds} s of virtual time, while work ran on a thread \
             tokio does not know (std::thread::spawn). On a real runtime this answer may well \
             be right. But the paused clock cannot see such a thread: with every task waiting, \
             it jumped straight to the deadline. Run blocking work with \
             tokio::task::spawn_blocking, whose threads the clock waits for."
        );
    }
    let deadlock = format!("did not finish within {seconds} s of virtual time (deadlock?)");
    let Some(world) = world else {
        return format!("{deadlock}: something awaited that can never complete");
    };
    match Progress::before(&world.trace(), world.now(), Duration::from_secs(seconds)) {
        Progress::Nothing => format!(
            "{deadlock}: nothing happened in all that time; something awaited that can never \
             complete"
        ),
        Progress::Stopped { last, quiet } => format!(
            "{deadlock}: nothing happened for the last {} ms before the deadline (the last \
             event at {} ms); something awaited that can never complete",
            quiet.as_millis(),
            last.as_millis()
        ),
        Progress::Slow { finished, last } => format!(
            "did not finish within {seconds} s of virtual time, but nothing was stuck: work \
             went on until the deadline ({finished} call(s) finished, the last at {} ms). It \
             is slow, not stuck: work done one at a time that should overlap, or waits longer \
             than it needs",
            last.as_millis()
        ),
    }
}

/// What a trace shows happened before a missed deadline.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Progress {
    /// No event at all.
    Nothing,
    /// Events until `last`, then nothing for `quiet`, a long stretch (a
    /// quarter of the deadline or more) before the deadline.
    Stopped { last: Duration, quiet: Duration },
    /// Events until shortly before the deadline: `finished` spans ended,
    /// the last event at `last`.
    Slow { finished: usize, last: Duration },
}

impl Progress {
    /// Classifies `trace` at `deadline` (the world's time when a deadline
    /// of `allowed` passed). Events at the deadline itself are left out:
    /// they are what the deadline did (the spans it cancelled), not work.
    pub(crate) fn before(trace: &Trace, deadline: Duration, allowed: Duration) -> Progress {
        let events: Vec<_> = trace.events().iter().filter(|e| e.at < deadline).collect();
        let Some(last) = events.iter().map(|e| e.at).max() else {
            return Progress::Nothing;
        };
        let quiet = deadline - last;
        if quiet >= allowed / 4 {
            return Progress::Stopped { last, quiet };
        }
        let finished = events
            .iter()
            .filter(|e| matches!(e.kind, Kind::End { .. } | Kind::Failed { .. }))
            .count();
        Progress::Slow { finished, last }
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
        if $crate::real_clock::real_clock() {
            // A real clock never gives the stored milliseconds: compare
            // within a tolerance and report, do not fail (real_clock.rs).
            $crate::real_clock::record_verdict($name, &world.trace());
        } else {
            let rendered = $crate::timeline::render(&world.trace());
            $crate::insta::assert_snapshot!($name, rendered);
        }
    }};
}

/// Where the reference snapshots live, seen from a kata or solution crate
/// (both sit two levels below the workspace root).
pub(crate) const SNAPSHOTS: &str = "../../tests/snapshots";

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
pub(crate) fn test_crate() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let stem = exe.file_stem()?.to_str()?;
    Some(
        stem.rsplit_once('-')
            .map_or(stem, |(krate, _hash)| krate)
            .to_owned(),
    )
}

/// The content of an insta `.snap` file: what follows its `---` header.
pub(crate) fn snapshot_body(stored: &str) -> &str {
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
