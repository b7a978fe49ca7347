//! `cargo kata interview`: a mock interview from the katas' cards.
//!
//! A session draws N cards (default 5) from every kata, or one
//! (`--kata`): the cards due for review first, then cards never asked,
//! then those due soonest. Each card shows its question (and a predict
//! card its snippet), waits while the candidate answers aloud (`--time`
//! counts down), reveals the model answer on Enter (for a predict card, the
//! timeline of the step's reference snapshot, read now), and asks for a
//! grade: again, hard, good, easy. The grade goes to FSRS (`review.rs`),
//! which says when the card comes back; `.kata-progress` keeps it. A card
//! graded again comes back later in the same session. The session ends
//! with a summary and the katas worth working again.
//!
//! `--print` writes the cards as plain text instead, no terminal needed.
//! Without a terminal the session itself does not start (exit 2).
//!
//! The command's own words are in `messages.rs`; the cards' in their files.

use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anstream::println;
use anyhow::{Result, bail};
use chrono::{DateTime, TimeDelta, Utc};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use crate::cards::{self, Card, Kind};
use crate::kata::Kata;
use crate::messages::{Interview as Msg, Lang, Text, say};
use crate::progress::Progress;
use crate::review::{self, Clock, Grade};
use crate::steps::step_of;
use crate::style::{self, paint};
use crate::tty;
use crate::workspace::Workspace;

/// How often one card may come back in a session after "again".
const MAX_ASKS: usize = 3;
/// How many other cards come between a card graded again and its return.
const AGAIN_GAP: usize = 2;

pub struct Options {
    pub kata: Option<String>,
    pub count: usize,
    pub time: Option<u64>,
    pub lang: Lang,
    pub due: bool,
    pub seed: Option<u64>,
    pub print: bool,
}

/// A card and the kata it belongs to.
struct Entry<'a> {
    kata: &'a Kata,
    card: Card,
    /// Its reference timeline, for a predict card.
    timeline: Option<String>,
}

pub fn run(workspace: &Workspace, options: &Options) -> Result<ExitCode> {
    let katas = match &options.kata {
        Some(name) => vec![workspace.kata(name)?],
        None => workspace.katas()?,
    };
    let deck = deck(workspace.root(), &katas);
    if deck.is_empty() {
        match &options.kata {
            Some(_) => bail!(
                "{} has no complete cards yet ({})",
                katas[0].label(),
                katas[0].cards().display()
            ),
            None => bail!("no kata has complete cards yet (solutions/NN-name/cards.toml)"),
        }
    }
    if options.print {
        print!("{}", plain(workspace.root(), &deck, options.lang));
        return Ok(ExitCode::SUCCESS);
    }
    let terminal = io::stdin().is_terminal() && io::stdout().is_terminal();
    if !terminal || std::env::var_os("CI").is_some() {
        eprintln!("error: {}", Msg::NoTerminal.text(options.lang));
        return Ok(ExitCode::from(2));
    }
    let clock = Clock::from_env();
    let path = workspace.progress_file();
    let progress = Progress::load(&path);
    let seed = options.seed.unwrap_or_else(|| {
        // Any seed will do; the session says which, to ask it again.
        (clock.now().timestamp_micros().unsigned_abs() ^ u64::from(std::process::id())) % 100_000
    });
    let Some(queue) = draw(deck, &progress, clock.now(), options, seed) else {
        return Ok(ExitCode::SUCCESS);
    };
    let mut session = Session {
        root: workspace.root(),
        lang: options.lang,
        time: options.time.map(Duration::from_secs),
        clock,
        path: &path,
        progress,
        grades: Vec::new(),
        started: Instant::now(),
    };
    println!(
        "{}",
        say(
            options.lang,
            Msg::Seed,
            &[("count", &queue.len()), ("seed", &seed)]
        )
    );
    session.run(queue)?;
    Ok(ExitCode::SUCCESS)
}

