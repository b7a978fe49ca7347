//! `cargo kata check [NAME]`: runs the kata's tests and says, first, what
//! rustc warns about in the kata's own code, then one line per test, what
//! passes and why the rest fail; under a failure whose timeline differs
//! from the reference, the harness's picture and words; under a test that
//! hung until the watchdog stopped it, why that happens. Every line fits
//! the terminal. Every check records which tests failed (for `hint`), and
//! when every test passes the kata is recorded solved in `.kata-progress`.

use std::path::Path;
use std::process::ExitCode;

use anstream::println;
use anyhow::{Result, bail};

use crate::blob::blob_id;
use crate::cargo;
use crate::cmd::list;
use crate::kata::Kata;
use crate::libtest::{self, Outcome, Report};
use crate::messages::{self, Check, text, tr};
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

/// `cargo kata check [NAME]`: the kata named, else the one whose directory
/// it runs in, else the next one unsolved.
pub fn command(workspace: &Workspace, name: Option<&str>) -> Result<ExitCode> {
    let kata = match name {
        Some(name) => workspace.kata(name)?,
        None => match workspace.kata_here()? {
            // Run inside a kata's directory: that kata.
            Some(here) => here,
            None => next_to_solve(workspace)?,
        },
    };
    Ok(match run(workspace, &kata)? {
        Verdict::Solved => ExitCode::SUCCESS,
        Verdict::Failing => ExitCode::FAILURE,
        Verdict::DoesNotCompile => ExitCode::from(2),
    })
}

/// The next kata not yet solved, said aloud; an error when all are.
fn next_to_solve(workspace: &Workspace) -> Result<Kata> {
    let katas = workspace.katas()?;
    let progress = Progress::load(&workspace.progress_file());
    let Some(next) = progress.next(&katas) else {
        bail!("{}", text(Check::AllSolved));
    };
    println!("{}", tr(Check::CheckingNext, &[("label", &next.label())]));
    workspace.kata(&next.name)
}

pub fn run(workspace: &Workspace, kata: &Kata) -> Result<Verdict> {
    let path = kata.lib_rs();
    // Read before the build: what gets recorded is the code that passed.
    let code = kata.read_lib_rs(workspace.root())?;

    println!("cargo test -p {}", kata.name);
    let columns = style::columns();
    // The harness draws timelines to fit; they are shown indented.
    let inside = columns.saturating_sub(INDENT.len()).max(1);
    // The learner's language: the tests' failure messages and the
    // watchdog's explanation below speak it.
    let lang = messages::lang();
    let output = cargo::test(workspace.root(), &kata.name, None, Some(inside), lang)?;
    let mut report = libtest::parse(&output.stdout, &output.stderr);
    report.add_not_run(&kata.test_names(workspace.root()));

    if !report.ran {
        let name: [(&str, &dyn std::fmt::Display); 1] = [("name", &kata.name)];
        println!("\n{}\n", tr(Check::DoesNotCompile, &name));
        println!("{}", libtest::error_or_tail(&output.stderr));
        println!("\n{}", tr(Check::FixFirst, &name));
        return Ok(Verdict::DoesNotCompile);
    }
    let dir = kata.layout().kata_dir();
    print_warnings(
        &libtest::warnings(&output.stderr, &dir.to_string_lossy()),
        columns,
    );
    let spaced = print_tests(&report, &kata.name, columns, lang);
    // One blank line between the tests and what follows.
    let gap = if spaced { "" } else { "\n" };

    let failing: Vec<&str> = report
        .tests
        .iter()
        .filter(|t| t.outcome == Outcome::Failed)
        .map(|t| t.name.as_str())
        .collect();
    let passed = report.passed();
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
        let solved = paint(style::GOOD, text(Check::Solved));
        let values: [(&str, &dyn std::fmt::Display); 3] = [
            ("solved", &solved),
            ("passed", &passed),
            ("name", &kata.name),
        ];
        println!("{gap}{}", tr(Check::AllPass, &values));
        let katas = workspace.katas()?;
        match progress.next(&katas) {
            Some(next) => list::print_next(workspace, next),
            None => println!("\n{}", text(Check::EverySolved)),
        }
        return Ok(Verdict::Solved);
    }
    print_not_solved(&report, &output, gap, &path, kata, columns);
    Ok(Verdict::Failing)
}

