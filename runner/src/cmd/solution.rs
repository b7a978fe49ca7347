//! `cargo kata solution NAME [--peek]`: the reference answer, how the
//! learner's code differs from it, other right answers, and the classic
//! wrong answers.
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
use crate::splice::{Answer, Catalogue};
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

    print_answers(root, kata, Catalogue::Right);
    print_answers(root, kata, Catalogue::Wrong);
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
fn print_answers(root: &Path, kata: &Kata, catalogue: Catalogue) {
    let files = kata.answers(root, catalogue).unwrap_or_default();
    if files.is_empty() {
        return;
    }
    let title = match catalogue {
        Catalogue::Wrong => "Classic wrong answers, each caught by the tests",
        Catalogue::Right => "Other right answers, each passing the tests",
    };
    let dir = kata.answers_dir(catalogue);
    println!(
        "\n{}\n",
        paint(style::TITLE, format!("{title} ({}/):", dir.display()))
    );
    for file in files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let what = std::fs::read_to_string(&file)
            .ok()
            .and_then(|source| Answer::parse(&source, catalogue).ok())
            .map(|answer| answer.what)
            .unwrap_or_default();
        println!("  {}", paint(style::TITLE, &name));
        for line in wrap(&what, 72) {
            println!("      {line}");
        }
    }
}
