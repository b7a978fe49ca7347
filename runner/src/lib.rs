//! The `cargo kata` runner, as a library: `src/main.rs` is a thin binary
//! that calls [`main`], and the runner's tests use what they share with it
//! (the mirror, the seeding, the lock, git blob ids, the kata contract)
//! from here rather than compiling its files a second time.
//!
//! `cargo kata`: the learner's list of katas and what to do next, a check
//! that records a kata solved, and the authors' tools: a new kata's
//! skeleton, and the proof that every kata is sound.
//!
//! `cmd/` holds the commands, one file each; `src/` beside it holds what
//! they share. In the order a newcomer should read them:
//!
//! - [`workspace`]: where the workspace is, which katas it holds.
//! - [`kata`]: one kata's metadata and files; [`steps`]: the tests that
//!   prove its steps; [`hints`]: the hints in its README.
//! - [`progress`], [`blob`]: what the learner has solved, and each kata's
//!   state (a file is compared with its starting code by git blob id);
//!   [`atomic`]: every file the runner writes in the workspace, replaced
//!   whole through a temporary file of its own.
//! - [`style`]: the few colours and the text layout, one place; [`tty`]:
//!   the terminal's modes while `watch` runs.
//! - [`cargo`], [`libtest`]: running `cargo test` within time limits, and
//!   reading what it said, the harness's marker lines included.
//! - [`splice`], [`scratch`], [`mirror`], [`seed`], [`lock`]: answers
//!   spliced over a solution, the scratch copy they are tested in, how it
//!   is kept from run to run, its target directory seeded, and one verify
//!   at a time in it; [`cards`]: a kata's interview cards;
//!   [`table`]: README.md's table of katas; [`profile`]: the katas'
//!   incremental builds in the root manifest. What `verify` and `new` use.
//! - [`review`]: when an interview card comes back (FSRS);
//!   [`messages`]: what `interview` says, in English and Korean.
//! - [`cmd`]: `list`, `check`, `hint`, `reset`, `solution`, `watch`,
//!   `interview`, `verify`, `new`.
//!
//! Exit codes: 0 when all is well; 1 when what was checked failed (a kata's
//! tests, a verify check); 2 when the command could not do its job (an
//! unknown kata, bad input, no workspace here, code that does not compile,
//! a timeout).

mod atomic;
mod bilingual;
pub mod blob;
mod cards;
mod cargo;
mod cmd;
mod hints;
mod kata;
mod korean;
mod libtest;
pub mod lock;
mod messages;
pub mod mirror;
mod profile;
mod progress;
mod review;
mod scratch;
pub mod seed;
mod splice;
mod steps;
mod style;
mod table;
mod tty;
mod workspace;

/// The kata contract, re-exported for the runner's tests: where a kata's
/// parts live (see `kata-protocol`).
pub use kata_protocol::kata as contract;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::workspace::Workspace;

