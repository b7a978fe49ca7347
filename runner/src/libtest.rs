//! Reading what `cargo test` said: libtest's report on stdout, the
//! compiler's diagnostics on stderr.
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
//! meaningful line (see [`summarise`]); `cargo test -p NAME` has the rest,
//! timelines included.

/// The tests of one `cargo test` run, sorted by name (libtest prints them
/// as they finish, in no fixed order).
pub struct Report {
    /// Whether any test binary ran: false when the build failed.
    pub ran: bool,
    pub tests: Vec<Test>,
}

pub struct Test {
    pub name: String,
    pub outcome: Outcome,
    /// The message of the test's first panic, when it failed.
    pub panic: Option<String>,
    /// The reference timeline beside the test's own, when the kata harness
    /// printed them (see [`timeline_block`]).
    pub timeline: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
    Passed,
    Failed,
    Ignored,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.count(Outcome::Passed)
    }

    pub fn failed(&self) -> usize {
        self.count(Outcome::Failed)
    }

    fn count(&self, outcome: Outcome) -> usize {
        self.tests.iter().filter(|t| t.outcome == outcome).count()
    }
}

pub fn parse(stdout: &str) -> Report {
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
            tests.push(Test {
                name: name.to_string(),
                outcome,
                panic: None,
                timeline: None,
            });
        }
    }
    sections.extend(section);
    tests.sort_by(|a, b| a.name.cmp(&b.name));

    for (name, lines) in sections {
        if let Some(test) = tests.iter_mut().find(|t| t.name == name) {
            test.panic = panic_message(&lines);
            test.timeline = timeline_block(&lines);
        }
    }
    Report { ran, tests }
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

/// The message of the first panic in a failure section: the lines after
/// `thread '...' panicked at FILE:LINE:COL:`, up to libtest's notes or a
/// backtrace.
fn panic_message(lines: &[&str]) -> Option<String> {
    let start = lines
        .iter()
        .position(|l| l.starts_with("thread '") && l.contains(" panicked at "))?;
    let message: Vec<&str> = lines[start + 1..]
        .iter()
        .take_while(|l| {
            !(l.is_empty()
                || l.starts_with("note: ")
                || l.starts_with("stack backtrace:")
                || l.starts_with("thread '"))
        })
        .copied()
        .collect();
    Some(message.join("\n"))
}

/// The side-by-side timelines in a failure section: what the kata harness
/// (`world/src/harness.rs`) prints when a test fails and its trace differs
/// from the reference, from "The timeline of `NAME` differs from the
/// reference." to "Change the kata, not the snapshot...". The harness writes
/// it to stderr, which libtest captures into the test's section.
fn timeline_block(lines: &[&str]) -> Option<String> {
    let start = lines.iter().position(|l| {
        l.starts_with("The timeline of `") && l.ends_with("differs from the reference.")
    })?;
    let length = lines[start..]
        .iter()
        .position(|l| l.starts_with("Change the kata, not the snapshot"))?;
    Some(lines[start..=start + length].join("\n"))
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
/// manifest it could not read, a test binary that crashed...).
pub fn error_or_tail(stderr: &str) -> String {
    first_error(stderr).unwrap_or_else(|| {
        let lines: Vec<&str> = stderr.lines().collect();
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
    fn reads_each_test_and_its_panic() {
        let report = parse(STDOUT);
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
        let report = parse(STDOUT);
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

    #[test]
    fn no_tests_ran_when_the_build_failed() {
        assert!(!parse("").ran);
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
stack backtrace:
   0: __rustc::rust_begin_unwind
note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.

The timeline of `step2_gather` differs from the reference.

  expected      | yours
! fetch_post(1) | fetch_user(1)

Change the kata, not the snapshot: the reference is what a right answer does.

---- step3_other stdout ----
The timeline of `step3_other` differs from the reference.
(cut short)

failures:
    step2_gather

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out
";

    #[test]
    fn finds_each_tests_timelines_and_nothing_else() {
        let report = parse(WITH_TIMELINES);
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
        assert!(block.ends_with("what a right answer does."));
        assert!(!block.contains("backtrace"));
    }
}
