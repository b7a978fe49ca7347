//! A scratch copy of the workspace for driving the real `cargo kata`, shared
//! by the integration tests (`cli.rs`, `watch.rs`, `interview.rs`).
//!
//! The copy holds the workspace with kata 03 as its only kata (its tests
//! and snapshots too) and a root manifest trimmed to match, because the
//! other katas may be half-written while these tests run.
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
use std::sync::{Mutex, MutexGuard, OnceLock};

#[path = "../../src/mirror.rs"]
mod mirror;
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
        let manifest = std::fs::read_to_string(real.join("Cargo.toml")).unwrap();
        let trimmed = trimmed_manifest(&manifest, &files);
        files.insert("Cargo.toml".into(), trimmed.into_bytes());
        mirror::sync(&root, &files).unwrap();
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
/// A new directory is first seeded with the dependencies the running
/// `cargo test` has built (see [`seed_once`]), and so is `verify/` within
/// it, where `cargo kata verify` builds: even their first builds compile
/// little more than the workspace's own crates.
pub fn target_dir() -> PathBuf {
    static HELD: OnceLock<PathBuf> = OnceLock::new();
    let held = HELD.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        (1..)
            .map(|n| match n {
                1 => tmp.join("runner-tests"),
                n => tmp.join(format!("runner-tests-{n}")),
            })
            .find(|dir| hold(dir))
            .expect("some directory is free")
    });
    for dir in [held.clone(), held.join("verify")] {
        seed_once(&dir, &tmp_parent());
    }
    held.clone()
}

/// The target directory of the `cargo test` that runs us.
fn tmp_parent() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is target/tmp")
        .to_path_buf()
}

/// Seeds a new target directory with what the `cargo test` running us has
/// built (tokio, insta, clap, ...): a build there then compiles the
/// workspace's own crates only, not every dependency again. The artifacts
/// of registry crates are named by a hash of their version, features and
/// profile, so cargo reuses exactly those that match and builds the rest.
///
/// Artifacts are hard links (cheap, and the compiler replaces a file it
/// rebuilds rather than writing into it); cargo's fingerprints are copies,
/// because cargo does write into those, and a write through a link would
/// tell the real target directory that something was built which was not.
/// Done once per directory: a seeded directory is kept from run to run.
fn seed_once(dir: &Path, from: &Path) {
    let seeded = dir.join(".seeded");
    if seeded.exists() {
        return;
    }
    for (part, link) in [("deps", true), ("build", true), (".fingerprint", false)] {
        let source = from.join("debug").join(part);
        if source.is_dir() {
            // A link that fails (another file system) costs a build, nothing worse.
            let _ = seed_tree(&source, &dir.join("debug").join(part), link);
        }
    }
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(seeded, "");
}

/// Links (or copies) every file under `from` to the same place under `to`.
fn seed_tree(from: &Path, to: &Path, link: bool) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            seed_tree(&entry.path(), &target, link)?;
        } else if target.exists() {
            continue;
        } else if link {
            std::fs::hard_link(entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Whether this process now holds `dir`, until it ends: by an exclusive
/// lock on `dir.lock`, taken without waiting. The system releases it
/// however the process ends.
#[cfg(unix)]
fn hold(dir: &Path) -> bool {
    use nix::errno::Errno;
    use nix::fcntl::{Flock, FlockArg};

    let path = dir.with_extension("lock");
    let file = std::fs::File::create(&path).unwrap();
    match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
        Ok(lock) => {
            // Never unlocked: held for as long as the process lives.
            std::mem::forget(lock);
            true
        }
        Err((_, Errno::EWOULDBLOCK)) => false,
        Err((_, error)) => panic!("cannot lock {}: {error}", path.display()),
    }
}

/// Elsewhere, one directory for all, as two runs at once are rare.
#[cfg(not(unix))]
fn hold(_dir: &Path) -> bool {
    true
}

/// What the copy leaves out of the real tree: what cargo, git and the
/// learner's runs keep, and every kata but 03.
fn left_out(relative: &Path) -> bool {
    let parts: Vec<&str> = relative.iter().filter_map(|p| p.to_str()).collect();
    match parts[..] {
        ["target" | ".git" | ".kata-progress" | ".kata-backups"] => true,
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

/// The real root manifest, its member lists cut down to what the copy
/// holds. Globs are kept: they match only what is there.
fn trimmed_manifest(manifest: &str, files: &mirror::Files) -> String {
    let mut manifest: toml::Table = manifest.parse().unwrap();
    let workspace = manifest
        .get_mut("workspace")
        .and_then(|w| w.as_table_mut())
        .expect("the root manifest has [workspace]");
    for key in ["members", "default-members"] {
        if let Some(members) = workspace.get_mut(key).and_then(|m| m.as_array_mut()) {
            members.retain(|member| {
                member.as_str().is_some_and(|m| {
                    m.contains(['*', '?', '[']) || files.keys().any(|f| f.starts_with(m))
                })
            });
        }
    }
    manifest.to_string()
}
