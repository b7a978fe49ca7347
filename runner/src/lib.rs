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
//!   [`messages`]: what every learner's command says, in English and
//!   Korean, `--help` included.
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

use clap::builder::TypedValueParser;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::messages::{Common, Help, Lang, Text};

use crate::workspace::Workspace;

/// The command line. Its about and help texts are not written here but in
/// `messages::Help`, in English and Korean side by side, and put on the
/// clap command by [`command`] in the language of the run: clap has no
/// translations of its own, and a derive's doc comments are fixed at
/// compile time, so the command is built once the language is known (the
/// `--lang` on the command line, looked for before clap parses it, else
/// the locale). One table for every word the runner says, help included.
#[derive(Parser)]
#[command(name = "cargo kata", bin_name = "cargo kata", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[arg(long, global = true, value_parser = lang_value())]
    lang: Option<Lang>,
}

#[derive(Subcommand)]
enum Command {
    List,
    Check {
        kata: Option<String>,
    },
    Hint {
        kata: String,
        #[arg(long, value_name = "N")]
        level: Option<u32>,
        #[arg(long, value_name = "S")]
        step: Option<u32>,
    },
    #[command(group = clap::ArgGroup::new("which").required(true))]
    Reset {
        #[arg(group = "which")]
        kata: Option<String>,
        #[arg(long, group = "which")]
        all: bool,
        #[arg(long)]
        yes: bool,
    },
    Solution {
        kata: String,
        #[arg(long)]
        peek: bool,
    },
    Watch {
        kata: Option<String>,
        #[arg(long)]
        manual: bool,
    },
    Interview {
        #[arg(long)]
        kata: Option<String>,
        #[arg(short = 'n', long, default_value_t = 5, value_name = "N",
              value_parser = at_least_one)]
        count: u64,
        #[arg(long, value_name = "SECONDS", value_parser = seconds)]
        time: Option<u64>,
        #[arg(long)]
        due: bool,
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        #[arg(long)]
        print: bool,
    },
    Verify {
        kata: Option<String>,
    },
    New {
        number: String,
        name: String,
        #[arg(long)]
        question: Option<String>,
    },
}

/// A command's arguments, each with its help.
type ArgsHelp = &'static [(&'static str, Help)];

/// Each command's about, and its arguments' help: (command, about,
/// [(argument, help)]). A command or an argument left out has no help,
/// which a test catches.
const HELP: &[(&str, Help, ArgsHelp)] = &[
    ("list", Help::List, &[]),
    ("check", Help::Check, &[("kata", Help::CheckKata)]),
    (
        "hint",
        Help::Hint,
        &[
            ("kata", Help::Kata),
            ("level", Help::HintLevel),
            ("step", Help::HintStep),
        ],
    ),
    (
        "reset",
        Help::Reset,
        &[
            ("kata", Help::Kata),
            ("all", Help::ResetAll),
            ("yes", Help::ResetYes),
        ],
    ),
    (
        "solution",
        Help::Solution,
        &[("kata", Help::Kata), ("peek", Help::SolutionPeek)],
    ),
    (
        "watch",
        Help::Watch,
        &[("kata", Help::WatchKata), ("manual", Help::WatchManual)],
    ),
    (
        "interview",
        Help::Interview,
        &[
            ("kata", Help::InterviewKata),
            ("count", Help::InterviewCount),
            ("time", Help::InterviewTime),
            ("due", Help::InterviewDue),
            ("seed", Help::InterviewSeed),
            ("print", Help::InterviewPrint),
        ],
    ),
    ("verify", Help::Verify, &[("kata", Help::VerifyKata)]),
    (
        "new",
        Help::New,
        &[
            ("number", Help::NewNumber),
            ("name", Help::NewName),
            ("question", Help::NewQuestion),
        ],
    ),
];

/// The clap command, its texts in `lang`.
fn command(lang: Lang) -> clap::Command {
    let text = |help: Help| help.text(lang);
    let mut command = Cli::command()
        .about(text(Help::About))
        .mut_arg("lang", |arg| arg.help(text(Help::Lang)));
    for (name, about, args) in HELP {
        command = command.mut_subcommand(*name, |mut sub| {
            sub = sub.about(text(*about));
            for (arg, help) in *args {
                sub = sub.mut_arg(*arg, |a| a.help(text(*help)));
            }
            sub
        });
    }
    if lang == Lang::Ko {
        command = in_korean(command);
    }
    command
}

