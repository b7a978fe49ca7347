//! `cargo kata check [NAME]`: runs the kata's tests and says, one line per
//! test, what passes and why the rest fail; under a failure whose timeline
//! differs from the reference, the two timelines side by side; under a test
//! that hung until the watchdog stopped it, why that happens. Every check
//! records which tests failed (for `hint`), and when every test passes the
//! kata is recorded solved in `.kata-progress`.

use std::process::ExitCode;

use anstream::println;
use anyhow::{Result, bail};

use crate::blob::blob_id;
use crate::cargo;
use crate::cmd::list;
use crate::kata::Kata;
use crate::libtest::{self, Outcome, Report};
use crate::progress::Progress;
use crate::style::{self, paint, wrap};
use crate::workspace::Workspace;

/// How far what is said at length under a test is indented.
const INDENT: &str = "    ";

/// What a check found; `main` turns it into the exit code (0, 1, 2), and
/// `watch` into its next move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every test passes; the kata is recorded solved.
    Solved,
    /// The tests ran and some failed (or the test binary died).
    Failing,
    /// The kata does not compile: no test ran.
    DoesNotCompile,
}

/// `cargo kata check [NAME]`: the kata named, else the next one unsolved.
pub fn command(workspace: &Workspace, name: Option<&str>) -> Result<ExitCode> {
    let kata = match name {
        Some(name) => workspace.kata(name)?,
        None => {
            let katas = workspace.katas()?;
            let progress = Progress::load(&workspace.progress_file());
            let Some(next) = progress.next(&katas) else {
                bail!(
                    "every kata is solved; to check one again, name it: \
                     `cargo kata check NAME`"
                );
            };
            println!("Checking the next kata to solve, {}.", next.label());
            workspace.kata(&next.name)?
        }
    };
    Ok(match run(workspace, &kata)? {
        Verdict::Solved => ExitCode::SUCCESS,
        Verdict::Failing => ExitCode::FAILURE,
        Verdict::DoesNotCompile => ExitCode::from(2),
    })
}

pub fn run(workspace: &Workspace, kata: &Kata) -> Result<Verdict> {
    let path = kata.lib_rs();
    // Read before the build: what gets recorded is the code that passed.
    let code = kata.read_lib_rs(workspace.root())?;

    println!("cargo test -p {}", kata.name);
    // The harness draws timelines to fit; they are shown indented.
    let columns = style::columns().saturating_sub(INDENT.len());
    let output = cargo::test(workspace.root(), &kata.name, None, Some(columns))?;
    let mut report = libtest::parse(&output.stdout, &output.stderr);
    report.add_not_run(&kata.test_names(workspace.root()));

    if !report.ran {
        println!(
            "\n{} does not compile. The compiler's first error:\n",
            kata.name
        );
        println!("{}", libtest::error_or_tail(&output.stderr));
        println!(
            "\nFix that one first: the errors after it often go with it.\n\
             (`cargo build -p {}` shows them all.)",
            kata.name
        );
        return Ok(Verdict::DoesNotCompile);
    }
    let spaced = print_tests(&report);
    // One blank line between the tests and what follows.
    let gap = if spaced { "" } else { "\n" };

    let failing: Vec<&str> = report
        .tests
        .iter()
        .filter(|t| t.outcome == Outcome::Failed)
        .map(|t| t.name.as_str())
        .collect();
    let (passed, total) = (report.passed(), report.tests.len());
    let solved = output.success && passed > 0 && report.failed() == 0;
    // Merged into the file as it is now; a failed write is a warning only:
    // the verdict is the tests', whatever happens to the record.
    let progress = Progress::record(&workspace.progress_file(), |progress| {
        progress.record_failing(kata, &failing);
        if solved {
            progress.record_solved(kata, &blob_id(&code));
        }
    });

    if solved {
        println!(
            "{gap}{}: all {passed} tests pass. {} is recorded as solved.\n\
             Compare yours with the reference: `cargo kata solution {}`",
            paint(style::GOOD, "Solved"),
            kata.name,
            kata.name
        );
        let katas = workspace.katas()?;
        match progress.next(&katas) {
            Some(next) => list::print_next(workspace, next),
            None => println!("\nEvery kata is solved."),
        }
        return Ok(Verdict::Solved);
    }
    if report.failed() == 0 {
        // The tests ran, none failed, yet cargo failed: a test binary that
        // crashed or was killed.
        println!("{gap}The tests did not run to the end:\n");
        println!("{}", libtest::error_or_tail(&output.stderr));
    } else {
        let stopped = match (&report.stopped, report.not_run()) {
            (None, _) => String::new(),
            (Some(test), 0) => format!("The watchdog stopped the tests in {test}.\n"),
            (Some(test), n) => {
                format!("The watchdog stopped the tests in {test}; {n} did not run.\n")
            }
        };
        println!(
            "{gap}{stopped}{passed} of {total} tests pass. Keep going in {}; \
             stuck? `cargo kata hint {}`",
            path.display(),
            kata.name
        );
    }
    Ok(Verdict::Failing)
}

