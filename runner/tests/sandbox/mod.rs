//! A scratch copy of the workspace for driving the real `cargo kata`, shared
//! by the integration tests (`cli.rs`, `watch.rs`, `interview.rs`).
//!
//! The copy holds the workspace with kata 03 as its only kata (its tests
//! and snapshots too), because the other katas may be half-written while
//! these tests run. The root manifest lists the katas by pattern
//! (`katas/*`), so it holds as it is.
//!
//! The copy is a mirror (the runner's own `mirror.rs`, the module `verify`
//! keeps its scratch copy with): every test of one test binary gets the
//! same directory, made equal to the real files again at its start by
//! rewriting only what the test before it changed. So cargo rebuilds only
//! that, never the world, and the copy and its target directory are kept
//! from one run to the next. Two `cargo test` runs at once each take a
//! directory of their own (see [`target_dir`]): they never wait for each
//! other's build lock, nor confuse each other's builds.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

// Shared with the runner, whose `verify` keeps its scratch copy the same way.
#[path = "../../src/lock.rs"]
mod lock;
#[path = "../../src/mirror.rs"]
mod mirror;
#[path = "../../src/seed.rs"]
mod seed;
#[cfg(unix)]
pub mod terminal;

pub const DIR: &str = "03-spawn-vs-join";
pub const NAME: &str = "spawn-vs-join";

/// One test at a time: they share the copy and its target directory.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The scratch copy of the workspace, this test's until it ends.
pub struct Sandbox {
    root: PathBuf,
    _turn: MutexGuard<'static, ()>,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        // A test that failed poisons the lock; the next one may still run.
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let real = real_root();
        let root = target_dir().join("workspace");
        let mut files = mirror::Files::new();
        mirror::collect(&mut files, &real, Path::new(""), &|path| {
            left_out(path.strip_prefix(&real).unwrap())
        })
        .unwrap();
        let times = match SEEDED_NOW.swap(false, Ordering::SeqCst) {
            true => mirror::Times::Kept,
            false => mirror::Times::New,
        };
        mirror::sync(&root, &files, times).unwrap();
        Sandbox { root, _turn: turn }
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
        format!("katas/{DIR}/src/lib.rs")
    }

    /// Kata 03's reference answer.
    pub fn solution(&self) -> String {
        self.read(&format!("solutions/{DIR}/src/lib.rs"))
    }

    /// Pins the kata's starting code to blob `id` in its manifest.
    pub fn set_start(&self, id: &str) {
        let manifest = format!("katas/{DIR}/Cargo.toml");
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

    /// `cargo kata ARGS`, to be run in the copy's root.
    pub fn command(&self, args: &[&str]) -> Command {
        kata_command(self.root(), args)
    }
}

/// `cargo kata ARGS`, to be run in `dir`, building into the shared target.
/// Git looks for a repository no higher than the copy: the copy lies
/// inside the real clone, whose history must not answer for it.
pub fn kata_command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kata"));
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir())
        .env("GIT_CEILING_DIRECTORIES", target_dir());
    command
}

/// Where every test of this binary builds: `runner-tests`, or when
/// another test binary running now holds that, `runner-tests-2`, and so on.
/// The copy of the workspace lies inside it, in `workspace/`.
///
/// A new directory is first seeded with what the running `cargo test` has
/// built (the runner's `seed.rs`, as `verify` seeds its own), so even its
/// first build compiles little more than kata 03.
pub fn target_dir() -> PathBuf {
    static HELD: OnceLock<PathBuf> = OnceLock::new();
    HELD.get_or_init(|| {
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
            SEEDED_NOW.store(true, Ordering::SeqCst);
        }
        held
    })
    .clone()
}

/// Whether the target directory was seeded by this process and no copy has
/// been made since: the first copy may keep the real files' times (see
/// `mirror.rs`), and the seeded build of the world is reused.
static SEEDED_NOW: AtomicBool = AtomicBool::new(false);

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

/// What the copy leaves out of the real tree: what cargo, git and the
/// learner's runs keep, and every kata but 03.
fn left_out(relative: &Path) -> bool {
    let parts: Vec<&str> = relative.iter().filter_map(|p| p.to_str()).collect();
    match parts[..] {
        [top] if mirror::NOT_SOURCES.contains(&top) => true,
        ["katas" | "solutions", dir] => dir != DIR,
        ["tests", file] => file.ends_with(".rs") && file != format!("{NAME}.rs"),
        ["tests", "snapshots", file] => !file.starts_with(&format!("{}__", NAME.replace('-', "_"))),
        _ => false,
    }
}

fn real_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the runner sits in the workspace")
        .to_path_buf()
}
