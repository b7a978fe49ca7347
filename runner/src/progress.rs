//! What the learner has solved, and the state each kata is in.
//!
//! `.kata-progress` at the workspace root (gitignored) is a small TOML file,
//! one table per kata:
//!
//! ```toml
//! [spawn-vs-join]
//! solved = "<git blob id of the lib.rs that passed>"   # by `check`
//! failing = ["step2_gather"]                           # by `check`, each run
//! hints = { step2 = 1 }                                # by `hint`: levels shown
//!
//! [spawn-vs-join.cards.join-is-not-parallel]            # by `interview`
//! due = "2026-11-30T09:12:00Z"                          # FSRS's state of the card
//! stability = 3.17
//! # ...difficulty, reps, lapses, state, last_review (see `review.rs`)
//! ```
//!
//! `reset` removes a kata's table, but for its cards' reviews: putting the
//! starting code back does not unlearn an answer. The file is a
//! convenience, never a source of truth a command depends on: a missing one
//! means nothing done yet, and it never stops a command (a failed write is
//! a warning).
//!
//! Several commands may run at once (an interview open while `check` runs
//! in another terminal, two `hint`s), so a change is never written from
//! what a command read at its start: [`Progress::update`] takes the lock
//! beside the file (`.kata-progress.lock`, see `lock.rs`), reads the file
//! as it is now, applies the one change, and replaces the file whole (see
//! `atomic.rs`) before letting go. No writer loses another's record.
//!
//! A damaged file (not TOML, cut short) is read for what can be read of it,
//! table by table; the first command that writes keeps the damaged file
//! aside (`.kata-progress.damaged-<time>`) and says so. A value of the wrong
//! type (`solved = false`) is an error of that value only: read as absent,
//! with a warning, the rest of its kata's table intact.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::atomic;
use crate::blob::blob_id;
use crate::kata::Kata;
use crate::lock::Lock;
use crate::splice;

const HEADER: &str = "\
# Your progress through the katas, written by `cargo kata check`, `hint`
# and `interview`.
# Delete this file to start the list over; your code is not touched.
";

/// How long a writer waits for another to finish: a write takes
/// milliseconds, so this is only reached when something is badly wrong.
const LOCK_PATIENCE: Duration = Duration::from_secs(10);

/// The commands that write the file, for the warnings that say who will.
const WRITERS: &str = "`cargo kata check`, `hint`, `interview` or `reset`";

#[derive(Default)]
pub struct Progress {
    katas: toml::Table,
}

/// What reading the file found.
struct Read {
    katas: toml::Table,
    /// Why it is not sound TOML, when it is not.
    damage: Option<String>,
    /// The file's text, as read.
    text: String,
}

impl Progress {
    /// The file as it is now, for a command that only reads it. Damage and
    /// mistyped values are reported (once per run), never an error.
    pub fn load(path: &Path) -> Progress {
        let read = match read(path) {
            Ok(read) => read,
            Err(error) => {
                warn_once(&format!("{error:#}; it is read as empty"));
                return Progress::default();
            }
        };
        if let Some(damage) = &read.damage {
            warn_once(&format!(
                "{} is damaged ({damage}); what could be read of it is used. \
                 The next command that records progress ({WRITERS}) keeps a copy of \
                 it aside and writes a sound one.",
                shown(path)
            ));
        }
        let progress = Progress { katas: read.katas };
        progress.warn_mistyped(path);
        progress
    }

    /// Changes the file by `change`, applied to the file as it is now,
    /// under its lock; the progress written, and what `change` returned.
    /// A damaged file is first copied aside, and the warning names the copy.
    pub fn update<T>(
        path: &Path,
        change: impl FnOnce(&mut Progress) -> T,
    ) -> Result<(Progress, T)> {
        let cannot = || format!("cannot write {}", shown(path));
        let Some(_lock) = Lock::take(path, LOCK_PATIENCE).with_context(|| {
            format!(
                "{}: cannot take its lock, {}",
                cannot(),
                shown(&path.with_extension("lock"))
            )
        })?
        else {
            if cfg!(unix) {
                bail!(
                    "{}: another `cargo kata` has held its lock for {} s",
                    cannot(),
                    LOCK_PATIENCE.as_secs()
                );
            }
            // No locks off Unix: write on our own, as before.
            return update_unlocked(path, change);
        };
        update_unlocked(path, change)
    }