/// Every complete card of `katas`, in kata order, then file order. A card
/// still being written (a field empty, a snapshot not recorded) is left
/// out: `cargo kata verify` names what it lacks. A file that gives no card
/// at all is named in a warning.
fn deck<'a>(root: &Path, katas: &'a [Kata]) -> Vec<Entry<'a>> {
    let mut deck = Vec::new();
    for kata in katas {
        if !root.join(kata.cards()).is_file() {
            continue;
        }
        let cards = match cards::check_kata(root, kata) {
            Ok((cards, problems)) if cards.is_empty() && !problems.is_empty() => {
                left_out(kata, &problems.join("; "));
                continue;
            }
            Ok((cards, _)) => cards,
            Err(error) => {
                left_out(kata, &format!("{error:#}"));
                continue;
            }
        };
        for card in cards.into_iter().filter(Card::is_complete) {
            let timeline = match card.kind {
                Kind::Explain => None,
                Kind::Predict => match cards::timeline(root, kata, &card) {
                    Ok(timeline) => Some(timeline),
                    Err(_) => continue,
                },
            };
            deck.push(Entry {
                kata,
                card,
                timeline,
            });
        }
    }
    deck
}

/// Says that a kata's card file gave no card at all (not TOML, no
/// `[[card]]`, unreadable): unlike a card still being written, that is
/// worth a word, or its cards would vanish from every session unnoticed.
fn left_out(kata: &Kata, why: &str) {
    eprintln!(
        "warning: {} is malformed ({why}); its cards are left out. \
         `cargo kata verify {}` says more.",
        kata.cards().display(),
        kata.name
    );
}

/// Where a card goes in the draw: its group (0 due, 1 new, 2 not yet due),
/// then when it is due.
type Place = (u8, Option<DateTime<Utc>>);

/// The session's cards, in the order they are asked: due ones first (the
/// longest overdue first), then new ones, then the rest, soonest due
/// first; each group shuffled by `seed` before it is sorted. With `--due`,
/// only the due ones; none, and it says so, when nothing is due.
fn draw<'a>(
    deck: Vec<Entry<'a>>,
    progress: &Progress,
    now: DateTime<Utc>,
    options: &Options,
    seed: u64,
) -> Option<VecDeque<Entry<'a>>> {
    let mut deck = deck;
    shuffle(&mut deck, seed);
    let mut keyed: Vec<(Place, Entry<'a>)> = deck
        .into_iter()
        .map(|entry| {
            let state = progress
                .card_review(&entry.kata.name, &entry.card.id)
                .and_then(review::from_table);
            let key = match state {
                Some(card) if review::is_due(&card, now) => (0, Some(card.due)),
                None => (1, None),
                Some(card) => (2, Some(card.due)),
            };
            (key, entry)
        })
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    if options.due {
        let next = keyed
            .iter()
            .filter_map(|((_, due), _)| *due)
            .find(|due| *due > now);
        keyed.retain(|((group, _), _)| *group == 0);
        if keyed.is_empty() {
            let text = match next {
                Some(due) => say(
                    options.lang,
                    Msg::NothingDue,
                    &[("when", &when(options.lang, now, due))],
                ),
                None => Msg::NothingDueNoCards.text(options.lang).to_string(),
            };
            println!("{text}");
            return None;
        }
    }
    Some(
        keyed
            .into_iter()
            .map(|(_, entry)| entry)
            .take(options.count)
            .collect(),
    )
}

/// Fisher-Yates with SplitMix64: the same seed draws the same cards on
/// every machine and every version of every crate.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// What the candidate pressed.
enum Key {
    Enter,
    Grade(Grade),
    Quit,
    Other,
}