/// `ok      step1_one_after_another`
/// `FAILED  step2_gather             gathered calls run concurrently: ...`
///
/// and under a failure, what it needs said at length: the watchdog's
/// explanation of a hang, or its timeline beside the reference's when the
/// test printed them (not under a `todo!`, whose timeline is empty).
/// Whether a blank line ended it.
fn print_tests(report: &Report) -> bool {
    let width = report.tests.iter().map(|t| t.name.len()).max().unwrap_or(0);
    let mut spaced = false;
    for test in &report.tests {
        let todo = test
            .panic
            .as_deref()
            .is_some_and(|panic| panic.starts_with("not yet implemented"));
        let timeline = test.timeline.as_deref().filter(|_| !todo);
        let (mark, why) = match test.outcome {
            Outcome::Passed => (paint(style::GOOD, "ok     "), String::new()),
            Outcome::Ignored => ("ignored".to_string(), String::new()),
            Outcome::NotRun => (
                paint(style::QUIET, "not run"),
                "the test binary was stopped by the watchdog".to_string(),
            ),
            Outcome::Failed if test.stopped.is_some() => (
                paint(style::BAD, "FAILED "),
                "the watchdog stopped this test: it hung in real time".to_string(),
            ),
            Outcome::Failed => (
                paint(style::BAD, "FAILED "),
                why_failed(test.panic.as_deref(), timeline.is_some()),
            ),
        };
        let line = format!("  {mark} {:<width$}  {why}", test.name);
        println!("{}", line.trim_end());
        spaced = false;
        if let Some(cause) = test.stopped {
            println!();
            let width = style::columns().min(80) - INDENT.len();
            for row in wrap(cause.explanation(), width) {
                println!("{INDENT}{row}");
            }
            println!();
            spaced = true;
        } else if let (Outcome::Failed, Some(block)) = (test.outcome, timeline) {
            println!();
            for row in block.lines() {
                match row.strip_prefix('!') {
                    Some(rest) => println!("{INDENT}{}{rest}", paint(style::BAD, "!")),
                    None if row.is_empty() => println!(),
                    None => println!("{INDENT}{row}"),
                }
            }
            println!();
            spaced = true;
        }
    }
    spaced
}

/// The failure in one line: the concept the failed assertion names. A
/// failed snapshot assertion names only itself; the timelines below say
/// more.
fn why_failed(panic: Option<&str>, has_timeline: bool) -> String {
    let Some(panic) = panic else {
        return String::new();
    };
    if panic.starts_with("snapshot assertion for ") {
        return if has_timeline {
            "the timeline differs from the reference:".to_string()
        } else {
            "the timeline differs from the reference; `cargo test` shows how".to_string()
        };
    }
    libtest::summarise(panic)
}

#[cfg(test)]
mod tests {
    use super::why_failed;

    #[test]
    fn a_failed_snapshot_is_called_a_timeline_difference() {
        let insta = "snapshot assertion for 'step2_gather' failed in line 72";
        assert_eq!(
            why_failed(Some(insta), true),
            "the timeline differs from the reference:"
        );
        assert_eq!(
            why_failed(Some("not yet implemented: step 2: x"), true),
            "not yet implemented: step 2: x"
        );
    }
}