    /// [`Progress::update`], and should it fail, a warning that says what
    /// was not kept: for the commands whose job is done whether or not the
    /// record is. The progress as changed, in memory at least (`change` is
    /// then applied again, to the file as read).
    pub fn record(path: &Path, mut change: impl FnMut(&mut Progress)) -> Progress {
        match Progress::update(path, &mut change) {
            Ok((progress, ())) => progress,
            Err(error) => {
                eprintln!("warning: {error:#}; this change to your progress is not kept");
                let mut progress = Progress::load(path);
                change(&mut progress);
                progress
            }
        }
    }

    /// Solved: `check` recorded the blob id of the code that passed. Any
    /// other value (`solved = false`) is not.
    pub fn is_solved(&self, kata: &Kata) -> bool {
        self.entry(kata)
            .and_then(|entry| entry.get("solved"))
            .and_then(toml::Value::as_str)
            .is_some_and(|blob| !blob.is_empty())
    }

    /// The file's text, as `update` writes it.
    fn text(&self) -> String {
        match self.katas.to_string().trim_end() {
            "" => HEADER.to_string(),
            katas => format!("{HEADER}\n{katas}\n"),
        }
    }

    /// Warns (once a run) of each value whose type is not what the
    /// commands write: it is read as absent, and rewritten by the next
    /// command that records it.
    fn warn_mistyped(&self, path: &Path) {
        for (key, found) in mistyped(&self.katas) {
            warn_once(&format!(
                "in {}, `{key}` is {found}, not what `cargo kata` writes there: \
                 it is read as absent until a command records it anew",
                shown(path)
            ));
        }
    }