struct Session<'a, 'w> {
    root: &'w Path,
    lang: Lang,
    time: Option<Duration>,
    clock: Clock,
    /// `.kata-progress`, and what it held at the last grade.
    path: &'w Path,
    progress: Progress,
    /// Every grade given, with the kata it was about.
    grades: Vec<(&'a Kata, Grade)>,
    started: Instant,
}

impl<'a> Session<'a, '_> {
    fn run(&mut self, mut queue: VecDeque<Entry<'a>>) -> Result<()> {
        let mut asked: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut n = 0;
        while let Some(entry) = queue.pop_front() {
            n += 1;
            let total = n + queue.len();
            let times = asked
                .entry((entry.kata.name.clone(), entry.card.id.clone()))
                .or_default();
            *times += 1;
            let again = *times > 1;
            self.ask(&entry, n, total, again);
            if !self.wait_for_answer()? {
                println!("\n{}", Msg::Quit.text(self.lang));
                break;
            }
            self.reveal(&entry);
            let Some(grade) = self.read_grade()? else {
                println!("\n{}", Msg::Quit.text(self.lang));
                break;
            };
            let comes_back = self.record(&entry, grade, *times);
            if comes_back {
                let at = AGAIN_GAP.min(queue.len());
                queue.insert(at, entry);
            }
        }
        self.summary();
        Ok(())
    }

    fn ask(&self, entry: &Entry, n: usize, total: usize, again: bool) {
        let lang = self.lang;
        let text = entry.card.text(lang.code());
        let kind = match entry.card.kind {
            Kind::Explain => Msg::Explain,
            Kind::Predict => Msg::Predict,
        };
        let mut header = format!(
            "{} · {} · {}",
            say(lang, Msg::Question, &[("n", &n), ("total", &total)]),
            entry.kata.label(),
            kind.text(lang)
        );
        if again {
            header.push_str(&format!(" · {}", Msg::AgainLabel.text(lang)));
        }
        println!("\n{}\n", paint(style::TITLE, header));
        paragraph(&text.question, "  ");
        if let Some(code) = &entry.card.code {
            println!();
            for line in code.lines() {
                println!("    {}", paint(style::CODE, line));
            }
        }
        println!("\n{}", paint(style::QUIET, Msg::AnswerAloud.text(lang)));
    }

    /// Waits for Enter, counting down if there is a time limit. False when
    /// the candidate quits.
    fn wait_for_answer(&self) -> Result<bool> {
        let deadline = self.time.and_then(|time| Instant::now().checked_add(time));
        let mut shown = None;
        let _raw = tty::Raw::on()?;
        loop {
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if let Some(left) = left {
                // Whole seconds, rounded up: 2:00 at the start, 0:00 at the end.
                let seconds = left.as_millis().div_ceil(1000) as u64;
                if shown != Some(seconds) {
                    shown = Some(seconds);
                    let line = if seconds == 0 {
                        Msg::TimeUp.text(self.lang).to_string()
                    } else {
                        let time = format!("{}:{:02}", seconds / 60, seconds % 60);
                        say(self.lang, Msg::TimeLeft, &[("time", &time)])
                    };
                    // anstream drops the colour where it must, as println! does.
                    let mut out = anstream::stdout();
                    write!(out, "\r\x1b[2K{}", paint(style::UNDERWAY, line))?;
                    out.flush()?;
                }
            }
            let wait = match left {
                Some(left) if !left.is_zero() => left.min(Duration::from_millis(
                    1000 - (left.as_millis() % 1000) as u64,
                )),
                _ => Duration::from_secs(3600),
            };
            if !event::poll(wait)? {
                continue;
            }
            match read_key()? {
                Key::Enter => break,
                Key::Quit => return Ok(false),
                Key::Grade(_) | Key::Other => {}
            }
        }
        if deadline.is_some() {
            print!("\r\n");
        }
        Ok(true)
    }

