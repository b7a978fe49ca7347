//! Reading what `cargo test` said: libtest's report on stdout, the
//! compiler's diagnostics on stderr, and the kata harness's marker lines
//! in either.
//!
//! libtest prints one line per test, then a section per failure with what
//! the test printed and its panic:
//!
//! ```text
//! running 2 tests
//! test step1_one_after_another ... ok
//! test step2_gather ... FAILED
//!
//! failures:
//!
//! ---- step2_gather stdout ----
//! thread 'step2_gather' (4242) panicked at tests/spawn-vs-join.rs:64:5:
//! assertion `left == right` failed: gathered calls run concurrently
//!   left: 500ms
//!  right: 0ns
//! note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
//! ```
//!
//! Of a panic we keep the message only, and learners are shown its first
//! meaningful line (see [`summarise`]); `cargo test -p NAME` has the rest.
//!
//! What the harness adds is found by marker lines (`kata-protocol`), never
//! by its sentences, which are free to change:
//!
//! - the side-by-side timelines of a failing test, the lines strictly
//!   between `@kata timeline-begin test=NAME` and `@kata timeline-end`,
//!   in the test's section of stdout (on stderr under `--nocapture`);
//! - `@kata stopped test=NAME cause=CODE`: the real-time watchdog ended the
//!   whole test binary because test NAME hung. It writes that straight to
//!   the binary's stderr, which cargo passes on as its own. libtest never
//!   gets to report NAME, nor the tests still running or waiting their turn.

use kata_protocol::{Cause, Marker};

/// The tests of one `cargo test` run, sorted by name (libtest prints them
/// as they finish, in no fixed order).
pub struct Report {
    /// Whether any test binary ran: false when the build failed.
    pub ran: bool,
    pub tests: Vec<Test>,
    /// The test in which the watchdog stopped the test binary, if it did.
    pub stopped: Option<String>,
}

pub struct Test {
    pub name: String,
    pub outcome: Outcome,
    /// The message of the test's first panic, when it failed.
    pub panic: Option<String>,
    /// The reference timeline beside the test's own, when the kata harness
    /// printed them.
    pub timeline: Option<String>,
    /// Why the watchdog stopped the test binary in this test.
    pub stopped: Option<Cause>,
    /// It failed at a `todo!()` still in place (`@kata todo`).
    pub todo: bool,
    /// Its snapshot assertion failed (`@kata snapshot-differs`).
    pub snapshot_differs: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
    Passed,
    Failed,
    Ignored,
    /// The watchdog stopped the test binary before this test reported.
    NotRun,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.count(Outcome::Passed)
    }

    pub fn failed(&self) -> usize {
        self.count(Outcome::Failed)
    }

    pub fn not_run(&self) -> usize {
        self.count(Outcome::NotRun)
    }

    fn count(&self, outcome: Outcome) -> usize {
        self.tests.iter().filter(|t| t.outcome == outcome).count()
    }

    /// When the test binary was stopped, lists as not run every test of
    /// `names` (the test file's, see `steps.rs`) that reported nothing:
    /// libtest only names a test when it ends.
    pub fn add_not_run(&mut self, names: &[String]) {
        if self.stopped.is_none() {
            return;
        }
        for name in names {
            if !self.tests.iter().any(|t| t.name == *name) {
                self.tests.push(Test::new(name, Outcome::NotRun));
            }
        }
        self.tests.sort_by(|a, b| a.name.cmp(&b.name));
    }
}

impl Test {
    fn new(name: &str, outcome: Outcome) -> Test {
        Test {
            name: name.to_string(),
            outcome,
            panic: None,
            timeline: None,
            stopped: None,
            todo: false,
            snapshot_differs: false,
        }
    }

