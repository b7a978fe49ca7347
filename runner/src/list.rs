//! `cargo kata` and `cargo kata list`: every kata with its state, how far
//! the learner is, and exactly what to do next.

use std::process::ExitCode;

use anyhow::Result;

use crate::kata::Kata;
use crate::progress::{self, Progress, State};
use crate::workspace::Workspace;

pub fn run(workspace: &Workspace) -> Result<ExitCode> {
    let katas = workspace.katas()?;
    let progress = Progress::load(&workspace.progress_file());
    let states = katas
        .iter()
        .map(|kata| progress::state(workspace.root(), kata, &progress))
        .collect::<Result<Vec<State>>>()?;

    let width = katas.iter().map(|k| k.name.len()).max().unwrap_or(0);
    for (kata, state) in katas.iter().zip(&states) {
        println!(
            "  {:02}  {:<width$}  {:<11}  {}",
            kata.number,
            kata.name,
            state.describe(),
            kata.question
        );
    }
    let solved = states.iter().filter(|s| **s == State::Solved).count();
    println!("\n{solved} of {} solved", katas.len());

    match next(&katas, &progress) {
        Some(kata) => print_next(workspace, kata),
        None if katas.is_empty() => println!("\nNo katas yet."),
        None => println!("\nEvery kata is solved. Try them again in another way!"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The first kata, in number order, not yet solved.
pub fn next<'a>(katas: &'a [Kata], progress: &Progress) -> Option<&'a Kata> {
    katas.iter().find(|kata| !progress.is_solved(kata))
}

pub fn print_next(workspace: &Workspace, kata: &Kata) {
    let readme = kata.readme();
    let missing = if workspace.root().join(&readme).is_file() {
        ""
    } else {
        "  (not written yet)"
    };
    println!("\nNext: {}", kata.label());
    println!("  asks   {}", kata.question);
    println!("  edit   {}", kata.lib_rs().display());
    println!("  read   {}{missing}", readme.display());
    println!("  test   cargo test -p {}", kata.name);
    println!("  check  cargo kata check {}", kata.name);
}
