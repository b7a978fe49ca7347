//! A scratch copy of the workspace for driving the real `cargo kata`, shared
//! by the integration tests (`cli.rs`, `watch.rs`, `interview.rs`).
//!
//! The copy holds the workspace with kata 03 as its only kata (its tests
//! and snapshots too), because the other katas may be half-written while
//! these tests run. The root manifest lists the katas by pattern
//! (`katas/*`), so it holds as it is.
//!
//! The copy is a mirror (the runner's own `mirror.rs`, the module `verify`
//! keeps its scratch copy with). A test binary keeps two, in two lanes
//! (see [`LANES`]); a test takes a free lane, whose copy is made equal to
//! the real files again at its start by rewriting only what the test before
//! it changed. So cargo rebuilds only that, never the world, and the copies
//! and their target directories are kept from one run to the next. Two
//! `cargo test` runs at once each take directories of their own (see
//! [`Lane::target_dir`]): they never wait for each other's build lock, nor
//! confuse each other's builds.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, TryLockError};
use std::time::Duration;

// Shared with the runner, whose `verify` keeps its scratch copy the same way.
use kata_runner::contract::Layout;
use kata_runner::{lock, mirror, seed};
#[cfg(unix)]
pub mod terminal;

pub const DIR: &str = "03-spawn-vs-join";
pub const NAME: &str = "spawn-vs-join";

/// Kata 03's parts, where the kata contract puts them.
pub fn kata() -> Layout {
    Layout::new(3, NAME)
}

/// A path of kata 03 as the tests write it: `kata_path(Layout::cards)`.
pub fn kata_path(part: impl Fn(&Layout) -> PathBuf) -> String {
    part(&kata()).to_string_lossy().into_owned()
}

/// How many tests of one binary may drive `cargo kata` at once, each in a
/// lane of its own: a copy of the workspace and a target directory. Two, for
/// the two cores the project is measured on: while one test's cargo waits
/// on a process or the watchdog, the other's compiles.
const LANES: usize = 2;

/// A lane: taken by one test at a time; its directory, chosen and seeded on
/// first use.
struct Lane {
    turn: Mutex<()>,
    dir: OnceLock<PathBuf>,
    /// Seeded by this process, and no copy made in it since: that first
    /// copy may keep the real files' times (see `mirror.rs`), and the
    /// seeded build of the world is reused.
    seeded_now: AtomicBool,
}

static LANES_OF_THIS_BINARY: [Lane; LANES] = [const {
    Lane {
        turn: Mutex::new(()),
        dir: OnceLock::new(),
        seeded_now: AtomicBool::new(false),
    }
}; LANES];

/// The scratch copy of the workspace, this test's until it ends.
pub struct Sandbox {
    root: PathBuf,
    target: PathBuf,
    _turn: MutexGuard<'static, ()>,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let (lane, turn) = free_lane();
        let target = lane.target_dir();
        let root = target.join("workspace");
        let times = match lane.seeded_now.swap(false, Ordering::SeqCst) {
            true => mirror::Times::Kept,
            false => mirror::Times::New,
        };
        mirror::sync(&root, real_files(), times).unwrap();
        Sandbox {
            root,
            target,
            _turn: turn,
        }
    }

    /// Where this copy builds.
    pub fn target_dir(&self) -> &Path {
        &self.target
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    pub fn write(&self, relative: &str, content: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    /// The learner's file of kata 03, relative to the root.
    pub fn kata_file(&self) -> String {
        kata_path(Layout::kata_lib_rs)
    }

    /// Kata 03's reference answer.
    pub fn solution(&self) -> String {
        self.read(&kata_path(Layout::solution_lib_rs))
    }

    /// Pins the kata's starting code to blob `id` in its manifest.
    pub fn set_start(&self, id: &str) {
        let manifest = kata_path(Layout::kata_manifest);
        let kept: Vec<String> = self
            .read(&manifest)
            .lines()
            .filter(|line| !line.starts_with("start = "))
            .map(str::to_owned)
            .collect();
        self.write(
            &manifest,
            &format!("{}\nstart = \"{id}\"\n", kept.join("\n")),
        );
    }

    /// `cargo kata ARGS`, to be run in the copy's root, building into its
    /// target directory. Git looks for a repository no higher than the
    /// copy: the copy lies inside the real clone, whose history must not
    /// answer for it.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = kata_command(self.root(), args);
        command
            .env("CARGO_TARGET_DIR", &self.target)
            .env("GIT_CEILING_DIRECTORIES", &self.target);
        command
    }
}

