//! What every kata test wraps around the kata: a virtual-time deadline, and a
//! snapshot assertion that shows the reference timeline beside the learner's.

use std::fmt::Write as _;
use std::future::Future;
use std::path::Path;
use std::time::Duration;

use crate::timeline;
use crate::trace::Trace;

/// Awaits `fut`, failing the test if it takes longer than `seconds` of
/// virtual time.
///
/// On a paused clock a deadlock is cheap to catch: once every task waits, the
/// runtime jumps the clock to the deadline at once. Without the deadline, a
/// paused runtime with nothing left to run would park forever.
pub async fn within<F: Future>(seconds: u64, fut: F) -> F::Output {
    match tokio::time::timeout(Duration::from_secs(seconds), fut).await {
        Ok(output) => output,
        Err(_) => panic!(
            "did not finish within {seconds} s of virtual time (deadlock?): \
             something awaited that can never complete"
        ),
    }
}

/// Compares the world's trace with the reference snapshot `name`.
///
/// Name the snapshot after the test function: when anything in the test
/// fails, this assertion or one before it, the world prints the reference
/// timeline beside the learner's (see [`show_on_failure`]).
/// `tests/snapshots/` is never written by a learner's run (see
/// `.cargo/config.toml`); CONTRIBUTING.md says how authors record one.
#[macro_export]
macro_rules! assert_timeline {
    ($name:literal, $world:expr) => {{
        let world: &$crate::World = &$world;
        world.compared_with($name);
        $crate::insta::assert_snapshot!($name, $crate::timeline::render(&world.trace()));
    }};
}

/// Where the reference snapshots live, seen from a kata or solution crate
/// (both sit two levels below the workspace root).
const SNAPSHOTS: &str = "../../tests/snapshots";

/// Prints the reference timeline beside `trace`'s, if they differ.
///
/// The world calls this when it is dropped while its test panics, so that
/// every failure shows the picture, whichever assertion failed: a learner
/// told "gathered calls run concurrently" also sees that their two calls
/// ran one after the other. The reference is the snapshot `name` (by
/// default the test's own name, which libtest gives its thread) of this test
/// binary's crate, read from the paths cargo gives a test run.
pub(crate) fn show_on_failure(name: &str, trace: &Trace) {
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
    let actual = timeline::render(trace);
    if expected.trim_end() == actual.trim_end() {
        return;
    }
    eprintln!(
        "\nThe timeline of `{name}` differs from the reference.\n\n{}\n\
         Change the kata, not the snapshot: the reference is what a right answer does.\n",
        side_by_side(timeline_part(expected), timeline_part(&actual))
    );
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

/// The picture without the event list: everything up to the legend.
fn timeline_part(rendered: &str) -> &str {
    rendered.split("\n\n").next().unwrap_or(rendered)
}

/// Two blocks of text in two columns, rows that differ marked with `!`.
fn side_by_side(expected: &str, actual: &str) -> String {
    let left: Vec<&str> = expected.lines().collect();
    let right: Vec<&str> = actual.lines().collect();
    let width = left
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let mut out = String::new();
    writeln!(out, "  {:<width$} | yours", "expected").unwrap();
    for i in 0..left.len().max(right.len()) {
        let (l, r) = (
            left.get(i).copied().unwrap_or(""),
            right.get(i).copied().unwrap_or(""),
        );
        let mark = if l == r { ' ' } else { '!' };
        writeln!(out, "{mark} {l:<width$} | {r}").unwrap();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_what_follows_the_header() {
        let stored = "---\nsource: tests/x.rs\nexpression: rendered\n---\nline 1\nline 2\n";
        assert_eq!(snapshot_body(stored), "line 1\nline 2\n");
    }

    #[test]
    fn differing_rows_are_marked() {
        let out = side_by_side("a\nb", "a\nc\nd");
        let marks: Vec<char> = out
            .lines()
            .skip(1)
            .map(|l| l.chars().next().unwrap())
            .collect();
        assert_eq!(marks, [' ', '!', '!']);
    }
}