    /// The first of `katas` (in number order) not yet solved: the one to
    /// open next.
    pub fn next<'a>(&self, katas: &'a [Kata]) -> Option<&'a Kata> {
        katas.iter().find(|kata| !self.is_solved(kata))
    }

    /// Records `kata` solved by the file whose blob id is `blob`.
    pub fn record_solved(&mut self, kata: &Kata, blob: &str) {
        self.entry_mut(kata).insert("solved".into(), blob.into());
    }

    /// The tests of `kata` that failed at its last check, by name.
    pub fn failing(&self, kata: &Kata) -> Vec<String> {
        self.entry(kata)
            .and_then(|entry| entry.get("failing"))
            .and_then(|failing| failing.as_array())
            .map(|names| {
                names
                    .iter()
                    .filter_map(|name| name.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Records which tests of `kata` failed at this check: `hint` starts
    /// from the first of them.
    pub fn record_failing(&mut self, kata: &Kata, tests: &[&str]) {
        let names: toml::value::Array = tests.iter().map(|&name| name.into()).collect();
        self.entry_mut(kata).insert("failing".into(), names.into());
    }

    /// How many hints of `step` the learner has been shown: 0 for none.
    pub fn hints_shown(&self, kata: &Kata, step: u32) -> u32 {
        self.entry(kata)
            .and_then(|entry| entry.get("hints"))
            .and_then(|hints| hints.get(format!("step{step}")))
            .and_then(|level| level.as_integer())
            .and_then(|level| u32::try_from(level).ok())
            .unwrap_or(0)
    }

    pub fn record_hints_shown(&mut self, kata: &Kata, step: u32, level: u32) {
        let entry = self.entry_mut(kata);
        if !entry.get("hints").is_some_and(toml::Value::is_table) {
            entry.insert("hints".into(), toml::Table::new().into());
        }
        if let Some(hints) = entry.get_mut("hints").and_then(|h| h.as_table_mut()) {
            hints.insert(format!("step{step}"), i64::from(level).into());
        }
    }

    /// Forgets all about `kata`'s code: solved, failing tests, hints shown.
    /// Its cards' reviews stay. Whether there was anything to forget.
    pub fn forget(&mut self, kata: &Kata) -> bool {
        let Some(entry) = self.katas.remove(&kata.name) else {
            return false;
        };
        let cards = entry.get("cards").filter(|cards| cards.is_table());
        if let Some(cards) = cards.cloned() {
            self.entry_mut(kata).insert("cards".into(), cards);
        }
        true
    }

    /// What `interview` recorded of card `id` of `kata` (see `review.rs`);
    /// none if it was never graded, or the entry is not a table.
    pub fn card_review(&self, kata: &str, id: &str) -> Option<&toml::Table> {
        self.katas
            .get(kata)
            .and_then(|entry| entry.get("cards"))
            .and_then(|cards| cards.get(id))
            .and_then(|review| review.as_table())
    }

    /// Every review recorded for the cards of kata `kata`.
    pub fn card_reviews(&self, kata: &str) -> Option<impl Iterator<Item = &toml::Table>> {
        let cards = self.katas.get(kata)?.get("cards")?.as_table()?;
        Some(cards.values().filter_map(|review| review.as_table()))
    }

    pub fn record_card_review(&mut self, kata: &Kata, id: &str, review: toml::Table) {
        let entry = self.entry_mut(kata);
        if !entry.get("cards").is_some_and(toml::Value::is_table) {
            entry.insert("cards".into(), toml::Table::new().into());
        }
        if let Some(cards) = entry.get_mut("cards").and_then(|c| c.as_table_mut()) {
            cards.insert(id.to_string(), review.into());
        }
    }

    fn entry(&self, kata: &Kata) -> Option<&toml::Table> {
        self.katas
            .get(&kata.name)
            .and_then(|entry| entry.as_table())
    }

    /// `kata`'s table, made anew if it is missing or not a table.
    fn entry_mut(&mut self, kata: &Kata) -> &mut toml::Table {
        let entry = self
            .katas
            .entry(kata.name.clone())
            .or_insert_with(|| toml::Table::new().into());
        if !entry.is_table() {
            *entry = toml::Table::new().into();
        }
        entry.as_table_mut().expect("a table: made one just above")
    }
}

fn update_unlocked<T>(
    path: &Path,
    change: impl FnOnce(&mut Progress) -> T,
) -> Result<(Progress, T)> {
    let read = read(path).with_context(|| format!("cannot write {}", shown(path)))?;
    if let Some(damage) = &read.damage {
        let copy = keep_aside(path, &read.text)
            .with_context(|| format!("cannot keep a copy of the damaged {}", shown(path)))?;
        eprintln!(
            "warning: {} was damaged ({damage}): it is kept as {}, and the new one \
             keeps what could be read of it ({} of its katas).",
            shown(path),
            shown(&copy),
            read.katas.len()
        );
    }
    let mut progress = Progress { katas: read.katas };
    progress.warn_mistyped(path);
    let value = change(&mut progress);
    atomic::replace(path, progress.text().as_bytes())
        .with_context(|| format!("cannot write {}", shown(path)))?;
    Ok((progress, value))
}

/// The file as it is now: missing is empty, damaged is what can be read.
/// An error only when it exists but cannot be read at all.
fn read(path: &Path) -> Result<Read> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(error).with_context(|| format!("cannot read {}", shown(path))),
    };
    Ok(match text.parse::<toml::Table>() {
        Ok(katas) => Read {
            katas,
            damage: None,
            text,
        },
        Err(error) => Read {
            katas: salvage(&text),
            damage: Some(error.message().to_string()),
            text,
        },
    })
}

/// What can be read of a damaged file: each table (from one `[header]` to
/// the next) parsed alone, as far into it as it parses, and merged. A file
/// cut short loses only what follows the cut.
fn salvage(text: &str) -> toml::Table {
    let mut katas = toml::Table::new();
    let mut section: Vec<&str> = Vec::new();
    let mut sections = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with('[') && !section.is_empty() {
            sections.push(std::mem::take(&mut section));
        }
        section.push(line);
    }
    sections.push(section);
    for lines in sections {
        let parsed = (1..=lines.len())
            .rev()
            .find_map(|n| lines[..n].join("\n").parse::<toml::Table>().ok());
        if let Some(table) = parsed {
            merge(&mut katas, table);
        }
    }
    katas
}

/// `from` merged into `into`, table into table; otherwise `from` wins.
fn merge(into: &mut toml::Table, from: toml::Table) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (Some(toml::Value::Table(old)), toml::Value::Table(new)) => merge(old, new),
            (_, value) => {
                into.insert(key, value);
            }
        }
    }
}

/// Copies the damaged file's `text` to `.kata-progress.damaged-<time>`
/// (`-2`, `-3`... should that exist), created exclusively: never over
/// another file, never through a link.
fn keep_aside(path: &Path, text: &str) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let stamp = chrono::Utc::now().format("%Y-%m-%dT%H-%M-%SZ");
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    for n in 1.. {
        let copy = match n {
            1 => path.with_file_name(format!("{name}.damaged-{stamp}")),
            n => path.with_file_name(format!("{name}.damaged-{stamp}-{n}")),
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&copy)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                return Ok(copy);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    unreachable!("some suffix is free")
}