/// `cargo kata ARGS`, to be run in `dir`, in English (`LANG=C`, no other
/// locale variable, no `KATA_LANG`) whatever the locale of the `cargo
/// test` that runs it: a test that wants Korean says so.
pub fn kata_command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kata"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove(kata_protocol::LANG_ENV)
        .env("LANG", "C");
    command
}

/// A lane no other test of this binary holds now, waiting for one if need
/// be. A test that failed poisons its lane's lock; the next may still run.
fn free_lane() -> (&'static Lane, MutexGuard<'static, ()>) {
    loop {
        for lane in &LANES_OF_THIS_BINARY {
            match lane.turn.try_lock() {
                Ok(turn) => return (lane, turn),
                Err(TryLockError::Poisoned(poisoned)) => return (lane, poisoned.into_inner()),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

impl Lane {
    /// Where this lane builds: `runner-tests`, or when another lane or test
    /// binary running now holds that, `runner-tests-2`, and so on. The copy
    /// of the workspace lies inside it, in `workspace/`.
    ///
    /// A new directory is first seeded with what the running `cargo test`
    /// has built (the runner's `seed.rs`, as `verify` seeds its own), so
    /// even its first build compiles little more than kata 03.
    fn target_dir(&self) -> PathBuf {
        self.dir
            .get_or_init(|| {
                let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
                let held = (1..)
                    .map(|n| match n {
                        1 => tmp.join("runner-tests"),
                        n => tmp.join(format!("runner-tests-{n}")),
                    })
                    .find(|dir| hold(dir))
                    .expect("some directory is free");
                let real_target = tmp.parent().expect("CARGO_TARGET_TMPDIR is target/tmp");
                if seed::seed_once(&held, real_target).unwrap() {
                    // Built with another target directory, if ever.
                    let _ = std::fs::remove_dir_all(held.join("workspace"));
                    self.seeded_now.store(true, Ordering::SeqCst);
                }
                held
            })
            .clone()
    }
}

/// Whether this process now holds `dir`, until it ends.
fn hold(dir: &Path) -> bool {
    match lock::Lock::try_take(dir).unwrap() {
        Some(lock) => {
            // Never released: held for as long as the process lives.
            std::mem::forget(lock);
            true
        }
        // Off Unix there are no locks: one directory for all, as two runs
        // at once are rare.
        None => cfg!(not(unix)),
    }
}

/// The files of the real tree that every copy holds, read once per test
/// binary: the tests change their copies, never the real tree.
fn real_files() -> &'static mirror::Files {
    static FILES: OnceLock<mirror::Files> = OnceLock::new();
    FILES.get_or_init(|| {
        let real = real_root();
        let mut files = mirror::Files::new();
        mirror::collect(&mut files, &real, Path::new(""), &|path| {
            left_out(path.strip_prefix(&real).unwrap())
        })
        .unwrap();
        files
    })
}

/// What the copy leaves out of the real tree: what cargo, git and the
/// learner's runs keep, and every kata but 03.
fn left_out(relative: &Path) -> bool {
    let parts: Vec<&str> = relative.iter().filter_map(|p| p.to_str()).collect();
    let kata = kata();
    match parts[..] {
        [top] if mirror::NOT_SOURCES.contains(&top) => true,
        ["katas" | "solutions", dir] => dir != kata.dir(),
        ["tests", file] => file.ends_with(".rs") && relative != kata.test_file(),
        ["tests", "snapshots", file] => kata.snapshot_in(file).is_none(),
        _ => false,
    }
}

fn real_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the runner sits in the workspace")
        .to_path_buf()
}

/// What one run of `cargo kata` did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `command` to its end.
pub fn run(mut command: Command) -> Run {
    let output = command.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A test's line in check's output, and the lines under it that its why
/// was wrapped in, as one line: `FAILED step2_gather gathered calls ...`.
pub fn entry(run: &Run, test: &str) -> String {
    let lines: Vec<&str> = run.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(test))
        .unwrap_or_else(|| panic!("no line for {test} in {run}"));
    let under = lines[at + 1..]
        .iter()
        .take_while(|l| l.starts_with("          "));
    std::iter::once(&lines[at])
        .chain(under)
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}
