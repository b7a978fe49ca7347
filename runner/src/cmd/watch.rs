//! `cargo kata watch [NAME]`: the runner a learner keeps open beside the
//! editor. It checks a kata, checks it again on every save, and moves on to
//! the next kata when one is solved.
//!
//! One loop reads one channel, fed by the file watcher and by a thread that
//! reads keys. The loop handles one message at a time, so two checks never
//! run at once and their output never interleaves.
//!
//! Saves are seen through `notify-debouncer-mini`, of the notify project
//! that most Rust tools watch files with. An editor saves in several events
//! (a temporary file and a rename, or a truncate and a write); the
//! debouncer waits until a file has been quiet for [`DEBOUNCE`], then sends
//! what changed as one batch. We only ask "did a source file change?", so
//! the mini debouncer is enough, and its wait ends with the last event
//! where the full one polls on a timer. It says only *that* something
//! happened to a file, though, and on Linux that includes being opened: by
//! rustc, during our own check, which would set off the next check, and so
//! on forever. So a batch is only a hint: the kata is checked again when
//! its sources' sizes or modification times differ from those of the last
//! check. That also makes one save one check, however its events were
//! batched.
//!
//! Keys are read with crossterm, in raw mode (no line buffering, no echo,
//! Ctrl-C is a key) while the loop waits, and in quiet mode while it checks
//! (see `tty.rs`): no echo there either, so a key pressed during a check
//! never lands in its output, but output and Ctrl-C work as usual, so
//! Ctrl-C stops a long build as it always does. A key pressed during a
//! check waits in the channel, and is acted on when the check is done.
//! Guards put the terminal back on every way out of the loop, a panic
//! included. (The `console` crate's `read_key` turns raw mode on inside
//! each read, on the thread that reads: quitting while that thread waits
//! for a key would leave the terminal raw.)
//!
//! `--manual` re-checks when the learner presses Enter: no watcher, no raw
//! mode, no terminal needed. It is the fallback where watching fails.

use std::collections::VecDeque;
use std::io::{self, BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, terminal};
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::cmd::check::{self, Verdict};
use crate::cmd::{hint, list};
use crate::kata::Kata;
use crate::messages::{Common, Watch as Says, text, tr};
use crate::progress::Progress;
use crate::style;
use crate::tty;
use crate::workspace::Workspace;

/// How long the kata's files must be quiet before a save counts. An editor
/// writes a save within a few milliseconds, and this wait is most of what
/// watch adds to `cargo test`'s own time from save to verdict.
const DEBOUNCE: Duration = Duration::from_millis(50);

pub fn run(workspace: &Workspace, name: Option<&str>, manual: bool) -> Result<ExitCode> {
    let terminal = io::stdin().is_terminal() && io::stdout().is_terminal();
    if !(manual || terminal) {
        eprintln!("{}: {}", text(Common::Error), text(Says::NeedsTerminal));
        return Ok(ExitCode::from(2));
    }
    let kata = match name {
        Some(name) => {
            let kata = workspace.kata(name)?;
            if Progress::load(&workspace.progress_file()).is_solved(&kata) {
                already_solved(workspace, &kata)?;
                return Ok(ExitCode::SUCCESS);
            }
            kata
        }
        None => match next_unsolved(workspace)? {
            Some(kata) => kata,
            None => {
                println!("{}", text(Says::NothingToWatch));
                return Ok(ExitCode::SUCCESS);
            }
        },
    };
    let mut session = Session {
        workspace,
        kata,
        manual,
        checked: Sources::default(),
    };
    if manual {
        session.by_hand()
    } else {
        session.watch()
    }
}

/// What the learner asked for, with a key or a line.
#[derive(Clone, Copy)]
enum Action {
    Check,
    Hint,
    List,
    Quit,
}

/// What the loop of `watch` waits for.
enum Message {
    /// Something happened to a source file of the kata: one message per
    /// debounced batch.
    Touched,
    Key(Action),
    /// The watcher reported an error after it started.
    WatchFailed(String),
    /// Keys can no longer be read: the terminal is gone.
    KeysFailed(String),
}