    /// Why it failed, in one line: the watchdog's words (in English, as
    /// `verify` runs the tests), or the panic's (see [`summarise`]).
    pub fn why(&self) -> String {
        match (self.stopped, &self.panic) {
            (Some(cause), _) => format!(
                "the watchdog stopped it: {}",
                cause.explanation(kata_protocol::Lang::En)
            ),
            (None, Some(panic)) => summarise(panic),
            (None, None) => String::new(),
        }
    }
}

/// Reads a `cargo test` run from what it printed on stdout and stderr.
pub fn parse(stdout: &str, stderr: &str) -> Report {
    let mut ran = false;
    let mut tests: Vec<Test> = Vec::new();
    // The failure section being read: whose, and its lines.
    let mut section: Option<(String, Vec<&str>)> = None;
    let mut sections: Vec<(String, Vec<&str>)> = Vec::new();

    for line in stdout.lines() {
        if let Some(name) = line
            .strip_prefix("---- ")
            .and_then(|l| l.strip_suffix(" stdout ----"))
        {
            sections.extend(section.take());
            section = Some((name.to_string(), Vec::new()));
        } else if line == "failures:" || line.starts_with("test result: ") {
            sections.extend(section.take());
        } else if let Some((_, lines)) = &mut section {
            lines.push(line);
        } else if line.starts_with("running ") && line.contains(" test") {
            ran = true;
        } else if let Some((name, outcome)) = test_line(line) {
            tests.push(Test::new(name, outcome));
        }
    }
    sections.extend(section);

    for (name, lines) in sections {
        if let Some(test) = tests.iter_mut().find(|t| t.name == name) {
            test.panic = panic_message(&lines);
        }
    }
    for (name, block) in timeline_blocks(stdout)
        .into_iter()
        .chain(timeline_blocks(stderr))
    {
        if let Some(test) = tests.iter_mut().find(|t| t.name == name) {
            test.timeline.get_or_insert(block);
        }
    }
    mark_tests(&mut tests, stdout, stderr);
    let stopped = [stdout, stderr].iter().find_map(|text| {
        text.lines().find_map(|line| match Marker::parse(line) {
            Some(Marker::Stopped { test, cause }) => Some((test, cause)),
            _ => None,
        })
    });
    if let Some((name, cause)) = &stopped {
        let index = match tests.iter().position(|t| t.name == *name) {
            Some(index) => index,
            None => {
                tests.push(Test::new(name, Outcome::Failed));
                tests.len() - 1
            }
        };
        tests[index].outcome = Outcome::Failed;
        tests[index].stopped = Some(*cause);
    }
    tests.sort_by(|a, b| a.name.cmp(&b.name));
    Report {
        ran,
        tests,
        stopped: stopped.map(|(name, _)| name),
    }
}

/// Flags each test that the harness's marker lines say failed at a
/// `todo!()` or in its snapshot assertion.
fn mark_tests(tests: &mut [Test], stdout: &str, stderr: &str) {
    for marker in [stdout, stderr]
        .iter()
        .flat_map(|text| text.lines())
        .filter_map(Marker::parse)
    {
        let (name, todo) = match &marker {
            Marker::Todo { test } => (test, true),
            Marker::SnapshotDiffers { test } => (test, false),
            _ => continue,
        };
        if let Some(test) = tests.iter_mut().find(|t| t.name == *name) {
            if todo {
                test.todo = true;
            } else {
                test.snapshot_differs = true;
            }
        }
    }
}

/// `test step2_gather ... FAILED`
fn test_line(line: &str) -> Option<(&str, Outcome)> {
    let (name, result) = line.strip_prefix("test ")?.rsplit_once(" ... ")?;
    let outcome = match result {
        "ok" => Outcome::Passed,
        "FAILED" => Outcome::Failed,
        r if r.starts_with("ignored") => Outcome::Ignored,
        _ => return None,
    };
    // `should_panic` tests read `test name - should panic ... ok`.
    let name = name.strip_suffix(" - should panic").unwrap_or(name);
    Some((name, outcome))
}

