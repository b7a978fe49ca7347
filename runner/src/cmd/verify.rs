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
//! - its README has hints (`hints.rs`) for every step that has a test
//!   (`steps.rs`), and no placeholder left;
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
//! - every right answer, spliced over the solution, passes.
//!
//! Every run happens in a scratch copy of the workspace (`scratch.rs`), with
//! cargo started there so that its `.cargo/config.toml` applies, building
//! into `target/verify`, seeded from `target/`: what `cargo test` built is
//! reused, what verify builds is reused by every run after, and the
//! learner's own builds are left alone. A table at the end sums up, per
//! kata, how the catalogues of answers fared.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::blob::blob_id;
use crate::cards;
use crate::cargo;
use crate::hints;
use crate::kata::Kata;
use crate::korean;
use crate::libtest::{self, Outcome, Report};
use crate::profile;
use crate::scratch::Scratch;
use crate::splice::{Answer, Catalogue};
use crate::steps::step_of;
use crate::table::{self, PLACEHOLDER};
use crate::workspace::Workspace;

/// How many classic wrong answers a kata keeps, at least: a blind
/// examination writes six (CONTRIBUTING.md).
const WRONG_ANSWERS: usize = 6;
/// How many correct alternatives to the reference it keeps, at least.
const RIGHT_ANSWERS: usize = 3;