struct Session<'a> {
    workspace: &'a Workspace,
    kata: Kata,
    manual: bool,
    /// The kata's sources when they were last checked.
    checked: Sources,
}

impl Session<'_> {
    /// The terminal mode: the loop, fed by the watcher and the keys.
    fn watch(&mut self) -> Result<ExitCode> {
        let _quiet = tty::Quiet::on()?;
        let (sender, messages) = mpsc::channel();
        let mut watched = self.kata_dir();
        let mut saves = match watch_saves(&watched, sender.clone()) {
            Ok(saves) => saves,
            Err(error) => return Ok(cannot_watch(&watched, &error)),
        };
        read_keys(sender.clone());
        if !self.check(true) {
            return Ok(ExitCode::SUCCESS);
        }

        let mut pending = VecDeque::new();
        loop {
            if self.kata_dir() != watched {
                // Solved, and moved on: watch the next kata instead.
                watched = self.kata_dir();
                drop(saves);
                saves = match watch_saves(&watched, sender.clone()) {
                    Ok(saves) => saves,
                    Err(error) => return Ok(cannot_watch(&watched, &error)),
                };
                drop_touched(&messages, &mut pending);
            }
            let message = match pending.pop_front() {
                Some(message) => message,
                None => {
                    let _raw = tty::Raw::on()?;
                    match messages.recv() {
                        Ok(message) => message,
                        // Cannot happen while we hold a sender; stop if it does.
                        Err(_) => return Ok(ExitCode::SUCCESS),
                    }
                }
            };
            let action = match message {
                // Opened, not changed; or changed and checked already.
                Message::Touched if Sources::of(&watched) == self.checked => continue,
                Message::Touched => Action::Check,
                Message::Key(action) => action,
                Message::WatchFailed(error) => {
                    let dir = shown(&watched);
                    println!(
                        "\n{}: {}",
                        text(Common::Warning),
                        tr(Says::WatchFailed, &[("dir", &dir), ("error", &error)])
                    );
                    continue;
                }
                Message::KeysFailed(error) => {
                    eprintln!(
                        "{}: {}",
                        text(Common::Error),
                        tr(Says::KeysFailed, &[("error", &error)])
                    );
                    return Ok(ExitCode::from(2));
                }
            };
            if let Action::Check = action {
                // One check covers every save already queued behind it.
                drop_touched(&messages, &mut pending);
            }
            if !self.act(action) {
                return Ok(ExitCode::SUCCESS);
            }
        }
    }

    /// `--manual`: a line on stdin is an action; the end of input quits.
    fn by_hand(&mut self) -> Result<ExitCode> {
        if !self.check(false) {
            return Ok(ExitCode::SUCCESS);
        }
        for line in io::stdin().lock().lines() {
            let line = line.context(text(Says::CannotReadStdin))?;
            let action = match line.trim() {
                "" | "c" => Action::Check,
                "h" => Action::Hint,
                "l" => Action::List,
                "q" | "quit" => Action::Quit,
                _ => {
                    println!("{}", text(Says::ManualKeys));
                    continue;
                }
            };
            if !self.act(action) {
                break;
            }
        }
        Ok(ExitCode::SUCCESS)
    }

    /// Does what the learner asked; false when it is time to stop.
    fn act(&mut self, action: Action) -> bool {
        match action {
            Action::Check => return self.check(true),
            Action::Hint => {
                println!();
                report(hint::show_next(self.workspace, &self.kata));
            }
            Action::List => {
                println!();
                report(list::run(self.workspace).map(drop));
            }
            Action::Quit => return false,
        }
        println!("\n{}", self.doing());
        true
    }

    /// Checks the kata. When it is solved, moves on to the next kata not
    /// yet solved and checks that one once, and so on. False when every
    /// kata is solved.
    fn check(&mut self, clear: bool) -> bool {
        self.header(clear);
        loop {
            self.checked = Sources::settled(&self.kata_dir());
            match check::run(self.workspace, &self.kata) {
                Ok(Verdict::Solved) => {}
                Ok(Verdict::Failing | Verdict::DoesNotCompile) => return true,
                Err(error) => {
                    // A check that could not run (a hang stopped, a file
                    // being saved) is no reason to stop watching.
                    println!("\n{}: {error:#}", text(Common::Error));
                    return true;
                }
            }
            // `check` said so, pointed to the solution and named the next
            // kata: move on to it.
            match next_unsolved(self.workspace) {
                Ok(Some(next)) => self.kata = next,
                Ok(None) => {
                    println!("\n{}", text(Says::NothingLeft));
                    return false;
                }
                Err(error) => {
                    println!("\n{}: {error:#}", text(Common::Error));
                    return true;
                }
            }
            println!();
            self.header(false);
        }
    }

    /// `03 spawn-vs-join · 14:02:07 · watching katas/03-spawn-vs-join/src (...)`
    fn header(&self, clear: bool) {
        if clear && io::stdout().is_terminal() {
            let _ = crossterm::execute!(
                io::stdout(),
                terminal::Clear(terminal::ClearType::All),
                cursor::MoveTo(0, 0)
            );
        }
        let time = chrono::Local::now().format("%H:%M:%S");
        let label = style::paint(style::TITLE, self.kata.label());
        anstream::println!("{label} · {time} · {}", self.doing());
    }

    /// What the learner can do now.
    fn doing(&self) -> String {
        let src = self.kata.layout().kata_dir().join("src");
        let doing = match self.manual {
            true => Says::DoingManual,
            false => Says::Doing,
        };
        tr(doing, &[("src", &src.display())])
    }

    fn kata_dir(&self) -> PathBuf {
        self.workspace.root().join("katas").join(&self.kata.dir)
    }
}

