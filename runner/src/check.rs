//! `cargo kata check NAME`: runs the kata's tests and says, one line per
//! test, what passes and why the rest fail. When every test passes, the
//! kata is recorded solved in `.kata-progress`.

use anyhow::{Context, Result};

use crate::blob::blob_id;
use crate::cargo;
use crate::kata::Kata;
use crate::libtest::{self, Outcome, Report};
use crate::list;
use crate::progress::Progress;
use crate::workspace::Workspace;

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

pub fn run(workspace: &Workspace, kata: &Kata) -> Result<Verdict> {
    let path = kata.lib_rs();
    // Read before the build: what gets recorded is the code that passed.
    let code = std::fs::read(workspace.root().join(&path))
        .with_context(|| format!("cannot read {}", path.display()))?;

    println!("cargo test -p {}", kata.name);
    let output = cargo::test(workspace.root(), &kata.name, None)?;
    let report = libtest::parse(&output.stdout);

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
    print_tests(&report);

    let (passed, total) = (report.passed(), report.tests.len());
    if output.success && passed > 0 && report.failed() == 0 {
        let mut progress = Progress::load(&workspace.progress_file());
        progress.record_solved(kata, &blob_id(&code));
        progress.save()?;
        println!(
            "\nSolved: all {passed} tests pass. {} is recorded as solved.",
            kata.name
        );
        let katas = workspace.katas()?;
        match list::next(&katas, &progress) {
            Some(next) => list::print_next(workspace, next),
            None => println!("Every kata is solved."),
        }
        return Ok(Verdict::Solved);
    }
    if report.failed() == 0 {
        // The tests ran, none failed, yet cargo failed: a test binary that
        // crashed or was killed.
        println!("\nThe tests did not run to the end:\n");
        println!("{}", libtest::error_or_tail(&output.stderr));
    } else {
        println!(
            "\n{passed} of {total} tests pass. Keep going in {}; \
             `cargo test -p {}` shows each failure in full, timelines included.",
            path.display(),
            kata.name
        );
    }
    Ok(Verdict::Failing)
}

/// `ok      step1_one_after_another`
/// `FAILED  step2_gather             not yet implemented: step 2: ...`
fn print_tests(report: &Report) {
    let width = report.tests.iter().map(|t| t.name.len()).max().unwrap_or(0);
    for test in &report.tests {
        let (mark, why) = match test.outcome {
            Outcome::Passed => ("ok", String::new()),
            Outcome::Ignored => ("ignored", String::new()),
            Outcome::Failed => (
                "FAILED",
                test.panic
                    .as_deref()
                    .map(libtest::summarise)
                    .unwrap_or_default(),
            ),
        };
        let line = format!("  {mark:<7} {:<width$}  {why}", test.name);
        println!("{}", line.trim_end());
    }
}