    fn reveal(&self, entry: &Entry) {
        let lang = self.lang;
        let text = entry.card.text(lang.code());
        if let Some(timeline) = &entry.timeline {
            let file = entry
                .kata
                .snapshot_file(entry.card.snapshot.as_deref().unwrap());
            let heading = say(lang, Msg::Timeline, &[("file", &file.display())]);
            println!("\n{}\n", paint(style::TITLE, heading));
            for line in timeline.lines() {
                println!("{}", format!("    {line}").trim_end());
            }
            println!("\n{}\n", paint(style::TITLE, Msg::Answer.text(lang)));
        } else {
            println!("\n{}\n", paint(style::TITLE, Msg::ModelAnswer.text(lang)));
        }
        paragraph(&text.answer, "  ");
        println!("\n{}\n", paint(style::TITLE, Msg::KeyPoints.text(lang)));
        for point in &text.points {
            let lines = style::wrap(point, width().saturating_sub(4));
            for (i, line) in lines.iter().enumerate() {
                let bullet = if i == 0 { "  - " } else { "    " };
                println!("{bullet}{line}");
            }
        }
        println!("\n{}\n", paint(style::TITLE, Msg::Python.text(lang)));
        paragraph(&text.python, "  ");
        let (file, test) = proof(self.root, entry.kata, entry.card.step);
        let proved = say(
            lang,
            Msg::ProvedBy,
            &[("step", &entry.card.step), ("test", &test), ("file", &file)],
        );
        println!("\n{}", paint(style::QUIET, proved));
    }

    /// The grade, or none when the candidate quits.
    fn read_grade(&self) -> Result<Option<Grade>> {
        println!("\n{}", Msg::GradePrompt.text(self.lang));
        let _raw = tty::Raw::on()?;
        loop {
            match read_key()? {
                Key::Grade(grade) => {
                    drop(_raw);
                    println!("{}", grade_word(self.lang, grade));
                    return Ok(Some(grade));
                }
                Key::Quit => return Ok(None),
                Key::Enter | Key::Other => {}
            }
        }
    }

    /// Grades the card with FSRS and keeps it. Whether it comes back in
    /// this session.
    fn record(&mut self, entry: &Entry<'a>, grade: Grade, times: usize) -> bool {
        let now = self.clock.now();
        // Graded from the card's review as it is in the file now, and
        // merged into it: what another command recorded since this session
        // started (a kata solved in another terminal) stays.
        let mut graded = None;
        self.progress = Progress::record(self.path, |progress| {
            let before = progress
                .card_review(&entry.kata.name, &entry.card.id)
                .and_then(review::from_table);
            let after = review::grade(before.as_ref(), now, grade);
            progress.record_card_review(entry.kata, &entry.card.id, review::to_table(&after));
            graded = Some(after);
        });
        let after = graded.expect("record applies the change");
        self.grades.push((entry.kata, grade));
        let comes_back = grade == Grade::Again && times < MAX_ASKS;
        let note = if comes_back {
            Msg::ComesBackNow.text(self.lang).to_string()
        } else {
            say(
                self.lang,
                Msg::NextReview,
                &[("when", &when(self.lang, now, after.due))],
            )
        };
        println!("{}", paint(style::QUIET, note));
        comes_back
    }

    fn summary(&self) {
        let lang = self.lang;
        let minutes = self.started.elapsed().as_secs().div_ceil(60).max(1);
        let count = |grade: Grade| self.grades.iter().filter(|(_, g)| *g == grade).count();
        println!(
            "\n{}",
            paint(
                style::TITLE,
                say(
                    lang,
                    Msg::Summary,
                    &[("asked", &self.grades.len()), ("minutes", &minutes)]
                )
            )
        );
        println!(
            "  {}",
            say(
                lang,
                Msg::Grades,
                &[
                    ("again", &count(Grade::Again)),
                    ("hard", &count(Grade::Hard)),
                    ("good", &count(Grade::Good)),
                    ("easy", &count(Grade::Easy)),
                ]
            )
        );
        self.print_weak();
        if let Some(due) = self.next_due() {
            let now = self.clock.now();
            println!(
                "\n{}",
                say(lang, Msg::NextDue, &[("when", &when(lang, now, due))])
            );
        }
    }

