//! Where the workspace is, and which katas it holds.
//!
//! `cargo kata` may be run from anywhere inside the clone (a kata's `src/`,
//! say), so the root is found by walking up: the first directory whose
//! `Cargo.toml` has a `[workspace]` table and which has a `katas/` folder.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::kata::Kata;
use crate::messages::{Workspace as Says, text, tr};

pub struct Workspace {
    root: PathBuf,
    /// Where the command was run, from which a kata's path is read.
    here: PathBuf,
}

impl Workspace {
    pub fn find_from_current_dir() -> Result<Workspace> {
        let here = std::env::current_dir().context(text(Says::CannotReadHere))?;
        Workspace::find(&here)
    }

    pub fn find(start: &Path) -> Result<Workspace> {
        match start.ancestors().find(|dir| is_root(dir)) {
            Some(root) => Ok(Workspace {
                root: root.to_path_buf(),
                here: start.to_path_buf(),
            }),
            None => bail!("{}", tr(Says::NotInWorkspace, &[("dir", &start.display())])),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// What the learner has solved; see `progress.rs`. Gitignored.
    pub fn progress_file(&self) -> PathBuf {
        self.root.join(".kata-progress")
    }

    /// Cargo's target directory: `CARGO_TARGET_DIR` when set (a relative
    /// one read from the root, where this runs cargo), else `target/`.
    pub fn target_dir(&self) -> PathBuf {
        match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => self.root.join(dir),
            None => self.root.join("target"),
        }
    }

    /// Every kata under `katas/`, in number order.
    pub fn katas(&self) -> Result<Vec<Kata>> {
        let katas_dir = self.root.join("katas");
        let entries = std::fs::read_dir(&katas_dir)
            .with_context(|| format!("cannot list {}", katas_dir.display()))?;
        let mut katas = Vec::new();
        for entry in entries {
            let dir = entry?.path();
            if dir.join("Cargo.toml").is_file() {
                katas.push(Kata::load(&self.root, &dir)?);
            }
        }
        katas.sort_by_key(|kata| kata.number);
        Ok(katas)
    }

    /// The kata the learner means: by package name (`spawn-vs-join`), number
    /// (`03` or `3`), directory name (`03-spawn-vs-join`) or path, from
    /// where the command runs (`.`, `./katas/03-spawn-vs-join`, `../03-spawn-vs-join`)
    /// or from the root (`katas/03-spawn-vs-join/`).
    pub fn kata(&self, query: &str) -> Result<Kata> {
        let katas = self.katas()?;
        let wanted = query.trim_end_matches('/');
        let wanted = wanted.strip_prefix("./").unwrap_or(wanted);
        let wanted = wanted.strip_prefix("katas/").unwrap_or(wanted);
        let number: Option<u32> = wanted.parse().ok();
        let by_path = self.kata_dir_at(Path::new(query));
        let found = katas.iter().position(|k| {
            k.name == wanted
                || k.dir == wanted
                || Some(k.number) == number
                || by_path.as_deref() == Some(k.dir.as_str())
        });
        match found {
            Some(i) => Ok(katas.into_iter().nth(i).expect("position is in range")),
            None if looks_like_a_path(query) => {
                bail!("{}", tr(Says::NotKataDir, &[("query", &query)]))
            }
            None => bail!("{}", unknown_kata(query, &katas)),
        }
    }

    /// The kata whose directory the command runs in, or in a folder of
    /// (`katas/12-cancellation/src`): what `cargo kata check` checks when
    /// no kata is named there.
    pub fn kata_here(&self) -> Result<Option<Kata>> {
        let Some(dir) = self.kata_dir_at(Path::new(".")) else {
            return Ok(None);
        };
        Ok(self.katas()?.into_iter().find(|k| k.dir == dir))
    }

    /// The directory name of the kata (`12-cancellation`) that `path`, read
    /// from where the command runs, is or is inside of: under `katas/` (or
    /// its solution, under `solutions/`).
    fn kata_dir_at(&self, path: &Path) -> Option<String> {
        let path = std::fs::canonicalize(self.here.join(path)).ok()?;
        let root = std::fs::canonicalize(&self.root).ok()?;
        let inside = path.strip_prefix(root).ok()?;
        let mut parts = inside.components();
        let top = parts.next()?.as_os_str();
        if top != "katas" && top != "solutions" {
            return None;
        }
        Some(parts.next()?.as_os_str().to_string_lossy().into_owned())
    }
}

/// `.`, `..`, or anything with a `/`: a path, not a name.
fn looks_like_a_path(query: &str) -> bool {
    query == "."
        || query == ".."
        || query.contains('/')
        || query.contains(std::path::MAIN_SEPARATOR)
}

fn is_root(dir: &Path) -> bool {
    let Ok(manifest) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
        return false;
    };
    let has_workspace = manifest
        .parse::<toml::Table>()
        .is_ok_and(|table| table.contains_key("workspace"));
    has_workspace && dir.join("katas").is_dir()
}

