//! verify's first half: that a kata's parts agree, which reads files only.
//! Each check is a method of [`Verifier`]; `parts` runs them in order.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kata_protocol::kata::{
    NewFile, PLACEHOLDER, PYTHON_ORIGINALS, WORKSPACE_README, doc_question, same_question,
};

use super::{Tally, Verifier};
use crate::blob::blob_id;
use crate::cards;
use crate::hints;
use crate::profile;
use crate::splice::Catalogue;
use crate::steps::step_of;
use crate::table;

impl Verifier<'_> {
    /// Runs the checks of the parts, printing a line for each.
    pub(super) fn parts(&self, tally: &mut Tally) {
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
        tally.check("the question reads the same everywhere", || {
            self.question_everywhere()
        });
        tally.check("README.md's table of katas has its row", || {
            self.table_row()
        });
        tally.check(&format!("{PYTHON_ORIGINALS} has its row"), || {
            self.python_row()
        });
        tally.check("the solution and the test file exist", || self.files());
        tally.check("Cargo.toml keeps its builds incremental", || {
            self.incremental()
        });
        for file in self.kata.layout().new_files() {
            tally.check(&format!("no placeholder left in {}", file.what), || {
                no_placeholder(self.root, &file)
            });
        }
        let steps = self.steps();
        tally.check("the kata README has hints for every step", || {
            self.hints(&steps)
        });
        tally.check("a reference snapshot for every step", || {
            self.snapshots(&steps)
        });
        tally.check("every step test runs under the watchdog", || self.watched());
        tally.check("the cards are complete in every language", || self.cards());
        self.korean(tally);
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

    /// The question is written once, in the kata manifest; every other
    /// place that shows it must say the same (`same_question`: the words,
    /// whatever the backticks and line breaks). Each place that differs is
    /// named, with what it says.
    fn question_everywhere(&self) -> Result<String> {
        let layout = self.kata.layout();
        let read = |path: &Path| {
            std::fs::read_to_string(self.root.join(path))
                .with_context(|| format!("cannot read {}", path.display()))
        };
        let mut shown: Vec<(String, Option<String>)> = Vec::new();
        for manifest in [layout.kata_manifest(), layout.solution_manifest()] {
            let text = read(&manifest)?;
            let table: toml::Table = text
                .parse()
                .with_context(|| format!("{} is not valid TOML", manifest.display()))?;
            let description = table
                .get("package")
                .and_then(|p| p.get("description"))
                .and_then(|d| d.as_str());
            if let Some(description) = description {
                let place = format!("{}'s description", manifest.display());
                shown.push((place, Some(description.to_string())));
            }
        }
        let readme = read(Path::new(WORKSPACE_README))?;
        let cell = table::row(&readme, &self.kata.dir)
            .and_then(|row| row.split(" | ").nth(2))
            .map(str::to_string);
        shown.push(("README.md's row".to_string(), cell));
        for lib in [layout.kata_lib_rs(), layout.solution_lib_rs()] {
            let place = format!("{}'s doc comment (`//! > ...`)", lib.display());
            shown.push((place, doc_question(&read(&lib)?)));
        }
        let differ: Vec<String> = shown
            .into_iter()
            .filter(|(_, text)| {
                !text
                    .as_deref()
                    .is_some_and(|t| same_question(&self.kata.question, t))
            })
            .map(|(place, text)| match text {
                Some(text) => format!("{place} says: {text}"),
                None => format!("{place} does not quote it"),
            })
            .collect();
        if !differ.is_empty() {
            bail!(
                "the question, as [package.metadata.kata] writes it: {}\n{}",
                self.kata.question,
                differ.join("\n")
            );
        }
        Ok(String::new())
    }

    /// `docs/python-originals.md` has the kata's row (`| 03 spawn-vs-join
    /// | the program | what it prints |`), filled in: the numbers every
    /// snapshot must reproduce.
    fn python_row(&self) -> Result<String> {
        let text = std::fs::read_to_string(self.root.join(PYTHON_ORIGINALS))
            .with_context(|| format!("cannot read {PYTHON_ORIGINALS}"))?;
        let start = self.kata.layout().python_row_start();
        match text.lines().find(|line| line.starts_with(&start)) {
            None => bail!(
                "no row starting `{start}`: add the Python program the kata mirrors, and what \
                 it prints and when"
            ),
            Some(row) if row.contains(PLACEHOLDER) => bail!(
                "its row still holds {PLACEHOLDER} placeholders: write the program and what it \
                 prints:\n{row}"
            ),
            Some(_) => Ok(String::new()),
        }
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
        let readme = std::fs::read_to_string(self.root.join(WORKSPACE_README))
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
        let layout = self.kata.layout();
        let missing: Vec<String> = [
            layout.solution_manifest(),
            layout.solution_lib_rs(),
            layout.test_file(),
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
        let layout = self.kata.layout();
        let dir = self.root.join(kata_protocol::kata::SNAPSHOTS_DIR);
        let mut recorded = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            recorded.extend(layout.snapshot_in(&name).and_then(step_of));
        }
        let missing: Vec<String> = steps
            .iter()
            .filter(|step| !recorded.contains(step))
            .map(|step| {
                layout
                    .snapshot_file(&format!("step{step}_*"))
                    .display()
                    .to_string()
            })
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
    pub(super) fn enough(
        &self,
        answers: &[PathBuf],
        wanted: usize,
        catalogue: Catalogue,
    ) -> Result<String> {
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
}

/// A file `new` wrote, with no placeholder of `new`'s left in it: every
/// line that holds one is named, with the placeholder's words.
fn no_placeholder(root: &Path, file: &NewFile) -> Result<String> {
    let path = &file.path;
    let text = match std::fs::read_to_string(root.join(path)) {
        Ok(text) => text,
        // A missing file holds no placeholder; the checks of the parts
        // that must exist say it is missing.
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(String::new()),
        Err(error) => {
            return Err(error).with_context(|| format!("cannot read {}", path.display()));
        }
    };
    let lines: Vec<String> = text
        .lines()
        .zip(1..)
        .filter(|(line, _)| line.contains(PLACEHOLDER))
        .map(|(line, n)| format!("line {n}: {}", line.trim()))
        .collect();
    if !lines.is_empty() {
        bail!(
            "{} still holds {PLACEHOLDER} in {} place{}:\n{}",
            path.display(),
            lines.len(),
            if lines.len() == 1 { "" } else { "s" },
            lines.join("\n")
        );
    }
    Ok(String::new())
}
