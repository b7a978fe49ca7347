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

use crate::atomic;
use crate::blob::blob_id;
use crate::kata::Kata;
use crate::messages::{Common, Reset, text, tr};
use crate::progress::Progress;
use crate::workspace::Workspace;

/// Where backups go, at the workspace root; `.gitignore` names it.
const BACKUPS: &str = ".kata-backups";

pub fn run(workspace: &Workspace, name: Option<&str>, all: bool, yes: bool) -> Result<ExitCode> {
    let katas = match (name, all) {
        (Some(name), false) => vec![workspace.kata(name)?],
        (None, true) => workspace.katas()?,
        _ => bail!("{}", text(Reset::NameOneOrAll)),
    };
    let changed = changed(workspace, katas, all)?;
    if changed.is_empty() {
        if all {
            println!("{}", text(Reset::AllAsShipped));
        }
        return Ok(ExitCode::SUCCESS);
    }

    refuse_a_linked_backup_folder(workspace.root())?;
    if !yes && !confirm(&changed, Path::new(BACKUPS))? {
        println!("{}", text(Reset::NothingChanged));
        return Ok(ExitCode::FAILURE);
    }

    // Every backup first: should one fail, no file has been replaced yet.
    let kept = back_up(workspace, &changed)?;
    let reset = replace_all(workspace, &changed, &kept);
    let forgotten = forget(workspace, &changed[..reset.done]);
    match (reset.error, forgotten) {
        (None, Ok(())) => Ok(ExitCode::SUCCESS),
        (error, forgotten) => {
            if let Some(error) = error {
                report_stopped(&changed, reset.done, &error);
            }
            if let Err(error) = forgotten {
                eprintln!("{}: {error:#}", text(Common::Error));
            }
            Ok(ExitCode::from(2))
        }
    }
}

/// The katas of `katas` whose file differs from its start, each with what
/// it should become; `all` says nothing of those already as shipped.
fn changed(workspace: &Workspace, katas: Vec<Kata>, all: bool) -> Result<Vec<(Kata, Vec<u8>)>> {
    let mut changed: Vec<(Kata, Vec<u8>)> = Vec::new();
    for kata in katas {
        let Some(start) = kata.start.as_deref() else {
            bail!("{}", tr(Reset::NoStart, &[("name", &kata.name)]));
        };
        let path = kata.lib_rs();
        let current = match std::fs::read(workspace.root().join(&path)) {
            Ok(content) => Some(blob_id(&content)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => bail!(
                "{}",
                tr(
                    Reset::CannotReadYours,
                    &[("path", &path.display()), ("error", &error)]
                )
            ),
        };
        if current.as_deref() == Some(start) {
            if !all {
                println!(
                    "{}",
                    tr(Reset::AsShipped, &[("path", &kata.lib_rs().display())])
                );
            }
            continue;
        }
        let shipped = shipped(workspace.root(), &kata, start)?;
        changed.push((kata, shipped));
    }
    Ok(changed)
}

/// Copies every changed file into a new backup folder; for each, where it
/// is kept, as the summary says it.
fn back_up(workspace: &Workspace, changed: &[(Kata, Vec<u8>)]) -> Result<Vec<String>> {
    let stamp = chrono::Utc::now().format("%Y-%m-%dT%H-%M-%SZ").to_string();
    let backup = new_backup_dir(&workspace.root().join(BACKUPS), &stamp)?;
    let shown_backup = Path::new(BACKUPS).join(backup.file_name().expect("a named folder"));
    let mut kept = Vec::new();
    for (kata, _) in changed {
        let from = workspace.root().join(kata.lib_rs());
        let to = backup.join(kata.lib_rs());
        kept.push(match from.exists() {
            true => {
                std::fs::create_dir_all(to.parent().expect("inside the backup"))
                    .and_then(|()| std::fs::copy(&from, &to))
                    .with_context(|| {
                        tr(
                            Reset::CannotBackUp,
                            &[("from", &from.display()), ("to", &to.display())],
                        )
                    })?;
                let kept = shown_backup.join(kata.lib_rs());
                tr(Reset::KeptIn, &[("path", &kept.display())])
            }
            false => text(Reset::NothingToKeep).to_string(),
        });
    }
    Ok(kept)
}

/// Says which file the reset stopped at, and which it never reached.
fn report_stopped(changed: &[(Kata, Vec<u8>)], done: usize, error: &anyhow::Error) {
    let (failed, _) = &changed[done];
    eprintln!(
        "{}: {error:#}\n{}",
        text(Common::Error),
        tr(Reset::NotReset, &[("path", &failed.lib_rs().display())])
    );
    let untouched: Vec<String> = changed[done + 1..]
        .iter()
        .map(|(kata, _)| kata.lib_rs().display().to_string())
        .collect();
    if !untouched.is_empty() {
        let list = untouched.join(", ");
        eprintln!("{}", tr(Reset::NotReached, &[("list", &list)]));
    }
}

/// How far [`replace_all`] went: the first `done` files are reset; `error`
/// says why the next was not.
struct Replaced {
    done: usize,
    error: Option<anyhow::Error>,
}

/// Puts each starting file in place, in order, saying so for each, and
/// stops at the first that cannot be written.
fn replace_all(workspace: &Workspace, changed: &[(Kata, Vec<u8>)], kept: &[String]) -> Replaced {
    for (done, ((kata, shipped), kept)) in changed.iter().zip(kept).enumerate() {
        let path = kata.lib_rs();
        if let Err(error) = atomic::replace(&workspace.root().join(&path), shipped) {
            let error = anyhow::Error::new(error)
                .context(tr(Reset::CannotWrite, &[("path", &path.display())]));
            return Replaced {
                done,
                error: Some(error),
            };
        }
        println!(
            "{}",
            tr(Reset::Done, &[("path", &path.display()), ("kept", kept)])
        );
    }
    Replaced {
        done: changed.len(),
        error: None,
    }
}

/// Clears from `.kata-progress` what it recorded of the code of the katas
/// that were reset (solved, failing steps, hints shown; interview grades
/// stay), and says which; or, when it cannot, that they still show there.
fn forget(workspace: &Workspace, reset: &[(Kata, Vec<u8>)]) -> Result<()> {
    if reset.is_empty() {
        return Ok(());
    }
    let path = workspace.progress_file();
    let update = Progress::update(&path, |progress| {
        reset
            .iter()
            .filter(|(kata, _)| progress.forget(kata))
            .map(|(kata, _)| kata.name.clone())
            .collect::<Vec<String>>()
    });
    match update {
        Ok((_, forgotten)) if forgotten.is_empty() => Ok(()),
        Ok((_, forgotten)) => {
            let names = forgotten.join(", ");
            println!("{}", tr(Reset::Cleared, &[("names", &names)]));
            Ok(())
        }
        Err(error) => {
            let names: Vec<&str> = reset.iter().map(|(kata, _)| kata.name.as_str()).collect();
            let names = names.join(", ");
            Err(error.context(tr(Reset::NotCleared, &[("names", &names)])))
        }
    }
}

/// The kata's starting `src/lib.rs`, from git's object store.
fn shipped(root: &Path, kata: &Kata, start: &str) -> Result<Vec<u8>> {
    let output = Command::new("git")
        .args(["cat-file", "blob", start])
        .current_dir(root)
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) => bail!("{}", tr(Reset::NoGit, &[("error", &error)])),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        let why = stderr
            .lines()
            .next()
            .unwrap_or("git cat-file failed")
            .trim();
        let values: [(&str, &dyn std::fmt::Display); 3] =
            [("name", &kata.name), ("start", &start), ("why", &why)];
        bail!("{}", tr(Reset::NotInHistory, &values));
    }
    if blob_id(&output.stdout) != start {
        bail!(
            "{}",
            tr(
                Reset::OtherContent,
                &[("start", &start), ("name", &kata.name)]
            )
        );
    }
    Ok(output.stdout)
}