/// `watch NAME` for a kata solved already: rather than check it, see it
/// pass and move on at once, say so, and what to watch instead.
fn already_solved(workspace: &Workspace, kata: &Kata) -> Result<()> {
    println!(
        "{}",
        tr(
            Says::AlreadySolved,
            &[("label", &kata.label()), ("name", &kata.name)]
        )
    );
    match next_unsolved(workspace)? {
        Some(next) => println!(
            "{}",
            tr(
                Says::NextToSolve,
                &[("label", &next.label()), ("name", &next.name)]
            )
        ),
        None => println!("{}", text(Says::NoneLeft)),
    }
    Ok(())
}

/// The first kata, in number order, not yet solved.
fn next_unsolved(workspace: &Workspace) -> Result<Option<Kata>> {
    let katas = workspace.katas()?;
    let progress = Progress::load(&workspace.progress_file());
    let next = progress.next(&katas).map(|kata| kata.name.clone());
    Ok(katas
        .into_iter()
        .find(|kata| Some(&kata.name) == next.as_ref()))
}

fn report(result: Result<()>) {
    if let Err(error) = result {
        println!("{}: {error:#}", text(Common::Error));
    }
}

/// Watches `dir` and everything under it; a batch of events about a source
/// file becomes one [`Message::Touched`].
fn watch_saves(
    dir: &Path,
    sender: Sender<Message>,
) -> notify_debouncer_mini::notify::Result<Debouncer<RecommendedWatcher>> {
    let mut debouncer = new_debouncer(DEBOUNCE, move |batch: DebounceEventResult| {
        let message = match batch {
            Ok(events) if events.iter().any(|event| is_source(&event.path)) => Message::Touched,
            Ok(_) => return,
            Err(error) => Message::WatchFailed(error.to_string()),
        };
        let _ = sender.send(message);
    })?;
    debouncer.watcher().watch(dir, RecursiveMode::Recursive)?;
    Ok(debouncer)
}

