//! `cargo kata verify [NAME]`, for authors and CI: the proof that each kata
//! is sound, one named check a line.
//!
//! First, that its parts agree, which reads files only:
//!
//! - its `start` id, when it has one, names the kata file as it is now;
//! - its folder `NN-name` says the number and the package name its
//!   manifest says, and its question is written;
//! - README.md's table of katas has its row, filled in (`table.rs`);
//! - its solution and its test file exist, and the root manifest keeps its
//!   builds incremental (`profile.rs`);
//! - the question reads the same wherever it shows (`kata-protocol`'s
//!   `same_question`): the manifests' descriptions, README.md's row, the
//!   doc comments of the kata and its solution;
//! - `docs/python-originals.md` has its row, filled in;
//! - no file `new` wrote holds a placeholder still (the kata contract's
//!   `Layout::new_files`, every one of them);
//! - its README has hints (`hints.rs`) for every step that has a test
//!   (`steps.rs`);
//! - `tests/snapshots/` holds a reference timeline for every step test;
//! - its cards (`cards.rs`) exist and are complete in every language,
//!   name steps that have tests and snapshots that exist, and are at least
//!   4 explain and 1 predict cards (`cards::check_kata`, the one rule);
//! - it keeps at least [`WRONG_ANSWERS`] wrong answers and
//!   [`RIGHT_ANSWERS`] right ones (`splice.rs`).
//!
//! Then that its tests judge it, which runs them:
//!
//! - the kata as shipped fails, every test at a `todo!()`: it compiles, and
//!   it hangs nowhere;
//! - the reference solution passes;
//! - every wrong answer, spliced over the solution, fails, and the failure
//!   names its concept: the output holds the answer's `expect:` text;
//! - every right answer, spliced over the solution, passes;
//! - every stored snapshot of the kata reads back as a timeline (the
//!   world's test, run for this kata: the runner builds no tokio).
//!
//! Every run happens in a scratch copy of the workspace (`scratch.rs`), with
//! cargo started there so that its `.cargo/config.toml` applies, building
//! into `target/verify`, seeded from `target/`: what `cargo test` built is
//! reused, what verify builds is reused by every run after, and the
//! learner's own builds are left alone. There is one copy per core and
//! one more, each a lane (`lanes.rs`): the answers are tested on every lane at once, and
//! their lines printed in order. A table at the end sums up, per
//! kata, how the catalogues of answers fared.

mod korean;
mod lanes;
mod parts;

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};

use crate::cargo;
use crate::kata::Kata;
use crate::libtest::{self, Outcome, Report};
use crate::scratch::Scratch;
use crate::splice::{Answer, Catalogue};
use crate::workspace::Workspace;

/// How many classic wrong answers a kata keeps, at least: a blind
/// examination writes six (CONTRIBUTING.md).
const WRONG_ANSWERS: usize = 6;
/// How many correct alternatives to the reference it keeps, at least.
const RIGHT_ANSWERS: usize = 3;

pub fn run(workspace: &Workspace, katas: &[Kata]) -> Result<ExitCode> {
    let lanes = lanes::open(workspace)?;
    println!(
        "Verifying in {} scratch copies of the workspace at once, building into {}\n\
         (seeded with what `cargo test` built: the first run builds the katas).",
        lanes.len(),
        lanes[0].target().display()
    );

    let mut tally = Tally::default();
    let glossary = crate::korean::Glossary::load(workspace.root())?;
    korean::workspace(workspace.root(), &glossary, &mut tally);
    let mut summaries = Vec::new();
    for kata in katas {
        println!("\n{}", kata.label());
        let verifier = Verifier {
            root: workspace.root(),
            lanes: &lanes,
            kata,
            glossary: &glossary,
        };
        summaries.push(verifier.run(&mut tally)?);
    }
    print_summary(&summaries);
    println!("\nverify: {} passed, {} failed", tally.passed, tally.failed);
    Ok(if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// How many checks passed and failed, over every kata.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
}

impl Tally {
    /// Runs one check and prints its line: `ok` or `FAILED`, what was
    /// checked, how long it took if that was long enough to notice, and
    /// under a failure, why. A check returns what is worth adding to its
    /// line when it passes. Whether it passed, and how long it took.
    fn check(&mut self, label: &str, check: impl FnOnce() -> Result<String>) -> (bool, Duration) {
        let started = Instant::now();
        let result = check();
        self.record(label, result, started.elapsed())
    }

    /// Prints the line of a check that has run (see [`check`](Self::check)).
    fn record(&mut self, label: &str, result: Result<String>, took: Duration) -> (bool, Duration) {
        let timing = if took >= Duration::from_millis(100) {
            format!(" ({})", seconds(took))
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
                self.passed += 1;
                (true, took)
            }
            Err(error) => {
                println!("  FAILED  {label}{timing}");
                for line in format!("{error:#}").lines() {
                    println!("          {line}");
                }
                self.failed += 1;
                (false, took)
            }
        }
    }
}

