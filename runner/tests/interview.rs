//! `cargo kata interview`, driven end to end on a scratch copy of the
//! workspace (kata 03 and its cards only; see `sandbox/mod.rs`): under a
//! pseudo-terminal with scripted keys, in English and in Korean; `--print`
//! and the refusals on a pipe. Nothing here builds a kata: interview reads
//! files only, so these tests take well under a second each.
#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::Duration;

mod sandbox;
use sandbox::terminal::Terminal;
use sandbox::{NAME, Sandbox};

/// The instant every run here takes for "now" (`KATA_NOW`).
const NOW: &str = "2026-11-27T09:00:00Z";
const LIMIT: Duration = Duration::from_secs(20);

/// Card `predict-spawned-task` was graded a week before, and is due:
/// a due card is asked first. Card `panic-in-task`'s entry is damaged: read as
/// never graded, and no error.
const PROGRESS: &str = r#"
[spawn-vs-join.cards.predict-spawned-task]
due = "2026-11-20T09:00:00Z"
last_review = "2026-11-17T09:00:00Z"
stability = 3.0
difficulty = 5.0
elapsed_days = 0
scheduled_days = 3
reps = 1
lapses = 0
state = "review"

[spawn-vs-join.cards.panic-in-task]
due = "some day"
"#;

/// `cargo kata interview ARGS` in the sandbox, in the locale `lang`, at
/// [`NOW`], as if no CI were around.
fn interview(sandbox: &Sandbox, args: &[&str], lang: &str) -> Command {
    let mut command = sandbox.command(&[&["interview"], args].concat());
    command
        .env("KATA_NOW", NOW)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("CI")
        .env("NO_COLOR", "1");
    command
}

/// Answers the session's questions: Enter at each answer prompt, then the
/// next key of `grades` at each grade prompt; a `q` in `grades` quits at
/// the answer prompt instead.
fn answer(terminal: &mut Terminal, prompts: (&str, &str), grades: &[u8]) {
    let (aloud, grade) = prompts;
    for (i, key) in grades.iter().enumerate() {
        terminal.wait_for(aloud, LIMIT, |s| s.matches(aloud).count() > i);
        if *key == b'q' {
            terminal.press(b"q");
            return;
        }
        terminal.press(b"\r");
        terminal.wait_for(grade, LIMIT, |s| s.matches(grade).count() > i);
        terminal.press(&[*key]);
    }
}