/// What a check that did not solve the kata ends with: a test binary that
/// did not run to the end, or how many tests pass and where to go on.
fn print_not_solved(
    report: &Report,
    output: &cargo::Output,
    gap: &str,
    path: &Path,
    kata: &Kata,
    columns: usize,
) {
    if report.failed() == 0 {
        // The tests ran, none failed, yet cargo failed: a test binary that
        // crashed or was killed.
        println!("{gap}{}\n", text(Check::NotToTheEnd));
        println!("{}", libtest::error_or_tail(&output.stderr));
        return;
    }
    let (passed, total) = (report.passed(), report.tests.len());
    let stopped = match (&report.stopped, report.not_run()) {
        (None, _) => String::new(),
        (Some(test), 0) => format!("{}\n", tr(Check::WatchdogStopped, &[("test", test)])),
        (Some(test), n) => format!(
            "{}\n",
            tr(Check::WatchdogStoppedNotRun, &[("test", test), ("n", &n)])
        ),
    };
    let values: [(&str, &dyn std::fmt::Display); 4] = [
        ("passed", &passed),
        ("total", &total),
        ("path", &path.display()),
        ("name", &kata.name),
    ];
    let summary = format!("{stopped}{}", tr(Check::Summary, &values));
    print!("{gap}");
    for paragraph in summary.lines() {
        for row in wrap(paragraph, columns) {
            println!("{row}");
        }
    }
}

/// `  warning katas/01-lazy-futures/src/lib.rs:23:5: unused `Sleep` that
/// must be used: futures do nothing unless you `.await` or poll them`
///
/// rustc's warnings about the learner's code, one entry each, in the
/// column the steps' verdicts use: in kata 01 the warning is the lesson.
fn print_warnings(warnings: &[libtest::Warning], columns: usize) {
    for warning in warnings {
        let text = format!("{}: {}", warning.location, warning.message);
        print_entry(
            &paint(style::UNDERWAY, mark(Check::Warning)),
            &text,
            columns,
        );
    }
}

/// A mark, padded to its seven columns by display width (`통과` is four).
fn mark(word: Check) -> String {
    style::pad(text(word), MARK_COLUMNS - 3)
}

/// `  MARK    text`, the text wrapped under itself: MARK is one of the
/// seven-column words, painted.
fn print_entry(mark: &str, text: &str, columns: usize) {
    let hanging = " ".repeat(MARK_COLUMNS);
    let rows = wrap(text, columns.saturating_sub(MARK_COLUMNS).max(1));
    for (i, row) in rows.iter().enumerate() {
        match i {
            0 => println!("  {mark} {row}"),
            _ => println!("{hanging}{row}"),
        }
    }
}

/// How far from the left a step's name starts: `  FAILED  `.
const MARK_COLUMNS: usize = 10;

/// `ok      step1_one_after_another`
/// `FAILED  step2_gather             gathered calls run concurrently: ...`
///
/// and under a failure, what it needs said at length: the watchdog's
/// explanation of a hang, or its timeline beside the reference's when the
/// test printed them (not under a `todo!`, whose timeline is empty).
/// Every line fits in `columns`; the explanation is in `lang`. Whether a
/// blank line ended it.
fn print_tests(report: &Report, kata: &str, columns: usize, lang: kata_protocol::Lang) -> bool {
    let width = report.tests.iter().map(|t| t.name.len()).max().unwrap_or(0);
    let mut spaced = false;
    for test in &report.tests {
        let timeline = test.timeline.as_deref().filter(|_| !test.todo);
        let (mark, why) = verdict(report, test, kata, timeline.is_some());
        print_test_line(&mark, &format!("{:<width$}", test.name), &why, columns);
        spaced = false;
        if let Some(cause) = test.stopped {
            println!();
            let width = columns.min(80).saturating_sub(INDENT.len()).max(1);
            for row in wrap(cause.explanation(lang), width) {
                println!("{INDENT}{row}");
            }
            println!();
            spaced = true;
        } else if let (Outcome::Failed, Some(block)) = (test.outcome, timeline) {
            println!();
            print_timeline(block);
            println!();
            spaced = true;
        }
    }
    spaced
}