/// `2.1 s`
fn seconds(duration: Duration) -> String {
    format!("{:.1} s", duration.as_secs_f64())
}

/// How one kata's catalogues of answers fared.
struct Summary {
    label: String,
    wrong: (usize, usize),
    right: (usize, usize),
    slowest_wrong: Option<Duration>,
}

/// ```text
/// kata                      wrong caught  right accepted  slowest wrong
/// 03 spawn-vs-join          5/5           2/2             2.1 s
/// ```
fn print_summary(summaries: &[Summary]) {
    let width = summaries
        .iter()
        .map(|s| s.label.len())
        .max()
        .unwrap_or(0)
        .max("kata".len());
    println!(
        "\n{:<width$}  {:<12}  {:<14}  slowest wrong",
        "kata", "wrong caught", "right accepted"
    );
    for summary in summaries {
        let ratio = |(good, total): (usize, usize)| format!("{good}/{total}");
        let slowest = summary.slowest_wrong.map_or("-".to_string(), seconds);
        println!(
            "{:<width$}  {:<12}  {:<14}  {slowest}",
            summary.label,
            ratio(summary.wrong),
            ratio(summary.right)
        );
    }
}

/// One run of the kata's tests, in the second half of its checks.
enum Job<'a> {
    KataFails,
    SolutionPasses,
    SnapshotsReadBack,
    Wrong(&'a Path),
    Right(&'a Path),
}

impl Job<'_> {
    /// The check's line.
    fn label(&self) -> String {
        match self {
            Job::KataFails => "the kata as shipped fails at its todo!()s".to_string(),
            Job::SolutionPasses => "the solution passes".to_string(),
            Job::SnapshotsReadBack => "every stored snapshot reads back as a timeline".to_string(),
            Job::Wrong(path) => format!("wrong/{} is caught", file_name(path)),
            Job::Right(path) => format!("right/{} passes", file_name(path)),
        }
    }
}

struct Verifier<'a> {
    /// The workspace itself, read only.
    root: &'a Path,
    /// Its scratch copies, where answers are spliced in and tests run, one
    /// job at a time in each.
    lanes: &'a [Scratch],
    kata: &'a Kata,
    /// The one Korean vocabulary, read once.
    glossary: &'a crate::korean::Glossary,
}

