//! `cargo kata`: the learner's list of katas and what to do next, a check
//! that records a kata solved, and the authors' proof that every kata is
//! sound.
//!
//! The modules, in the order a newcomer should read them:
//!
//! - [`workspace`]: where the workspace is, which katas it holds.
//! - [`kata`]: one kata's metadata and files.
//! - [`progress`], [`blob`]: what the learner has solved, and each kata's
//!   state (a file is compared with its starting code by git blob id).
//! - [`list`]: `cargo kata` / `cargo kata list`.
//! - [`cargo`], [`libtest`]: running `cargo test`, and reading what it said.
//! - [`check`]: `cargo kata check NAME`.
//! - [`splice`], [`scratch`], [`verify`]: `cargo kata verify`.
//!
//! Exit codes: 0 when all is well; 1 when what was checked failed (a kata's
//! tests, a verify check); 2 when the command could not do its job (an
//! unknown kata, no workspace here, code that does not compile, a timeout).

mod blob;
mod cargo;
mod check;
mod kata;
mod libtest;
mod list;
mod progress;
mod scratch;
mod splice;
mod verify;
mod workspace;

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
        /// The kata: its package name, its number or its directory.
        kata: String,
    },
    /// For authors and CI: every kata starts failing, every solution passes,
    /// and every known wrong answer is caught.
    Verify {
        /// Only this kata (default: all of them).
        kata: Option<String>,
    },
}

fn main() -> ExitCode {
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
    let workspace = Workspace::find_from_current_dir()?;
    match cli.command.unwrap_or(Command::List) {
        Command::List => list::run(&workspace),
        Command::Check { kata } => {
            let verdict = check::run(&workspace, &workspace.kata(&kata)?)?;
            Ok(match verdict {
                check::Verdict::Solved => ExitCode::SUCCESS,
                check::Verdict::Failing => ExitCode::FAILURE,
                check::Verdict::DoesNotCompile => ExitCode::from(2),
            })
        }
        Command::Verify { kata } => {
            let katas = match kata {
                Some(name) => vec![workspace.kata(&name)?],
                None => workspace.katas()?,
            };
            verify::run(&workspace, &katas)
        }
    }
}