/// A test's mark, painted, and why it has it.
fn verdict(report: &Report, test: &libtest::Test, kata: &str, timeline: bool) -> (String, String) {
    match test.outcome {
        Outcome::Passed => (paint(style::GOOD, mark(Check::Ok)), String::new()),
        Outcome::Ignored => (mark(Check::Ignored), String::new()),
        Outcome::NotRun => (
            paint(style::QUIET, mark(Check::NotRun)),
            text(Check::NotRunWhy).to_string(),
        ),
        Outcome::Failed if test.stopped.is_some() => (
            paint(style::BAD, mark(Check::Failed)),
            text(Check::HungWhy).to_string(),
        ),
        // It failed, but libtest prints why only when every test is done:
        // the watchdog's stop lost that.
        Outcome::Failed if test.panic.is_none() && report.stopped.is_some() => (
            paint(style::BAD, mark(Check::Failed)),
            tr(Check::LostWhy, &[("kata", &kata), ("test", &test.name)]),
        ),
        Outcome::Failed => (
            paint(style::BAD, mark(Check::Failed)),
            why_failed(test, timeline),
        ),
    }
}

/// `  MARK    NAME  why` when the why fits beside the name; else the why
/// under the name, wrapped, where it has the width of the terminal (a
/// long why squeezed beside a long name would take a line every few words).
fn print_test_line(mark: &str, name: &str, why: &str, columns: usize) {
    let head = format!("  {mark} {name}");
    let beside = MARK_COLUMNS + name.len() + 2;
    if why.is_empty() {
        println!("{}", head.trim_end());
    } else if beside + style::width(why) <= columns {
        println!("{head}  {why}");
    } else {
        println!("{}", head.trim_end());
        for row in wrap(why, columns.saturating_sub(MARK_COLUMNS).max(1)) {
            println!("{}{row}", " ".repeat(MARK_COLUMNS));
        }
    }
}

/// The harness's block, indented: it drew it to fit the terminal less the
/// indent. The margin's mark of a row that differs is painted.
fn print_timeline(block: &str) {
    for row in block.lines() {
        match row.strip_prefix(DIFFERS) {
            Some(rest) if rest.starts_with(' ') => {
                println!("{INDENT}{}{rest}", paint(style::BAD, DIFFERS))
            }
            _ if row.is_empty() => println!(),
            _ => println!("{INDENT}{row}"),
        }
    }
}

/// The world's mark for a row that differs from the reference (its
/// `timeline::DIFFERS`; the runner does not build the world).
const DIFFERS: char = '?';

/// The failure in one line: the concept the failed assertion names. A
/// failed snapshot assertion (the harness's `@kata snapshot-differs`)
/// names only itself; the harness's block below says in words what
/// differs (the drawings may well look alike).
fn why_failed(test: &libtest::Test, has_timeline: bool) -> String {
    let Some(panic) = test.panic.as_deref() else {
        return String::new();
    };
    if test.snapshot_differs {
        return text(match has_timeline {
            true => Check::SnapshotDiffers,
            false => Check::SnapshotDiffersRun,
        })
        .to_string();
    }
    libtest::summarise(panic)
}

#[cfg(test)]
mod tests {
    use super::why_failed;
    use crate::libtest;

    /// A failed test of `stdout`, libtest's section with `panic`, and
    /// `marker` after it.
    fn failed(panic: &str, marker: &str) -> libtest::Test {
        let stdout = format!(
            "running 1 test\ntest step2_gather ... FAILED\n\nfailures:\n\n\
             ---- step2_gather stdout ----\nthread 'step2_gather' panicked at x.rs:1:1:\n\
             {panic}\n{marker}\n\nfailures:\n"
        );
        libtest::parse(&stdout, "").tests.remove(0)
    }

    #[test]
    fn a_failed_snapshot_is_called_a_difference_in_what_was_recorded() {
        let insta = "snapshot assertion for 'step2_gather' failed in line 72";
        let marked = failed(insta, "@kata snapshot-differs test=step2_gather");
        assert_eq!(
            why_failed(&marked, true),
            "what it recorded differs from the reference snapshot:"
        );
        // insta's words alone are not read: only the harness's marker.
        assert_eq!(why_failed(&failed(insta, ""), true), insta);
        assert_eq!(
            why_failed(&failed("not yet implemented: step 2: x", ""), true),
            "not yet implemented: step 2: x"
        );
    }
}
