//! `cargo kata` in Korean: under a Korean locale (`LANG=ko_KR.UTF-8`) or
//! `--lang ko`, every learner's command speaks Korean, its columns lined up
//! by display width (a Hangul syllable takes two); under `LANG=C`, English.
//!
//! See `sandbox/mod.rs` for the copy of the workspace these run in.

use kata_protocol::lang::has_hangul;
use kata_runner::contract::Layout;

mod sandbox;
use sandbox::{NAME, Run, Sandbox, entry, kata_path, run};

impl Sandbox {
    /// `cargo kata ARGS` under a Korean locale.
    fn korean(&self, args: &[&str]) -> Run {
        let mut command = self.command(args);
        command.env("LANG", "ko_KR.UTF-8");
        run(command)
    }

    /// `cargo kata ARGS` under `LANG=C`.
    fn english(&self, args: &[&str]) -> Run {
        run(self.command(args))
    }
}

/// How many columns a terminal gives `text`: Hangul two a syllable.
fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

#[test]
fn the_list_speaks_korean_and_its_columns_line_up() {
    let sandbox = Sandbox::new();
    let run = sandbox.korean(&[]);
    assert_eq!(run.code, 0, "{run}");
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("  03  "))
        .unwrap_or_else(|| panic!("no line for kata 03 in {run}"));
    // The state's column is 11 wide as the English `not started` is, by
    // display width: the question starts where it does in English.
    let english = sandbox.english(&[]);
    let english_line = english
        .stdout
        .lines()
        .find(|l| l.starts_with("  03  "))
        .unwrap();
    let question = "create_task vs gather";
    let at = |line: &str| width(&line[..line.find(question).unwrap()]);
    assert!(line.contains("시작 전"), "{run}");
    assert!(english_line.contains("not started"), "{english}");
    assert_eq!(at(line), at(english_line), "{run}\n{english}");
    assert!(run.stdout.contains("] 1개 중 0개 해결\n"), "{run}");

    // What to do next: the labels in a column, the README the Korean one.
    assert!(run.stdout.contains("\n다음: 03 spawn-vs-join\n"), "{run}");
    let rows = [
        ("질문", "create_task vs gather"),
        ("편집", "katas/03-spawn-vs-join/src/lib.rs"),
        ("읽기", "katas/03-spawn-vs-join/README.ko.md"),
        ("테스트", "cargo test -p spawn-vs-join"),
        ("확인", "cargo kata check spawn-vs-join"),
    ];
    for (label, value) in rows {
        let row = run
            .stdout
            .lines()
            .find(|l| l.trim_start().starts_with(label) && l.contains(value))
            .unwrap_or_else(|| panic!("no row {label} {value} in {run}"));
        assert_eq!(width(&row[..row.find(value).unwrap()]), 9, "{row:?}");
    }

    // `--lang ko` under any locale; English under `LANG=C`, the English
    // README named.
    let flagged = sandbox.english(&["--lang", "ko", "list"]);
    assert_eq!(flagged.stdout, run.stdout, "{flagged}");
    assert!(!has_hangul(&english.stdout), "{english}");
    assert!(
        english
            .stdout
            .contains("  read   katas/03-spawn-vs-join/README.md\n"),
        "{english}"
    );
}