#[test]
fn a_session_in_english_asks_reveals_grades_and_sums_up() {
    let sandbox = Sandbox::new();
    sandbox.write(".kata-progress", PROGRESS);
    let command = interview(
        &sandbox,
        &["--kata", NAME, "-n", "3", "--seed", "7", "--time", "60"],
        "en_US.UTF-8",
    );
    let mut terminal = Terminal::start(command);
    // Again on the predict card: it comes back after the two others, and
    // is then graded hard.
    answer(&mut terminal, ("Answer aloud", "How did it go?"), b"134h");
    let status = terminal.exits_within(LIMIT);
    terminal.wait_for("the summary", LIMIT, |s| s.contains("Next card due"));
    let screen = terminal.screen();
    assert_eq!(status.code(), Some(0), "{screen}");

    assert!(
        screen.contains("3 questions, seed 7 (`--seed 7` asks the same again)"),
        "{screen}"
    );
    // The due card first: the predict card, its snippet, the countdown,
    // and on Enter the reference timeline as recorded.
    assert!(
        screen.contains("Question 1 of 3 · 03 spawn-vs-join · predict"),
        "{screen}"
    );
    assert!(screen.contains("tokio::spawn(async move"), "{screen}");
    assert!(
        screen.contains("1:00 left · Enter shows the answer"),
        "{screen}"
    );
    let snapshot = sandbox.read(
        &sandbox::kata()
            .snapshot_file("step4_spawned_task_runs")
            .to_string_lossy(),
    );
    assert!(
        screen.contains(
            "Timeline (the reference, tests/snapshots/spawn_vs_join__step4_spawned_task_runs.snap)"
        ),
        "{screen}"
    );
    let last_line = snapshot.trim_end().lines().last().unwrap();
    assert!(screen.contains(last_line), "no {last_line:?} in {screen}");
    assert!(
        !screen.contains("source: solutions"),
        "insta's header shown: {screen}"
    );
    assert!(screen.contains("Proved by step 4: step4_spawned_task_runs in tests/spawn-vs-join.rs"));
    // Explain cards: the model answer, its points, the asyncio angle.
    assert!(screen.contains("Model answer"), "{screen}");
    assert!(screen.contains("Key points"), "{screen}");
    assert!(screen.contains("The asyncio angle"), "{screen}");
    // Again: back in this session, fourth.
    assert!(
        screen.contains("It comes back later in this session."),
        "{screen}"
    );
    assert!(
        screen.contains("Question 4 of 4 · 03 spawn-vs-join · predict · asked again"),
        "{screen}"
    );
    assert!(screen.contains("Next review: in "), "{screen}");
    // The summary and the kata to redo, with its commands.
    assert!(
        screen.contains("Session over: 4 answers in 1 min."),
        "{screen}"
    );
    assert!(
        screen.contains("again 1 · hard 1 · good 1 · easy 1"),
        "{screen}"
    );
    assert!(screen.contains("Katas to redo"), "{screen}");
    assert!(
        screen.contains("03 spawn-vs-join  (again 1, hard 1)"),
        "{screen}"
    );
    assert!(
        screen.contains("cargo kata check spawn-vs-join"),
        "{screen}"
    );
    assert!(
        screen.contains("cargo kata interview --kata spawn-vs-join"),
        "{screen}"
    );
    assert!(terminal.canonical(), "the terminal is left in raw mode");

    // The grades are kept: three cards graded, the due one twice more.
    let progress: toml::Table = sandbox.read(".kata-progress").parse().unwrap();
    let cards = progress[NAME]["cards"].as_table().unwrap();
    assert_eq!(cards.len(), 4, "{cards:?}");
    assert_eq!(cards["predict-spawned-task"]["reps"].as_integer(), Some(3));
    assert_eq!(
        cards["predict-spawned-task"]["lapses"].as_integer(),
        Some(1)
    );
    assert_eq!(
        cards.values().filter(|c| c.get("reps").is_some()).count(),
        3,
        "the damaged entry is left until its card is graded: {cards:?}"
    );

    // At the same instant nothing is due: the hard card returns in minutes.
    let mut terminal = Terminal::start(interview(&sandbox, &["--due"], "en_US.UTF-8"));
    let status = terminal.exits_within(LIMIT);
    terminal.wait_for("nothing due", LIMIT, |s| s.contains("min."));
    let screen = terminal.screen();
    assert_eq!(status.code(), Some(0), "{screen}");
    assert!(
        screen.contains("Nothing is due: the next card is due in "),
        "{screen}"
    );
}

#[test]
fn a_session_in_korean_follows_the_locale_and_q_stops_it() {
    let sandbox = Sandbox::new();
    sandbox.write(".kata-progress", PROGRESS);
    let command = interview(&sandbox, &["--kata", "03", "-n", "3"], "ko_KR.UTF-8");
    let mut terminal = Terminal::start(command);
    answer(&mut terminal, ("소리 내어 답한 뒤", "어땠습니까?"), b"34q");
    let status = terminal.exits_within(LIMIT);
    terminal.wait_for("the summary", LIMIT, |s| s.contains("다음 복습할 카드"));
    let screen = terminal.screen();
    assert_eq!(status.code(), Some(0), "{screen}");
    for words in [
        "질문 1/3 · 03 spawn-vs-join · 예측",
        "타임라인 (레퍼런스 기록, tests/snapshots/spawn_vs_join__step4_spawned_task_runs.snap)",
        "정답",
        "핵심 포인트",
        "asyncio와 비교하면",
        "질문 2/3",
        "모범 답안",
        "다음 복습: ",
        "질문 3/3",
        "중단했습니다.",
        "세션 끝: 1분 동안 2번 답했습니다.",
        "다시 0 · 어려움 0 · 보통 1 · 쉬움 1",
        "다시 풀 kata가 없습니다.",
    ] {
        assert!(screen.contains(words), "no {words:?} in:\n{screen}");
    }
    // The card's own words, in Korean.
    assert!(
        screen.contains("같은 두 호출인데 이번에는 data 쪽을 먼저 spawn했습니다."),
        "{screen}"
    );
    assert!(!screen.contains("Answer aloud"), "{screen}");
    assert!(terminal.canonical(), "the terminal is left in raw mode");
}