impl Verifier<'_> {
    /// Runs this kata's checks, printing a line for each as it ends: first
    /// that its parts agree (`parts.rs`), which reads files only, then that
    /// its tests judge it, which runs them.
    fn run(&self, tally: &mut Tally) -> Result<Summary> {
        self.parts(tally);
        let listed_in = self.lanes[0].root();
        let wrong = self.kata.answers(listed_in, Catalogue::Wrong)?;
        let right = self.kata.answers(listed_in, Catalogue::Right)?;
        tally.check(&format!("at least {WRONG_ANSWERS} wrong answers"), || {
            self.enough(&wrong, WRONG_ANSWERS, Catalogue::Wrong)
        });
        tally.check(&format!("at least {RIGHT_ANSWERS} right answers"), || {
            self.enough(&right, RIGHT_ANSWERS, Catalogue::Right)
        });

        let mut jobs = vec![Job::KataFails, Job::SolutionPasses, Job::SnapshotsReadBack];
        jobs.extend(wrong.iter().map(|path| Job::Wrong(path)));
        jobs.extend(right.iter().map(|path| Job::Right(path)));
        let mut summary = Summary {
            label: self.kata.label(),
            wrong: (0, wrong.len()),
            right: (0, right.len()),
            slowest_wrong: None,
        };
        lanes::run(
            self.lanes,
            &jobs,
            |lane, job| self.judge(lane, job),
            |job, result, took| {
                let (good, took) = tally.record(&job.label(), result, took);
                match job {
                    Job::Wrong(_) => {
                        summary.wrong.0 += usize::from(good);
                        summary.slowest_wrong = summary.slowest_wrong.max(Some(took));
                    }
                    Job::Right(_) => summary.right.0 += usize::from(good),
                    _ => {}
                }
            },
        );
        Ok(summary)
    }

    /// Runs one job of the second half in `lane`.
    fn judge(&self, lane: &Scratch, job: &Job) -> Result<String> {
        match job {
            Job::KataFails => self.kata_fails(lane),
            Job::SolutionPasses => self.solution_passes(lane),
            Job::SnapshotsReadBack => self.snapshots_read_back(lane),
            Job::Wrong(path) => self.wrong_answer_caught(lane, path),
            Job::Right(path) => self.right_answer_passes(lane, path),
        }
    }

    /// The world's test that the kata's stored snapshots read back as
    /// timelines (`world/tests/snapshots.rs`): the failure picture and the
    /// real-clock run draw the reference from them.
    fn snapshots_read_back(&self, lane: &Scratch) -> Result<String> {
        let lib = self.kata.layout().lib_name();
        let output = cargo::snapshots_read_back(lane.root(), &lib, lane.target())?;
        let report = libtest::parse(&output.stdout, &output.stderr);
        if !report.ran {
            bail!(
                "the world's test does not compile:\n{}",
                libtest::error_or_tail(&output.stderr)
            );
        }
        passes(output.success, &report).map(|_| String::new())
    }

    fn kata_fails(&self, lane: &Scratch) -> Result<String> {
        let (success, report) = self.cargo_test(lane, &self.kata.name)?;
        if report.tests.is_empty() {
            bail!("it has no tests");
        }
        let mut problems = Vec::new();
        for test in &report.tests {
            match (test.outcome, &test.panic) {
                (Outcome::Failed, _) if test.stopped.is_some() => {
                    problems.push(format!("{} hangs: {}", test.name, test.why()));
                }
                (Outcome::Failed, _) if test.todo => {}
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

    fn solution_passes(&self, lane: &Scratch) -> Result<String> {
        let (success, report) = self.cargo_test(lane, &self.kata.solution_name())?;
        passes(success, &report)
    }

    /// Splices the wrong answer over the solution as the kata file; its
    /// tests must fail, saying what the answer expects.
    fn wrong_answer_caught(&self, lane: &Scratch, path: &Path) -> Result<String> {
        let (wrong, output) = self.spliced(lane, path, Catalogue::Wrong)?;
        let report = libtest::parse(&output.stdout, &output.stderr);
        if !report.ran && self.kata.compile_checks {
            return caught_by_the_compiler(&wrong, &output);
        }
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
        let expect = wrong.expect.as_deref().unwrap_or_default();
        if !output.stdout.contains(expect) && !output.stderr.contains(expect) {
            bail!(
                "the tests fail, but never say \"{expect}\"; they say:\n{}",
                failures(&report).unwrap_or_default()
            );
        }
        Ok(format!("\"{expect}\""))
    }

    /// Splices the right answer over the solution as the kata file; every
    /// test must pass.
    fn right_answer_passes(&self, lane: &Scratch, path: &Path) -> Result<String> {
        let (_, output) = self.spliced(lane, path, Catalogue::Right)?;
        let report = libtest::parse(&output.stdout, &output.stderr);
        if !report.ran {
            bail!(
                "the spliced code does not compile:\n{}",
                libtest::error_or_tail(&output.stderr)
            );
        }
        passes(output.success, &report)
    }

    /// Splices the answer at `path` over the solution, makes that the
    /// scratch copy's kata file, runs the kata's tests, and puts the file
    /// back.
    fn spliced(
        &self,
        lane: &Scratch,
        path: &Path,
        catalogue: Catalogue,
    ) -> Result<(Answer, cargo::Output)> {
        let answer = Answer::parse(&std::fs::read_to_string(path)?, catalogue)?;
        let solution = std::fs::read_to_string(lane.root().join(self.kata.solution_lib_rs()))?;
        let spliced = answer.splice_into(&solution)?;

        let kata_file = lane.root().join(self.kata.lib_rs());
        let shipped = std::fs::read(&kata_file)?;
        std::fs::write(&kata_file, spliced)?;
        let tested = self.cargo_test_output(lane, &self.kata.name);
        std::fs::write(&kata_file, shipped)?;
        Ok((answer, tested?))
    }

    /// `cargo test -p package` in the scratch copy: whether it succeeded,
    /// and libtest's report. Code that does not compile is an error.
    fn cargo_test(&self, lane: &Scratch, package: &str) -> Result<(bool, Report)> {
        let output = self.cargo_test_output(lane, package)?;
        let mut report = libtest::parse(&output.stdout, &output.stderr);
        if !report.ran {
            bail!(
                "it does not compile:\n{}",
                libtest::error_or_tail(&output.stderr)
            );
        }
        report.add_not_run(&self.kata.test_names(lane.root()));
        Ok((output.success, report))
    }

    fn cargo_test_output(&self, lane: &Scratch, package: &str) -> Result<cargo::Output> {
        // In English: the answers' `expect:` lines quote the English words.
        cargo::test(
            lane.root(),
            package,
            Some(lane.target()),
            None,
            kata_protocol::Lang::En,
        )
    }
}

/// A wrong answer that does not compile, in a kata whose tests assert at
/// compile time (`compile-checks`): caught when rustc's output says its
/// `expect:` text (`E0277` and a word of the message).
fn caught_by_the_compiler(wrong: &Answer, output: &cargo::Output) -> Result<String> {
    let expect = wrong.expect.as_deref().unwrap_or_default();
    if expect.is_empty() || !output.stderr.contains(expect) {
        bail!(
            "it does not compile, but the compiler never says \"{expect}\"; its first error:\n{}",
            libtest::error_or_tail(&output.stderr)
        );
    }
    Ok(format!("\"{expect}\", from the compiler"))
}

/// Every test passed, and some ran.
fn passes(success: bool, report: &Report) -> Result<String> {
    if !success {
        bail!(
            "{}",
            failures(report).unwrap_or_else(|| "cargo test fails".to_string())
        );
    }
    if report.passed() == 0 {
        bail!("no test ran");
    }
    Ok(format!("{} tests", report.passed()))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
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