/// What clap writes itself, in Korean: the headings, the usage, the help
/// and version flags and the `help` command. (Its parse errors stay
/// English: clap has no translations.)
fn in_korean(command: clap::Command) -> clap::Command {
    use clap::{Arg, ArgAction};
    let text = |help: Help| help.text(Lang::Ko);
    // After every other option, `--lang` included, as clap puts its own.
    const LAST: usize = 1000;
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text(Help::Usage)
    );
    let dress = |mut command: clap::Command, version: bool| {
        let ids: Vec<(String, bool)> = command
            .get_arguments()
            .map(|arg| (arg.get_id().to_string(), arg.is_positional()))
            .collect();
        for (id, positional) in ids {
            let heading = match positional {
                true => text(Help::Arguments),
                false => text(Help::Options),
            };
            command = command.mut_arg(id, |arg| arg.help_heading(heading));
        }
        command = command
            .help_template(template.clone())
            .disable_help_flag(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help(text(Help::PrintHelp))
                    .help_heading(text(Help::Options))
                    .display_order(LAST),
            );
        if version {
            command = command.disable_version_flag(true).arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(text(Help::PrintVersion))
                    .help_heading(text(Help::Options))
                    .display_order(LAST),
            );
        }
        command
    };
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    let mut command = dress(command, true)
        .subcommand_help_heading(text(Help::Commands))
        // Its values and default in the texts, in Korean.
        .mut_arg("lang", |arg| arg.hide_possible_values(true))
        .mut_subcommand("interview", |sub| {
            sub.mut_arg("count", |arg| arg.hide_default_value(true))
        });
    for name in names {
        command = command.mut_subcommand(name, |sub| dress(sub, false));
    }
    // The `help` command is clap's, made as the command is built.
    command.build();
    command.mut_subcommand("help", |help| help.about(text(Help::HelpCommand)))
}

/// `--lang`'s values, `en` and `ko`, read as a [`Lang`].
fn lang_value() -> impl TypedValueParser<Value = Lang> {
    clap::builder::PossibleValuesParser::new(["en", "ko"])
        .map(|code: String| Lang::from_code(&code).expect("a possible value"))
}

/// The language of this run, before clap has parsed anything: the last
/// `--lang en|ko` (or `--lang=ko`) before a `--`, else `Lang::from_env`.
/// A value clap will refuse is no choice.
fn lang_of(args: &[std::ffi::OsString]) -> Lang {
    let mut chosen = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            "--" => break,
            "--lang" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_owned),
        };
        if let Some(lang) = value.as_deref().and_then(Lang::from_code) {
            chosen = Some(lang);
        }
    }
    chosen.unwrap_or_else(Lang::from_env)
}

/// A count or a time: a whole number, 1 or more.
fn at_least_one(text: &str) -> Result<u64, String> {
    match text.parse::<u64>() {
        Ok(0) => Err(messages::text(Help::AtLeastOne).to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(messages::text(Help::NotWhole).to_string()),
    }
}

/// A time to answer: 1 second to an hour. Bounded so that no deadline
/// computed from it can overflow.
fn seconds(text: &str) -> Result<u64, String> {
    match at_least_one(text)? {
        n @ 1..=3600 => Ok(n),
        _ => Err(messages::text(Help::AtMostAnHour).to_string()),
    }
}

/// `cargo kata`: chooses the language, parses the command line, runs the
/// command, and turns its outcome into the exit code (see the top of this
/// file).
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    messages::set_lang(lang_of(&args));
    let matches = command(messages::lang()).get_matches_from(args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{}: {error:#}", messages::text(Common::Error));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Ctrl-C, SIGTERM and SIGHUP: no child left running, the terminal
    // given back (see `cargo.rs`).
    cargo::handle_signals();
    let command = cli.command.unwrap_or(Command::List);
    if matches!(command, Command::Verify { .. } | Command::New { .. }) {
        // The authors' tools speak English (see `messages.rs`).
        messages::set_lang(Lang::En);
    }
    let workspace = Workspace::find_from_current_dir()?;
    match command {
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
            due,
            seed,
            print,
        } => {
            let options = cmd::interview::Options {
                kata,
                count: usize::try_from(count).unwrap_or(usize::MAX),
                time,
                lang: messages::lang(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its help from the table, in both
    /// languages: one left out of [`HELP`] would show none.
    #[test]
    fn every_command_and_argument_has_its_help() {
        for lang in [Lang::En, Lang::Ko] {
            let mut command = command(lang);
            command.build();
            assert!(command.get_about().is_some());
            for sub in command.get_subcommands() {
                assert!(sub.get_about().is_some(), "{lang:?} {}", sub.get_name());
                for arg in sub.get_arguments() {
                    assert!(
                        arg.get_help().is_some(),
                        "{lang:?} {} {}",
                        sub.get_name(),
                        arg.get_id()
                    );
                }
            }
        }
    }

    #[test]
    fn the_language_is_read_before_clap_parses() {
        let args =
            |list: &[&str]| -> Vec<std::ffi::OsString> { list.iter().map(Into::into).collect() };
        assert_eq!(lang_of(&args(&["kata", "--lang", "ko", "list"])), Lang::Ko);
        assert_eq!(lang_of(&args(&["kata", "check", "--lang=ko"])), Lang::Ko);
        assert_eq!(
            lang_of(&args(&["kata", "--lang", "ko", "--lang", "en"])),
            Lang::En
        );
    }
}
