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
use crate::messages::{Solution, text, tr};
use crate::progress::Progress;
use crate::splice::{Answer, Catalogue};
use crate::style::{self, paint, wrap};
use crate::workspace::Workspace;

pub fn run(workspace: &Workspace, kata: &Kata, peek: bool) -> Result<ExitCode> {
    let solved = Progress::load(&workspace.progress_file()).is_solved(kata);
    if !solved && !peek {
        eprintln!("{}", tr(Solution::NotSolved, &[("name", &kata.name)]));
        return Ok(ExitCode::FAILURE);
    }
    if !solved {
        println!(
            "{}\n",
            paint(
                style::UNDERWAY.bold(),
                tr(Solution::Peeking, &[("name", &kata.name)])
            )
        );
    }

    let root = workspace.root();
    let reference_path = kata.solution_lib_rs();
    let reference = std::fs::read_to_string(root.join(&reference_path))
        .with_context(|| tr(Solution::CannotRead, &[("path", &reference_path.display())]))?;
    println!(
        "{}\n",
        paint(
            style::TITLE,
            tr(Solution::Reference, &[("path", &reference_path.display())])
        )
    );
    println!("{}", reference.trim_end());

    let yours_path = kata.lib_rs();
    let yours = std::fs::read_to_string(root.join(&yours_path))
        .with_context(|| tr(Solution::CannotRead, &[("path", &yours_path.display())]))?;
    println!("\n{}\n", paint(style::TITLE, text(Solution::Against)));
    if yours == reference {
        println!("{}", text(Solution::Same));
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
            &tr(Solution::Yours, &[("path", &yours_path.display())]),
            &tr(
                Solution::TheReference,
                &[("path", &reference_path.display())],
            ),
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
    let title = text(match catalogue {
        Catalogue::Wrong => Solution::Wrong,
        Catalogue::Right => Solution::Right,
    });
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
