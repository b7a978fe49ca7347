//! One kata, as its manifest describes it.
//!
//! `katas/NN-name/Cargo.toml` is the single source of a kata's metadata:
//!
//! ```toml
//! [package.metadata.kata]
//! number = 3
//! question = "create_task vs gather: what is the difference?"
//! start = "<git blob id of the starting src/lib.rs>"   # optional
//! compile-checks = true   # optional: its tests assert Send and 'static
//! ```
//!
//! Where its parts live, and what its solution and libs are named, is the
//! kata contract's to say ([`Layout`], in `kata-protocol`): the methods
//! here hand its answers on. Paths are relative to the workspace root, so
//! that `verify` can use them in its scratch copy too.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kata_protocol::kata::{COMPILE_CHECKS_KEY, Layout, QUESTION_KEY};

use crate::splice::Catalogue;
use crate::steps;

pub struct Kata {
    pub number: u32,
    /// The package name: what `cargo test -p` takes.
    pub name: String,
    /// The directory name under `katas/` and `solutions/`: `03-spawn-vs-join`.
    pub dir: String,
    pub question: String,
    /// The git blob id of the starting `src/lib.rs`, when the author set it.
    pub start: Option<String>,
    /// Whether its tests assert at compile time, so that code that does
    /// not compile is a wrong answer ([`COMPILE_CHECKS_KEY`]).
    pub compile_checks: bool,
}

impl Kata {
    /// Reads `dir/Cargo.toml` (`dir` is `root/katas/NN-name`).
    pub fn load(root: &Path, dir: &Path) -> Result<Kata> {
        let manifest_path = dir.join("Cargo.toml");
        let shown = manifest_path.strip_prefix(root).unwrap_or(&manifest_path);
        let manifest: toml::Table = std::fs::read_to_string(&manifest_path)
            .with_context(|| format!("cannot read {}", shown.display()))?
            .parse()
            .with_context(|| format!("{} is not valid TOML", shown.display()))?;

        let package = manifest.get("package").and_then(|p| p.as_table());
        let Some(name) = package.and_then(|p| p.get("name")).and_then(|n| n.as_str()) else {
            bail!("{}: no [package] name", shown.display());
        };
        let Some(meta) = package
            .and_then(|p| p.get("metadata"))
            .and_then(|m| m.get("kata"))
            .and_then(|k| k.as_table())
        else {
            bail!("{}: no [package.metadata.kata] table", shown.display());
        };
        let Some(number) = meta
            .get("number")
            .and_then(|n| n.as_integer())
            .and_then(|n| u32::try_from(n).ok())
        else {
            bail!(
                "{}: [package.metadata.kata] needs `number = N`",
                shown.display()
            );
        };
        let Some(question) = meta.get(QUESTION_KEY).and_then(|q| q.as_str()) else {
            bail!(
                "{}: [package.metadata.kata] needs `question = \"...\"`",
                shown.display()
            );
        };
        let start = match meta.get("start") {
            None => None,
            Some(value) => match value.as_str() {
                Some(id) => Some(id.to_string()),
                None => bail!(
                    "{}: `start` must be a string (a git blob id)",
                    shown.display()
                ),
            },
        };
        let compile_checks = match meta.get(COMPILE_CHECKS_KEY) {
            None => false,
            Some(value) => match value.as_bool() {
                Some(checks) => checks,
                None => bail!(
                    "{}: `{COMPILE_CHECKS_KEY}` must be true or false",
                    shown.display()
                ),
            },
        };

        Ok(Kata {
            number,
            name: name.to_string(),
            dir: dir
                .file_name()
                .context("a kata directory has a name")?
                .to_string_lossy()
                .into_owned(),
            question: question.to_string(),
            start,
            compile_checks,
        })
    }

    /// `03 spawn-vs-join`, as lists and headings show it.
    pub fn label(&self) -> String {
        format!("{:02} {}", self.number, self.name)
    }

    /// Where its parts live: the kata contract's answer for its number
    /// and name.
    pub fn layout(&self) -> Layout {
        Layout::new(self.number, &self.name)
    }

    /// The file the learner edits.
    pub fn lib_rs(&self) -> PathBuf {
        self.layout().kata_lib_rs()
    }

    /// What the learner's file holds now, in the workspace at `root`.
    pub fn read_lib_rs(&self, root: &Path) -> Result<Vec<u8>> {
        let path = self.lib_rs();
        std::fs::read(root.join(&path)).with_context(|| format!("cannot read {}", path.display()))
    }

    pub fn readme(&self) -> PathBuf {
        self.layout().readme()
    }

    /// The README's Korean translation, beside it.
    pub fn readme_ko(&self) -> PathBuf {
        Path::new("katas").join(&self.dir).join("README.ko.md")
    }

    pub fn solution_name(&self) -> String {
        self.layout().solution_package()
    }

    pub fn solution_lib_rs(&self) -> PathBuf {
        self.layout().solution_lib_rs()
    }

    /// The one test file of the kata and its solution.
    pub fn test_file(&self) -> PathBuf {
        self.layout().test_file()
    }

    /// The names of the kata's tests, as its test file declares them (see
    /// `steps.rs`), in the workspace at `root`; none when it cannot be read.
    pub fn test_names(&self, root: &Path) -> Vec<String> {
        std::fs::read_to_string(root.join(self.test_file()))
            .map(|source| steps::tests_in(&source))
            .unwrap_or_default()
    }

    /// A catalogue of answers, one `*.rs` file each; see `splice.rs`.
    pub fn answers_dir(&self, catalogue: Catalogue) -> PathBuf {
        match catalogue {
            Catalogue::Wrong => self.layout().wrong_dir(),
            Catalogue::Right => self.layout().right_dir(),
        }
    }

    /// The files of a catalogue, by name, in the workspace at `root`; none
    /// when it has no folder.
    pub fn answers(&self, root: &Path, catalogue: Catalogue) -> Result<Vec<PathBuf>> {
        let dir = root.join(self.answers_dir(catalogue));
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => {
                return Err(error).with_context(|| format!("cannot list {}", dir.display()));
            }
        };
        let mut files = Vec::new();
        for entry in entries {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
        files.sort();
        Ok(files)
    }

    /// The interview cards; see `cards.rs`.
    pub fn cards(&self) -> PathBuf {
        self.layout().cards()
    }

    /// The stored reference snapshot `snapshot` (`step2_gather`).
    pub fn snapshot_file(&self, snapshot: &str) -> PathBuf {
        self.layout().snapshot_file(snapshot)
    }
}
