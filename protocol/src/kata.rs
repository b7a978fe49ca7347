//! The kata contract: the one place that knows what a kata is made of and
//! where each part lives.
//!
//! Kata NN `name` is two crates and what they share, every path relative
//! to the workspace root:
//!
//! ```text
//! katas/NN-name/           package `name`, lib `name` with `_` for `-`:
//!   Cargo.toml             [package.metadata.kata] number, question, start
//!   README.md              the lesson and its hints (README.ko.md: Korean)
//!   src/lib.rs             what the learner edits
//! solutions/NN-name/       package `name-solution`, lib `name_solution`:
//!   Cargo.toml, src/lib.rs the reference answer
//!   wrong/*.rs, right/*.rs answers the tests must catch and accept
//!   cards.toml             the interview cards
//! tests/name.rs            the one test file of both crates
//! tests/snapshots/         `name__stepN_what.snap`, one per snapshot
//! README.md                the kata's row in the table of katas
//! docs/python-originals.md the kata's row: the asyncio program it mirrors
//! ```
//!
//! `cargo kata new` writes these parts, `verify` checks them, the runner's
//! commands and tests read them, and the world's harness finds its
//! snapshots by [`snapshot_file_name`]: all through this module, so that a
//! path or a name spelled twice can never drift. It has no dependencies,
//! like the rest of this crate: the runner uses it without building tokio.

use std::path::{Path, PathBuf};

/// What `new` writes wherever the author has something to write, and
/// `verify` refuses to find in any part `new` wrote.
pub const PLACEHOLDER: &str = "TODO(author)";

/// Where the reference snapshots live, from the workspace root.
pub const SNAPSHOTS_DIR: &str = "tests/snapshots";

/// The table of the Python programs the katas mirror, from the root.
pub const PYTHON_ORIGINALS: &str = "docs/python-originals.md";

/// The workspace's README, whose table of katas has a row per kata.
pub const WORKSPACE_README: &str = "README.md";

/// The key of the question in the kata manifest's
/// `[package.metadata.kata]`: the one place the question is written.
/// Every other place it shows (the manifests' `description`, README.md's
/// row, the doc comments of the kata and its solution) is written from it
/// by `new` and checked equal to it by `verify` ([`same_question`]).
pub const QUESTION_KEY: &str = "question";

/// The folder of each catalogue of answers, in `solutions/NN-name/`.
pub const WRONG_DIR: &str = "wrong";
pub const RIGHT_DIR: &str = "right";

/// One kata's names and paths, from its number and package name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    number: u32,
    name: String,
}

/// A file `new` writes, and what the author still has to write in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFile {
    pub path: PathBuf,
    /// What it is, as `verify` names it: "the kata's README".
    pub what: &'static str,
}

impl Layout {
    pub fn new(number: u32, name: &str) -> Layout {
        Layout {
            number,
            name: name.to_owned(),
        }
    }

    /// The layout a folder name says: `03-spawn-vs-join` is kata 3,
    /// `spawn-vs-join`; `None` for a name not of that form.
    pub fn from_dir(dir: &str) -> Option<Layout> {
        let (number, name) = dir.split_once('-')?;
        let two_digits = number.len() == 2 && number.bytes().all(|b| b.is_ascii_digit());
        if !two_digits || name.is_empty() {
            return None;
        }
        Some(Layout::new(number.parse().ok()?, name))
    }

    pub fn number(&self) -> u32 {
        self.number
    }

    /// The package name: what `cargo test -p` takes.
    pub fn package(&self) -> &str {
        &self.name
    }

    /// `spawn_vs_join`: the kata's lib, and the name of its test binary's
    /// crate (the test file is named after the package).
    pub fn lib_name(&self) -> String {
        self.name.replace('-', "_")
    }

    pub fn solution_package(&self) -> String {
        format!("{}-solution", self.name)
    }

    pub fn solution_lib_name(&self) -> String {
        format!("{}_solution", self.lib_name())
    }