pub fn run(workspace: &Workspace, katas: &[Kata]) -> Result<ExitCode> {
    let scratch = Scratch::copy_of(
        workspace.root(),
        &workspace.target_dir(),
        &workspace.target_dir().join("verify"),
    )?;
    println!(
        "Verifying in a scratch copy of the workspace, building into {}\n\
         (seeded with what `cargo test` built: the first run builds the katas).",
        scratch.target().display()
    );

    let mut tally = Tally::default();
    let glossary = korean::Glossary::load(workspace.root())?;
    println!("\nREADME.md");
    tally.check("README.ko.md translates README.md as it is", || {
        korean::up_to_date(
            workspace.root(),
            Path::new("README.md"),
            Path::new("README.ko.md"),
        )
    });
    tally.check("README.ko.md follows the glossary", || {
        korean_texts(workspace.root(), &[PathBuf::from("README.ko.md")])
            .and_then(|texts| korean::follows_glossary(&glossary, &texts))
    });
    tally.check("the tools' Korean follows the glossary", || {
        korean::follows_glossary(&glossary, &tool_korean(workspace.root())?)
    });
    let mut summaries = Vec::new();
    for kata in katas {
        println!("\n{}", kata.label());
        let verifier = Verifier {
            root: workspace.root(),
            scratch: scratch.root(),
            target: scratch.target(),
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
        let took = started.elapsed();
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

struct Verifier<'a> {
    /// The workspace itself, read only.
    root: &'a Path,
    /// Its scratch copy, where answers are spliced in and tests run.
    scratch: &'a Path,
    target: &'a Path,
    kata: &'a Kata,
    glossary: &'a korean::Glossary,
}

impl Verifier<'_> {
    /// Runs this kata's checks, printing a line for each as it ends.
    fn run(&self, tally: &mut Tally) -> Result<Summary> {
        if self.kata.start.is_some() {
            tally.check("start id names the kata file", || self.start_id());
        } else if let Ok(id) = self.current_id() {
            println!(
                "  note    no start id; to pin the starting code, add to \
                 [package.metadata.kata]: start = \"{id}\""
            );
        }
        tally.check("the folder's number is the kata's number", || {
            self.folder_number()
        });
        tally.check("the folder's name is the package's name", || {
            self.folder_name()
        });
        tally.check("the question is written", || self.question());
        tally.check("README.md's table of katas has its row", || {
            self.table_row()
        });
        tally.check("the solution and the test file exist", || self.files());
        tally.check("Cargo.toml keeps its builds incremental", || {
            self.incremental()
        });
        let steps = self.steps();
        tally.check("the kata README has hints for every step", || {
            self.hints(&steps)
        });
        tally.check("the kata README has no placeholder left", || {
            no_placeholder(self.root, &self.kata.readme())
        });
        tally.check("a reference snapshot for every step", || {
            self.snapshots(&steps)
        });
        tally.check("every step test runs under the watchdog", || self.watched());
        tally.check(
            "every failure message is written in English and Korean",
            || self.bilingual(),
        );
        tally.check("the cards are complete in every language", || self.cards());
        tally.check("README.ko.md translates the README as it is", || {
            korean::up_to_date(self.root, &self.kata.readme(), &self.kata.readme_ko())
        });
        tally.check("the Korean follows the glossary", || self.korean());
        let wrong = self.kata.answers(self.scratch, Catalogue::Wrong)?;
        let right = self.kata.answers(self.scratch, Catalogue::Right)?;
        tally.check(&format!("at least {WRONG_ANSWERS} wrong answers"), || {
            self.enough(&wrong, WRONG_ANSWERS, Catalogue::Wrong)
        });
        tally.check(&format!("at least {RIGHT_ANSWERS} right answers"), || {
            self.enough(&right, RIGHT_ANSWERS, Catalogue::Right)
        });

        tally.check("the kata as shipped fails at its todo!()s", || {
            self.kata_fails()
        });
        tally.check("the solution passes", || self.solution_passes());
        let mut summary = Summary {
            label: self.kata.label(),
            wrong: (0, wrong.len()),
            right: (0, right.len()),
            slowest_wrong: None,
        };
        for path in &wrong {
            let label = format!("wrong/{} is caught", file_name(path));
            let (caught, took) = tally.check(&label, || self.wrong_answer_caught(path));
            summary.wrong.0 += usize::from(caught);
            summary.slowest_wrong = summary.slowest_wrong.max(Some(took));
        }
        for path in &right {
            let label = format!("right/{} passes", file_name(path));
            let (accepted, _) = tally.check(&label, || self.right_answer_passes(path));
            summary.right.0 += usize::from(accepted);
        }
        Ok(summary)
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

    /// `03-spawn-vs-join` -> ("03", "spawn-vs-join").
    fn folder(&self) -> (&str, &str) {
        self.kata
            .dir
            .split_once('-')
            .unwrap_or((&self.kata.dir, ""))
    }

    fn folder_number(&self) -> Result<String> {
        let (number, _) = self.folder();
        let agrees = number.len() == 2
            && number.bytes().all(|b| b.is_ascii_digit())
            && number.parse() == Ok(self.kata.number);
        if !agrees {
            bail!(
                "the folder katas/{} says {number}; [package.metadata.kata] says \
                 number = {}, which is folder {:02}",
                self.kata.dir,
                self.kata.number,
                self.kata.number
            );
        }
        Ok(String::new())
    }

    fn folder_name(&self) -> Result<String> {
        let (_, name) = self.folder();
        if name != self.kata.name {
            bail!(
                "the folder katas/{} says `{name}`; its Cargo.toml says \
                 name = \"{}\"",
                self.kata.dir,
                self.kata.name
            );
        }
        Ok(String::new())
    }

    fn question(&self) -> Result<String> {
        let question = self.kata.question.trim();
        if question.is_empty() || question.contains(PLACEHOLDER) {
            bail!(
                "[package.metadata.kata] question = \"{question}\" in katas/{}/Cargo.toml: \
                 write the interview question",
                self.kata.dir
            );
        }
        Ok(String::new())
    }

    fn incremental(&self) -> Result<String> {
        let manifest = std::fs::read_to_string(self.root.join("Cargo.toml"))
            .context("cannot read Cargo.toml")?;
        if !profile::is_incremental(&manifest, &self.kata.name)? {
            bail!(
                "a learner rebuilds this kata over and over: add to Cargo.toml's \
                 [profile.dev.package]:\n    {}",
                profile::line(&self.kata.name)
            );
        }
        Ok(String::new())
    }

    fn table_row(&self) -> Result<String> {
        let readme = std::fs::read_to_string(self.root.join("README.md"))
            .context("cannot read README.md")?;
        match table::row(&readme, &self.kata.dir) {
            None => bail!(
                "README.md's table under `## The katas` has no row linking to {}",
                table::link(&self.kata.dir)
            ),
            Some(row) if row.contains(PLACEHOLDER) => bail!(
                "its row in README.md still holds {PLACEHOLDER} placeholders: fill in \
                 the question, the Python original and the tokio answer:\n{row}"
            ),
            Some(_) => Ok(String::new()),
        }
    }

    fn files(&self) -> Result<String> {
        let missing: Vec<String> = [
            self.kata.solution_dir().join("Cargo.toml"),
            self.kata.solution_lib_rs(),
            self.kata.test_file(),
        ]
        .into_iter()
        .filter(|path| !self.root.join(path).is_file())
        .map(|path| path.display().to_string())
        .collect();
        if !missing.is_empty() {
            bail!("missing: {}", missing.join(", "));
        }
        Ok(String::new())
    }

    /// The steps that have a test, by number.
    fn steps(&self) -> BTreeSet<u32> {
        self.kata
            .test_names(self.root)
            .iter()
            .filter_map(|test| step_of(test))
            .collect()
    }

    fn hints(&self, steps: &BTreeSet<u32>) -> Result<String> {
        if steps.is_empty() {
            bail!(
                "{} has no step tests (`stepN_...`), so no step to give hints for",
                self.kata.test_file().display()
            );
        }
        let readme = std::fs::read_to_string(self.root.join(self.kata.readme()))
            .with_context(|| format!("cannot read {}", self.kata.readme().display()))?;
        let hinted = hints::by_step(&readme);
        let bare: Vec<String> = steps
            .iter()
            .filter(|step| !hinted.contains_key(step))
            .map(u32::to_string)
            .collect();
        if !bare.is_empty() {
            bail!(
                "no hint for step {}: add `<details data-step=\"N\"><summary>Step N: Nudge</summary>` \
                 blocks to {}",
                bare.join(", "),
                self.kata.readme().display()
            );
        }
        let count: usize = hinted.values().map(Vec::len).sum();
        let steps: Vec<String> = steps.iter().map(u32::to_string).collect();
        let plural = if steps.len() == 1 { "" } else { "s" };
        Ok(format!(
            "{count} hints for step{plural} {}",
            steps.join(", ")
        ))
    }

    fn snapshots(&self, steps: &BTreeSet<u32>) -> Result<String> {
        let prefix = format!("{}__", self.kata.name.replace('-', "_"));
        let dir = self.root.join("tests/snapshots");
        let mut recorded = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let test = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".snap"));
            recorded.extend(test.and_then(step_of));
        }
        let missing: Vec<String> = steps
            .iter()
            .filter(|step| !recorded.contains(step))
            .map(|step| format!("tests/snapshots/{prefix}step{step}_*.snap"))
            .collect();
        if !missing.is_empty() {
            bail!(
                "no reference timeline: {}\nRecord them from the solution: \
                 `cargo record -p {}` (see CONTRIBUTING.md)",
                missing.join(", "),
                self.kata.solution_name()
            );
        }
        Ok(String::new())
    }

    /// Every `fn stepN_...` of the test file goes through `#[world::step]`,
    /// which runs the whole test under the real-time watchdog: a test
    /// without it could hang on the learner's code for ever.
    fn watched(&self) -> Result<String> {
        let path = self.kata.test_file();
        let source = std::fs::read_to_string(self.root.join(&path))
            .with_context(|| format!("cannot read {}", path.display()))?;
        let unwatched = crate::steps::unwatched_steps(&source);
        if !unwatched.is_empty() {
            bail!(
                "{} in {} do not go through {}: put it on the line above each, in place of \
                 #[test] or #[tokio::test(...)], so that the watchdog stops a hang",
                unwatched.join(", "),
                path.display(),
                crate::steps::STEP_ATTRIBUTE
            );
        }
        Ok(String::new())
    }

    /// Every failure message of the test file is `world::say!(en: ..,
    /// ko: ..)`: a learner reading Korean is told why a step failed in
    /// Korean, and a message without its Korean is caught here, not by them.
    fn bilingual(&self) -> Result<String> {
        let path = self.kata.test_file();
        let source = std::fs::read_to_string(self.root.join(&path))
            .with_context(|| format!("cannot read {}", path.display()))?;
        let found = crate::bilingual::one_language(&source);
        if found.is_empty() {
            return Ok(String::new());
        }
        let lines: Vec<String> = found
            .iter()
            .map(|(line, words)| format!("{}:{line}: {words}", path.display()))
            .collect();
        bail!(
            "{} message(s) in one language only: write each as world::say!(en: \"..\", \
             ko: \"..\")\n{}",
            found.len(),
            lines.join("\n")
        );
    }

    /// The kata's Korean (its README and its cards) uses the glossary's
    /// words.
    fn korean(&self) -> Result<String> {
        let mut texts = korean_texts(self.root, &[self.kata.readme_ko()])?;
        let tests = self.kata.test_file();
        if let Ok(source) = std::fs::read_to_string(self.root.join(&tests)) {
            for message in crate::bilingual::korean_messages(&source) {
                texts.push((tests.display().to_string(), message));
            }
        }
        if let Ok((cards, _)) = cards::check_kata(self.root, self.kata) {
            for card in &cards {
                let ko = card.text("ko");
                let text = [&ko.question, &ko.answer, &ko.python]
                    .into_iter()
                    .chain(&ko.points)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n");
                texts.push((format!("card {}", card.id), text));
            }
        }
        korean::follows_glossary(self.glossary, &texts)
    }

    /// Every kata has cards: `interview` asks from them, and one without
    /// would be left out of every session unnoticed.
    fn cards(&self) -> Result<String> {
        if !self.root.join(self.kata.cards()).is_file() {
            bail!(
                "no {}: write the kata's interview cards (CONTRIBUTING.md, step 6; \
                 `cargo kata new` starts one)",
                self.kata.cards().display()
            );
        }
        let (cards, problems) = cards::check_kata(self.root, self.kata)?;
        if !problems.is_empty() {
            bail!(
                "in {}:\n{}",
                self.kata.cards().display(),
                problems.join("\n")
            );
        }
        let predict = cards
            .iter()
            .filter(|card| card.kind == cards::Kind::Predict)
            .count();
        Ok(format!(
            "{} explain and {predict} predict cards in {}",
            cards.len() - predict,
            cards::LANGUAGES.join(" and ")
        ))
    }

    /// At least `wanted` answers in a catalogue.
    fn enough(&self, answers: &[PathBuf], wanted: usize, catalogue: Catalogue) -> Result<String> {
        let have = answers.len();
        if have < wanted {
            bail!(
                "{have} of {wanted}: {} missing in {}/",
                wanted - have,
                self.kata.answers_dir(catalogue).display()
            );
        }
        Ok(format!("{have}"))
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
        passes(success, &report)
    }

    /// Splices the wrong answer over the solution as the kata file; its
    /// tests must fail, saying what the answer expects.
    fn wrong_answer_caught(&self, path: &Path) -> Result<String> {
        let (wrong, output) = self.spliced(path, Catalogue::Wrong)?;
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
    fn right_answer_passes(&self, path: &Path) -> Result<String> {
        let (_, output) = self.spliced(path, Catalogue::Right)?;
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
    fn spliced(&self, path: &Path, catalogue: Catalogue) -> Result<(Answer, cargo::Output)> {
        let answer = Answer::parse(&std::fs::read_to_string(path)?, catalogue)?;
        let solution = std::fs::read_to_string(self.scratch.join(self.kata.solution_lib_rs()))?;
        let spliced = answer.splice_into(&solution)?;

        let kata_file = self.scratch.join(self.kata.lib_rs());
        let shipped = std::fs::read(&kata_file)?;
        std::fs::write(&kata_file, spliced)?;
        let tested = self.cargo_test_output(&self.kata.name);
        std::fs::write(&kata_file, shipped)?;
        Ok((answer, tested?))
    }

    /// `cargo test -p package` in the scratch copy: whether it succeeded,
    /// and libtest's report. Code that does not compile is an error.
    fn cargo_test(&self, package: &str) -> Result<(bool, Report)> {
        let output = self.cargo_test_output(package)?;
        let mut report = libtest::parse(&output.stdout, &output.stderr);
        if !report.ran {
            bail!(
                "it does not compile:\n{}",
                libtest::error_or_tail(&output.stderr)
            );
        }
        report.add_not_run(&self.kata.test_names(self.scratch));
        Ok((output.success, report))
    }

    fn cargo_test_output(&self, package: &str) -> Result<cargo::Output> {
        // In English: the answers' `expect:` lines quote the English words.
        cargo::test(
            self.scratch,
            package,
            Some(self.target),
            None,
            kata_protocol::Lang::En,
        )
    }
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

/// A file the author must write with no placeholder of `new`'s left in it.
fn no_placeholder(root: &Path, path: &Path) -> Result<String> {
    let text = std::fs::read_to_string(root.join(path))
        .with_context(|| format!("cannot read {}", path.display()))?;
    let lines: Vec<String> = text
        .lines()
        .zip(1..)
        .filter(|(line, _)| line.contains(PLACEHOLDER))
        .map(|(_, n)| n.to_string())
        .collect();
    if !lines.is_empty() {
        bail!(
            "{} still holds {PLACEHOLDER} on line {}",
            path.display(),
            lines.join(", ")
        );
    }
    Ok(String::new())
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

/// The Korean files at `paths` that exist, each with its text (a missing
/// one is another check's business).
fn korean_texts(root: &Path, paths: &[PathBuf]) -> Result<Vec<(String, String)>> {
    let mut texts = Vec::new();
    for path in paths {
        if let Ok(text) = std::fs::read_to_string(root.join(path)) {
            texts.push((path.display().to_string(), text));
        }
    }
    Ok(texts)
}

/// The Korean the tools say (the world's, the protocol's and the runner's
/// string literals with Hangul in them), each with the file it is in.
fn tool_korean(root: &Path) -> Result<Vec<(String, String)>> {
    let mut texts = Vec::new();
    for dir in ["world/src", "protocol/src", "runner/src", "runner/src/cmd"] {
        for entry in std::fs::read_dir(root.join(dir))? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path)?;
                // A module's tests quote ruled-out forms on purpose.
                let source = source.split("\n#[cfg(test)]").next().unwrap_or_default();
                let shown = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                for text in crate::bilingual::hangul_literals(source) {
                    texts.push((shown.clone(), text));
                }
            }
        }
    }
    Ok(texts)
}
