//! What the learner has solved, and the state each kata is in.
//!
//! `.kata-progress` at the workspace root (gitignored) is a small TOML file,
//! one table per kata:
//!
//! ```toml
//! [spawn-vs-join]
//! solved = "<git blob id of the lib.rs that passed>"   # by `check`
//! failing = ["step2_gather"]                           # by `check`, each run
//! hints = { step2 = 1 }                                # by `hint`: levels shown
//!
//! [spawn-vs-join.cards.join-is-not-parallel]            # by `interview`
//! due = "2026-11-30T09:12:00Z"                          # FSRS's state of the card
//! stability = 3.17
//! # ...difficulty, reps, lapses, state, last_review (see `review.rs`)
//! ```
//!
//! `reset` removes a kata's table, but for its cards' reviews: putting the
//! starting code back does not unlearn an answer. The file is a convenience, never a
//! source of truth a command depends on: a missing one means nothing done
//! yet, and a corrupt one (or a value of the wrong type) is ignored with a
//! warning and rebuilt by the next command that records something. It never
//! stops a command.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::blob::blob_id;
use crate::kata::Kata;
use crate::splice;

const HEADER: &str = "\
# Your progress through the katas, written by `cargo kata check`, `hint`
# and `interview`.
# Delete this file to start the list over; your code is not touched.
";

pub struct Progress {
    path: PathBuf,
    katas: toml::Table,
}

impl Progress {
    pub fn load(path: &Path) -> Progress {
        let katas = match std::fs::read_to_string(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => toml::Table::new(),
            Err(error) => {
                eprintln!(
                    "warning: cannot read {} ({error}); ignoring it",
                    path.display()
                );
                toml::Table::new()
            }
            Ok(text) => text.parse().unwrap_or_else(|error: toml::de::Error| {
                eprintln!(
                    "warning: {} is corrupt ({}); ignoring it. \
                     The next `cargo kata check` writes a new one.",
                    path.display(),
                    error.message()
                );
                toml::Table::new()
            }),
        };
        Progress {
            path: path.to_path_buf(),
            katas,
        }
    }

    pub fn is_solved(&self, kata: &Kata) -> bool {
        self.entry(kata)
            .is_some_and(|entry| entry.contains_key("solved"))
    }