/// A source file (`*.rs`, `Cargo.toml`) of the kata is one it is built
/// from; not an editor's backup, swap or lock file
/// (`lib.rs~`, `.lib.rs.swp`, `.#lib.rs`, vim's `4913`).
fn is_source(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.') && (name.ends_with(".rs") || name == "Cargo.toml")
}

fn cannot_watch(dir: &Path, error: &notify_debouncer_mini::notify::Error) -> ExitCode {
    eprintln!(
        "{}: {}",
        text(Common::Error),
        tr(Says::CannotWatch, &[("dir", &shown(dir)), ("error", error)])
    );
    ExitCode::from(2)
}

/// The size and modification time of every source file under a directory.
#[derive(Default, PartialEq)]
struct Sources(Vec<(PathBuf, u64, Option<SystemTime>)>);

impl Sources {
    /// The sources once they have stopped changing: read again each
    /// [`DEBOUNCE`] until two readings agree. An editor's save can come in
    /// several writes (truncate, then write) that a busy machine spreads
    /// over two batches of events; checking only what has settled makes it
    /// one check, not one per batch.
    fn settled(dir: &Path) -> Sources {
        let mut before = Sources::of(dir);
        loop {
            thread::sleep(DEBOUNCE);
            let now = Sources::of(dir);
            if now == before {
                return now;
            }
            before = now;
        }
    }

    fn of(dir: &Path) -> Sources {
        let mut found = Vec::new();
        let mut dirs = vec![dir.to_path_buf()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let (path, Ok(metadata)) = (entry.path(), entry.metadata()) else {
                    continue;
                };
                if metadata.is_dir() {
                    dirs.push(path);
                } else if is_source(&path) {
                    found.push((path, metadata.len(), metadata.modified().ok()));
                }
            }
        }
        found.sort();
        Sources(found)
    }
}

/// `katas/03-spawn-vs-join/`, as the learner knows it.
fn shown(dir: &Path) -> String {
    let relative = dir
        .ancestors()
        .nth(2)
        .and_then(|root| dir.strip_prefix(root).ok())
        .unwrap_or(dir);
    format!("{}/", relative.display())
}

/// Moves the messages already queued to `pending`, but for those of the
/// watcher, which the check about to run (or just run) answers.
fn drop_touched(messages: &Receiver<Message>, pending: &mut VecDeque<Message>) {
    let touched = |message: &Message| matches!(message, Message::Touched);
    pending.retain(|message| !touched(message));
    pending.extend(messages.try_iter().filter(|message| !touched(message)));
}

/// Reads keys on a thread of its own, for as long as the loop listens.
fn read_keys(sender: Sender<Message>) {
    thread::spawn(move || {
        loop {
            let message = match event::read() {
                Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => match action(key) {
                    Some(action) => Message::Key(action),
                    None => continue,
                },
                Ok(_) => continue,
                Err(error) => Message::KeysFailed(error.to_string()),
            };
            let failed = matches!(message, Message::KeysFailed(_));
            if sender.send(message).is_err() || failed {
                return;
            }
        }
    });
}

fn action(key: KeyEvent) -> Option<Action> {
    let KeyCode::Char(c) = key.code else {
        return (key.code == KeyCode::Enter).then_some(Action::Check);
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        // Raw mode turns Ctrl-C (and Ctrl-D) into keys.
        return matches!(c, 'c' | 'd').then_some(Action::Quit);
    }
    match c.to_ascii_lowercase() {
        'c' => Some(Action::Check),
        'h' => Some(Action::Hint),
        'l' => Some(Action::List),
        'q' => Some(Action::Quit),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::is_source;

    #[test]
    fn sources_but_not_editor_files() {
        for path in ["src/lib.rs", "Cargo.toml", "src/step/mod.rs"] {
            assert!(is_source(Path::new(path)), "{path}");
        }
        for path in [
            "src/lib.rs~",
            "src/.lib.rs.swp",
            "src/.#lib.rs",
            "src/4913",
            "README.md",
            "src",
        ] {
            assert!(!is_source(Path::new(path)), "{path}");
        }
    }
}