#[test]
fn print_writes_plain_text_without_a_terminal() {
    let sandbox = Sandbox::new();
    let output = interview(
        &sandbox,
        &["--print", "--kata", NAME, "--lang", "en"],
        "ko_KR.UTF-8",
    )
    .stdin(Stdio::null())
    .output()
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.starts_with("Interview cards\n===="), "{stdout}");
    assert!(stdout.contains("\n03 spawn-vs-join\n----"), "{stdout}");
    assert!(stdout.contains("\n3.1 "), "{stdout}");
    // The snippet and the timeline, indented as they are.
    assert!(stdout.contains("\n    pub async fn "), "{stdout}");
    assert!(
        stdout.contains(" ms 0 ") && stdout.contains("\n    fetch_user(1) ["),
        "{stdout}"
    );
    // Words as written: no Markdown escapes.
    assert!(
        !stdout.contains("\\_") && !stdout.contains("\\["),
        "{stdout}"
    );

    let output = interview(&sandbox, &["--print"], "ko_KR.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("인터뷰 카드\n"), "{stdout}");
    assert!(stdout.contains("\n모범 답안\n"), "{stdout}");
}

#[test]
fn without_a_terminal_it_points_to_print() {
    let sandbox = Sandbox::new();
    let output = interview(&sandbox, &[], "en_US.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cargo kata interview --print"), "{stderr}");

    // CI, even on a terminal: no session, no hang.
    let mut command = interview(&sandbox, &[], "ko_KR.UTF-8");
    command.env("CI", "true");
    let mut terminal = Terminal::start(command);
    let status = terminal.exits_within(LIMIT);
    terminal.wait_for("the advice", LIMIT, |s| s.contains("--print"));
    assert_eq!(status.code(), Some(2), "{}", terminal.screen());
    assert!(
        terminal.screen().contains("터미널이 필요합니다"),
        "{}",
        terminal.screen()
    );
}

#[test]
fn bad_input_is_refused_with_exit_2() {
    let sandbox = Sandbox::new();
    for (args, says) in [
        (
            &["--kata", "spawn-vs-jion"][..],
            "did you mean `spawn-vs-join`?",
        ),
        (&["--lang", "fr"], "invalid value 'fr' for '--lang <LANG>'"),
        (&["--time", "0"], "it must be 1 or more"),
        (&["-n", "0"], "it must be 1 or more"),
        (&["--seed", "x"], "invalid value 'x'"),
    ] {
        let output = interview(&sandbox, args, "en_US.UTF-8")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn a_damaged_progress_file_is_no_error() {
    let sandbox = Sandbox::new();
    sandbox.write(".kata-progress", "[[[ not toml");
    let mut terminal = Terminal::start(interview(&sandbox, &["--due"], "en_US.UTF-8"));
    let status = terminal.exits_within(LIMIT);
    terminal.wait_for("nothing due", LIMIT, |s| s.contains("asks new ones"));
    let screen = terminal.screen();
    assert_eq!(status.code(), Some(0), "{screen}");
    assert!(screen.contains(".kata-progress is damaged"), "{screen}");
}