    /// The katas with a weak answer, in number order, how weak, and what to
    /// run to work on each; or that there is nothing to redo.
    fn print_weak(&self) {
        let lang = self.lang;
        // The katas with a weak answer, in number order, and how weak.
        let mut weak: BTreeMap<u32, (&Kata, usize, usize)> = BTreeMap::new();
        for (kata, grade) in &self.grades {
            if matches!(grade, Grade::Again | Grade::Hard) {
                let row = weak.entry(kata.number).or_insert((kata, 0, 0));
                if *grade == Grade::Again {
                    row.1 += 1;
                } else {
                    row.2 += 1;
                }
            }
        }
        if weak.is_empty() {
            if !self.grades.is_empty() {
                println!("\n{}", Msg::NothingToRedo.text(lang));
            }
        } else {
            println!("\n{}", Msg::Redo.text(lang));
            let check = Msg::RedoCheck.text(lang);
            let interview = Msg::RedoInterview.text(lang);
            let label_width = style::width(check).max(style::width(interview));
            for (kata, again, hard) in weak.values() {
                let mut tally = Vec::new();
                if *again > 0 {
                    tally.push(format!("{} {again}", Msg::Again.text(lang)));
                }
                if *hard > 0 {
                    tally.push(format!("{} {hard}", Msg::Hard.text(lang)));
                }
                println!(
                    "  {}  ({})",
                    paint(style::TITLE, kata.label()),
                    tally.join(", ")
                );
                let pad = |label: &str| {
                    let fill = label_width.saturating_sub(style::width(label));
                    format!("{label}{}", " ".repeat(fill))
                };
                println!("    {}  cargo kata check {}", pad(check), kata.name);
                println!(
                    "    {}  cargo kata interview --kata {}",
                    pad(interview),
                    kata.name
                );
            }
        }
    }

    /// When the first card of those graded comes back.
    fn next_due(&self) -> Option<DateTime<Utc>> {
        let mut due: Option<DateTime<Utc>> = None;
        for (kata, _) in &self.grades {
            let Some(cards) = self.progress.card_reviews(&kata.name) else {
                continue;
            };
            for card in cards.filter_map(review::from_table) {
                due = Some(due.map_or(card.due, |d| d.min(card.due)));
            }
        }
        due
    }
}

/// A key, read in raw mode.
fn read_key() -> Result<Key> {
    let Event::Key(key) = event::read()? else {
        return Ok(Key::Other);
    };
    if key.kind != KeyEventKind::Press {
        return Ok(Key::Other);
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        // Raw mode turns Ctrl-C (and Ctrl-D) into keys.
        return Ok(match key.code {
            KeyCode::Char('c' | 'd') => Key::Quit,
            _ => Key::Other,
        });
    }
    Ok(match key.code {
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Quit,
        KeyCode::Char(c) => match c.to_ascii_lowercase() {
            '1' | 'a' => Key::Grade(Grade::Again),
            '2' | 'h' => Key::Grade(Grade::Hard),
            '3' | 'g' => Key::Grade(Grade::Good),
            '4' | 'e' => Key::Grade(Grade::Easy),
            'q' => Key::Quit,
            _ => Key::Other,
        },
        _ => Key::Other,
    })
}

fn grade_word(lang: Lang, grade: Grade) -> &'static str {
    match grade {
        Grade::Again => Msg::Again,
        Grade::Hard => Msg::Hard,
        Grade::Good => Msg::Good,
        Grade::Easy => Msg::Easy,
    }
    .text(lang)
}