/// Asks on the terminal; no terminal, no question and no reset.
fn confirm(changed: &[(Kata, Vec<u8>)], backup: &Path) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        bail!("{}", text(Reset::NoTerminal));
    }
    let question = match changed {
        [(kata, _)] => tr(
            Reset::AskOne,
            &[
                ("path", &kata.lib_rs().display()),
                ("backup", &backup.display()),
            ],
        ),
        _ => {
            println!("{}", text(Reset::Differ));
            for (kata, _) in changed {
                println!("  {}", kata.lib_rs().display());
            }
            tr(
                Reset::AskAll,
                &[("n", &changed.len()), ("backup", &backup.display())],
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

/// Backups go into a folder of the workspace's own: a `.kata-backups` that
/// is a symbolic link (a repository could ship one) would send the
/// learner's code elsewhere.
fn refuse_a_linked_backup_folder(root: &Path) -> Result<()> {
    let folder = root.join(BACKUPS);
    if std::fs::symlink_metadata(&folder).is_ok_and(|m| m.file_type().is_symlink()) {
        bail!("{}", tr(Reset::LinkedBackups, &[("dir", &BACKUPS)]));
    }
    Ok(())
}

/// `.kata-backups/STAMP`, or `STAMP-2`, `STAMP-3`... when it exists: a
/// backup is never written over.
fn new_backup_dir(backups: &Path, stamp: &str) -> Result<PathBuf> {
    std::fs::create_dir_all(backups)
        .with_context(|| tr(Reset::CannotCreate, &[("path", &backups.display())]))?;
    for n in 1.. {
        let dir = match n {
            1 => backups.join(stamp),
            _ => backups.join(format!("{stamp}-{n}")),
        };
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => {
                return Err(error)
                    .with_context(|| tr(Reset::CannotCreate, &[("path", &dir.display())]));
            }
        }
    }
    unreachable!("some suffix is free")
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