    /// `03-spawn-vs-join`, under `katas/` and `solutions/` alike.
    pub fn dir(&self) -> String {
        format!("{:02}-{}", self.number, self.name)
    }

    pub fn kata_dir(&self) -> PathBuf {
        Path::new("katas").join(self.dir())
    }

    pub fn kata_manifest(&self) -> PathBuf {
        self.kata_dir().join("Cargo.toml")
    }

    /// The file the learner edits.
    pub fn kata_lib_rs(&self) -> PathBuf {
        self.kata_dir().join("src/lib.rs")
    }

    pub fn readme(&self) -> PathBuf {
        self.kata_dir().join("README.md")
    }

    /// The README in Korean, when the kata has one.
    pub fn readme_ko(&self) -> PathBuf {
        self.kata_dir().join("README.ko.md")
    }

    pub fn solution_dir(&self) -> PathBuf {
        Path::new("solutions").join(self.dir())
    }

    pub fn solution_manifest(&self) -> PathBuf {
        self.solution_dir().join("Cargo.toml")
    }

    pub fn solution_lib_rs(&self) -> PathBuf {
        self.solution_dir().join("src/lib.rs")
    }

    pub fn wrong_dir(&self) -> PathBuf {
        self.solution_dir().join(WRONG_DIR)
    }

    pub fn right_dir(&self) -> PathBuf {
        self.solution_dir().join(RIGHT_DIR)
    }

    /// The interview cards.
    pub fn cards(&self) -> PathBuf {
        self.solution_dir().join("cards.toml")
    }

    /// The one test file of the kata and its solution.
    pub fn test_file(&self) -> PathBuf {
        Path::new("tests").join(format!("{}.rs", self.name))
    }

    /// `tests/snapshots/spawn_vs_join__step2_gather.snap`
    pub fn snapshot_file(&self, snapshot: &str) -> PathBuf {
        Path::new(SNAPSHOTS_DIR).join(snapshot_file_name(&self.lib_name(), snapshot))
    }

    /// The snapshot a file of [`SNAPSHOTS_DIR`] holds, if it is one of
    /// this kata's: `spawn_vs_join__step2_gather.snap` -> `step2_gather`.
    pub fn snapshot_in<'a>(&self, file_name: &'a str) -> Option<&'a str> {
        let (krate, snapshot) = snapshot_of_file_name(file_name)?;
        (krate == self.lib_name()).then_some(snapshot)
    }

    /// The start of its row in [`PYTHON_ORIGINALS`]: `| 03 spawn-vs-join |`.
    pub fn python_row_start(&self) -> String {
        format!("| {:02} {} |", self.number, self.name)
    }

    /// Every file `new` writes, each of which `verify` scans for
    /// [`PLACEHOLDER`]. (`new` also adds a row to [`WORKSPACE_README`] and
    /// to [`PYTHON_ORIGINALS`], which `verify` checks row by row, and
    /// makes the empty [`WRONG_DIR`] and [`RIGHT_DIR`].)
    pub fn new_files(&self) -> Vec<NewFile> {
        let file = |path: PathBuf, what| NewFile { path, what };
        vec![
            file(self.kata_manifest(), "the kata's manifest"),
            file(self.readme(), "the kata's README"),
            file(self.readme_ko(), "the kata's README in Korean"),
            file(self.kata_lib_rs(), "the kata's starting code"),
            file(self.solution_manifest(), "the solution's manifest"),
            file(self.solution_lib_rs(), "the reference solution"),
            file(self.cards(), "the interview cards"),
            file(self.test_file(), "the test file"),
        ]
    }
}

/// The name insta gives a snapshot file: `<crate>__<snapshot>.snap`, the
/// crate being the test binary's (the kata's lib name).
pub fn snapshot_file_name(test_crate: &str, snapshot: &str) -> String {
    format!("{test_crate}__{snapshot}.snap")
}

/// [`snapshot_file_name`] read back: the crate and the snapshot.
pub fn snapshot_of_file_name(file_name: &str) -> Option<(&str, &str)> {
    file_name.strip_suffix(".snap")?.split_once("__")
}