#[test]
fn check_says_in_korean_why_a_step_failed() {
    let sandbox = Sandbox::new();
    // Kata 03's solution with step 3 spinning, as in `cli.rs`: the
    // watchdog stops it, and says why in the learner's language.
    let solution = sandbox.solution();
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

    // `--lang ko` under `LANG=C`: the flag is enough.
    let mut command = sandbox.command(&["--lang", "ko", "check", NAME]);
    command
        .env(kata_protocol::WATCHDOG_LIMIT_ENV, "300")
        .env("RUST_TEST_THREADS", "1");
    let run = run(command);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        entry(&run, "step1_one_after_another").starts_with("통과"),
        "{run}"
    );
    let stopped = entry(&run, "step3_plain_future_waits");
    assert!(
        stopped.starts_with("실패") && stopped.contains("워치독이 이 테스트를 멈췄습니다"),
        "{run}"
    );
    // The marks take seven columns, as `FAILED ` does: the test names line up.
    for name in ["step1_one_after_another", "step3_plain_future_waits"] {
        let line = run.stdout.lines().find(|l| l.contains(name)).unwrap();
        assert_eq!(width(&line[..line.find(name).unwrap()]), 10, "{line:?}");
    }
    // The reason, the protocol's Korean words, wrapped below the line.
    let words: Vec<&str> = run.stdout.split_whitespace().collect();
    let explanation: Vec<&str> = kata_protocol::Cause::NeverYields
        .explanation(kata_protocol::Lang::Ko)
        .split_whitespace()
        .collect();
    assert!(
        words.windows(explanation.len()).any(|w| w == explanation),
        "{run}"
    );
    for not_run in ["step4_spawned_task_runs", "step5_spawn_three_gather_two"] {
        assert!(entry(&run, not_run).starts_with("미실행"), "{run}");
    }
    assert!(
        run.stdout
            .contains("워치독이 step3_plain_future_waits에서 테스트를 멈췄습니다."),
        "{run}"
    );
    assert!(run.stdout.contains("테스트 5개 중 "), "{run}");
    assert!(
        run.stdout.contains("`cargo kata hint spawn-vs-join`"),
        "{run}"
    );
}

#[test]
fn hint_solution_reset_and_help_speak_korean() {
    let sandbox = Sandbox::new();

    // The hints of README.ko.md, in the same data-step blocks.
    let run = sandbox.korean(&["hint", NAME]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.starts_with("03 spawn-vs-join, 1단계\n"), "{run}");
    assert!(run.stdout.contains("힌트 1/"), "{run}");
    // Step 1 may have one hint or more: either way, said in Korean.
    assert!(
        run.stdout.contains("1단계 힌트 1/") || run.stdout.contains("1단계의 마지막 힌트였습니다."),
        "{run}"
    );
    let english = sandbox.english(&["hint", NAME, "--level", "1"]);
    assert!(english.stdout.contains("Hint 1 of "), "{english}");
    assert!(!has_hangul(&english.stdout), "{english}");
    // No Korean README: the English hints, in Korean words around them.
    std::fs::remove_file(sandbox.path(&kata_path(Layout::readme_ko))).unwrap();
    let fallback = sandbox.korean(&["hint", NAME, "--level", "1"]);
    assert_eq!(fallback.code, 0, "{fallback}");
    assert!(fallback.stdout.contains("힌트 1/"), "{fallback}");
    let body = |run: &Run| {
        run.stdout
            .lines()
            .skip(2)
            .take(3)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body(&fallback), body(&english), "{fallback}\n{english}");

    // The reference waits, in Korean.
    let run = sandbox.korean(&["solution", NAME]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("아직 해결하지 않은 kata입니다: spawn-vs-join."),
        "{run}"
    );

    // Reset: as shipped already; and without a terminal, no reset.
    let run = sandbox.korean(&["reset", NAME]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("이미 시작 코드 그대로입니다"), "{run}");
    sandbox.write(&sandbox.kata_file(), "// mine\n");
    let run = sandbox.korean(&["reset", NAME]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.starts_with("에러: "), "{run}");
    assert!(run.stderr.contains("아무것도 바꾸지 않았습니다."), "{run}");

    // An unknown kata, and its suggestion.
    let run = sandbox.korean(&["check", "spawn-vs-jion"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr
            .contains("없는 kata입니다: `spawn-vs-jion`. 혹시 `spawn-vs-join`입니까?"),
        "{run}"
    );

    // --help: clap's command built with the Korean texts.
    let run = sandbox.korean(&["--help"]);
    assert_eq!(run.code, 0, "{run}");
    for said in [
        "사용법: cargo kata [OPTIONS] [COMMAND]",
        "\n명령:\n",
        "  check      kata의 테스트를 실행합니다.",
        "\n옵션:\n",
        "  -h, --help         도움말을 봅니다",
    ] {
        assert!(run.stdout.contains(said), "{said:?} in {run}");
    }
    let run = sandbox.korean(&["hint", "--help"]);
    assert!(run.stdout.contains("\n인자:\n  <KATA>  kata: "), "{run}");
    let run = sandbox.english(&["--help"]);
    assert!(run.stdout.contains("Usage: cargo kata"), "{run}");
    assert!(!has_hangul(&run.stdout), "{run}");
}
