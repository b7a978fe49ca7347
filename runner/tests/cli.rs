//! `cargo kata` driven the way a learner and an author drive it: the real
//! binary, on a scratch copy of the workspace.
//!
//! See `sandbox/mod.rs` for the copy.

use std::path::Path;
use std::process::Command;

use kata_runner::blob::blob_id;
use kata_runner::contract::Layout;
use tempfile::TempDir;

mod sandbox;
use sandbox::{DIR, NAME, Run, Sandbox, entry, kata_command, kata_path, run};

impl Sandbox {
    /// Runs `cargo kata ARGS` in the copy's root.
    fn kata(&self, args: &[&str]) -> Run {
        run(self.command(args))
    }
}

fn kata_in(dir: &Path, args: &[&str]) -> Run {
    run(kata_command(dir, args))
}

/// The line of the list that shows kata 03.
fn kata_line(list: &str) -> &str {
    list.lines()
        .find(|l| l.trim_start().starts_with("03 "))
        .unwrap_or_else(|| panic!("no line for kata 03 in:\n{list}"))
}

#[test]
fn list_shows_kata_03_not_started_and_next() {
    let sandbox = Sandbox::new();
    for args in [&[][..], &["list"][..]] {
        let run = sandbox.kata(args);
        assert_eq!(run.code, 0, "{run}");
        let line = kata_line(&run.stdout);
        assert!(line.contains(NAME) && line.contains("not started"), "{run}");
        assert!(line.contains("create_task vs gather"), "{run}");
        assert!(
            run.stdout
                .contains("\n[····················] 0 of 1 solved\n"),
            "{run}"
        );
        for next in [
            "Next: 03 spawn-vs-join",
            "katas/03-spawn-vs-join/src/lib.rs",
            "katas/03-spawn-vs-join/README.md",
            "cargo test -p spawn-vs-join",
            "cargo kata check spawn-vs-join",
        ] {
            assert!(run.stdout.contains(next), "no {next:?} in {run}");
        }
    }
}

#[test]
fn check_without_a_name_fails_the_next_kata_with_its_todo_messages() {
    let sandbox = Sandbox::new();
    let run = sandbox.kata(&["check"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stdout
            .starts_with("Checking the next kata to solve, 03 spawn-vs-join."),
        "{run}"
    );
    for step in 1..=5 {
        let line = entry(&run, &format!("step{step}_"));
        assert!(line.starts_with("FAILED"), "{run}");
        assert!(
            line.contains(&format!("not yet implemented: step {step}:")),
            "{run}"
        );
    }
    assert!(run.stdout.contains("0 of 5 tests pass"), "{run}");
    // A todo! has no timeline worth showing.
    assert!(!run.stdout.contains("yours"), "{run}");
    let progress = sandbox.read(".kata-progress");
    assert!(
        progress.contains("step5_spawn_three_gather_two"),
        "{progress}"
    );
    assert!(!progress.contains("solved ="), "{progress}");
}

#[test]
fn check_on_a_wrong_answer_shows_the_concept_then_the_timelines() {
    let sandbox = Sandbox::new();
    // Kata 03's solution with `gather` made sequential.
    let solution = sandbox.read(&kata_path(Layout::solution_lib_rs));
    let joined = "tokio::join!(api.fetch_user(1), api.fetch_post(1))";
    assert!(solution.contains(joined), "the solution has changed");
    let sequential = solution.replacen(
        joined,
        "let user = api.fetch_user(1).await;\n    \
         let post = api.fetch_post(1).await;\n    (user, post)",
        1,
    );
    sandbox.write(&sandbox.kata_file(), &sequential);

    let run = sandbox.kata(&["check", NAME]);
    assert_eq!(run.code, 1, "{run}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    let at = |what: &str| {
        lines
            .iter()
            .position(|l| l.contains(what))
            .unwrap_or_else(|| panic!("no {what:?} in {run}"))
    };
    let failed = at("step2_gather");
    let line = entry(&run, "step2_gather");
    assert!(line.starts_with("FAILED"), "{run}");
    assert!(line.contains("gathered calls run concurrently"), "{run}");
    // Under it, the reference timeline beside the learner's: what the
    // harness framed with its markers, and not the markers.
    let next = at("step3_plain_future_waits");
    let block = &lines[failed + 1..next];
    // Side by side or one above the other, as the width allows.
    assert!(block.iter().any(|l| l.contains("expected")), "{run}");
    assert!(block.iter().any(|l| l.contains("yours")), "{run}");
    // The row that differs is marked, with a mark of its own (`!` ends a
    // span that returned an error), which the legend explains.
    assert!(
        block
            .iter()
            .any(|l| l.trim_start().starts_with("? ") && l.contains("fetch_post(1)")),
        "{run}"
    );
    assert!(block.iter().any(|l| l.contains("legend: [ start")), "{run}");
    assert!(run.stdout.contains("this row differs"), "{run}");
    // And in words, which row and when.
    assert!(
        run.stdout
            .contains("`fetch_post(1)`: the reference has `+0ms start`, yours `+500ms start`."),
        "{run}"
    );
    assert!(!run.stdout.contains("@kata"), "{run}");
    // Not insta's diff, nor a backtrace.
    for noise in [
        "Snapshot Summary",
        "stack backtrace",
        "panicked at",
        "-old snapshot",
    ] {
        assert!(!run.stdout.contains(noise), "{noise:?} in {run}");
    }
    assert!(run.stdout.contains("4 of 5 tests pass"), "{run}");
    assert!(
        sandbox
            .read(".kata-progress")
            .contains("failing = [\"step2_gather\"]")
    );

    // The hint is for the step that failed.
    let run = sandbox.kata(&["hint", NAME]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stdout.contains("step 2 (the first step that failed"),
        "{run}"
    );
}

/// How many columns a terminal gives `line`: Hangul two a syllable.
fn display_width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

#[test]
fn check_fits_80_columns_and_shows_the_katas_own_warnings_first() {
    let sandbox = Sandbox::new();
    // Kata 03's solution with `gather` made sequential, and a call whose
    // future is never awaited: what rustc warns about.
    let solution = sandbox.solution();
    let joined = "tokio::join!(api.fetch_user(1), api.fetch_post(1))";
    assert!(solution.contains(joined), "the solution has changed");
    let wrong = solution.replacen(
        joined,
        "let user = api.fetch_user(1).await;\n    \
         let post = api.fetch_post(1).await;\n    (user, post)",
        1,
    ) + "\npub async fn forgotten(api: &Api) {\n    api.fetch_user(9);\n}\n";
    sandbox.write(&sandbox.kata_file(), &wrong);

    let mut command = sandbox.command(&["check", NAME]);
    command.env("COLUMNS", "80");
    let at_80 = run(command);
    let run = &at_80;
    assert_eq!(run.code, 1, "{run}");
    let wide: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| display_width(l) > 80)
        .collect();
    assert!(wide.is_empty(), "wider than 80: {wide:#?}\n{run}");
    // The warning, in short, before the first step.
    let lines: Vec<&str> = run.stdout.lines().collect();
    let warning = lines
        .iter()
        .position(|l| l.starts_with("  warning katas/03-spawn-vs-join/src/lib.rs:"))
        .unwrap_or_else(|| panic!("no warning in {run}"));
    let first_step = lines.iter().position(|l| l.contains("step1_")).unwrap();
    assert!(warning < first_step, "{run}");
    let words = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("futures do nothing unless you `.await` or poll them"),
        "{run}"
    );
    assert_eq!(run.stdout.matches("  warning ").count(), 1, "{run}");
    assert!(!run.stdout.contains("on by default"), "{run}");

    // A terminal three columns wide: everything breaks, nothing panics.
    let mut command = sandbox.command(&["check", NAME]);
    command.env("COLUMNS", "3");
    let run = self::run(command);
    assert_eq!(run.code, 1, "{run}");
    assert!(!run.stderr.contains("panicked"), "{run}");
    assert!(run.stdout.contains("step2_gather"), "{run}");
}

