//! `cargo kata solution NAME [--peek]`: the reference answer, how the
//! learner's code differs from it, and the classic wrong answers.
//!
//! Reading the reference before solving spoils the kata, so it is shown
//! only once `check` has recorded the kata solved, or with `--peek`, which
//! says loudly that it is a peek.

use std::path::Path;
use std::process::ExitCode;

use anstream::{eprintln, println};
use anyhow::{Context, Result};
use similar::TextDiff;

use crate::kata::Kata;
use crate::progress::Progress;
use crate::splice::WrongAnswer;
use crate::style::{self, paint, wrap};
use crate::workspace::Workspace;

pub fn run(workspace: &Workspace, kata: &Kata, peek: bool) -> Result<ExitCode> {
    let solved = Progress::load(&workspace.progress_file()).is_solved(kata);
    if !solved && !peek {
        eprintln!(
            "{} is not solved yet: the reference spoils the kata. \
             `cargo kata hint {}` first, or `--peek` to look anyway.",
            kata.name, kata.name
        );
        return Ok(ExitCode::FAILURE);
    }
    if !solved {
        println!(
            "{}\n",
            paint(
                style::UNDERWAY.bold(),
                format!("Peeking before solving: {} is not solved yet.", kata.name)
            )
        );
    }

    let root = workspace.root();
    let reference_path = kata.solution_lib_rs();
    let reference = std::fs::read_to_string(root.join(&reference_path))
        .with_context(|| format!("cannot read {}", reference_path.display()))?;
    println!(
        "{}\n",
        paint(
            style::TITLE,
            format!("The reference: {}", reference_path.display())
        )
    );
    println!("{}", reference.trim_end());

    let yours_path = kata.lib_rs();
    let yours = std::fs::read_to_string(root.join(&yours_path))
        .with_context(|| format!("cannot read {}", yours_path.display()))?;
    println!(
        "\n{}\n",
        paint(
            style::TITLE,
            "Yours against the reference (- yours, + the reference)"
        )
    );
    if yours == reference {
        println!("They are the same, byte for byte.");
    } else {
        print_diff(&yours, &reference, &yours_path, &reference_path);
    }

    print_wrong_answers(root, kata);
    Ok(ExitCode::SUCCESS)
}

/// A unified diff, three lines of context, coloured line by line.
fn print_diff(yours: &str, reference: &str, yours_path: &Path, reference_path: &Path) {
    let diff = TextDiff::from_lines(yours, reference);
    let unified = diff
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("{} (yours)", yours_path.display()),
            &format!("{} (the reference)", reference_path.display()),
        )
        .to_string();
    for line in unified.lines() {
        let line_style = match line.chars().next() {
            _ if line.starts_with("---") || line.starts_with("+++") => style::TITLE,
            Some('-') => style::REMOVED,
            Some('+') => style::ADDED,
            Some('@') => style::HUNK,
            _ => anstyle::Style::new(),
        };
        println!("{}", paint(line_style, line));
    }
}

/// `sequential_gather.rs  "gathers" by awaiting one call, then the other.`
fn print_wrong_answers(root: &Path, kata: &Kata) {
    let dir = kata.wrong_dir();
    let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    if files.is_empty() {
        return;
    }
    files.sort();
    println!(
        "\n{}\n",
        paint(
            style::TITLE,
            format!(
                "Classic wrong answers, each caught by the tests ({}/):",
                dir.display()
            )
        )
    );
    for file in files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let what = std::fs::read_to_string(&file)
            .ok()
            .and_then(|source| WrongAnswer::parse(&source).ok())
            .map(|wrong| wrong.what)
            .unwrap_or_default();
        println!("  {}", paint(style::TITLE, &name));
        for line in wrap(&what, 72) {
            println!("      {line}");
        }
    }
}
