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
    let states = katas
        .iter()
        .map(|kata| progress::state(workspace.root(), kata, &progress))
        .collect::<Result<Vec<State>>>()?;

    let width = katas.iter().map(|k| k.name.len()).max().unwrap_or(0);
    for (kata, state) in katas.iter().zip(&states) {
        let described = format!("{:<11}", state.describe());
        let described = match state {
            State::Solved => paint(style::GOOD, described),
            State::InProgress => paint(style::UNDERWAY, described),
            State::NotStarted => described,
        };
        println!(
            "  {:02}  {:<width$}  {described}  {}",
            kata.number, kata.name, kata.question
        );
    }
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