/// What an insta `.snap` file holds under its `---` header: the timeline
/// as rendered. The one reader of the header, for the harness's picture,
/// the real-clock run and the interview's predict cards.
pub fn snapshot_body(stored: &str) -> &str {
    match stored
        .strip_prefix("---\n")
        .and_then(|s| s.split_once("\n---\n"))
    {
        Some((_header, body)) => body,
        None => stored,
    }
}

/// The question quoted in a crate's doc comment: the `//! > ` lines,
/// joined; `None` when it quotes none.
pub fn doc_question(source: &str) -> Option<String> {
    let lines: Vec<&str> = source
        .lines()
        .skip_while(|l| !l.starts_with("//! > "))
        .map_while(|l| l.strip_prefix("//! > "))
        .collect();
    (!lines.is_empty()).then(|| lines.join(" "))
}

/// Whether `shown` is the question as written in the manifest: the same
/// words, whatever the backticks around code, the escapes of a Markdown
/// table's `|`, or how the lines are broken.
pub fn same_question(question: &str, shown: &str) -> bool {
    let words = |text: &str| {
        text.replace(['`'], "")
            .replace("\\|", "|")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    words(question) == words(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_of_a_kata_follows_from_its_number_and_name() {
        let kata = Layout::new(3, "spawn-vs-join");
        assert_eq!(kata.dir(), "03-spawn-vs-join");
        assert_eq!(Layout::from_dir("03-spawn-vs-join"), Some(kata.clone()));
        for bad in ["3-x", "03x", "ab-x", "03-", "003-x"] {
            assert_eq!(Layout::from_dir(bad), None, "{bad}");
        }
        assert_eq!(
            kata.kata_lib_rs(),
            Path::new("katas/03-spawn-vs-join/src/lib.rs")
        );
        assert_eq!(
            kata.solution_lib_rs(),
            Path::new("solutions/03-spawn-vs-join/src/lib.rs")
        );
        assert_eq!(
            kata.wrong_dir(),
            Path::new("solutions/03-spawn-vs-join/wrong")
        );
        assert_eq!(kata.test_file(), Path::new("tests/spawn-vs-join.rs"));
        assert_eq!(
            (kata.solution_package(), kata.solution_lib_name()),
            (
                "spawn-vs-join-solution".into(),
                "spawn_vs_join_solution".into()
            )
        );
        assert_eq!(
            kata.snapshot_file("step2_gather"),
            Path::new("tests/snapshots/spawn_vs_join__step2_gather.snap")
        );
        assert_eq!(
            kata.snapshot_in("spawn_vs_join__step2_gather.snap"),
            Some("step2_gather")
        );
        assert_eq!(kata.snapshot_in("join_errors__step2_gather.snap"), None);
        assert_eq!(kata.snapshot_in("spawn_vs_join__step2.snap.new"), None);
        assert_eq!(kata.python_row_start(), "| 03 spawn-vs-join |");
        assert_eq!(kata.new_files().len(), 8);
    }

    #[test]
    fn a_snapshot_body_is_what_follows_the_header() {
        let stored = "---\nsource: tests/x.rs\nexpression: rendered\n---\nline 1\nline 2\n";
        assert_eq!(snapshot_body(stored), "line 1\nline 2\n");
        assert_eq!(snapshot_body("no header\n"), "no header\n");
    }

    #[test]
    fn the_question_is_compared_word_for_word() {
        let source = "//! # Kata 02\n//!\n//! > What do `asyncio.run` and `#[tokio::main]` do?\n\
                      //! > Can you `block_on`?\n//!\n//! > not this\n";
        let shown = doc_question(source).unwrap();
        assert!(same_question(
            "What do asyncio.run and #[tokio::main] do? Can you block_on?",
            &shown
        ));
        assert!(same_question("a | b?", "a \\| b?"));
        assert!(!same_question("What does a blocking sleep do?", &shown));
        assert_eq!(doc_question("//! # no quote\n"), None);
    }
}