/// "in 10 min", "in 3 days": how long from `now` until `due`.
fn when(lang: Lang, now: DateTime<Utc>, due: DateTime<Utc>) -> String {
    let wait = review::wait(now, due);
    if wait < TimeDelta::hours(1) {
        let minutes = ((wait.num_seconds() + 59) / 60).max(1);
        say(lang, Msg::InMinutes, &[("n", &minutes)])
    } else if wait < TimeDelta::days(1) {
        say(lang, Msg::InHours, &[("n", &wait.num_hours())])
    } else {
        let days = (wait.num_hours() + 12) / 24;
        say(lang, Msg::InDays, &[("n", &days)])
    }
}

/// The test file and the test of `step`: what proves the answer.
fn proof(root: &Path, kata: &Kata, step: u32) -> (String, String) {
    let test = kata
        .test_names(root)
        .into_iter()
        .find(|test| step_of(test) == Some(step))
        .unwrap_or_else(|| format!("step{step}_*"));
    (kata.test_file().display().to_string(), test)
}

/// The width text is wrapped to: the terminal's, at most 100.
fn width() -> usize {
    style::columns().min(100)
}

/// `text`, wrapped and indented; its paragraphs (blank lines) kept.
fn paragraph(text: &str, indent: &str) {
    for (i, block) in text.split("\n\n").enumerate() {
        if i > 0 {
            println!();
        }
        for line in style::wrap(block, width().saturating_sub(indent.len())) {
            println!("{indent}{line}");
        }
    }
}

/// The deck as plain text, for printing or for an interviewer to read out:
/// a heading per kata and per card, the snippet and the timeline indented
/// as they are, the words wrapped to [`PRINT_WIDTH`]. Plain, not Markdown:
/// the cards' words (`#[must_use]`, `fetch_user`) print as written, where
/// Markdown would need them escaped.
fn plain(root: &Path, deck: &[Entry], lang: Lang) -> String {
    let mut out = String::new();
    heading(&mut out, Msg::PrintTitle.text(lang), '=');
    words(&mut out, Msg::PrintIntro.text(lang), "", "");
    let mut kata: Option<&str> = None;
    let mut n = 0;
    for entry in deck {
        if kata != Some(entry.kata.name.as_str()) {
            kata = Some(&entry.kata.name);
            n = 0;
            out.push('\n');
            heading(&mut out, &entry.kata.label(), '-');
            words(&mut out, &entry.kata.question, "", "");
        }
        n += 1;
        let text = entry.card.text(lang.code());
        let kind = match entry.card.kind {
            Kind::Explain => Msg::Explain,
            Kind::Predict => Msg::Predict,
        };
        out.push('\n');
        let number = format!("{}.{n} ", entry.kata.number);
        let indent = " ".repeat(number.len());
        words(&mut out, &one_line(&text.question), &number, &indent);
        let (file, test) = proof(root, entry.kata, entry.card.step);
        let proved = say(
            lang,
            Msg::ProvedBy,
            &[("step", &entry.card.step), ("test", &test), ("file", &file)],
        );
        words(
            &mut out,
            &format!("{} · {proved}", kind.text(lang)),
            &indent,
            &indent,
        );
        if let Some(code) = &entry.card.code {
            block(&mut out, code);
        }
        let answer = if let Some(timeline) = &entry.timeline {
            let file = entry
                .kata
                .snapshot_file(entry.card.snapshot.as_deref().unwrap_or(""));
            let heading = say(lang, Msg::Timeline, &[("file", &file.display())]);
            out.push('\n');
            words(&mut out, &heading, "", "  ");
            block(&mut out, timeline);
            Msg::Answer
        } else {
            Msg::ModelAnswer
        };
        let _ = writeln!(out, "\n{}", answer.text(lang));
        for block in text.answer.split("\n\n") {
            words(&mut out, &one_line(block), "  ", "  ");
        }
        let _ = writeln!(out, "\n{}", Msg::KeyPoints.text(lang));
        for point in &text.points {
            words(&mut out, &one_line(point), "  - ", "    ");
        }
        let _ = writeln!(out, "\n{}", Msg::Python.text(lang));
        for block in text.python.split("\n\n") {
            words(&mut out, &one_line(block), "  ", "  ");
        }
    }
    out
}