/// The message of the last panic in a failure section: the lines after
/// `thread '...' panicked at FILE:LINE:COL:`, up to libtest's notes, a
/// backtrace or a marker line.
///
/// The last, because that is the one that failed the test: a panic before
/// it was caught and the test went on (a test's deliberate "disk full", a
/// learner's panic the test catches to judge it). A panic that fails a test
/// ends it, so nothing of the test's can panic after it.
fn panic_message(lines: &[&str]) -> Option<String> {
    let start = lines
        .iter()
        .rposition(|l| l.starts_with("thread '") && l.contains(" panicked at "))?;
    let message: Vec<&str> = lines[start + 1..]
        .iter()
        .take_while(|l| {
            !(l.is_empty()
                || l.starts_with("note: ")
                || l.starts_with("stack backtrace:")
                || l.starts_with("thread '")
                || Marker::parse(l).is_some())
        })
        .copied()
        .collect();
    Some(message.join("\n"))
}

/// Every complete timeline block in `text`, with the test it belongs to:
/// the lines strictly between a `timeline-begin` marker and the next
/// `timeline-end`. A block cut short (the binary died mid-way) is left out.
fn timeline_blocks(text: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, Vec<&str>)> = None;
    for line in text.lines() {
        match Marker::parse(line) {
            Some(Marker::TimelineBegin { test }) => open = Some((test, Vec::new())),
            Some(Marker::TimelineEnd) => {
                if let Some((test, lines)) = open.take() {
                    blocks.push((test, trim_blank_lines(&lines).join("\n")));
                }
            }
            Some(Marker::Stopped { .. }) => open = None,
            Some(Marker::Todo { .. } | Marker::SnapshotDiffers { .. }) => {}
            None => {
                if let Some((_, lines)) = &mut open {
                    lines.push(line);
                }
            }
        }
    }
    blocks
}

/// `lines` without the blank lines at either end.
fn trim_blank_lines<'a>(lines: &'a [&'a str]) -> &'a [&'a str] {
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |i| i + 1);
    &lines[start..end]
}

/// A panic message in one line: its first line, and for a failed
/// `assert_eq!` the two values beside its message.
///
/// ```text
/// not yet implemented: step 1: await fetch_user(1), then fetch_post(1); see README step 1
/// gathered calls run concurrently: both start at 0 ms (left: (500ms, 0ns), right: (0ns, 0ns))
/// ```
pub fn summarise(message: &str) -> String {
    let mut lines = message.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return "panicked (no message)".to_string();
    };
    let Some(after) = first
        .strip_prefix("assertion `left ")
        .and_then(|rest| rest.split_once("` failed"))
        .map(|(_, after)| after)
    else {
        return first.to_string();
    };
    let what = after.strip_prefix(": ").unwrap_or(first);
    let value = |side: &str| {
        message
            .lines()
            .find_map(|l| l.trim_start().strip_prefix(side))
            .map(|v| shorten(v.trim(), 60))
    };
    match (value("left: "), value("right: ")) {
        (Some(left), Some(right)) => format!("{what} (left: {left}, right: {right})"),
        _ => what.to_string(),
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max - 1).collect();
    format!("{kept}…")
}

/// A warning of rustc's about the learner's own code, in short: its
/// message with the notes and help that explain it, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// `unused `Sleep` that must be used: futures do nothing unless you
    /// `.await` or poll them`
    pub message: String,
    /// `katas/01-lazy-futures/src/lib.rs:23:5`
    pub location: String,
}