#[derive(Parser)]
#[command(name = "cargo kata", bin_name = "cargo kata", version)]
#[command(about = "Interview-prep katas for async Rust: your list, your progress, your checks.")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Every kata with its state, and what to do next (the default).
    List,
    /// Run a kata's tests; when they all pass, record it solved.
    Check {
        /// The kata: its package name, its number, its directory or a path
        /// (default: the kata whose directory you are in, else the next one
        /// not yet solved).
        kata: Option<String>,
    },
    /// The next hint for the step you are on, from a nudge to nearly the
    /// answer.
    Hint {
        /// The kata: its package name, its number or its directory.
        kata: String,
        /// Show exactly this hint of the step (1 is the nudge), and remember
        /// nothing.
        #[arg(long, value_name = "N")]
        level: Option<u32>,
        /// The step (default: the first that failed at your last check).
        #[arg(long, value_name = "S")]
        step: Option<u32>,
    },
    /// Put a kata's starting code back, keeping a backup of yours.
    #[command(group = clap::ArgGroup::new("which").required(true))]
    Reset {
        /// The kata: its package name, its number or its directory.
        #[arg(group = "which")]
        kata: Option<String>,
        /// Every kata that is not as shipped.
        #[arg(long, group = "which")]
        all: bool,
        /// Do not ask first.
        #[arg(long)]
        yes: bool,
    },
    /// The reference solution and how yours differs, once solved.
    Solution {
        /// The kata: its package name, its number or its directory.
        kata: String,
        /// Show it before you have solved the kata.
        #[arg(long)]
        peek: bool,
    },
    /// Re-check a kata on every save and move on when it is solved; keys
    /// for a hint, the list and quit.
    Watch {
        /// The kata (default: the next one not yet solved).
        kata: Option<String>,
        /// No file watching: re-check when you press Enter. For systems where
        /// watching fails, and for use without a terminal.
        #[arg(long)]
        manual: bool,
    },
    /// A mock interview from the katas' cards: a question, your answer
    /// aloud, the model answer, your grade; graded cards come back when
    /// they are due (FSRS).
    Interview {
        /// Only this kata's cards (default: every kata's).
        #[arg(long)]
        kata: Option<String>,
        /// How many questions.
        #[arg(short = 'n', long, default_value_t = 5, value_name = "N",
              value_parser = at_least_one)]
        count: u64,
        /// Seconds to answer each question, counted down (at most 3600).
        #[arg(long, value_name = "SECONDS", value_parser = seconds)]
        time: Option<u64>,
        /// The language of the cards and of the command (default: from
        /// LC_ALL, LC_MESSAGES or LANG; `ko_KR...` is Korean, the rest English).
        #[arg(long, value_enum)]
        lang: Option<messages::Lang>,
        /// Only the cards due for review.
        #[arg(long)]
        due: bool,
        /// Draw the same questions as another session with this seed.
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// Write the cards (every kata's, or --kata's) as plain text, without
        /// asking anything: to print, or for an interviewer to read out.
        #[arg(long)]
        print: bool,
    },
    /// For authors and CI: every kata's parts agree, it starts failing, its
    /// solution passes, every known wrong answer is caught and every right
    /// one passes.
    Verify {
        /// Only this kata (default: all of them).
        kata: Option<String>,
    },
    /// For authors: the skeleton of a new kata, its solution, its tests and
    /// its row in README.md, to fill in until `verify` passes.
    New {
        /// Its number, 1 to 99 (`07` or `7`).
        number: String,
        /// Its name, lowercase words joined by hyphens (`join-errors`).
        name: String,
        /// The interview question it answers (default: a placeholder).
        #[arg(long)]
        question: Option<String>,
    },
}

/// A count or a time: a whole number, 1 or more.
fn at_least_one(text: &str) -> Result<u64, String> {
    match text.parse::<u64>() {
        Ok(0) => Err("it must be 1 or more".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err("not a whole number".to_string()),
    }
}

/// A time to answer: 1 second to an hour. Bounded so that no deadline
/// computed from it can overflow.
fn seconds(text: &str) -> Result<u64, String> {
    match at_least_one(text)? {
        n @ 1..=3600 => Ok(n),
        _ => Err("it must be at most 3600 (an hour)".to_string()),
    }
}

/// `cargo kata`: parses the command line, runs the command, and turns its
/// outcome into the exit code (see the top of this file).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Ctrl-C, SIGTERM and SIGHUP: no child left running, the terminal
    // given back (see `cargo.rs`).
    cargo::handle_signals();
    let workspace = Workspace::find_from_current_dir()?;
    match cli.command.unwrap_or(Command::List) {
        Command::List => cmd::list::run(&workspace),
        Command::Check { kata } => cmd::check::command(&workspace, kata.as_deref()),
        Command::Hint { kata, level, step } => {
            cmd::hint::run(&workspace, &workspace.kata(&kata)?, level, step)
        }
        Command::Reset { kata, all, yes } => cmd::reset::run(&workspace, kata.as_deref(), all, yes),
        Command::Solution { kata, peek } => {
            cmd::solution::run(&workspace, &workspace.kata(&kata)?, peek)
        }
        Command::Watch { kata, manual } => cmd::watch::run(&workspace, kata.as_deref(), manual),
        Command::Interview {
            kata,
            count,
            time,
            lang,
            due,
            seed,
            print,
        } => {
            let options = cmd::interview::Options {
                kata,
                count: usize::try_from(count).unwrap_or(usize::MAX),
                time,
                lang: lang.unwrap_or_else(messages::Lang::from_env),
                due,
                seed,
                print,
            };
            cmd::interview::run(&workspace, &options)
        }
        Command::Verify { kata } => {
            let katas = match kata {
                Some(name) => vec![workspace.kata(&name)?],
                None => workspace.katas()?,
            };
            cmd::verify::run(&workspace, &katas)
        }
        Command::New {
            number,
            name,
            question,
        } => cmd::new::run(&workspace, &number, &name, question.as_deref()),
    }
}