/// "no kata `spawn-vs-jion`; did you mean `spawn-vs-join`?", by edit
/// distance, when a kata's name or directory is close enough to be a typo
/// of it; else no guess, which would only mislead.
fn unknown_kata(query: &str, katas: &[Kata]) -> String {
    let distance =
        |k: &Kata| strsim::levenshtein(query, &k.name).min(strsim::levenshtein(query, &k.dir));
    let closest = katas
        .iter()
        .map(|k| (distance(k), k))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= typos_allowed(query));
    match (closest, katas.is_empty()) {
        (_, true) => tr(Says::NoKataYet, &[("query", &query)]),
        (Some((_, kata)), false) => {
            tr(Says::DidYouMean, &[("query", &query), ("name", &kata.name)])
        }
        (None, false) => tr(Says::UnknownKata, &[("query", &query)]),
    }
}

/// How many edits make a typo of a name as long as `query`: one in four
/// characters, at least one (`spawn-vs-jion` is two from `spawn-vs-join`).
fn typos_allowed(query: &str) -> usize {
    (query.chars().count() / 4).max(1)
}

#[cfg(test)]
mod tests {
    use super::Workspace;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Cargo.toml"), "[workspace]\n").unwrap();
        for (number, name) in [(3, "spawn-vs-join"), (11, "semaphore-limit")] {
            let kata = dir.path().join(format!("katas/{number:02}-{name}"));
            std::fs::create_dir_all(&kata).unwrap();
            let manifest = format!(
                "[package]\nname = \"{name}\"\n\n[package.metadata.kata]\n\
                 number = {number}\nquestion = \"Why?\"\n"
            );
            std::fs::write(kata.join("Cargo.toml"), manifest).unwrap();
        }
        let workspace = Workspace::find(&dir.path().join("katas/03-spawn-vs-join")).unwrap();
        (dir, workspace)
    }

    #[test]
    fn a_kata_by_name_number_or_directory() {
        let (_dir, workspace) = workspace();
        for query in [
            "spawn-vs-join",
            "03",
            "3",
            "03-spawn-vs-join",
            "katas/03-spawn-vs-join/",
        ] {
            assert_eq!(
                workspace.kata(query).unwrap().name,
                "spawn-vs-join",
                "{query}"
            );
        }
        let numbers: Vec<u32> = workspace
            .katas()
            .unwrap()
            .iter()
            .map(|k| k.number)
            .collect();
        assert_eq!(numbers, [3, 11]);
    }

    #[test]
    fn an_unknown_kata_names_the_closest_only_when_it_is_close() {
        let (_dir, workspace) = workspace();
        let error = workspace.kata("semaphore-limt").err().unwrap().to_string();
        assert!(error.contains("did you mean `semaphore-limit`?"), "{error}");
        for far in ["timeout", "x", "spawn"] {
            let error = workspace.kata(far).err().unwrap().to_string();
            assert!(!error.contains("did you mean"), "{far}: {error}");
            assert!(
                error.contains("`cargo kata list` shows them all"),
                "{error}"
            );
        }
    }

    #[test]
    fn a_path_names_the_kata_it_is_or_is_in() {
        let (dir, _) = workspace();
        let src = dir.path().join("katas/03-spawn-vs-join/src");
        std::fs::create_dir_all(&src).unwrap();
        let inside = Workspace::find(&src).unwrap();
        for query in [
            ".",
            "..",
            "../../11-semaphore-limit",
            "../../../katas/03-spawn-vs-join/",
        ] {
            let expected = if query.contains("11") {
                "semaphore-limit"
            } else {
                "spawn-vs-join"
            };
            assert_eq!(inside.kata(query).unwrap().name, expected, "{query}");
        }
        assert_eq!(inside.kata_here().unwrap().unwrap().name, "spawn-vs-join");

        let at_root = Workspace::find(dir.path()).unwrap();
        for query in [
            "./katas/03-spawn-vs-join",
            "katas/03-spawn-vs-join/",
            "katas/03-spawn-vs-join/src",
        ] {
            assert_eq!(
                at_root.kata(query).unwrap().name,
                "spawn-vs-join",
                "{query}"
            );
        }
        assert!(at_root.kata_here().unwrap().is_none());
        let error = at_root.kata(".").err().unwrap().to_string();
        assert!(error.contains("not a kata's directory"), "{error}");
    }
}