/// The values of the wrong type, by their dotted key, with what was found:
/// a kata that is not a table, `solved` not a blob id, `failing` not a list
/// of test names, `hints` not levels by step, `cards` not a table.
fn mistyped(katas: &toml::Table) -> Vec<(String, String)> {
    use toml::Value;
    let mut found = Vec::new();
    for (name, entry) in katas {
        let Some(entry) = entry.as_table() else {
            found.push((name.clone(), format!("a {}", entry.type_str())));
            continue;
        };
        for (field, value) in entry {
            let sound = match field.as_str() {
                "solved" => value.as_str().is_some_and(|blob| !blob.is_empty()),
                "failing" => value
                    .as_array()
                    .is_some_and(|names| names.iter().all(Value::is_str)),
                "hints" => value
                    .as_table()
                    .is_some_and(|levels| levels.values().all(Value::is_integer)),
                "cards" => value.is_table(),
                _ => true,
            };
            if !sound {
                found.push((format!("{name}.{field}"), value.to_string()));
            }
        }
    }
    found
}

/// The file's name as the learner knows it: `.kata-progress`.
fn shown(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// A warning said once per run, however many times the file is read.
fn warn_once(text: &str) {
    static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
    if !said.iter().any(|t| t == text) {
        said.push(text.to_string());
        eprintln!("warning: {text}");
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum State {
    Solved,
    InProgress,
    NotStarted,
}

// How a state is said: `cmd/list.rs`, in the language of the run.

/// The state of `kata` in the workspace at `root`.
///
/// Solved is what `check` recorded, and stays so when the file changes
/// afterwards: learners refactor. Otherwise the file is compared with its
/// starting code: by blob id when the kata pins one (`start`), else by the
/// shape of a starting file, where every `pub fn` is still a `todo!(`.
pub fn state(root: &Path, kata: &Kata, progress: &Progress) -> Result<State> {
    if progress.is_solved(kata) {
        return Ok(State::Solved);
    }
    let content = kata.read_lib_rs(root)?;
    let untouched = match &kata.start {
        Some(start) => blob_id(&content) == *start,
        None => every_pub_fn_is_todo(&String::from_utf8_lossy(&content)),
    };
    Ok(if untouched {
        State::NotStarted
    } else {
        State::InProgress
    })
}

fn every_pub_fn_is_todo(source: &str) -> bool {
    let lines: Vec<&str> = source.lines().collect();
    let functions = splice::items(source).map(|items| {
        items
            .into_iter()
            .filter(splice::Item::is_fn)
            .collect::<Vec<_>>()
    });
    match functions {
        Ok(functions) if !functions.is_empty() => functions
            .iter()
            .all(|f| lines[f.lines.clone()].iter().any(|l| l.contains("todo!("))),
        // No function found, or not rustfmt's layout: the learner's hand.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{Progress, every_pub_fn_is_todo, salvage};
    use crate::kata::Kata;

    fn kata(name: &str) -> Kata {
        Kata {
            number: 3,
            name: name.into(),
            dir: format!("03-{name}"),
            question: "Why?".into(),
            start: None,
        }
    }

    #[test]
    fn what_is_recorded_is_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".kata-progress");
        let (a, b) = (kata("a"), kata("b"));
        Progress::update(&path, |progress| {
            progress.record_failing(&a, &["step2_x", "step3_y"]);
            progress.record_hints_shown(&a, 2, 1);
            progress.record_hints_shown(&a, 2, 2);
        })
        .unwrap();
        Progress::update(&path, |progress| progress.record_solved(&b, "abc")).unwrap();

        let mut progress = Progress::load(&path);
        assert_eq!(progress.failing(&a), ["step2_x", "step3_y"]);
        assert_eq!(progress.hints_shown(&a, 2), 2);
        assert_eq!(progress.hints_shown(&a, 3), 0);
        assert!(!progress.is_solved(&a) && progress.is_solved(&b));
        assert!(progress.forget(&a));
        assert!(!progress.forget(&a));
        assert_eq!(progress.hints_shown(&a, 2), 0);
    }

    /// A writer that read the file long ago (an interview) does not write
    /// back what it read: what another wrote since stays.
    #[test]
    fn an_update_changes_the_file_as_it_is_now() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".kata-progress");
        let (a, b) = (kata("a"), kata("b"));
        let early = Progress::load(&path);
        Progress::update(&path, |progress| progress.record_solved(&a, "abc")).unwrap();
        assert!(!early.is_solved(&a));
        let (now, ()) = Progress::update(&path, |p| p.record_hints_shown(&b, 1, 1)).unwrap();
        assert!(now.is_solved(&a) && now.hints_shown(&b, 1) == 1);
        // Nothing left beside it but the lock.
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".kata-progress", ".kata-progress.lock"]);
    }

    #[test]
    fn card_reviews_are_kept_and_outlive_a_reset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".kata-progress");
        let a = kata("a");
        let mut review = toml::Table::new();
        review.insert("reps".into(), 1.into());
        Progress::update(&path, |progress| {
            progress.record_card_review(&a, "x", review.clone());
            progress.record_hints_shown(&a, 1, 1);
        })
        .unwrap();
        let mut progress = Progress::load(&path);
        assert_eq!(progress.card_review("a", "x"), Some(&review));
        assert_eq!(progress.card_review("a", "y"), None);
        assert!(progress.forget(&a));
        assert_eq!(progress.hints_shown(&a, 1), 0);
        assert_eq!(progress.card_review("a", "x"), Some(&review));
    }

    #[test]
    fn values_of_the_wrong_type_read_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".kata-progress");
        std::fs::write(
            &path,
            "a = 1\n[b]\nfailing = 3\nhints = \"x\"\nsolved = false\n[c]\nsolved = \"\"\n",
        )
        .unwrap();
        let (a, b, c) = (kata("a"), kata("b"), kata("c"));
        let mut progress = Progress::load(&path);
        assert!(progress.failing(&b).is_empty());
        assert_eq!(progress.hints_shown(&b, 1), 0);
        assert!(!progress.is_solved(&b) && !progress.is_solved(&c));
        assert_eq!(super::mistyped(&progress.katas).len(), 5);
        progress.record_hints_shown(&b, 1, 1);
        progress.record_failing(&a, &[]);
        assert_eq!(progress.hints_shown(&b, 1), 1);
        assert!(progress.failing(&a).is_empty());
    }

    #[test]
    fn a_damaged_file_is_kept_aside_and_what_can_be_read_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".kata-progress");
        let damaged = "[a]\nsolved = \"abc\"\nfailing = [\"step1_x\"]\n\n[b]\nhints = { step1 = 2 }\nsolved = \"de";
        std::fs::write(&path, damaged).unwrap();
        let (a, b) = (kata("a"), kata("b"));
        let progress = Progress::load(&path);
        assert!(progress.is_solved(&a) && !progress.is_solved(&b));
        assert_eq!(progress.hints_shown(&b, 1), 2);

        let (progress, ()) = Progress::update(&path, |p| p.record_hints_shown(&a, 1, 1)).unwrap();
        assert!(progress.is_solved(&a));
        assert_eq!(progress.failing(&a), ["step1_x"]);
        let copies: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".kata-progress.damaged-"))
            .collect();
        assert_eq!(copies.len(), 1, "{copies:?}");
        assert_eq!(std::fs::read_to_string(&copies[0]).unwrap(), damaged);
        let sound: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
        assert_eq!(sound["b"]["hints"]["step1"].as_integer(), Some(2));
    }

    #[test]
    fn salvage_keeps_every_table_up_to_the_damage() {
        let table = salvage("[a]\nx = 1\ny = [\n[a.cards.c]\nreps = 2\n[b\nz = 3\n");
        assert_eq!(table["a"]["x"].as_integer(), Some(1));
        assert_eq!(table["a"]["cards"]["c"]["reps"].as_integer(), Some(2));
        assert!(table.get("b").is_none());
    }

    #[test]
    fn a_starting_file_has_todo_in_every_pub_fn() {
        let start = "pub fn a() {\n    todo!(\"step 1\")\n}\n\npub fn b() {\n    todo!()\n}\n";
        assert!(every_pub_fn_is_todo(start));
        let begun = start.replacen("todo!(\"step 1\")", "1", 1);
        assert!(!every_pub_fn_is_todo(&begun));
        assert!(!every_pub_fn_is_todo("// nothing here\n"));
    }
}