/// rustc's warnings about the files under `dir` (`katas/01-lazy-futures`,
/// as cargo prints paths from the workspace root), each once. A warning
/// about the world, a dependency or the shared test file (which cargo shows
/// as `katas/NN-name/../../tests/name.rs`) is not the learner's to fix, and
/// is left out. Cargo replays a crate's warnings when it is not rebuilt, so
/// they come with every run.
pub fn warnings(stderr: &str, dir: &str) -> Vec<Warning> {
    let mut found: Vec<Warning> = Vec::new();
    let lines: Vec<&str> = stderr.lines().collect();
    let starts = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_warning_start(l));
    for (start, line) in starts {
        let block = lines[start + 1..]
            .iter()
            .take_while(|l| !l.trim().is_empty() && !is_warning_start(l));
        let mut location = None;
        let mut notes = Vec::new();
        for line in block {
            let trimmed = line.trim_start();
            if let Some(path) = trimmed.strip_prefix("--> ") {
                location.get_or_insert(path.trim().to_string());
            } else if let Some(note) = explanation(trimmed) {
                notes.push(note);
            }
        }
        let Some(location) = location.filter(|l| is_under(l, dir)) else {
            continue;
        };
        let head = line.split_once(": ").map_or("", |(_, message)| message);
        let message = std::iter::once(head)
            .chain(notes.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(": ");
        let warning = Warning { message, location };
        if !found.contains(&warning) {
            found.push(warning);
        }
    }
    found
}

/// `warning: unused variable: `x``, `warning[E0170]: ...`; not cargo's
/// `warning: `name` (lib) generated 1 warning`, which has no location
/// anyway.
fn is_warning_start(line: &str) -> bool {
    line.starts_with("warning: ") || (line.starts_with("warning[") && line.contains("]: "))
}

/// A note that explains a warning (`= note: futures do nothing unless you
/// `.await` or poll them`), but not the one that says which lint it is and
/// that it is on by default, which explains nothing. rustc's `help:` is
/// left out too: it suggests a way to silence the warning (`let _ = ...`
/// for a future never awaited), which is rarely the kata's lesson.
fn explanation(line: &str) -> Option<String> {
    let line = line.strip_prefix("= ").unwrap_or(line);
    let text = line.strip_prefix("note: ")?;
    (!text.contains("on by default")).then(|| text.trim().to_string())
}

/// Whether `location` (`path:line:column`) is in `dir`, not reached
/// through `..`.
fn is_under(location: &str, dir: &str) -> bool {
    let path = std::path::Path::new(location);
    path.starts_with(dir)
        && !path
            .components()
            .any(|c| c == std::path::Component::ParentDir)
}

/// The compiler's first error: from the first line that starts with
/// `error` to the next blank line. The rest often follow from it, and a
/// wall of errors hides the one to fix first.
fn first_error(stderr: &str) -> Option<String> {
    let block: Vec<&str> = stderr
        .lines()
        .skip_while(|l| !(l.starts_with("error:") || l.starts_with("error[")))
        .take_while(|l| !l.trim().is_empty())
        .collect();
    (!block.is_empty()).then(|| block.join("\n"))
}