#[test]
fn check_in_a_katas_directory_checks_it_and_a_path_names_a_kata() {
    let sandbox = Sandbox::new();
    let inside = sandbox.path(&format!("katas/{DIR}/src"));
    for args in [&["check"][..], &["check", "."][..], &["check", ".."][..]] {
        let mut command = sandbox.command(args);
        command.current_dir(&inside);
        let run = run(command);
        assert_eq!(run.code, 1, "{args:?}: {run}");
        assert!(
            run.stdout.starts_with(&format!("cargo test -p {NAME}\n")),
            "{args:?}: {run}"
        );
    }
    for path in [format!("./katas/{DIR}"), format!("katas/{DIR}/")] {
        let run = sandbox.kata(&["hint", &path]);
        assert_eq!(run.code, 0, "{path}: {run}");
    }
    let run = sandbox.kata(&["hint", "./runner"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("not a kata's directory"), "{run}");
}

#[test]
fn check_names_a_hang_and_the_tests_it_kept_from_running() {
    let sandbox = Sandbox::new();
    // Kata 03's solution with step 3 spinning: it never yields, so only
    // the harness's real-time watchdog can stop it, and that ends the
    // whole test binary. One test at a time, so steps 4 and 5 wait their
    // turn and never get it. Step 2 fails before it: libtest says why a
    // test failed only once all are done, which they never are.
    let joined = "tokio::join!(api.fetch_user(1), api.fetch_post(1))";
    let solution = sandbox.solution().replacen(
        joined,
        "let user = api.fetch_user(1).await;\n    \
         let post = api.fetch_post(1).await;\n    (user, post)",
        1,
    );
    let signature = "pub async fn plain_future_waits(api: &Api) -> (User, String) {";
    let start = solution.find(signature).expect("the solution has changed");
    let end = start + solution[start..].find("\n}\n").unwrap() + 3;
    let spinning = format!(
        "{}pub async fn plain_future_waits(_api: &Api) -> (User, String) {{\n    \
         loop {{\n        std::hint::spin_loop();\n    }}\n}}\n{}",
        &solution[..start],
        &solution[end..]
    );
    sandbox.write(&sandbox.kata_file(), &spinning);

    let mut command = sandbox.command(&["check", NAME]);
    command
        .env(kata_protocol::WATCHDOG_LIMIT_ENV, "300")
        .env("RUST_TEST_THREADS", "1");
    let run = run(command);
    assert_eq!(run.code, 1, "{run}");
    let line = |test: &str| entry(&run, test);
    assert!(line("step1_one_after_another").starts_with("ok"), "{run}");
    let failed = line("step2_gather");
    assert!(
        failed.starts_with("FAILED")
            && failed.contains("the watchdog stopped the test binary before libtest could say why"),
        "{run}"
    );
    let stopped = line("step3_plain_future_waits");
    assert!(
        stopped.starts_with("FAILED") && stopped.contains("the watchdog stopped this test"),
        "{run}"
    );
    // The protocol's words for the cause, wrapped below the line.
    let words: Vec<&str> = run.stdout.split_whitespace().collect();
    let explanation: Vec<&str> = kata_protocol::Cause::NeverYields
        .explanation(kata_protocol::Lang::En)
        .split_whitespace()
        .collect();
    assert!(
        words.windows(explanation.len()).any(|w| w == explanation),
        "{run}"
    );
    for not_run in ["step4_spawned_task_runs", "step5_spawn_three_gather_two"] {
        let line = line(not_run);
        assert!(
            line.starts_with("not run")
                && line.contains("the test binary was stopped by the watchdog"),
            "{run}"
        );
    }
    assert!(run.stdout.contains("1 of 5 tests pass"), "{run}");
    assert!(!run.stdout.contains("@kata"), "{run}");
    let progress = sandbox.read(".kata-progress");
    assert!(
        progress.contains("failing = [\"step2_gather\", \"step3_plain_future_waits\"]"),
        "{progress}"
    );
}

#[test]
fn check_passes_on_the_solution_and_list_shows_it_solved() {
    let sandbox = Sandbox::new();
    let solution = sandbox.read(&kata_path(Layout::solution_lib_rs));
    sandbox.write(&sandbox.kata_file(), &solution);

    let run = sandbox.kata(&["check", "03"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.stdout.matches("\n  ok ").count(), 5, "{run}");
    assert!(run.stdout.contains("Solved"), "{run}");
    assert!(
        run.stdout
            .contains("reference: `cargo kata solution spawn-vs-join`"),
        "{run}"
    );
    assert!(sandbox.read(".kata-progress").contains("[spawn-vs-join]"));

    // Refactoring afterwards keeps it solved.
    sandbox.write(&sandbox.kata_file(), &format!("{solution}\n// tidied\n"));
    let run = sandbox.kata(&["list"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(kata_line(&run.stdout).contains("solved"), "{run}");
    assert!(
        run.stdout
            .contains("\n[####################] 1 of 1 solved\n"),
        "{run}"
    );
    assert!(run.stdout.contains("Every kata is solved"), "{run}");

    // Solved: the reference, and how the learner's code differs from it.
    let run = sandbox.kata(&["solution", NAME]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!run.stdout.contains("Peeking"), "{run}");
    assert!(run.stdout.contains(solution.trim_end()), "{run}");
    assert!(run.stdout.contains("\n-// tidied\n"), "{run}");
    assert!(
        run.stdout
            .contains("+++ solutions/03-spawn-vs-join/src/lib.rs (the reference)"),
        "{run}"
    );
}

#[test]
fn an_unknown_kata_gets_a_suggestion_from_every_command() {
    let sandbox = Sandbox::new();
    for command in ["check", "hint", "reset", "solution", "verify"] {
        let run = sandbox.kata(&[command, "spawn-vs-jion"]);
        assert_eq!(run.code, 2, "{command}: {run}");
        assert!(
            run.stderr.contains("did you mean `spawn-vs-join`?"),
            "{command}: {run}"
        );
    }
    // A name close to none: no guess.
    let run = sandbox.kata(&["check", "select-loop"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(!run.stderr.contains("did you mean"), "{run}");
}

#[test]
fn a_syntax_error_shows_only_the_first_compiler_error() {
    let sandbox = Sandbox::new();
    let broken = sandbox
        .read(&sandbox.kata_file())
        .replacen("todo!(\"step 1:", "let first = ;\n    todo!(\"step 1:", 1)
        .replacen("todo!(\"step 2:", "let second = ;\n    todo!(\"step 2:", 1);
    sandbox.write(&sandbox.kata_file(), &broken);

    let run = sandbox.kata(&["check", NAME]);
    assert_eq!(run.code, 2, "{run}");
    let errors: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("error"))
        .collect();
    assert_eq!(errors.len(), 1, "{run}");
    assert!(errors[0].contains("expected expression"), "{run}");
    assert!(run.stdout.contains("let first = ;"), "{run}");
    assert!(!run.stdout.contains("let second = ;"), "{run}");
}

/// Kata 03's reference with step 4's spawned task holding an `Rc` across
/// its `.await`: code that `tokio::spawn` rejects.
const RC_ACROSS_AWAIT: &str = "pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let api_for_task = api.clone();
    let data = tokio::spawn(async move {
        let seen = std::rc::Rc::new(1);
        let data = api_for_task.fetch_data(1).await;
        drop(seen);
        data
    });
    let user = api.fetch_user(1).await;
    (user, data.await.expect(\"the data task panicked\"))
}
";

impl Sandbox {
    /// Marks kata 03 as one whose tests assert at compile time.
    fn mark_compile_checks(&self) {
        let manifest = kata_path(Layout::kata_manifest);
        let marked = self.read(&manifest).replacen(
            "[package.metadata.kata]\n",
            "[package.metadata.kata]\ncompile-checks = true\n",
            1,
        );
        assert!(marked.contains("compile-checks = true"), "{marked}");
        self.write(&manifest, &marked);
    }
}

#[test]
fn check_fails_every_step_of_a_compile_checked_kata_with_rustcs_explanation() {
    let sandbox = Sandbox::new();
    sandbox.mark_compile_checks();
    let solution = sandbox.solution();
    let start = solution
        .find("pub async fn spawned_task_runs")
        .expect("the solution has changed");
    let end = start + solution[start..].find("\n}\n").unwrap() + 3;
    let rejected = format!(
        "{}{RC_ACROSS_AWAIT}{}",
        &solution[..start],
        &solution[end..]
    );
    sandbox.write(&sandbox.kata_file(), &rejected);

    let run = sandbox.kata(&["check", NAME]);
    // A wrong answer, not a broken build: 1, not 2.
    assert_eq!(run.code, 1, "{run}");
    for step in 1..=5 {
        let line = entry(&run, &format!("step{step}_"));
        assert!(line.starts_with("FAILED"), "{run}");
        assert!(
            line.contains("does not compile: error: future cannot be sent between threads safely"),
            "{run}"
        );
    }
    // The compiler's first error, with the lines that explain it, once.
    for explains in [
        "is not `Send`",
        "has type `Rc<i32>` which is not `Send`",
        "await occurs here",
    ] {
        assert!(run.stdout.contains(explains), "no {explains:?} in {run}");
    }
    assert_eq!(
        run.stdout
            .matches("future is not `Send` as this value")
            .count(),
        1,
        "{run}"
    );
    assert!(run.stdout.contains("0 of 5 tests pass"), "{run}");
    // Recorded as failing, for `hint`.
    let progress = sandbox.read(".kata-progress");
    assert!(progress.contains("step4_spawned_task_runs"), "{progress}");

    // Its words in Korean too; rustc's own stay as rustc printed them.
    let ko = self::run(sandbox.command(&["--lang", "ko", "check", NAME]));
    assert_eq!(ko.code, 1, "{ko}");
    let line = entry(&ko, "step4_");
    assert!(line.starts_with("실패"), "{ko}");
    assert!(
        line.contains("컴파일되지 않습니다: error: future cannot be sent between threads safely"),
        "{ko}"
    );
    let said = ko.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "컴파일 때 검사합니다",
        "테스트 5개 중 0개가 통과합니다",
        "has type `Rc<i32>` which is not `Send`",
    ] {
        assert!(said.contains(words), "no {words:?} in {ko}");
    }
}

#[test]
fn a_corrupt_progress_file_is_ignored_not_a_crash() {
    let sandbox = Sandbox::new();
    sandbox.write(".kata-progress", "[spawn-vs-join\nsolved = \u{0}garbage");
    let run = sandbox.kata(&["list"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains("warning") && run.stderr.contains("is damaged"),
        "{run}"
    );
    assert!(kata_line(&run.stdout).contains("not started"), "{run}");

    // The next command that records something writes a sound file, and
    // keeps the damaged one aside.
    let run = sandbox.kata(&["hint", NAME]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains("it is kept as .kata-progress.damaged-"),
        "{run}"
    );
    let rebuilt: toml::Table = sandbox.read(".kata-progress").parse().unwrap();
    assert!(rebuilt.contains_key(NAME), "{rebuilt}");
}

#[test]
fn a_start_id_tells_the_starting_code_from_a_learners() {
    let sandbox = Sandbox::new();
    let id = blob_id(sandbox.read(&sandbox.kata_file()).as_bytes());
    sandbox.set_start(&id);
    assert!(kata_line(&sandbox.kata(&[]).stdout).contains("not started"));

    // Any change at all, even one that keeps every todo!().
    let edited = format!("{}\n// thinking...\n", sandbox.read(&sandbox.kata_file()));
    sandbox.write(&sandbox.kata_file(), &edited);
    let run = sandbox.kata(&[]);
    assert!(kata_line(&run.stdout).contains("in progress"), "{run}");
}

/// Hints of our own, so that these tests do not depend on the kata's.
const HINTS: &str = r#"# 03

## Hints

<details data-step="1"><summary>Step 1: Nudge</summary>

Await one, then the other.
</details>

<details data-step="2"><summary>Step 2: Nudge</summary>

A macro awaits *both*.
</details>

<details data-step="2">
<summary><b>Step 2: Closer</b></summary>

`tokio::join!(a, b)`

</details>

<details data-step="2"><summary>Step 2: Nearly the answer</summary>

```rust
tokio::join!(api.fetch_user(1), api.fetch_post(1))
```
</details>
"#;

#[test]
fn hints_come_one_level_at_a_time() {
    let sandbox = Sandbox::new();
    sandbox.write(&kata_path(Layout::readme), HINTS);
    let hint = |args: &[&str]| sandbox.kata(&[&["hint", NAME][..], args].concat());

    // Never checked: the first step with hints.
    let run = hint(&[]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("Hint 1 of 1: Nudge"), "{run}");
    assert!(run.stdout.contains("  Await one, then the other."), "{run}");

    let run = hint(&["--step", "2"]);
    assert!(run.stdout.contains("Hint 1 of 3: Nudge"), "{run}");
    assert!(run.stdout.contains("  A macro awaits both."), "{run}");
    assert!(
        run.stdout
            .contains("hint 1 of 3 for step 2; run it again for the next"),
        "{run}"
    );
    let run = hint(&["--step", "2"]);
    assert!(run.stdout.contains("Hint 2 of 3: Closer"), "{run}");
    assert!(run.stdout.contains("  `tokio::join!(a, b)`"), "{run}");

    // A level by number is shown, not remembered.
    let run = hint(&["--step", "2", "--level", "3"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stdout.contains("Hint 3 of 3: Nearly the answer"),
        "{run}"
    );
    assert!(
        run.stdout
            .contains("\n      tokio::join!(api.fetch_user(1), api.fetch_post(1))\n"),
        "{run}"
    );
    let run = hint(&["--step", "2", "--level", "1"]);
    assert!(run.stdout.contains("Hint 1 of 3: Nudge"), "{run}");
    let run = hint(&["--step", "2"]);
    assert!(run.stdout.contains("Hint 3 of 3"), "{run}");
    assert!(
        run.stdout.contains(
            "that was the last hint for step 2; \
             the reference is `cargo kata solution spawn-vs-join --peek`"
        ),
        "{run}"
    );

    let run = hint(&["--step", "2", "--level", "4"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr
            .contains("1 (Nudge), 2 (Closer), 3 (Nearly the answer)"),
        "{run}"
    );
    let run = hint(&["--step", "3"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("steps with hints: 1, 2"), "{run}");

    sandbox.write(&kata_path(Layout::readme), "# 03\n\nNo hints.\n");
    let run = hint(&[]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stdout.contains("has no hints yet"), "{run}");
}

#[test]
fn the_solution_waits_until_solved_or_a_peek() {
    let sandbox = Sandbox::new();
    let run = sandbox.kata(&["solution", NAME]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("not solved yet: the reference spoils the kata"),
        "{run}"
    );
    assert!(!run.stdout.contains("tokio::join!"), "{run}");

    let run = sandbox.kata(&["solution", NAME, "--peek"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stdout
            .starts_with("Peeking before solving: spawn-vs-join is not solved yet."),
        "{run}"
    );
    let reference = sandbox.read(&kata_path(Layout::solution_lib_rs));
    assert!(run.stdout.contains(reference.trim_end()), "{run}");
    // The diff against the starting code: its todo!s go, the answers come.
    assert!(run.stdout.contains("\n-    todo!(\"step 2:"), "{run}");
    assert!(
        run.stdout
            .contains("\n+    tokio::join!(api.fetch_user(1), api.fetch_post(1))\n"),
        "{run}"
    );
    assert!(run.stdout.contains("Classic wrong answers"), "{run}");
    assert!(run.stdout.contains("  sequential_gather.rs\n"), "{run}");
}

impl Sandbox {
    /// Makes the copy a git repository whose first commit ships the kata's
    /// current file as its starting code.
    fn ship(&self) -> String {
        let start = self.read(&self.kata_file());
        self.set_start(&blob_id(start.as_bytes()));
        self.git(&["init", "--quiet"]);
        self.git(&["add", "--all"]);
        self.git(&["commit", "--quiet", "--message", "as shipped"]);
        start
    }

    fn git(&self, args: &[&str]) {
        let status = Command::new("git")
            .args([
                "-c",
                "user.name=Learner",
                "-c",
                "user.email=learner@example.com",
            ])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(self.root())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    /// Every file under `.kata-backups/`, relative to it.
    fn backups(&self) -> Vec<String> {
        fn walk(dir: &Path, root: &Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, root, found);
                } else {
                    let relative = path.strip_prefix(root).unwrap();
                    found.push(relative.to_string_lossy().into_owned());
                }
            }
        }
        let root = self.path(".kata-backups");
        let mut found = Vec::new();
        walk(&root, &root, &mut found);
        found.sort();
        found
    }
}

#[test]
fn reset_restores_the_shipped_code_even_when_committed_and_keeps_a_backup() {
    let sandbox = Sandbox::new();
    let start = sandbox.ship();
    let mine = start.replacen("todo!(\"step 1:", "// my first try\n    todo!(\"step 1:", 1);
    sandbox.write(&sandbox.kata_file(), &mine);
    sandbox.git(&["commit", "--quiet", "--all", "--message", "my work"]);
    sandbox.write(
        ".kata-progress",
        "[spawn-vs-join]\nsolved = \"abc\"\nhints = { step2 = 2 }\n",
    );

    // No terminal to ask on, no --yes: nothing changes.
    let run = sandbox.kata(&["reset", NAME]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("refusing to overwrite without --yes"),
        "{run}"
    );
    assert_eq!(sandbox.read(&sandbox.kata_file()), mine);
    assert!(!sandbox.path(".kata-backups").exists(), "{run}");

    let run = sandbox.kata(&["reset", NAME, "--yes"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        std::fs::read(sandbox.path(&sandbox.kata_file())).unwrap(),
        start.as_bytes(),
        "not the shipped code, byte for byte"
    );
    let backups = sandbox.backups();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let backup = format!(".kata-backups/{}", backups[0]);
    assert!(
        backup.ends_with("Z/katas/03-spawn-vs-join/src/lib.rs"),
        "{backup}"
    );
    assert_eq!(sandbox.read(&backup), mine);
    assert!(run.stdout.contains(&format!("kept in {backup}")), "{run}");
    assert!(!sandbox.read(".kata-progress").contains("[spawn-vs-join"));

    let run = sandbox.kata(&["reset", NAME]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("already as shipped"), "{run}");
    assert_eq!(sandbox.backups().len(), 1);
}

#[test]
fn reset_all_resets_what_changed_and_never_reuses_a_backup() {
    let sandbox = Sandbox::new();
    let start = sandbox.ship();
    let run = sandbox.kata(&["reset", "--all", "--yes"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("already as shipped"), "{run}");

    for attempt in ["// one\n", "// two\n"] {
        sandbox.write(&sandbox.kata_file(), &format!("{start}{attempt}"));
        let run = sandbox.kata(&["reset", "--all"]);
        assert_eq!(run.code, 2, "{run}");
        let run = sandbox.kata(&["reset", "--all", "--yes"]);
        assert_eq!(run.code, 0, "{run}");
        assert!(
            run.stdout
                .contains("Reset katas/03-spawn-vs-join/src/lib.rs"),
            "{run}"
        );
        assert_eq!(sandbox.read(&sandbox.kata_file()), start);
    }
    // Two backups, even within the same second.
    let kept: Vec<String> = sandbox
        .backups()
        .iter()
        .map(|b| sandbox.read(&format!(".kata-backups/{b}")))
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept.iter().any(|k| k.ends_with("// one\n")));
    assert!(kept.iter().any(|k| k.ends_with("// two\n")));
}

#[test]
fn outside_the_workspace_is_a_clear_error() {
    let empty = TempDir::new().unwrap();
    let run = kata_in(empty.path(), &["list"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("not inside the async-katas workspace"),
        "{run}"
    );
}

#[test]
fn verify_reports_each_check_and_fails_on_what_is_wrong() {
    let sandbox = Sandbox::new();
    // Our own answers, so that this test does not depend on the kata's:
    // wrong ones, one caught, one that is in fact right, one that names no
    // function of the solution, and two that do not compile (the kata is
    // marked compile-checked: the compiler's words must hold the answer's
    // `expect:`, and only one's do); right ones, one right, one in fact
    // wrong. And no cards, whatever the kata has. (One verify run for all:
    // each run copies and seeds its lanes and runs the kata's own checks.)
    sandbox.mark_compile_checks();
    let wrong = kata_path(Layout::wrong_dir);
    let right = kata_path(Layout::right_dir);
    let _ = std::fs::remove_dir_all(sandbox.path(&wrong));
    let _ = std::fs::remove_dir_all(sandbox.path(&right));
    let _ = std::fs::remove_file(sandbox.path(&kata_path(Layout::cards)));
    sandbox.write(
        &format!("{wrong}/sequential.rs"),
        "//! Wrong: awaits one call, then the other.
//! expect: gathered calls run concurrently

pub async fn gather(api: &Api) -> (User, Post) {
    let user = api.fetch_user(1).await;
    let post = api.fetch_post(1).await;
    (user, post)
}
",
    );
    sandbox.write(
        &format!("{wrong}/right_after_all.rs"),
        "//! Wrong: not at all.
//! expect: anything

pub async fn gather(api: &Api) -> (User, Post) {
    tokio::join!(api.fetch_user(1), api.fetch_post(1))
}
",
    );
    sandbox.write(
        &format!("{wrong}/no_such_function.rs"),
        "//! Wrong: a typo.
//! expect: anything

pub async fn gahter(api: &Api) -> (User, Post) {
    todo!()
}
",
    );
    sandbox.write(
        &format!("{wrong}/rc_across_await.rs"),
        &format!(
            "//! Wrong: holds an `Rc` across an `.await` in a spawned task.\n\
             //! expect: future cannot be sent between threads safely\n\n{RC_ACROSS_AWAIT}"
        ),
    );
    sandbox.write(
        &format!("{wrong}/wrong_code.rs"),
        &format!(
            "//! Wrong: the same, expecting another error.\n\
             //! expect: E0597\n\n{RC_ACROSS_AWAIT}"
        ),
    );
    sandbox.write(
        &format!("{right}/futures_join.rs"),
        "//! Right: joins with the futures crate's `join`, a function, not a macro.

pub async fn gather(api: &Api) -> (User, Post) {
    futures::future::join(api.fetch_user(1), api.fetch_post(1)).await
}
",
    );
    sandbox.write(
        &format!("{right}/wrong_after_all.rs"),
        "//! Right: or so its author thought.

pub async fn gather(api: &Api) -> (User, Post) {
    let user = api.fetch_user(1).await;
    (user, api.fetch_post(1).await)
}
",
    );
    // A stale start id.
    sandbox.set_start(&"0".repeat(40));
    let id = blob_id(sandbox.read(&sandbox.kata_file()).as_bytes());
    // A step test that skips the watchdog: it still runs, and passes.
    let tests = sandbox.read(&format!("tests/{NAME}.rs"));
    let unwatched = tests.replacen(
        "#[world::step]\nasync fn step5_",
        "#[tokio::test(flavor = \"current_thread\", start_paused = true)]\nasync fn step5_",
        1,
    );
    assert_ne!(unwatched, tests, "the test file has changed");
    sandbox.write(&format!("tests/{NAME}.rs"), &unwatched);

    let run = sandbox.kata(&["verify", NAME]);
    assert_eq!(run.code, 1, "{run}");
    let (ok, failed) = (ok_line(&run), failed_line(&run));
    for agrees in [
        "the folder's number is the kata's number",
        "the folder's name is the package's name",
        "the question is written",
        "README.md's table of katas has its row",
        "the solution and the test file exist",
        "Cargo.toml keeps its builds incremental",
        "the kata README has hints for every step",
        "a reference snapshot for every step",
        "README.ko.md translates the README as it is",
        "the Korean follows the glossary",
    ] {
        assert!(ok(agrees), "{agrees}: {run}");
    }
    // A kata without cards fails: interview would leave it out unnoticed.
    assert!(failed("the cards are complete in every language"), "{run}");
    assert!(
        run.stdout
            .contains("no solutions/03-spawn-vs-join/cards.toml"),
        "{run}"
    );
    assert!(failed("at least 6 wrong answers"), "{run}");
    assert!(run.stdout.contains("5 of 6: 1 missing in"), "{run}");
    assert!(failed("at least 3 right answers"), "{run}");
    // A todo!() is known by the marker `#[world::step]` prints: a step
    // test without it fails at its todo!() unrecognised.
    assert!(failed("the kata as shipped fails"), "{run}");
    assert!(
        run.stdout
            .contains("step5_spawn_three_gather_two fails, but not at a todo!()"),
        "{run}"
    );
    assert!(ok("the solution passes"), "{run}");
    assert!(ok("wrong/sequential.rs"), "{run}");
    assert!(failed("start id"), "{run}");
    assert!(run.stdout.contains(&format!("start = \"{id}\"")), "{run}");
    assert!(failed("wrong/right_after_all.rs"), "{run}");
    assert!(run.stdout.contains("every test passes"), "{run}");
    assert!(failed("wrong/no_such_function.rs"), "{run}");
    assert!(run.stdout.contains("no `pub fn gahter`"), "{run}");
    assert!(ok("wrong/rc_across_await.rs is caught"), "{run}");
    assert!(
        run.stdout
            .contains("\"future cannot be sent between threads safely\", from the compiler"),
        "{run}"
    );
    assert!(failed("wrong/wrong_code.rs is caught"), "{run}");
    assert!(
        run.stdout
            .contains("it does not compile, but the compiler never says \"E0597\""),
        "{run}"
    );
    assert!(ok("right/futures_join.rs passes"), "{run}");
    assert!(failed("right/wrong_after_all.rs passes"), "{run}");
    assert!(failed("every step test runs under the watchdog"), "{run}");
    assert!(
        run.stdout.contains(&format!(
            "step5_spawn_three_gather_two in tests/{NAME}.rs do not go through #[world::step]"
        )),
        "{run}"
    );
    assert!(
        run.stdout
            .contains("step2_gather: gathered calls run concurrently"),
        "{run}"
    );
    // The summary: wrong answers caught, right ones accepted, the slowest
    // wrong answer's time.
    let header = run
        .stdout
        .lines()
        .position(|l| l.starts_with("kata ") && l.contains("wrong caught"))
        .unwrap_or_else(|| panic!("no summary in {run}"));
    let row: Vec<&str> = run
        .stdout
        .lines()
        .nth(header + 1)
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(row[..4], ["03", NAME, "2/5", "1/2"], "{run}");
    assert!(row[4].parse::<f64>().is_ok() && row[5] == "s", "{run}");
    assert_eq!(
        run.stdout.lines().last(),
        Some("verify: 29 passed, 10 failed"),
        "{run}"
    );
    // Nothing in the workspace itself was touched.
    assert!(
        sandbox
            .read(&sandbox.kata_file())
            .contains("todo!(\"step 2:")
    );
}

#[test]
fn a_new_kata_fails_verify_until_its_parts_are_written() {
    let sandbox = Sandbox::new();
    let readme = sandbox.read("README.md");
    let manifest = sandbox.read("Cargo.toml");
    let run = sandbox.kata(&["new", "16", "retry-backoff"]);
    assert_eq!(run.code, 0, "{run}");
    for file in [
        "katas/16-retry-backoff/Cargo.toml",
        "katas/16-retry-backoff/README.md",
        "katas/16-retry-backoff/README.ko.md",
        "katas/16-retry-backoff/src/lib.rs",
        "solutions/16-retry-backoff/Cargo.toml",
        "solutions/16-retry-backoff/src/lib.rs",
        "solutions/16-retry-backoff/cards.toml",
        "tests/retry-backoff.rs",
    ] {
        assert!(sandbox.path(file).is_file(), "no {file}: {run}");
        assert!(run.stdout.contains(file), "{file} not named: {run}");
    }
    for dir in ["wrong", "right"] {
        assert!(
            sandbox
                .path(&format!("solutions/16-retry-backoff/{dir}"))
                .is_dir()
        );
    }
    let with_row = sandbox.read("README.md");
    assert!(
        with_row.contains("| 16 | [retry-backoff](katas/16-retry-backoff/README.md) |"),
        "{with_row}"
    );
    // The list knows it at once; the root manifest gains one line, which
    // keeps the new kata's builds incremental.
    assert!(sandbox.kata(&["list"]).stdout.contains("16  retry-backoff"));
    let with_line = sandbox.read("Cargo.toml");
    let added: Vec<&str> = with_line
        .lines()
        .filter(|l| !manifest.lines().any(|m| m == *l))
        .collect();
    assert_eq!(
        added,
        ["retry-backoff = { incremental = true }"],
        "{with_line}"
    );

    // Never over what exists, and nothing written at all then.
    for (args, says) in [
        (&["new", "16", "other"][..], "kata 16 exists already"),
        (
            &["new", "17", "retry-backoff"][..],
            "a kata named retry-backoff exists already",
        ),
        (
            &["new", "17", "Retry_Backoff"][..],
            "lowercase words joined by hyphens",
        ),
        (&["new", "100", "x"][..], "1 to 99"),
    ] {
        let refused = sandbox.kata(args);
        assert_eq!(refused.code, 2, "{args:?}: {refused}");
        assert!(refused.stderr.contains(says), "{args:?}: {refused}");
    }
    assert_eq!(sandbox.read("README.md"), with_row);
    assert_eq!(sandbox.read("Cargo.toml"), with_line);
    assert!(!sandbox.path("katas/16-other").exists());
    assert!(!sandbox.path("tests/other.rs").exists());
    assert_ne!(readme, with_row);

    let run = sandbox.kata(&["verify", "retry-backoff"]);
    assert_eq!(run.code, 1, "{run}");
    let (ok, failed) = (ok_line(&run), failed_line(&run));
    for agrees in [
        "the folder's number is the kata's number",
        "the folder's name is the package's name",
        "the solution and the test file exist",
        "Cargo.toml keeps its builds incremental",
        "the kata README has hints for every step",
        "the question reads the same everywhere",
        // `new` writes the Korean from the English skeleton's blob.
        "README.ko.md translates the README as it is",
    ] {
        assert!(ok(agrees), "{agrees}: {run}");
    }
    // Each check that fails names what is missing.
    for (check, missing) in [
        ("the question is written", "write the interview question"),
        ("README.md's table of katas has its row", "TODO(author)"),
        (
            "docs/python-originals.md has its row",
            "| 16 retry-backoff | TODO(author)",
        ),
        (
            "no placeholder left in the kata's README",
            "katas/16-retry-backoff/README.md still holds TODO(author) in 12 places",
        ),
        (
            "no placeholder left in the kata's manifest",
            "katas/16-retry-backoff/Cargo.toml still holds TODO(author)",
        ),
        (
            "no placeholder left in the test file",
            "#[ignore = \"TODO(author): delete this line",
        ),
        (
            "no placeholder left in the reference solution",
            "todo!(\"TODO(author): the reference answer to step 1\")",
        ),
        (
            "the kata as shipped fails at its todo!()s",
            "step1_step_one is ignored",
        ),
        (
            "a reference snapshot for every step",
            "tests/snapshots/retry_backoff__step1_*.snap",
        ),
        (
            "the cards are complete in every language",
            "en: question, answer, points, python not written",
        ),
        (
            "at least 6 wrong answers",
            "0 of 6: 6 missing in solutions/16-retry-backoff/wrong/",
        ),
        (
            "at least 3 right answers",
            "0 of 3: 3 missing in solutions/16-retry-backoff/right/",
        ),
        (
            "no placeholder left in the kata's README in Korean",
            "katas/16-retry-backoff/README.ko.md still holds TODO(author) in 12 places",
        ),
        ("the solution passes", "no test ran"),
    ] {
        assert!(failed(check), "{check}: {run}");
        assert!(
            run.stdout.contains(missing),
            "{check}: no {missing:?} in {run}"
        );
    }
}

/// Whether a verify run printed an `ok` line for `label`.
fn ok_line(run: &Run) -> impl Fn(&str) -> bool + '_ {
    |label| {
        run.stdout
            .lines()
            .any(|l| l.starts_with("  ok      ") && l.contains(label))
    }
}

/// Whether a verify run printed a `FAILED` line for `label`.
fn failed_line(run: &Run) -> impl Fn(&str) -> bool + '_ {
    |label| {
        run.stdout
            .lines()
            .any(|l| l.starts_with("  FAILED  ") && l.contains(label))
    }
}
