//! `cargo kata verify [NAME]`, for authors and CI: the proof that each kata
//! is sound.
//!
//! - Its `start` id, when it has one, names the kata file as it is now.
//! - The kata as shipped fails, every test at a `todo!()`: it compiles, and
//!   it hangs nowhere.
//! - The reference solution passes.
//! - Every known wrong answer (`solutions/NN-name/wrong/*.rs`, see
//!   `splice.rs`) fails, and the failure names its concept: the output holds
//!   the file's `expect:` text.
//!
//! Every run happens in a scratch copy of the workspace (`scratch.rs`), with
//! cargo started there so that its `.cargo/config.toml` applies, building
//! into `target/verify`: the dependencies are built once and reused by every
//! run after, and the learner's own builds are left alone.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};

use crate::blob::blob_id;
use crate::cargo;
use crate::kata::Kata;
use crate::libtest::{self, Outcome, Report};
use crate::scratch::Scratch;
use crate::splice::WrongAnswer;
use crate::workspace::Workspace;

pub fn run(workspace: &Workspace, katas: &[Kata]) -> Result<ExitCode> {
    let target = workspace.target_dir().join("verify");
    let scratch = Scratch::copy_of(workspace.root(), &workspace.target_dir())?;
    println!(
        "Verifying in a scratch copy of the workspace, building into {}.\n\
         The first build of the dependencies takes a while.",
        target.display()
    );

    let (mut passed, mut failed) = (0, 0);
    for kata in katas {
        println!("\n{}", kata.label());
        let verifier = Verifier {
            root: workspace.root(),
            scratch: scratch.root(),
            target: &target,
            kata,
        };
        for ok in verifier.checks()? {
            if ok {
                passed += 1;
            } else {
                failed += 1;
            }
        }
    }
    println!("\nverify: {passed} passed, {failed} failed");
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

struct Verifier<'a> {
    root: &'a Path,
    scratch: &'a Path,
    target: &'a Path,
    kata: &'a Kata,
}

