//! `cargo kata` and `cargo kata list`: every kata with its state, how far
//! the learner is, and exactly what to do next.

use std::process::ExitCode;

use anstream::println;
use anyhow::Result;

use crate::kata::Kata;
use crate::progress::{self, Progress, State};
use crate::style::{self, paint};
use crate::workspace::Workspace;

/// The progress bar's length in cells, whatever the number of katas.
const BAR: usize = 20;

pub fn run(workspace: &Workspace) -> Result<ExitCode> {
    let katas = workspace.katas()?;
    let progress = Progress::load(&workspace.progress_file());
    // A kata whose state cannot be told (its `src/lib.rs` gone) is shown
    // broken, and the rest are listed: one kata never hides the others.
    let found: Vec<Result<State>> = katas
        .iter()
        .map(|kata| progress::state(workspace.root(), kata, &progress))
        .collect();

    let width = katas.iter().map(|k| k.name.len()).max().unwrap_or(0);
    for (kata, state) in katas.iter().zip(&found) {
        let described = format!(
            "{:<11}",
            state.as_ref().map_or("broken", |state| state.describe())
        );
        let described = match state {
            Ok(State::Solved) => paint(style::GOOD, described),
            Ok(State::InProgress) => paint(style::UNDERWAY, described),
            Ok(State::NotStarted) => described,
            Err(_) => paint(style::BAD, described),
        };
        println!(
            "  {:02}  {:<width$}  {described}  {}",
            kata.number, kata.name, kata.question
        );
    }
    for (kata, state) in katas.iter().zip(&found) {
        if let Err(error) = state {
            println!(
                "\n{} is broken: {error:#}. `cargo kata reset {}` puts its starting code back.",
                kata.label(),
                kata.name
            );
        }
    }
    // Counted as not started: a kata recorded solved is solved whatever its
    // file, so a broken one is not.
    let states: Vec<State> = found
        .into_iter()
        .map(|state| state.unwrap_or(State::NotStarted))
        .collect();
    println!("\n{}", progress_line(&states));

    match progress.next(&katas) {
        Some(kata) => print_next(workspace, kata),
        None if katas.is_empty() => println!("\nNo katas yet."),
        None => println!("\nEvery kata is solved. Try them again in another way!"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `[##########··········] 2 of 4 solved, 1 in progress`
fn progress_line(states: &[State]) -> String {
    let count = |wanted: State| states.iter().filter(|s| **s == wanted).count();
    let (solved, underway, total) = (count(State::Solved), count(State::InProgress), states.len());
    let filled = (solved * BAR).checked_div(total).unwrap_or(0);
    let bar = format!(
        "[{}{}]",
        paint(style::GOOD, "#".repeat(filled)),
        paint(style::QUIET, "·".repeat(BAR - filled))
    );
    match underway {
        0 => format!("{bar} {solved} of {total} solved"),
        _ => format!("{bar} {solved} of {total} solved, {underway} in progress"),
    }
}

pub fn print_next(workspace: &Workspace, kata: &Kata) {
    let readme = kata.readme();
    let missing = if workspace.root().join(&readme).is_file() {
        ""
    } else {
        "  (not written yet)"
    };
    println!("\nNext: {}", paint(style::TITLE, kata.label()));
    println!("  asks   {}", kata.question);
    println!("  edit   {}", kata.lib_rs().display());
    println!("  read   {}{missing}", readme.display());
    println!("  test   cargo test -p {}", kata.name);
    println!("  check  cargo kata check {}", kata.name);
}

#[cfg(test)]
mod tests {
    use super::progress_line;
    use crate::progress::State::{InProgress, NotStarted, Solved};

    /// The line as printed when stdout is not a terminal.
    fn plain(states: &[crate::progress::State]) -> String {
        anstream::adapter::strip_str(&progress_line(states)).to_string()
    }

    #[test]
    fn the_bar_fills_with_what_is_solved() {
        assert_eq!(
            plain(&[Solved, InProgress, NotStarted, Solved]),
            "[##########··········] 2 of 4 solved, 1 in progress"
        );
        assert_eq!(plain(&[NotStarted]), "[····················] 0 of 1 solved");
        assert_eq!(plain(&[Solved; 3]), "[####################] 3 of 3 solved");
        assert_eq!(plain(&[]), "[····················] 0 of 0 solved");
    }
}