    /// The first of `katas` (in number order) not yet solved: the one to
    /// open next.
    pub fn next<'a>(&self, katas: &'a [Kata]) -> Option<&'a Kata> {
        katas.iter().find(|kata| !self.is_solved(kata))
    }

    /// Records `kata` solved by the file whose blob id is `blob`.
    pub fn record_solved(&mut self, kata: &Kata, blob: &str) {
        self.entry_mut(kata).insert("solved".into(), blob.into());
    }

    /// The tests of `kata` that failed at its last check, by name.
    pub fn failing(&self, kata: &Kata) -> Vec<String> {
        self.entry(kata)
            .and_then(|entry| entry.get("failing"))
            .and_then(|failing| failing.as_array())
            .map(|names| {
                names
                    .iter()
                    .filter_map(|name| name.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Records which tests of `kata` failed at this check: `hint` starts
    /// from the first of them.
    pub fn record_failing(&mut self, kata: &Kata, tests: &[&str]) {
        let names: toml::value::Array = tests.iter().map(|&name| name.into()).collect();
        self.entry_mut(kata).insert("failing".into(), names.into());
    }

    /// How many hints of `step` the learner has been shown: 0 for none.
    pub fn hints_shown(&self, kata: &Kata, step: u32) -> u32 {
        self.entry(kata)
            .and_then(|entry| entry.get("hints"))
            .and_then(|hints| hints.get(format!("step{step}")))
            .and_then(|level| level.as_integer())
            .and_then(|level| u32::try_from(level).ok())
            .unwrap_or(0)
    }

    pub fn record_hints_shown(&mut self, kata: &Kata, step: u32, level: u32) {
        let entry = self.entry_mut(kata);
        if !entry.get("hints").is_some_and(toml::Value::is_table) {
            entry.insert("hints".into(), toml::Table::new().into());
        }
        if let Some(hints) = entry.get_mut("hints").and_then(|h| h.as_table_mut()) {
            hints.insert(format!("step{step}"), i64::from(level).into());
        }
    }

    /// Forgets all about `kata`'s code: solved, failing tests, hints shown.
    /// Its cards' reviews stay. Whether there was anything to forget.
    pub fn forget(&mut self, kata: &Kata) -> bool {
        let Some(entry) = self.katas.remove(&kata.name) else {
            return false;
        };
        let cards = entry.get("cards").filter(|cards| cards.is_table());
        if let Some(cards) = cards.cloned() {
            self.entry_mut(kata).insert("cards".into(), cards);
        }
        true
    }

    /// What `interview` recorded of card `id` of `kata` (see `review.rs`);
    /// none if it was never graded, or the entry is not a table.
    pub fn card_review(&self, kata: &str, id: &str) -> Option<&toml::Table> {
        self.katas
            .get(kata)
            .and_then(|entry| entry.get("cards"))
            .and_then(|cards| cards.get(id))
            .and_then(|review| review.as_table())
    }

    /// Every review recorded for the cards of kata `kata`.
    pub fn card_reviews(&self, kata: &str) -> Option<impl Iterator<Item = &toml::Table>> {
        let cards = self.katas.get(kata)?.get("cards")?.as_table()?;
        Some(cards.values().filter_map(|review| review.as_table()))
    }

    pub fn record_card_review(&mut self, kata: &Kata, id: &str, review: toml::Table) {
        let entry = self.entry_mut(kata);
        if !entry.get("cards").is_some_and(toml::Value::is_table) {
            entry.insert("cards".into(), toml::Table::new().into());
        }
        if let Some(cards) = entry.get_mut("cards").and_then(|c| c.as_table_mut()) {
            cards.insert(id.to_string(), review.into());
        }
    }

    fn entry(&self, kata: &Kata) -> Option<&toml::Table> {
        self.katas
            .get(&kata.name)
            .and_then(|entry| entry.as_table())
    }

    /// `kata`'s table, made anew if it is missing or not a table.
    fn entry_mut(&mut self, kata: &Kata) -> &mut toml::Table {
        let entry = self
            .katas
            .entry(kata.name.clone())
            .or_insert_with(|| toml::Table::new().into());
        if !entry.is_table() {
            *entry = toml::Table::new().into();
        }
        entry.as_table_mut().expect("a table: made one just above")
    }

    /// Writes the file whole, then moves it into place: an interrupted save
    /// leaves the old file, never half of a new one.
    pub fn save(&self) -> Result<()> {
        let temporary = self.path.with_extension("tmp");
        let katas = self.katas.to_string();
        let text = match katas.trim_end() {
            "" => HEADER.to_string(),
            katas => format!("{HEADER}\n{katas}\n"),
        };
        std::fs::write(&temporary, text)
            .and_then(|()| std::fs::rename(&temporary, &self.path))
            .with_context(|| format!("cannot write {}", self.path.display()))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum State {
    Solved,
    InProgress,
    NotStarted,
}

impl State {
    pub fn describe(self) -> &'static str {
        match self {
            State::Solved => "solved",
            State::InProgress => "in progress",
            State::NotStarted => "not started",
        }
    }
}

/// The state of `kata` in the workspace at `root`.
///
/// Solved is what `check` recorded, and stays so when the file changes
/// afterwards: learners refactor. Otherwise the file is compared with its
/// starting code: by blob id when the kata pins one (`start`), else by the
/// shape of a starting file, where every `pub fn` is still a `todo!(`.
pub fn state(root: &Path, kata: &Kata, progress: &Progress) -> Result<State> {
    if progress.is_solved(kata) {
        return Ok(State::Solved);
    }
    let content = kata.read_lib_rs(root)?;
    let untouched = match &kata.start {
        Some(start) => blob_id(&content) == *start,
        None => every_pub_fn_is_todo(&String::from_utf8_lossy(&content)),
    };
    Ok(if untouched {
        State::NotStarted
    } else {
        State::InProgress
    })
}

fn every_pub_fn_is_todo(source: &str) -> bool {
    let lines: Vec<&str> = source.lines().collect();
    let functions = splice::items(source).map(|items| {
        items
            .into_iter()
            .filter(splice::Item::is_fn)
            .collect::<Vec<_>>()
    });
    match functions {
        Ok(functions) if !functions.is_empty() => functions
            .iter()
            .all(|f| lines[f.lines.clone()].iter().any(|l| l.contains("todo!("))),
        // No function found, or not rustfmt's layout: the learner's hand.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{Progress, every_pub_fn_is_todo};
    use crate::kata::Kata;

    fn kata(name: &str) -> Kata {
        Kata {
            number: 3,
            name: name.into(),
            dir: format!("03-{name}"),
            question: "Why?".into(),
            start: None,
        }
    }

    #[test]
    fn what_is_recorded_is_read_back_after_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".kata-progress");
        let (a, b) = (kata("a"), kata("b"));
        let mut progress = Progress::load(&path);
        progress.record_failing(&a, &["step2_x", "step3_y"]);
        progress.record_hints_shown(&a, 2, 1);
        progress.record_hints_shown(&a, 2, 2);
        progress.record_solved(&b, "abc");
        progress.save().unwrap();

        let mut progress = Progress::load(&path);
        assert_eq!(progress.failing(&a), ["step2_x", "step3_y"]);
        assert_eq!(progress.hints_shown(&a, 2), 2);
        assert_eq!(progress.hints_shown(&a, 3), 0);
        assert!(!progress.is_solved(&a) && progress.is_solved(&b));
        assert!(progress.forget(&a));
        assert!(!progress.forget(&a));
        assert_eq!(progress.hints_shown(&a, 2), 0);
    }

    #[test]
    fn card_reviews_are_kept_and_outlive_a_reset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".kata-progress");
        let a = kata("a");
        let mut progress = Progress::load(&path);
        let mut review = toml::Table::new();
        review.insert("reps".into(), 1.into());
        progress.record_card_review(&a, "x", review.clone());
        progress.record_hints_shown(&a, 1, 1);
        progress.save().unwrap();
        let mut progress = Progress::load(&path);
        assert_eq!(progress.card_review("a", "x"), Some(&review));
        assert_eq!(progress.card_review("a", "y"), None);
        assert!(progress.forget(&a));
        assert_eq!(progress.hints_shown(&a, 1), 0);
        assert_eq!(progress.card_review("a", "x"), Some(&review));
    }

    #[test]
    fn values_of_the_wrong_type_read_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".kata-progress");
        std::fs::write(&path, "a = 1\n[b]\nfailing = 3\nhints = \"x\"\n").unwrap();
        let (a, b) = (kata("a"), kata("b"));
        let mut progress = Progress::load(&path);
        assert!(progress.failing(&b).is_empty());
        assert_eq!(progress.hints_shown(&b, 1), 0);
        progress.record_hints_shown(&b, 1, 1);
        progress.record_failing(&a, &[]);
        assert_eq!(progress.hints_shown(&b, 1), 1);
        assert!(progress.failing(&a).is_empty());
    }

    #[test]
    fn a_starting_file_has_todo_in_every_pub_fn() {
        let start = "pub fn a() {\n    todo!(\"step 1\")\n}\n\npub fn b() {\n    todo!()\n}\n";
        assert!(every_pub_fn_is_todo(start));
        let begun = start.replacen("todo!(\"step 1\")", "1", 1);
        assert!(!every_pub_fn_is_todo(&begun));
        assert!(!every_pub_fn_is_todo("// nothing here\n"));
    }
}
