//! verify's Korean checks: every failure message in both languages, every
//! Korean text in the glossary's words, every translation up to date (see
//! `crate::korean` and `crate::bilingual` for the rules themselves).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::{Tally, Verifier};
use crate::bilingual;
use crate::cards;
use crate::korean::{self, Glossary};

/// The checks of what is not one kata's: the root README's translation,
/// and the Korean the tools themselves say.
pub(super) fn workspace(root: &Path, glossary: &Glossary, tally: &mut Tally) {
    println!("\nREADME.md and the tools");
    tally.check("README.ko.md translates README.md as it is", || {
        korean::up_to_date(root, Path::new("README.md"), Path::new("README.ko.md"))
    });
    tally.check("README.ko.md follows the glossary", || {
        korean::follows_glossary(glossary, &texts(root, &[PathBuf::from("README.ko.md")]))
    });
    tally.check("the tools' Korean follows the glossary", || {
        korean::follows_glossary(glossary, &tool_korean(root)?)
    });
}

impl Verifier<'_> {
    /// A kata's Korean checks, printing a line for each.
    pub(super) fn korean(&self, tally: &mut Tally) {
        tally.check(
            "every failure message is written in English and Korean",
            || self.bilingual(),
        );
        tally.check("README.ko.md translates the README as it is", || {
            korean::up_to_date(self.root, &self.kata.readme(), &self.kata.readme_ko())
        });
        tally.check("the Korean follows the glossary", || {
            korean::follows_glossary(self.glossary, &self.korean_texts())
        });
    }

    /// Every failure message of the test file is `world::say!(en: ..,
    /// ko: ..)`: a learner reading Korean is told why a step failed in
    /// Korean, and a message without its Korean is caught here, not by them.
    fn bilingual(&self) -> Result<String> {
        let path = self.kata.test_file();
        let source = std::fs::read_to_string(self.root.join(&path))
            .with_context(|| format!("cannot read {}", path.display()))?;
        let found = bilingual::one_language(&source);
        if found.is_empty() {
            return Ok(String::new());
        }
        let lines: Vec<String> = found
            .iter()
            .map(|(line, words)| format!("{}:{line}: {words}", path.display()))
            .collect();
        bail!(
            "{} message(s) in one language only: write each as world::say!(en: \"..\", \
             ko: \"..\")\n{}",
            found.len(),
            lines.join("\n")
        );
    }

    /// The kata's Korean: its README, its cards, its tests' messages.
    fn korean_texts(&self) -> Vec<(String, String)> {
        let mut found = texts(self.root, &[self.kata.readme_ko()]);
        let tests = self.kata.test_file();
        if let Ok(source) = std::fs::read_to_string(self.root.join(&tests)) {
            for message in bilingual::korean_messages(&source) {
                found.push((tests.display().to_string(), message));
            }
        }
        if let Ok((cards, _)) = cards::check_kata(self.root, self.kata) {
            for card in &cards {
                let ko = card.text("ko");
                let text = [&ko.question, &ko.answer, &ko.python]
                    .into_iter()
                    .chain(&ko.points)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n");
                found.push((format!("card {}", card.id), text));
            }
        }
        found
    }
}

/// The Korean files at `paths` that exist, each with its text (a missing
/// one is another check's business).
fn texts(root: &Path, paths: &[PathBuf]) -> Vec<(String, String)> {
    paths
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(root.join(path)).ok()?;
            Some((path.display().to_string(), text))
        })
        .collect()
}

/// The Korean the tools say (the world's, the protocol's and the runner's
/// string literals with Hangul in them, their tests excepted), each with
/// the file it is in.
fn tool_korean(root: &Path) -> Result<Vec<(String, String)>> {
    let mut found = Vec::new();
    for dir in ["world/src", "protocol/src", "runner/src", "runner/src/cmd"] {
        for entry in std::fs::read_dir(root.join(dir))? {
            let path = entry?.path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path)?;
            // A module's tests quote ruled-out forms on purpose.
            let source = source.split("\n#[cfg(test)]").next().unwrap_or_default();
            let shown = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            for text in bilingual::hangul_literals(source) {
                found.push((shown.clone(), text));
            }
        }
    }
    Ok(found)
}
