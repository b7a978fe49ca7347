//! The root manifest's `[profile.dev.package]` table: the katas, which keep
//! incremental compilation where the rest of the workspace does without.
//!
//! ```toml
//! [profile.dev.package]
//! spawn-vs-join = { incremental = true }
//! ```
//!
//! A learner rebuilds one kata over and over, and incremental compilation
//! makes that rebuild about a quarter faster; a fresh clone compiles
//! everything else once, a third faster without it (see the root
//! `Cargo.toml`). `new` adds a kata's line; `verify` checks it is there.

use anyhow::{Context, Result};

const TABLE: &str = "[profile.dev.package]";

/// The line that keeps `name`'s builds incremental.
pub fn line(name: &str) -> String {
    format!("{name} = {{ incremental = true }}")
}

/// Whether `manifest` keeps `name`'s builds incremental.
pub fn is_incremental(manifest: &str, name: &str) -> Result<bool> {
    let manifest: toml::Table = manifest.parse().context("Cargo.toml is not valid TOML")?;
    let incremental = manifest
        .get("profile")
        .and_then(|p| p.get("dev"))
        .and_then(|d| d.get("package"))
        .and_then(|p| p.get(name))
        .and_then(|k| k.get("incremental"))
        .and_then(toml::Value::as_bool);
    Ok(incremental == Some(true))
}

/// `manifest` with `name`'s line added at the end of the table, which is
/// made at the end of the file if there is none.
pub fn with_kata(manifest: &str, name: &str) -> String {
    let mut lines: Vec<String> = manifest.lines().map(str::to_owned).collect();
    match lines.iter().position(|l| l.trim() == TABLE) {
        Some(header) => {
            // After the table's last line that is not blank or a comment.
            let end = lines[header + 1..]
                .iter()
                .position(|l| l.trim_start().starts_with('['))
                .map_or(lines.len(), |next| header + 1 + next);
            let last = (header..end)
                .rev()
                .find(|&i| {
                    let l = lines[i].trim();
                    !l.is_empty() && !l.starts_with('#')
                })
                .unwrap_or(header);
            lines.insert(last + 1, line(name));
        }
        None => {
            lines.extend([String::new(), TABLE.to_string(), line(name)]);
        }
    }
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = "[workspace]\nmembers = []\n\n\
        [profile.dev]\nincremental = false\n\n\
        # The katas.\n[profile.dev.package]\na = { incremental = true }\n\n\
        [profile.release]\nlto = true\n";

    #[test]
    fn a_kata_is_added_at_the_end_of_the_table() {
        let added = with_kata(MANIFEST, "b");
        assert!(
            added.contains(
                "a = { incremental = true }\nb = { incremental = true }\n\n[profile.release]"
            ),
            "{added}"
        );
        assert!(is_incremental(&added, "a").unwrap());
        assert!(is_incremental(&added, "b").unwrap());
        assert!(!is_incremental(&added, "c").unwrap());
    }

    #[test]
    fn the_table_is_made_when_there_is_none() {
        let added = with_kata("[workspace]\nmembers = []\n", "a");
        assert!(added.ends_with("\n[profile.dev.package]\na = { incremental = true }\n"));
        assert!(is_incremental(&added, "a").unwrap());
        assert!(!is_incremental("[workspace]\n", "a").unwrap());
    }
}
