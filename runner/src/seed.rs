//! A new target directory seeded with what another one has built.
//!
//! `verify` builds its scratch copy into a target directory of its own, so
//! that splicing wrong answers never touches the learner's builds. Empty,
//! that directory would compile tokio, insta, the world and every solution
//! again. Seeded from the workspace's own target directory, it compiles
//! only what differs: cargo names an artifact by a hash of its crate,
//! version, features and profile, reuses exactly those that match, and
//! tells a fresh one from a stale one by comparing modification times.
//!
//! Artifacts are hard links: cheap, and the compiler replaces an rlib or a
//! binary it rebuilds rather than writing into it. What is written in
//! place is copied instead, keeping its modification time: cargo's
//! fingerprints (a write through a link would tell the other directory that
//! something was built there which was not) and the compiler's `.d` lists
//! of sources. (A build script's `output` is written in place too, but only
//! when the script runs again, which a seeded registry crate's never does.)
//!
//! Used by `verify` and by the runner's own tests for their
//! scratch workspace.

use std::io;
use std::path::Path;

use crate::mirror::set_modified;

/// Seeds `dir` from the target directory `from`, if nothing was ever built
/// in `dir`, once (a marker file remembers). Whether it was seeded now.
///
/// A directory that holds builds already is left as it is: its fingerprints
/// may be newer than what the seed would bring, and would win.
pub fn seed_once(dir: &Path, from: &Path) -> io::Result<bool> {
    let marker = dir.join(".seeded");
    if marker.exists() {
        return Ok(false);
    }
    let fresh = !dir.join("debug").exists();
    if fresh {
        for (part, link) in [("deps", true), ("build", true), (".fingerprint", false)] {
            let source = from.join("debug").join(part);
            if source.is_dir() {
                seed_tree(&source, &dir.join("debug").join(part), link)?;
            }
        }
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(marker, "")?;
    Ok(fresh)
}

/// Links (or copies) every file under `from` to the same place under `to`.
fn seed_tree(from: &Path, to: &Path, link: bool) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            seed_tree(&entry.path(), &target, link)?;
        } else if target.exists() {
            continue;
        } else if link && entry.path().extension().is_none_or(|e| e != "d") {
            // On another file system there is no link: that costs a build,
            // nothing worse.
            let _ = std::fs::hard_link(entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target)?;
            set_modified(&target, entry.metadata()?.modified()?)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifacts_are_linked_and_what_is_written_in_place_copied_with_its_time() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("target"), dir.path().join("verify"));
        for part in ["deps", ".fingerprint/world-1"] {
            std::fs::create_dir_all(from.join("debug").join(part)).unwrap();
        }
        std::fs::write(from.join("debug/deps/libworld-1.rlib"), "built").unwrap();
        std::fs::write(from.join("debug/deps/world-1.d"), "sources").unwrap();
        let fingerprint = from.join("debug/.fingerprint/world-1/dep-lib-world");
        std::fs::write(&fingerprint, "v1").unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        set_modified(&fingerprint, old).unwrap();

        assert!(seed_once(&to, &from).unwrap());
        assert!(!seed_once(&to, &from).unwrap(), "seeded twice");
        let built = dir.path().join("built");
        std::fs::create_dir_all(built.join("debug")).unwrap();
        assert!(!seed_once(&built, &from).unwrap(), "seeded over builds");
        assert!(!built.join("debug/deps").exists());
        let copied = to.join("debug/.fingerprint/world-1/dep-lib-world");
        assert_eq!(std::fs::metadata(&copied).unwrap().modified().unwrap(), old);
        std::fs::write(&copied, "v2").unwrap();
        assert_eq!(std::fs::read_to_string(&fingerprint).unwrap(), "v1");
        let linked = to.join("debug/deps/libworld-1.rlib");
        assert_eq!(std::fs::read_to_string(&linked).unwrap(), "built");
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let inode = |p: &Path| std::fs::metadata(p).unwrap().ino();
            assert_eq!(
                inode(&linked),
                inode(&from.join("debug/deps/libworld-1.rlib"))
            );
        }
    }

    /// What seeding is for, asked of the cargo that runs this test: a
    /// directory seeded from the target directory this test was built in
    /// builds `unify` (a build script, registry crates, a crate of ours)
    /// without compiling anything. Where cargo keeps its builds is its own
    /// affair, not a promise; when it moves them, this fails and names what
    /// cargo compiled again, where every seeded build would otherwise just
    /// turn slow without a word.
    #[test]
    fn cargo_builds_nothing_again_in_a_seeded_directory() {
        // This test runs as `<target>/debug/deps/kata_runner-<hash>`.
        let exe = std::env::current_exe().unwrap();
        let target = exe.ancestors().nth(3).unwrap();
        // Beside it, on the same file system, so that artifacts are linked.
        let seeded = tempfile::Builder::new()
            .prefix("seed-check-")
            .tempdir_in(target)
            .unwrap();
        assert!(seed_once(seeded.path(), target).unwrap());

        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = std::process::Command::new(cargo)
            .args(["build", "--quiet", "--message-format=json", "-p", "unify"])
            .current_dir(workspace)
            .env("CARGO_TARGET_DIR", seeded.path())
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let messages = String::from_utf8_lossy(&output.stdout);
        let artifacts: Vec<&str> = messages
            .lines()
            .filter(|m| m.contains(r#""reason":"compiler-artifact""#))
            .collect();
        let compiled: Vec<&str> = artifacts
            .iter()
            .filter(|m| m.contains(r#""fresh":false"#))
            .map(|m| target_name(m))
            .collect();
        assert!(artifacts.len() >= 5, "cargo built too little:\n{messages}");
        assert!(
            compiled.is_empty(),
            "cargo compiled {compiled:?} again in a seeded target directory: \
             seed.rs no longer brings what cargo reuses (has cargo moved its \
             builds?); verify and the runner's tests now rebuild everything"
        );
    }

    /// The `target.name` of one of cargo's JSON messages.
    fn target_name(message: &str) -> &str {
        let rest = &message[message.find(r#""target":{"#).unwrap()..];
        let rest = &rest[rest.find(r#""name":""#).unwrap() + 8..];
        &rest[..rest.find('"').unwrap()]
    }
}
