//! `cargo kata reset NAME` and `cargo kata reset --all`: the starting code
//! back, as shipped, without losing the learner's.
//!
//! The shipped file is the git blob the kata's manifest names (`start`),
//! read with `git cat-file blob`: it is in the clone's history whatever the
//! learner has committed since, and its id proves it is the right content.
//! Before anything is overwritten the learner's file is copied to
//! `.kata-backups/<UTC time>/katas/NN-name/src/lib.rs` (gitignored), and
//! the restored file is written beside its place and renamed over it, so
//! that no moment leaves half a file. Nothing is touched at all unless every
//! starting file could be read first.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anstream::println;
use anyhow::{Context, Result, bail};

use crate::blob::blob_id;
use crate::kata::Kata;
use crate::progress::Progress;
use crate::workspace::Workspace;

/// Where backups go, at the workspace root; `.gitignore` names it.
const BACKUPS: &str = ".kata-backups";

pub fn run(workspace: &Workspace, name: Option<&str>, all: bool, yes: bool) -> Result<ExitCode> {
    let katas = match (name, all) {
        (Some(name), false) => vec![workspace.kata(name)?],
        (None, true) => workspace.katas()?,
        _ => bail!("name one kata, or say --all"),
    };

    // What differs from its start, and what each should become.
    let mut changed: Vec<(Kata, Vec<u8>)> = Vec::new();
    for kata in katas {
        let Some(start) = kata.start.as_deref() else {
            bail!(
                "{} has no `start` id in its Cargo.toml: which code it shipped with is \
                 unknown, so it cannot be reset. Nothing was changed.",
                kata.name
            );
        };
        let path = kata.lib_rs();
        let current = match std::fs::read(workspace.root().join(&path)) {
            Ok(content) => Some(blob_id(&content)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => bail!(
                "cannot read {} ({error}), so cannot keep a copy of it. Nothing was changed.",
                path.display()
            ),
        };
        if current.as_deref() == Some(start) {
            if !all {
                println!(
                    "{} is already as shipped; nothing to do.",
                    kata.lib_rs().display()
                );
            }
            continue;
        }
        let shipped = shipped(workspace.root(), &kata, start)?;
        changed.push((kata, shipped));
    }
    if changed.is_empty() {
        if all {
            println!("Every kata is already as shipped; nothing to do.");
        }
        return Ok(ExitCode::SUCCESS);
    }

    let stamp = chrono::Utc::now().format("%Y-%m-%dT%H-%M-%SZ").to_string();
    if !yes && !confirm(&changed, &Path::new(BACKUPS).join(&stamp))? {
        println!("Nothing was changed.");
        return Ok(ExitCode::FAILURE);
    }

    // Every backup first: should one fail, no file has been replaced yet.
    let backup = new_backup_dir(&workspace.root().join(BACKUPS), &stamp)?;
    let shown_backup = Path::new(BACKUPS).join(backup.file_name().expect("a named folder"));
    let mut kept = Vec::new();
    for (kata, _) in &changed {
        let from = workspace.root().join(kata.lib_rs());
        let to = backup.join(kata.lib_rs());
        kept.push(match from.exists() {
            true => {
                std::fs::create_dir_all(to.parent().expect("inside the backup"))
                    .and_then(|()| std::fs::copy(&from, &to))
                    .with_context(|| {
                        format!("cannot back up {} to {}", from.display(), to.display())
                    })?;
                format!(
                    "yours is kept in {}",
                    shown_backup.join(kata.lib_rs()).display()
                )
            }
            false => "there was no file of yours to keep".to_string(),
        });
    }

    let mut progress = Progress::load(&workspace.progress_file());
    let mut forgotten = Vec::new();
    for ((kata, shipped), kept) in changed.iter().zip(kept) {
        write_atomically(&workspace.root().join(kata.lib_rs()), shipped)?;
        println!(
            "Reset {} to its starting code; {kept}",
            kata.lib_rs().display()
        );
        if progress.forget(kata) {
            forgotten.push(kata.name.as_str());
        }
    }
    if !forgotten.is_empty() {
        progress.save()?;
        println!(
            "Cleared from .kata-progress, as never solved and no hint shown: {}",
            forgotten.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The kata's starting `src/lib.rs`, from git's object store.
fn shipped(root: &Path, kata: &Kata, start: &str) -> Result<Vec<u8>> {
    let output = Command::new("git")
        .args(["cat-file", "blob", start])
        .current_dir(root)
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) => bail!(
            "cannot run git ({error}): reset reads the starting code from git's \
             history, so it needs git installed. Nothing was changed."
        ),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!(
            "the starting code of {} (git blob {start}) is not in this clone's \
             history ({}). Nothing was changed.",
            kata.name,
            stderr
                .lines()
                .next()
                .unwrap_or("git cat-file failed")
                .trim()
        );
    }
    if blob_id(&output.stdout) != start {
        bail!(
            "git gave other content for blob {start} (the start of {}). Nothing was changed.",
            kata.name
        );
    }
    Ok(output.stdout)
}

/// Asks on the terminal; no terminal, no question and no reset.
fn confirm(changed: &[(Kata, Vec<u8>)], backup: &Path) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        bail!(
            "refusing to overwrite without --yes: there is no terminal to ask on. \
             Nothing was changed."
        );
    }
    let question = match changed {
        [(kata, _)] => format!(
            "Reset {} to its starting code? Your version is kept in {}. [y/N] ",
            kata.lib_rs().display(),
            backup.display()
        ),
        _ => {
            println!("These files differ from their starting code:");
            for (kata, _) in changed {
                println!("  {}", kata.lib_rs().display());
            }
            format!(
                "Reset all {} to their starting code? Your versions are kept in {}. [y/N] ",
                changed.len(),
                backup.display()
            )
        }
    };
    let mut stdout = anstream::stdout();
    write!(stdout, "{question}")?;
    stdout.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// `.kata-backups/STAMP`, or `STAMP-2`, `STAMP-3`... when it exists: a
/// backup is never written over.
fn new_backup_dir(backups: &Path, stamp: &str) -> Result<PathBuf> {
    std::fs::create_dir_all(backups)
        .with_context(|| format!("cannot create {}", backups.display()))?;
    for n in 1.. {
        let dir = match n {
            1 => backups.join(stamp),
            _ => backups.join(format!("{stamp}-{n}")),
        };
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => {
                return Err(error).with_context(|| format!("cannot create {}", dir.display()));
            }
        }
    }
    unreachable!("some suffix is free")
}

/// Writes `content` beside `path`, then renames it into place.
fn write_atomically(path: &Path, content: &[u8]) -> Result<()> {
    let file_name = path.file_name().expect("a file").to_string_lossy();
    let temporary = path.with_file_name(format!(".{file_name}.kata-reset"));
    std::fs::write(&temporary, content)
        .and_then(|()| std::fs::rename(&temporary, path))
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::new_backup_dir;

    #[test]
    fn a_backup_folder_is_never_reused() {
        let dir = tempfile::tempdir().unwrap();
        let stamp = "2026-11-24T00-12-03Z";
        let names: Vec<String> = (0..3)
            .map(|_| {
                let made = new_backup_dir(dir.path(), stamp).unwrap();
                made.file_name().unwrap().to_string_lossy().into_owned()
            })
            .collect();
        assert_eq!(names, [stamp, &format!("{stamp}-2"), &format!("{stamp}-3")]);
    }
}
