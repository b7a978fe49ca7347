//! Where the workspace is, and which katas it holds.
//!
//! `cargo kata` may be run from anywhere inside the clone (a kata's `src/`,
//! say), so the root is found by walking up: the first directory whose
//! `Cargo.toml` has a `[workspace]` table and which has a `katas/` folder.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::kata::Kata;

pub struct Workspace {
    root: PathBuf,
}

impl Workspace {
    pub fn find_from_current_dir() -> Result<Workspace> {
        let here = std::env::current_dir().context("cannot read the current directory")?;
        Workspace::find(&here)
    }

    pub fn find(start: &Path) -> Result<Workspace> {
        match start.ancestors().find(|dir| is_root(dir)) {
            Some(root) => Ok(Workspace {
                root: root.to_path_buf(),
            }),
            None => bail!(
                "not inside the async-katas workspace: no Cargo.toml with [workspace] \
                 next to a katas/ folder in {} or above it.\n\
                 Run `cargo kata` from the cloned repository.",
                start.display()
            ),
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
    /// (`03` or `3`) or directory (`03-spawn-vs-join`, `katas/03-spawn-vs-join/`).
    pub fn kata(&self, query: &str) -> Result<Kata> {
        let katas = self.katas()?;
        let wanted = query.trim_end_matches('/');
        let wanted = wanted.strip_prefix("katas/").unwrap_or(wanted);
        let number: Option<u32> = wanted.parse().ok();
        let found = katas
            .iter()
            .position(|k| k.name == wanted || k.dir == wanted || Some(k.number) == number);
        match found {
            Some(i) => Ok(katas.into_iter().nth(i).expect("position is in range")),
            None => bail!("{}", unknown_kata(query, &katas)),
        }
    }
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

/// "no kata `spawn-vs-jion`; did you mean `spawn-vs-join`?", by edit distance.
fn unknown_kata(query: &str, katas: &[Kata]) -> String {
    let closest = katas.iter().min_by_key(|k| {
        strsim::levenshtein(query, &k.name).min(strsim::levenshtein(query, &k.dir))
    });
    match closest {
        Some(kata) => format!(
            "no kata named `{query}`; did you mean `{}`? (`cargo kata list` shows them all)",
            kata.name
        ),
        None => format!("no kata named `{query}`: katas/ holds no kata yet"),
    }
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
    fn an_unknown_kata_names_the_closest() {
        let (_dir, workspace) = workspace();
        let error = workspace.kata("semaphore-limt").err().unwrap().to_string();
        assert!(error.contains("did you mean `semaphore-limit`?"), "{error}");
    }
}