impl Verifier<'_> {
    /// Runs this kata's checks, printing a line for each as it ends;
    /// whether each passed.
    fn checks(&self) -> Result<Vec<bool>> {
        let mut checks = Vec::new();
        if self.kata.start.is_some() {
            checks.push(run_check("start id names the kata file", || {
                self.start_id()
            }));
        } else if let Ok(id) = self.current_id() {
            println!(
                "  note    no start id; to pin the starting code, add to \
                 [package.metadata.kata]: start = \"{id}\""
            );
        }
        checks.push(run_check(
            "the kata as shipped fails at its todo!()s",
            || self.kata_fails(),
        ));
        checks.push(run_check("the solution passes", || self.solution_passes()));

        let wrong = self.wrong_answers()?;
        if wrong.is_empty() {
            println!(
                "  note    no known wrong answers in {}",
                self.kata.wrong_dir().display()
            );
        }
        for path in wrong {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let label = format!("wrong/{name} is caught");
            checks.push(run_check(&label, || self.wrong_answer_caught(&path)));
        }
        Ok(checks)
    }

    /// The git blob id of the kata file in the real tree.
    fn current_id(&self) -> Result<String> {
        Ok(blob_id(&self.kata.read_lib_rs(self.root)?))
    }

    fn start_id(&self) -> Result<String> {
        let actual = self.current_id()?;
        match &self.kata.start {
            Some(start) if *start != actual => bail!(
                "start = \"{start}\", but {} is now a different file. If it is the \
                 starting code, put in katas/{}/Cargo.toml:\n    start = \"{actual}\"",
                self.kata.lib_rs().display(),
                self.kata.dir
            ),
            _ => Ok(String::new()),
        }
    }

    fn kata_fails(&self) -> Result<String> {
        let (success, report) = self.cargo_test(&self.kata.name)?;
        if report.tests.is_empty() {
            bail!("it has no tests");
        }
        let mut problems = Vec::new();
        for test in &report.tests {
            match (test.outcome, &test.panic) {
                (Outcome::Failed, _) if test.stopped.is_some() => {
                    problems.push(format!("{} hangs: {}", test.name, test.why()));
                }
                (Outcome::Failed, Some(message)) if message.contains("not yet implemented") => {}
                (Outcome::Failed, Some(message)) => problems.push(format!(
                    "{} fails, but not at a todo!(): {}",
                    test.name,
                    libtest::summarise(message)
                )),
                (Outcome::Failed, None) => {
                    problems.push(format!("{} fails without a panic message", test.name));
                }
                (Outcome::Passed, _) => problems.push(format!("{} passes", test.name)),
                (Outcome::Ignored, _) => problems.push(format!("{} is ignored", test.name)),
                (Outcome::NotRun, _) => problems.push(format!(
                    "{} did not run: the test binary was stopped by the watchdog",
                    test.name
                )),
            }
        }
        if success && problems.is_empty() {
            problems.push("cargo test succeeds".to_string());
        }
        if !problems.is_empty() {
            bail!("{}", problems.join("\n"));
        }
        Ok(format!(
            "{} of {} tests",
            report.failed(),
            report.tests.len()
        ))
    }

    fn solution_passes(&self) -> Result<String> {
        let (success, report) = self.cargo_test(&self.kata.solution_name())?;
        if !success {
            bail!(
                "{}",
                failures(&report).unwrap_or_else(|| "cargo test fails".to_string())
            );
        }
        if report.passed() == 0 {
            bail!("no test ran");
        }
        Ok(format!("{} tests", report.passed()))
    }

    /// `solutions/NN-name/wrong/*.rs`, by name, in the scratch copy.
    fn wrong_answers(&self) -> Result<Vec<PathBuf>> {
        let dir = self.scratch.join(self.kata.wrong_dir());
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
        files.sort();
        Ok(files)
    }

    /// Splices the wrong answer over the solution, makes that the scratch
    /// copy's kata file, runs the kata's tests, and puts the file back.
    fn wrong_answer_caught(&self, path: &Path) -> Result<String> {
        let wrong = WrongAnswer::parse(&std::fs::read_to_string(path)?)?;
        let solution = std::fs::read_to_string(self.scratch.join(self.kata.solution_lib_rs()))?;
        let spliced = wrong.splice_into(&solution)?;

        let kata_file = self.scratch.join(self.kata.lib_rs());
        let shipped = std::fs::read(&kata_file)?;
        std::fs::write(&kata_file, spliced)?;
        let tested = self.cargo_test_output(&self.kata.name);
        std::fs::write(&kata_file, shipped)?;
        let output = tested?;

        let report = libtest::parse(&output.stdout, &output.stderr);
        if !report.ran {
            bail!(
                "the spliced code does not compile:\n{}",
                libtest::error_or_tail(&output.stderr)
            );
        }
        if output.success {
            bail!(
                "every test passes: none catches this mistake ({})",
                wrong.what
            );
        }
        let expect = &wrong.expect;
        if !output.stdout.contains(expect.as_str()) && !output.stderr.contains(expect.as_str()) {
            bail!(
                "the tests fail, but never say \"{expect}\"; they say:\n{}",
                failures(&report).unwrap_or_default()
            );
        }
        Ok(format!("\"{expect}\""))
    }

    /// `cargo test -p package` in the scratch copy: whether it succeeded,
    /// and libtest's report. Code that does not compile is an error.
    fn cargo_test(&self, package: &str) -> Result<(bool, Report)> {
        let output = self.cargo_test_output(package)?;
        let report = libtest::parse(&output.stdout, &output.stderr);
        if !report.ran {
            bail!(
                "it does not compile:\n{}",
                libtest::error_or_tail(&output.stderr)
            );
        }
        Ok((output.success, report))
    }

    fn cargo_test_output(&self, package: &str) -> Result<cargo::Output> {
        cargo::test(self.scratch, package, Some(self.target), None)
    }
}

/// Runs one check and prints its line: `ok` or `FAILED`, what was
/// checked, how long it took, and under a failure, why. A check returns
/// what is worth adding to its line when it passes.
fn run_check(label: &str, check: impl FnOnce() -> Result<String>) -> bool {
    let started = Instant::now();
    let result = check();
    let took = started.elapsed().as_secs_f64();
    let timing = if took >= 0.1 {
        format!(" ({took:.1} s)")
    } else {
        String::new()
    };
    match result {
        Ok(note) => {
            let note = if note.is_empty() {
                note
            } else {
                format!(": {note}")
            };
            println!("  ok      {label}{note}{timing}");
            true
        }
        Err(error) => {
            println!("  FAILED  {label}{timing}");
            for line in format!("{error:#}").lines() {
                println!("          {line}");
            }
            false
        }
    }
}

/// The failing tests, one line each, or `None` if none failed.
fn failures(report: &Report) -> Option<String> {
    let lines: Vec<String> = report
        .tests
        .iter()
        .filter(|t| t.outcome == Outcome::Failed)
        .map(|t| format!("{}: {}", t.name, t.why()))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}