/// The compiler's first error, or else the end of what cargo said (a
/// manifest it could not read, a test binary that crashed...), marker
/// lines left out.
pub fn error_or_tail(stderr: &str) -> String {
    first_error(stderr).unwrap_or_else(|| {
        let lines: Vec<&str> = stderr
            .lines()
            .filter(|l| Marker::parse(l).is_none())
            .collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STDOUT: &str = "
running 4 tests
test step1_one_after_another ... ok
test step2_gather ... FAILED
test step3_plain_future_waits ... FAILED
test step4_ignored ... ignored, needs a network

failures:

---- step2_gather stdout ----
  expected | yours
! [====]   | [==]

thread 'step2_gather' (4242) panicked at tests/spawn-vs-join.rs:64:5:
assertion `left == right` failed: gathered calls run concurrently: both start at 0 ms
  left: (500ms, 0ns)
 right: (0ns, 0ns)
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

---- step3_plain_future_waits stdout ----

thread 'step3_plain_future_waits' (4243) panicked at katas/03-spawn-vs-join/src/lib.rs:29:5:
not yet implemented: step 3: create fetch_data(1); see README step 3
stack backtrace:
   0: __rustc::rust_begin_unwind


failures:
    step2_gather
    step3_plain_future_waits

test result: FAILED. 1 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s
";

    #[test]
    fn the_reason_is_the_last_panic_not_a_caught_one() {
        let stdout = "
running 1 test
test step2_outcome ... FAILED

failures:

---- step2_outcome stdout ----

thread 'step2_outcome' (7) panicked at world/src/deliberate.rs:10:5:
disk full

thread 'step2_outcome' (7) panicked at tests/cancellation.rs:90:5:
every item is rolled back when its task is cancelled
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace


failures:
    step2_outcome

test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s
";
        let report = parse(stdout, "");
        assert_eq!(
            report.tests[0].panic.as_deref(),
            Some("every item is rolled back when its task is cancelled")
        );
    }

    #[test]
    fn reads_each_test_and_its_panic() {
        let report = parse(STDOUT, "");
        assert!(report.ran);
        let outcomes: Vec<_> = report
            .tests
            .iter()
            .map(|t| (t.name.as_str(), t.outcome))
            .collect();
        assert_eq!(
            outcomes,
            [
                ("step1_one_after_another", Outcome::Passed),
                ("step2_gather", Outcome::Failed),
                ("step3_plain_future_waits", Outcome::Failed),
                ("step4_ignored", Outcome::Ignored),
            ]
        );
        assert_eq!((report.passed(), report.failed()), (1, 2));
        assert_eq!(report.tests[0].panic, None);
        assert_eq!(
            report.tests[2].panic.as_deref(),
            Some("not yet implemented: step 3: create fetch_data(1); see README step 3")
        );
    }

    #[test]
    fn an_assertion_is_summarised_with_its_values() {
        let report = parse(STDOUT, "");
        let panic = report.tests[1].panic.as_deref().unwrap();
        assert_eq!(
            summarise(panic),
            "gathered calls run concurrently: both start at 0 ms \
             (left: (500ms, 0ns), right: (0ns, 0ns))"
        );
        assert_eq!(
            summarise("assertion `left == right` failed\n  left: 1\n right: 2"),
            "assertion `left == right` failed (left: 1, right: 2)"
        );
        assert_eq!(summarise("\ndid not finish\nmore"), "did not finish");
    }

    /// A `todo!()` and a snapshot mismatch are known by the harness's
    /// markers, never by std's or insta's words: the same panics without
    /// markers are plain failures.
    #[test]
    fn a_todo_and_a_snapshot_mismatch_are_read_from_markers() {
        let report = parse(STDOUT, "");
        assert!(report.tests.iter().all(|t| !t.todo && !t.snapshot_differs));
        let marked = STDOUT.replace(
            "stack backtrace:",
            "@kata todo test=step3_plain_future_waits\n\
             @kata snapshot-differs test=step2_gather\nstack backtrace:",
        );
        let report = parse(&marked, "@kata todo test=step9_unknown\n");
        let flags: Vec<_> = report
            .tests
            .iter()
            .map(|t| (t.name.as_str(), t.todo, t.snapshot_differs))
            .collect();
        assert_eq!(
            flags,
            [
                ("step1_one_after_another", false, false),
                ("step2_gather", false, true),
                ("step3_plain_future_waits", true, false),
                ("step4_ignored", false, false),
            ]
        );
        assert_eq!(
            report.tests[2].panic.as_deref(),
            Some("not yet implemented: step 3: create fetch_data(1); see README step 3")
        );
    }

    #[test]
    fn no_tests_ran_when_the_build_failed() {
        assert!(!parse("", "").ran);
    }

    #[test]
    fn the_first_error_only() {
        let stderr = "\
   Compiling spawn-vs-join v0.1.0
warning: unused variable: `x`
 --> src/lib.rs:1:1

error: expected expression, found `;`
  --> katas/03-spawn-vs-join/src/lib.rs:19:13
   |
19 |     let a = ;
   |             ^ expected expression

error: expected expression, found `;`
  --> katas/03-spawn-vs-join/src/lib.rs:24:13

error: could not compile `spawn-vs-join` (lib) due to 2 previous errors
";
        let first = first_error(stderr).unwrap();
        assert!(first.starts_with("error: expected expression"));
        assert!(first.ends_with("^ expected expression"));
        assert!(!first.contains(":24:13"));
        assert_eq!(first_error("   Compiling x\n"), None);
    }

    /// A failure whose section holds the harness's timelines, and one
    /// whose block is cut short.
    const WITH_TIMELINES: &str = "
running 3 tests
test step1_a ... ok
test step2_gather ... FAILED
test step3_other ... FAILED

failures:

---- step2_gather stdout ----

thread 'step2_gather' (15998) panicked at tests/spawn-vs-join.rs:59:5:
assertion `left == right` failed: gathered calls run concurrently: both start at 0 ms
  left: (0ns, 500ms)
 right: (0ns, 0ns)
@kata timeline-begin test=step2_gather
The timeline of `step2_gather` differs from the reference.

  expected      | yours
! fetch_post(1) | fetch_user(1)

Change the kata, not the snapshot.
@kata timeline-end
stack backtrace:
   0: __rustc::rust_begin_unwind

---- step3_other stdout ----
@kata timeline-begin test=step3_other
(cut short)

failures:
    step2_gather

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out
";

    #[test]
    fn finds_each_tests_timelines_between_the_markers() {
        let report = parse(WITH_TIMELINES, "");
        let found: Vec<(&str, &str)> = report
            .tests
            .iter()
            .filter_map(|t| Some((t.name.as_str(), t.timeline.as_deref()?)))
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        let (name, block) = found[0];
        assert_eq!(name, "step2_gather");
        assert!(block.starts_with("The timeline of `step2_gather` differs"));
        assert!(block.contains("! fetch_post(1) | fetch_user(1)"));
        assert!(block.ends_with("Change the kata, not the snapshot."));
        assert!(!block.contains("@kata"), "{block}");
        assert!(!block.contains("backtrace"), "{block}");
        // The panic ends where the markers begin.
        let panic = report.tests[1].panic.as_deref().unwrap();
        assert!(panic.ends_with(" right: (0ns, 0ns)"), "{panic}");
        assert_eq!(report.stopped, None);
    }

    /// What cargo prints when the watchdog ends the test binary in step 3
    /// while step 4 still runs and step 5 waits its turn: libtest's stdout
    /// stops short, and the marker comes on stderr.
    const STOPPED_STDOUT: &str = "
running 5 tests
test step2_gather ... ok
test step1_one_after_another ... ok
";
    const STOPPED_STDERR: &str = "\
   Compiling spawn-vs-join v0.1.0 (/work/katas/03-spawn-vs-join)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 0.61s
     Running tests/spawn-vs-join.rs (target/debug/deps/spawn_vs_join-0a1b2c)

@kata stopped test=step3_plain_future_waits cause=never-yields
The watchdog stopped `step3_plain_future_waits` after 5.0 s of real time: ...

error: test failed, to rerun pass `--test spawn-vs-join`

Caused by:
  process didn't exit successfully: `/work/target/debug/deps/spawn_vs_join-0a1b2c` (exit status: 101)
";

    #[test]
    fn a_stopped_test_fails_with_the_watchdogs_words_and_the_rest_did_not_run() {
        let mut report = parse(STOPPED_STDOUT, STOPPED_STDERR);
        assert!(report.ran);
        assert_eq!(report.stopped.as_deref(), Some("step3_plain_future_waits"));
        let names: Vec<String> = [
            "step1_one_after_another",
            "step2_gather",
            "step3_plain_future_waits",
            "step4_spawned_task_runs",
            "step5_spawn_three_gather_two",
        ]
        .map(String::from)
        .to_vec();
        report.add_not_run(&names);
        let outcomes: Vec<_> = report
            .tests
            .iter()
            .map(|t| (t.name.as_str(), t.outcome))
            .collect();
        assert_eq!(
            outcomes,
            [
                ("step1_one_after_another", Outcome::Passed),
                ("step2_gather", Outcome::Passed),
                ("step3_plain_future_waits", Outcome::Failed),
                ("step4_spawned_task_runs", Outcome::NotRun),
                ("step5_spawn_three_gather_two", Outcome::NotRun),
            ]
        );
        assert_eq!(
            (report.passed(), report.failed(), report.not_run()),
            (2, 1, 2)
        );
        let stopped = &report.tests[2];
        assert_eq!(stopped.stopped, Some(Cause::NeverYields));
        assert_eq!(
            stopped.why(),
            format!(
                "the watchdog stopped it: {}",
                Cause::NeverYields.explanation(kata_protocol::Lang::En)
            )
        );
        assert!(!error_or_tail(STOPPED_STDERR).contains("@kata"));
    }

    #[test]
    fn the_stopped_marker_counts_on_stdout_too_and_only_when_stopped_are_tests_not_run() {
        let stdout = format!("{STOPPED_STDOUT}@kata stopped test=step4_x cause=clock-stuck\n");
        let mut report = parse(&stdout, "");
        assert_eq!(report.stopped.as_deref(), Some("step4_x"));
        assert_eq!(report.tests[2].stopped, Some(Cause::ClockStuck));

        let mut report_without = parse(STOPPED_STDOUT, "");
        report_without.add_not_run(&["step9_never".to_string()]);
        assert_eq!(report_without.tests.len(), 2);
        report.add_not_run(&["step4_x".to_string()]);
        assert_eq!(
            report.tests.len(),
            3,
            "the stopped test is not also not run"
        );
    }

    /// What cargo prints on stderr for kata 01 with a sleep never awaited,
    /// a warning in the world, and cargo's summaries.
    const WARNINGS: &str = "\
   Compiling world v0.1.0 (/work/world)
warning: unused variable: `spare`
  --> world/src/api.rs:10:9
   |
10 |     let spare = 1;
   |         ^^^^^ help: if this is intentional, prefix it with an underscore: `_spare`
   |
   = note: `#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default

   Compiling lazy-futures v0.1.0 (/work/katas/01-lazy-futures)
warning: unused `Sleep` that must be used
  --> katas/01-lazy-futures/src/lib.rs:23:5
   |
23 |     tokio::time::sleep(Duration::from_millis(100));
   |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
   |
   = note: futures do nothing unless you `.await` or poll them
   = note: `#[warn(unused_must_use)]` (part of `#[warn(unused)]`) on by default
help: use `let _ = ...` to ignore the resulting value
   |
23 |     let _ = tokio::time::sleep(Duration::from_millis(100));
   |     +++++++

warning: unused import: `x`
 --> katas/01-lazy-futures/../../tests/lazy-futures.rs:3:5

warning: `lazy-futures` (lib) generated 1 warning
warning: unused `Sleep` that must be used
  --> katas/01-lazy-futures/src/lib.rs:23:5
   |
   = note: futures do nothing unless you `.await` or poll them
   = note: `#[warn(unused_must_use)]` (part of `#[warn(unused)]`) on by default
help: use `let _ = ...` to ignore the resulting value

    Finished `test` profile [unoptimized + debuginfo] target(s) in 1.21s
";

    #[test]
    fn the_katas_own_warnings_each_once_with_what_explains_them() {
        let found = warnings(WARNINGS, "katas/01-lazy-futures");
        assert_eq!(
            found,
            [Warning {
                message: "unused `Sleep` that must be used: futures do nothing unless you \
                          `.await` or poll them"
                    .to_string(),
                location: "katas/01-lazy-futures/src/lib.rs:23:5".to_string(),
            }]
        );
        assert!(warnings(WARNINGS, "katas/03-spawn-vs-join").is_empty());
        assert!(warnings("", "katas/01-lazy-futures").is_empty());
    }
}
