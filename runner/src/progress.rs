//! What the learner has solved, and the state each kata is in.
//!
//! `.kata-progress` at the workspace root (gitignored) is a small TOML file
//! that `cargo kata check` writes when a kata's tests all pass:
//!
//! ```toml
//! [spawn-vs-join]
//! solved = "<git blob id of the lib.rs that passed>"
//! ```
//!
//! One table per kata, so that later commands can keep more there. The file
//! only remembers successes: a missing one means nothing solved yet, and a
//! corrupt one is ignored with a warning and rebuilt by the next passing
//! check. It never stops a command.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::blob::blob_id;
use crate::kata::Kata;
use crate::splice;

const HEADER: &str = "\
# Your progress through the katas, written by `cargo kata check`.
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
                     The next `cargo kata check` that passes writes a new one.",
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
        self.katas
            .get(&kata.name)
            .and_then(|entry| entry.as_table())
            .is_some_and(|entry| entry.contains_key("solved"))
    }

    /// Records `kata` solved by the file whose blob id is `blob`.
    pub fn record_solved(&mut self, kata: &Kata, blob: &str) {
        let entry = self
            .katas
            .entry(kata.name.clone())
            .or_insert_with(|| toml::Table::new().into());
        if !entry.is_table() {
            *entry = toml::Table::new().into();
        }
        if let Some(entry) = entry.as_table_mut() {
            entry.insert("solved".into(), blob.into());
        }
    }

    /// Writes the file whole, then moves it into place: an interrupted save
    /// leaves the old file, never half of a new one.
    pub fn save(&self) -> Result<()> {
        let temporary = self.path.with_extension("tmp");
        let text = format!("{HEADER}\n{}", self.katas);
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
    let path = kata.lib_rs();
    let content = std::fs::read(root.join(&path))
        .with_context(|| format!("cannot read {}", path.display()))?;
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
    match splice::functions(source) {
        Ok(functions) if !functions.is_empty() => functions
            .iter()
            .all(|f| lines[f.lines.clone()].iter().any(|l| l.contains("todo!("))),
        // No function found, or not rustfmt's layout: the learner's hand.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::every_pub_fn_is_todo;

    #[test]
    fn a_starting_file_has_todo_in_every_pub_fn() {
        let start = "pub fn a() {\n    todo!(\"step 1\")\n}\n\npub fn b() {\n    todo!()\n}\n";
        assert!(every_pub_fn_is_todo(start));
        let begun = start.replacen("todo!(\"step 1\")", "1", 1);
        assert!(!every_pub_fn_is_todo(&begun));
        assert!(!every_pub_fn_is_todo("// nothing here\n"));
    }
}