/// How wide `--print` wraps its words: a printed page's.
const PRINT_WIDTH: usize = 80;

/// `title`, underlined with `rule` as wide as it is.
fn heading(out: &mut String, title: &str, rule: char) {
    let _ = writeln!(
        out,
        "{title}\n{}\n",
        rule.to_string().repeat(style::width(title))
    );
}

/// `text` wrapped to [`PRINT_WIDTH`], its first line after `first`, the
/// rest after `rest`.
fn words(out: &mut String, text: &str, first: &str, rest: &str) {
    let width = PRINT_WIDTH.saturating_sub(style::width(rest)).max(20);
    for (i, line) in style::wrap(text, width).iter().enumerate() {
        let lead = if i == 0 { first } else { rest };
        let _ = writeln!(out, "{}", format!("{lead}{line}").trim_end());
    }
}

/// Code or a timeline, each line as it is, indented, between blank lines.
fn block(out: &mut String, text: &str) {
    out.push('\n');
    for line in text.lines() {
        let _ = writeln!(out, "{}", format!("    {line}").trim_end());
    }
}

/// The lines of a paragraph joined into one.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> Workspace {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        Workspace::find(here).unwrap()
    }

    #[test]
    fn the_same_seed_draws_the_same_order() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        shuffle(&mut a, 7);
        shuffle(&mut b, 7);
        assert_eq!(a, b);
        assert_ne!(a, (0..20).collect::<Vec<_>>());
        let mut c: Vec<u32> = (0..20).collect();
        shuffle(&mut c, 8);
        assert_ne!(a, c);
    }

    /// `--print`'s plain text: a heading per kata and per card, every
    /// snippet and timeline line as recorded, indented, and the words of
    /// the cards as written (no Markdown escapes), wrapped to 80 columns.
    #[test]
    fn the_printed_cards_read_as_plain_text() {
        let workspace = workspace();
        let katas = workspace.katas().unwrap();
        let deck = deck(workspace.root(), &katas);
        for lang in [Lang::En, Lang::Ko] {
            let text = plain(workspace.root(), &deck, lang);
            let lines: Vec<&str> = text.lines().collect();
            assert!(text.starts_with(&format!("{}\n", Msg::PrintTitle.text(lang))));
            for entry in &deck {
                let label = entry.kata.label();
                assert!(
                    lines
                        .windows(2)
                        .any(|w| w[0] == label && w[1].starts_with("---")),
                    "no heading for {label}"
                );
                for line in entry
                    .card
                    .code
                    .iter()
                    .chain(&entry.timeline)
                    .flat_map(|t| t.lines())
                {
                    let indented = format!("    {line}");
                    assert!(
                        lines.contains(&indented.trim_end()),
                        "{lang:?}: no {line:?}"
                    );
                }
            }
            // The words as written, once the wrapping is undone.
            let joined = one_line(&text);
            for entry in &deck {
                let card = entry.card.text(lang.code());
                for words in card.points.iter().chain([&card.question, &card.answer]) {
                    for paragraph in words.split("\n\n") {
                        assert!(
                            joined.contains(&one_line(paragraph)),
                            "{lang:?}: {paragraph}"
                        );
                    }
                }
            }
            for escaped in ["\\#", "\\_", "\\[", "\\<", "\\*"] {
                assert!(!text.contains(escaped), "{lang:?}: {escaped} in the text");
            }
            // Wider only where one word is too long to wrap.
            let prose = text.lines().filter(|l| !l.starts_with("    "));
            for line in prose {
                let long_word = line.split(' ').any(|w| style::width(w) > 40);
                assert!(style::width(line) <= 80 || long_word, "{line}");
            }
        }
    }
}
