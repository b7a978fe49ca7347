//! `cargo kata` under faults (issue 19): several commands writing
//! `.kata-progress` at once, a command open while another records, links
//! planted at the names the runner writes, damaged progress, a test that
//! leaves a process running, bad numbers, signals, a half-done `new`. The
//! real binary, on a scratch copy of the workspace (see `sandbox/mod.rs`).
//!
//! Kept fast: only three tests build kata 03 (seeded, so little more than
//! the kata itself), the rest read and write files.
#![cfg(unix)]

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

mod sandbox;
use sandbox::terminal::Terminal;
use sandbox::{NAME, Sandbox};

const LIMIT: Duration = Duration::from_secs(60);

/// What a finished command said, for assertion messages.
fn said(output: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

impl Sandbox {
    fn run(&self, args: &[&str]) -> Output {
        self.command(args).stdin(Stdio::null()).output().unwrap()
    }

    fn start(&self, args: &[&str]) -> Child {
        self.command(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    fn progress(&self) -> toml::Table {
        self.read(".kata-progress").parse().unwrap()
    }

    /// Katas 90, 91... named `fake-0`, `fake-1`...: a manifest and kata
    /// 03's README (its hints), enough for `hint` and `list`, not for
    /// cargo: a test that adds them builds nothing.
    fn fake_katas(&self, n: usize) -> Vec<String> {
        let readme = self.read(&sandbox::kata_path(kata_runner::contract::Layout::readme));
        (0..n)
            .map(|i| {
                let (number, name) = (90 + i, format!("fake-{i}"));
                let dir = format!("katas/{number}-{name}");
                self.write(
                    &format!("{dir}/Cargo.toml"),
                    &format!(
                        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\n\n\
                         [package.metadata.kata]\nnumber = {number}\nquestion = \"Why?\"\n"
                    ),
                );
                self.write(&format!("{dir}/README.md"), &readme);
                name
            })
            .collect()
    }
}

/// Eight `hint`s on eight katas at once (step 2, which has three hints),
/// three times over: every one exits
/// 0, and every record is there. (Sharing one temporary file, 20 runs of
/// 40 failed and 24 lost a record.)
#[test]
fn concurrent_hints_lose_no_record() {
    let sandbox = Sandbox::new();
    let katas = sandbox.fake_katas(8);
    for round in 1..=3 {
        let children: Vec<Child> = katas
            .iter()
            .map(|k| sandbox.start(&["hint", k, "--step", "2"]))
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert_eq!(output.status.code(), Some(0), "{}", said(&output));
        }
        let progress = sandbox.progress();
        for kata in &katas {
            let level = progress[kata.as_str()]["hints"]["step2"].as_integer();
            assert_eq!(level, Some(round), "{kata}, round {round}: {progress}");
        }
    }
}

/// An interview open while two `check`s of the solved kata run at once:
/// both pass (exit 0), the kata is recorded solved, and the next grade the
/// interview records keeps that record. A progress file that cannot be
/// written then makes a passing check warn, never fail.
#[test]
fn an_interview_and_two_checks_at_once_keep_every_record() {
    let sandbox = Sandbox::new();
    sandbox.write(&sandbox.kata_file(), &sandbox.solution());
    let mut command = sandbox.command(&["interview", "--kata", NAME, "-n", "1", "--seed", "1"]);
    command
        .env_remove("CI")
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8");
    let mut terminal = Terminal::start(command);
    terminal.wait_for("a question", LIMIT, |s| s.contains("Answer aloud"));

    let checks = [
        sandbox.start(&["check", "03"]),
        sandbox.start(&["check", "03"]),
    ];
    for check in checks {
        let output = check.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    }
    assert!(sandbox.progress()[NAME].get("solved").is_some());

    terminal.press(b"\r");
    terminal.wait_for("the grade prompt", LIMIT, |s| s.contains("How did it go?"));
    terminal.press(b"3");
    let status = terminal.exits_within(LIMIT);
    assert_eq!(status.code(), Some(0), "{}", terminal.screen());
    let progress = sandbox.progress();
    assert!(progress[NAME].get("solved").is_some(), "{progress}");
    assert_eq!(
        progress[NAME]["cards"].as_table().unwrap().len(),
        1,
        "{progress}"
    );

    // The lock cannot be taken: the record is lost, the verdict is not.
    std::fs::remove_file(sandbox.path(".kata-progress.lock")).unwrap();
    std::os::unix::fs::symlink("no-such-dir/x", sandbox.path(".kata-progress.lock")).unwrap();
    let output = sandbox.run(&["check", "03"]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: cannot write .kata-progress"),
        "{stderr}"
    );
    assert!(!sandbox.path("no-such-dir").exists());
}

/// A link at every name the runner writes, pointing at a file of the
/// learner's: the file is never written through, whatever the command.
#[test]
fn a_link_at_any_name_the_runner_writes_is_never_followed() {
    let sandbox = Sandbox::new();
    let precious = "precious\n";
    sandbox.write("victim.txt", precious);
    let victim = sandbox.path("victim.txt");
    let link = |name: &str| std::os::unix::fs::symlink(&victim, sandbox.path(name)).unwrap();

    // The old shared temporary name, and the file itself.
    link(".kata-progress.tmp");
    link(".kata-progress");
    let output = sandbox.run(&["hint", NAME]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    assert_eq!(sandbox.read("victim.txt"), precious);
    let file = std::fs::symlink_metadata(sandbox.path(".kata-progress")).unwrap();
    assert!(file.is_file(), "the link was replaced by a file of its own");
    assert!(sandbox.progress()[NAME].get("hints").is_some());

    // The lock: no lock, no write, a warning, and the hint still shown.
    std::fs::remove_file(sandbox.path(".kata-progress.lock")).unwrap();
    link(".kata-progress.lock");
    let output = sandbox.run(&["hint", NAME]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot take its lock"));
    assert_eq!(sandbox.read("victim.txt"), precious);

    // reset's backup folder: refused before anything is touched.
    ship(&sandbox);
    let mine = format!("{}// mine\n", sandbox.read(&sandbox.kata_file()));
    sandbox.write(&sandbox.kata_file(), &mine);
    std::fs::create_dir(sandbox.path("elsewhere")).unwrap();
    std::os::unix::fs::symlink(sandbox.path("elsewhere"), sandbox.path(".kata-backups")).unwrap();
    let output = sandbox.run(&["reset", NAME, "--yes"]);
    assert_eq!(output.status.code(), Some(2), "{}", said(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is a symbolic link"));
    assert_eq!(sandbox.read(&sandbox.kata_file()), mine);
    assert_eq!(
        std::fs::read_dir(sandbox.path("elsewhere"))
            .unwrap()
            .count(),
        0
    );

    // new: a link where it would write a file makes it fail, and undo
    // what it had written before; without the link it succeeds.
    let readme = sandbox.read("README.md");
    let manifest = sandbox.read("Cargo.toml");
    // (Dangling: one to an existing file is refused before anything is
    // written, as "exists already".)
    std::os::unix::fs::symlink("no-such-file", sandbox.path("tests/undo-me.rs")).unwrap();
    let output = sandbox.run(&["new", "42", "undo-me"]);
    assert_eq!(output.status.code(), Some(2), "{}", said(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing changed"));
    assert!(!sandbox.path("katas/42-undo-me").exists());
    assert!(!sandbox.path("solutions/42-undo-me").exists());
    assert_eq!(sandbox.read("README.md"), readme);
    assert_eq!(sandbox.read("Cargo.toml"), manifest);
    assert_eq!(sandbox.read("victim.txt"), precious);
    std::fs::remove_file(sandbox.path("tests/undo-me.rs")).unwrap();
    let output = sandbox.run(&["new", "42", "undo-me"]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
}

/// Makes the copy a git repository that ships kata 03 as it is now.
fn ship(sandbox: &Sandbox) {
    let start = sandbox.read(&sandbox.kata_file());
    let id = git_hash(sandbox.root(), &start);
    sandbox.set_start(&id);
    for args in [
        &["init", "--quiet"][..],
        &["add", "--all"],
        &["commit", "--quiet", "--message", "as shipped"],
    ] {
        let status = Command::new("git")
            .args(["-c", "user.name=L", "-c", "user.email=l@example.com"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(sandbox.root())
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }
}

fn git_hash(dir: &Path, content: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("git")
        .args(["hash-object", "--stdin"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(content.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

/// A progress file cut short: what can be read of it is used, the next
/// write keeps the damaged file aside under the name the warning gives, and
/// nothing readable is lost. A value of the wrong type is that value's
/// error: `solved = false` is not solved.
#[test]
fn damaged_progress_is_kept_aside_and_read_as_far_as_it_goes() {
    let sandbox = Sandbox::new();
    let katas = sandbox.fake_katas(1);
    let truncated = format!(
        "[{NAME}]\nsolved = \"abc\"\n\n[{}]\nhints = {{ step2 = 1 }}\nfailing = [\"step1_x",
        katas[0]
    );
    sandbox.write(".kata-progress", &truncated);

    let output = sandbox.run(&["list"]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(stderr.contains(".kata-progress is damaged"), "{stderr}");
    assert!(stderr.contains("keeps a copy of it aside"), "{stderr}");
    assert!(stdout.contains("1 of 2 solved"), "{stdout}");

    let output = sandbox.run(&["hint", &katas[0], "--step", "2"]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let copy = stderr
        .split_whitespace()
        .find(|word| word.starts_with(".kata-progress.damaged-"))
        .unwrap_or_else(|| panic!("no copy named in {stderr}"))
        .trim_end_matches(',');
    assert_eq!(sandbox.read(copy), truncated);
    let progress = sandbox.progress();
    assert_eq!(progress[NAME]["solved"].as_str(), Some("abc"), "{progress}");
    assert_eq!(
        progress[katas[0].as_str()]["hints"]["step2"].as_integer(),
        Some(2)
    );

    sandbox.write(".kata-progress", &format!("[{NAME}]\nsolved = false\n"));
    let output = sandbox.run(&["list"]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(stdout.contains("0 of 2 solved"), "{stdout}");
    assert!(
        stderr.contains(&format!("`{NAME}.solved` is false")),
        "{stderr}"
    );
}

/// A test that leaves `sleep 45` running, and one that waits for its own:
/// `check` returns as soon as the first is done (it took 45 s) and stops
/// the second at the limit (`KATA_RUN_LIMIT`, set short here), shows what
/// ran, and no `sleep` is left. Both well within the documented 30 s.
#[test]
fn a_process_left_running_by_a_test_neither_hangs_check_nor_outlives_it() {
    let sandbox = Sandbox::new();
    let tests = format!("tests/{NAME}.rs");
    let pids = sandbox.path("pids");
    std::fs::create_dir_all(&pids).unwrap();
    let spawn = |name: &str, wait: bool| {
        format!(
            "\n#[test]\nfn {name}() {{\n    \
             let mut child = std::process::Command::new(\"sleep\").arg(\"45\").spawn().unwrap();\n    \
             std::fs::write({:?}, child.id().to_string()).unwrap();\n    \
             if {wait} {{ child.wait().unwrap(); }}\n}}\n",
            pids.join(name)
        )
    };
    let orphan = format!("{}{}", sandbox.read(&tests), spawn("leaves_a_sleep", false));
    sandbox.write(&tests, &orphan);

    // Built first, so that what is timed is the run, not a busy machine's
    // build.
    build(&sandbox);
    let started = Instant::now();
    let output = sandbox.run(&["check", "03"]);
    let took = started.elapsed();
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    assert!(
        took < Duration::from_secs(30),
        "took {took:?}: {}",
        said(&output)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("ok      leaves_a_sleep"));
    assert_gone(&pids.join("leaves_a_sleep"));

    sandbox.write(
        &tests,
        &format!("{orphan}{}", spawn("waits_for_a_sleep", true)),
    );
    let started = Instant::now();
    let output = sandbox
        .command(&["check", "03"])
        .env("KATA_RUN_LIMIT", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let took = started.elapsed();
    assert_eq!(output.status.code(), Some(2), "{}", said(&output));
    assert!(took < Duration::from_secs(30), "took {took:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Stopped at the time limit. The tests that had finished:"));
    assert!(stdout.contains("ok      leaves_a_sleep"), "{stdout}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("still running 1 s after"));
    assert_gone(&pids.join("leaves_a_sleep"));
    assert_gone(&pids.join("waits_for_a_sleep"));
}

/// `cargo test -p spawn-vs-join --no-run` in the sandbox, as `check`
/// would build it.
fn build(sandbox: &Sandbox) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["test", "--no-run", "--quiet", "-p", NAME])
        .current_dir(sandbox.root())
        .env("CARGO_TARGET_DIR", sandbox.target_dir())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

/// The process whose id is in `file` has ended (or is a zombie awaiting
/// its reaper: it runs nothing).
fn assert_gone(file: &Path) {
    let pid = std::fs::read_to_string(file).unwrap();
    let started = Instant::now();
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = stat
            .rsplit(") ")
            .next()
            .and_then(|rest| rest.chars().next());
        if stat.is_empty() || state == Some('Z') {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "sleep {pid} still runs: {stat}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Numbers from the command line are bounded: a huge `--time` is an error
/// (exit 2), not a panic.
#[test]
fn a_huge_time_is_an_error_not_a_panic() {
    let sandbox = Sandbox::new();
    let output = sandbox.run(&["interview", "--time", "18446744073709551615"]);
    assert_eq!(output.status.code(), Some(2), "{}", said(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("at most 3600"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// SIGTERM or SIGHUP during an interview, while it waits for a key in raw
/// mode: it exits, and the terminal is back in line mode with echo.
#[test]
fn a_signal_during_an_interview_gives_the_terminal_back() {
    let sandbox = Sandbox::new();
    for signal in [Signal::SIGTERM, Signal::SIGHUP] {
        let mut command = sandbox.command(&["interview", "--kata", NAME, "-n", "1"]);
        command.env_remove("CI").env("NO_COLOR", "1");
        let mut terminal = Terminal::start(command);
        terminal.wait_for("a question", LIMIT, |s| s.contains("Answer aloud"));
        terminal.until_idle();
        assert!(!terminal.canonical());
        let pid = Pid::from_raw(i32::try_from(terminal.child.id()).unwrap());
        kill(pid, signal).unwrap();
        let status = terminal.exits_within(LIMIT);
        assert!(!status.success(), "{signal:?}");
        assert!(terminal.canonical(), "{signal:?} left the terminal raw");
    }
}

/// A kata whose `src/lib.rs` is gone shows as broken; the list is there.
/// A card file that is not TOML is named, not skipped in silence.
#[test]
fn one_broken_kata_is_named_and_hides_nothing() {
    let sandbox = Sandbox::new();
    let katas = sandbox.fake_katas(1);
    std::fs::remove_file(sandbox.path(&sandbox.kata_file())).unwrap();
    let output = sandbox.run(&["list"]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains(&katas[0]), "{stdout}");
    assert!(stdout.contains("broken"), "{stdout}");
    assert!(
        stdout.contains("`cargo kata reset spawn-vs-join`"),
        "{stdout}"
    );

    sandbox.write(
        &sandbox::kata_path(kata_runner::contract::Layout::cards),
        "[[card]\nid = ",
    );
    let output = sandbox.run(&["interview", "--print", "--kata", NAME]);
    assert_eq!(output.status.code(), Some(2), "{}", said(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("solutions/03-spawn-vs-join/cards.toml is malformed (not valid TOML"),
        "{stderr}"
    );
}
