//! `cargo kata` and `cargo kata list`: every kata with its state, how far
//! the learner is, and exactly what to do next.

use std::process::ExitCode;

use anstream::println;
use anyhow::Result;

use crate::kata::Kata;
use crate::messages::{self, List, text, tr};
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
        // Padded by display width: a Korean state is as wide as its
        // English, or close, in fewer characters.
        let described = style::pad(
            state
                .as_ref()
                .map_or(text(List::Broken), |state| describe(*state)),
            STATE_COLUMNS,
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
            let error = format!("{error:#}");
            let broken = tr(
                List::BrokenKata,
                &[
                    ("label", &kata.label()),
                    ("error", &error),
                    ("name", &kata.name),
                ],
            );
            println!("\n{broken}");
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
        None if katas.is_empty() => println!("\n{}", text(List::NoKatas)),
        None => println!("\n{}", text(List::AllSolved)),
    }
    Ok(ExitCode::SUCCESS)
}

/// How wide the state column is: `not started`, and room for more.
const STATE_COLUMNS: usize = 11;

/// A kata's state in the list, in the language of the run.
fn describe(state: State) -> &'static str {
    text(match state {
        State::Solved => List::Solved,
        State::InProgress => List::InProgress,
        State::NotStarted => List::NotStarted,
    })
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
    let values: [(&str, &dyn std::fmt::Display); 3] = [
        ("solved", &solved),
        ("total", &total),
        ("underway", &underway),
    ];
    let count = match underway {
        0 => tr(List::Count, &values),
        _ => tr(List::CountUnderway, &values),
    };
    format!("{bar} {count}")
}

pub fn print_next(workspace: &Workspace, kata: &Kata) {
    let readme = readme_to_read(workspace, kata);
    let missing = if workspace.root().join(&readme).is_file() {
        String::new()
    } else {
        format!("  {}", text(List::NotWritten))
    };
    let label = paint(style::TITLE, kata.label());
    println!("\n{}", tr(List::Next, &[("label", &label)]));
    // The labels in a column: padded by display width.
    let row = |label: List, what: &dyn std::fmt::Display| {
        println!("  {}{what}", style::pad(text(label), LABEL_COLUMNS));
    };
    row(List::Asks, &kata.question);
    row(List::Edit, &kata.lib_rs().display());
    row(List::Read, &format!("{}{missing}", readme.display()));
    row(List::Test, &format!("cargo test -p {}", kata.name));
    row(List::Check, &format!("cargo kata check {}", kata.name));
}

/// How wide the labels of "Next" are, the space after them included.
const LABEL_COLUMNS: usize = 7;

/// The README a learner reads: in Korean, the Korean one when the kata
/// has it, else the English.
pub fn readme_to_read(workspace: &Workspace, kata: &Kata) -> std::path::PathBuf {
    let korean = kata.readme_ko();
    if messages::lang() == messages::Lang::Ko && workspace.root().join(&korean).is_file() {
        korean
    } else {
        kata.readme()
    }
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
    fn every_state_fills_its_column_in_both_languages() {
        use crate::messages::{Lang, List, Text};
        use crate::style::{pad, width};
        for lang in [Lang::En, Lang::Ko] {
            for state in [
                List::Solved,
                List::InProgress,
                List::NotStarted,
                List::Broken,
            ] {
                let cell = pad(state.text(lang), super::STATE_COLUMNS);
                assert_eq!(width(&cell), super::STATE_COLUMNS, "{cell:?}");
            }
            for label in [List::Asks, List::Edit, List::Read, List::Test, List::Check] {
                let cell = pad(label.text(lang), super::LABEL_COLUMNS);
                assert_eq!(width(&cell), super::LABEL_COLUMNS, "{cell:?}");
            }
        }
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
