//! Known answers other than the reference, and splicing one over it.
//!
//! A kata keeps two catalogues beside its solution: the classic wrong
//! answers, which the tests must catch, in `solutions/NN-name/wrong/`, and
//! correct alternatives, which they must accept, in `right/`. An answer is
//! kept as small as what it does differently: a header, and only the
//! functions that differ from the reference.
//!
//! ```text
//! //! Wrong: believes that creating a future starts it.
//! //! expect: a spawned task starts at once
//!
//! pub async fn spawned_task_runs(api: &Api) -> (User, String) {
//!     ...
//! }
//! ```
//!
//! A right answer's header is `//! Right: what this answer does
//! differently`, and has no `expect:`: it must pass.
//!
//! An answer may also replace a `pub struct` (or enum, type, trait, const)
//! and an `impl` block, for a kata whose learner defines a type: lock-race
//! asks the candidate to choose what the increments share.
//!
//! Splicing puts each of them over the solution's item of the same name
//! and keeps everything else of the solution: its `use` lines, its doc
//! comments, its other items. So a wrong answer needs no imports, and
//! the explanations are never copied into files where they could drift.
//!
//! This reads lines, not Rust. It relies on rustfmt's layout, which every
//! kata file follows: a top-level item starts at column 0 (with `pub`, or
//! `impl`), and one that spans lines ends with a line that is exactly `}`
//! (or `};`, `);`).

use std::ops::Range;

use anyhow::{Context, Result, bail};

/// A top-level item of a source file that an answer can replace: a `pub`
/// function, struct, enum, type, trait, const or static, or an `impl` block.
pub struct Item {
    /// How the item is named, which is how an answer's item finds the
    /// solution's: `pub fn gather`, `pub struct Shared`, `impl Shared`.
    pub key: String,
    /// Its lines, 0-based: the `#[...]` attribute lines right above it, its
    /// first line, through its closing line.
    pub lines: Range<usize>,
}

impl Item {
    pub fn is_fn(&self) -> bool {
        self.key.starts_with("pub fn ")
    }
}

/// Every top-level item of `source` that an answer can replace, in order.
pub fn items(source: &str) -> Result<Vec<Item>> {
    let lines: Vec<&str> = source.lines().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(key) = item_key(lines[i]) else {
            i += 1;
            continue;
        };
        let last = if is_one_liner(lines[i]) {
            i
        } else {
            (i + 1..lines.len())
                .find(|&j| is_closing(lines[j]))
                .with_context(|| {
                    format!(
                        "line {}: `{key}` has no closing line at column 0 \
                         (is the file rustfmt-formatted?)",
                        i + 1
                    )
                })?
        };
        let mut first = i;
        while first > 0 && lines[first - 1].starts_with("#[") {
            first -= 1;
        }
        found.push(Item {
            key,
            lines: first..last + 1,
        });
        i = last + 1;
    }
    Ok(found)
}

/// The key of the item a line starts, if it starts one: `pub async fn
/// gather(api: &Api) -> ...` is `pub fn gather`, `pub struct Shared {` is
/// `pub struct Shared`, `impl Shared {` is `impl Shared`.
fn item_key(line: &str) -> Option<String> {
    if line.starts_with("impl ") || line.starts_with("impl<") {
        let header = line.trim_end().trim_end_matches('{').trim_end();
        return Some(header.to_owned());
    }
    let rest = line.strip_prefix("pub")?;
    // `pub(crate)` and the like.
    let rest = match rest.strip_prefix('(') {
        Some(inside) => inside.split_once(')')?.1,
        None => rest,
    };
    if !rest.starts_with(' ') {
        return None;
    }
    let mut words = rest.split_whitespace();
    let kind = loop {
        match words.next()? {
            "async" | "unsafe" | "extern" | "\"C\"" => {}
            // `pub const fn` is a function; `pub const NAME` a constant.
            "const" => match words.clone().next()? {
                "fn" | "async" | "unsafe" => {}
                _ => break "const",
            },
            kind @ ("fn" | "struct" | "enum" | "type" | "trait" | "static") => break kind,
            _ => return None, // `pub use`, `pub mod`, ...
        }
    };
    let word = words.next()?;
    let end = word
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(word.len());
    (end > 0).then(|| format!("pub {kind} {}", &word[..end]))
}

/// `pub fn noop() {}`, `pub struct Unit;`, `pub type Id = u32;`: an item
/// that rustfmt keeps on one line.
fn is_one_liner(line: &str) -> bool {
    let line = line.trim_end();
    let balanced = line.matches('{').count() == line.matches('}').count()
        && line.matches('(').count() == line.matches(')').count();
    balanced && (line.ends_with('}') || line.ends_with(';'))
}

/// The last line of an item that spans several: `}`, `};` or `);` at
/// column 0.
fn is_closing(line: &str) -> bool {
    matches!(line.trim_end(), "}" | "};" | ");")
}

/// The two catalogues of answers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Catalogue {
    Wrong,
    Right,
}

impl Catalogue {
    /// What its header starts with, after `//!`.
    fn word(self) -> &'static str {
        match self {
            Catalogue::Wrong => "Wrong:",
            Catalogue::Right => "Right:",
        }
    }
}

/// One file of `wrong/` or `right/`.
pub struct Answer {
    /// The header's paragraph: what the answer does.
    pub what: String,
    /// A wrong answer's `//! expect:` text, which the failing tests' output
    /// must contain: proof that the tests name the concept, not only that
    /// they fail. None for a right answer.
    pub expect: Option<String>,
    /// The replacement items: key and full text.
    replacements: Vec<(String, String)>,
}

impl Answer {
    /// Reads an answer of `catalogue`: its header, then its functions.
    pub fn parse(source: &str, catalogue: Catalogue) -> Result<Answer> {
        let word = catalogue.word();
        let mut what: Option<String> = None;
        let mut expect: Option<String> = None;
        for line in source.lines() {
            let Some(text) = line.strip_prefix("//!") else {
                continue;
            };
            let text = text.trim();
            if let Some(rest) = text.strip_prefix(word) {
                what = Some(rest.trim().to_string());
            } else if let Some(rest) = text.strip_prefix("expect:") {
                if expect.is_some() {
                    bail!("more than one `//! expect:` line");
                }
                expect = Some(rest.trim().to_string());
            } else if let (Some(paragraph), None) = (&mut what, &expect) {
                // A continuation line of the header's paragraph.
                if !text.is_empty() {
                    paragraph.push(' ');
                    paragraph.push_str(text);
                }
            }
        }
        let what = match (what, catalogue) {
            (Some(what), _) => what,
            (None, Catalogue::Wrong) => {
                bail!("no `//! Wrong: ...` line saying what the mistake is")
            }
            (None, Catalogue::Right) => {
                bail!("no `//! Right: ...` line saying what this answer does differently")
            }
        };
        let expect = match (expect, catalogue) {
            (Some(expect), Catalogue::Wrong) if !expect.is_empty() => Some(expect),
            (_, Catalogue::Wrong) => {
                bail!("no `//! expect: <text>` line saying what the tests must report")
            }
            (None, Catalogue::Right) => None,
            (Some(_), Catalogue::Right) => {
                bail!("a right answer has no `//! expect:` line: every test must pass")
            }
        };

        let lines: Vec<&str> = source.lines().collect();
        let items = items(source)?;
        let mut inside = vec![false; lines.len()];
        for item in &items {
            inside[item.lines.clone()].fill(true);
        }
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim();
            if !inside[i] && !trimmed.is_empty() && !trimmed.starts_with("//") {
                bail!(
                    "line {}: an answer holds only replacement items \
                     (`pub fn`, `pub struct`, `impl`...), found `{trimmed}`",
                    i + 1
                );
            }
        }
        if items.is_empty() {
            bail!("no `pub fn` (or other item) to splice over the solution");
        }

        let mut replacements: Vec<(String, String)> = Vec::new();
        for item in &items {
            if replacements.iter().any(|(key, _)| *key == item.key) {
                bail!("`{}` is given twice", item.key);
            }
            let text = lines[item.lines.clone()].join("\n");
            replacements.push((item.key.clone(), text));
        }
        Ok(Answer {
            what,
            expect,
            replacements,
        })
    }

    /// The solution with each replacement put over its same-named item.
    pub fn splice_into(&self, solution: &str) -> Result<String> {
        let targets = items(solution).context("cannot read the solution's items")?;
        let mut edits: Vec<(Range<usize>, &str)> = Vec::new();
        for (key, text) in &self.replacements {
            let target = targets
                .iter()
                .find(|item| item.key == *key)
                .with_context(|| format!("the solution has no `{key}` to replace"))?;
            edits.push((target.lines.clone(), text));
        }
        // From the bottom up, so that earlier line numbers stay valid.
        edits.sort_by_key(|(lines, _)| std::cmp::Reverse(lines.start));
        let mut lines: Vec<&str> = solution.lines().collect();
        for (range, text) in edits {
            lines.splice(range, text.lines());
        }
        Ok(lines.join("\n") + "\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOLUTION: &str = "\
//! The reference.

use world::Api;

/// Step 1.
pub async fn one(api: &Api) -> u32 {
    api.one().await
}

/// Step 2, with a signature
/// that rustfmt breaks.
pub async fn two(
    api: &Api,
    extra: u32,
) -> u32 {
    let x = api.two().await;
    x + extra
}

pub fn noop() {}

#[cfg(test)]
mod tests {
    pub fn inner() {
    }
}
";

    #[test]
    fn finds_top_level_pub_fns_only() {
        let found = items(SOLUTION).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|f| (f.key.as_str(), f.lines.clone()))
            .collect();
        assert_eq!(
            names,
            [
                ("pub fn one", 5..8),
                ("pub fn two", 11..18),
                ("pub fn noop", 19..20)
            ]
        );
    }

    const WITH_A_TYPE: &str = "\
use tokio::sync::Mutex;

/// What the increments share.
#[derive(Default)]
pub struct Shared {
    counter: Mutex<u64>,
}

pub struct Unit;

impl Shared {
    pub fn new() -> Shared {
        Shared::default()
    }
}

pub async fn increment(shared: &Shared) {
    *shared.counter.lock().await += 1;
}
";

    #[test]
    fn a_struct_and_its_impl_are_replaced_with_their_attributes() {
        let found = items(WITH_A_TYPE).unwrap();
        let keys: Vec<_> = found
            .iter()
            .map(|f| (f.key.as_str(), f.lines.clone()))
            .collect();
        assert_eq!(
            keys,
            [
                ("pub struct Shared", 3..7),
                ("pub struct Unit", 8..9),
                ("impl Shared", 10..15),
                ("pub fn increment", 16..19)
            ]
        );

        let right = Answer::parse(
            "//! Right: a semaphore of one permit as the lock.

#[derive(Default)]
pub struct Shared {
    permit: tokio::sync::Semaphore,
}
",
            Catalogue::Right,
        )
        .unwrap();
        let spliced = right.splice_into(WITH_A_TYPE).unwrap();
        assert!(
            spliced.contains("/// What the increments share.\n#[derive(Default)]\npub struct Shared {\n    permit:"),
            "{spliced}"
        );
        assert_eq!(
            spliced.matches("#[derive(Default)]").count(),
            1,
            "{spliced}"
        );
    }

    #[test]
    fn a_wrong_answer_replaces_exactly_one_function() {
        let wrong = Answer::parse(
            "//! Wrong: awaits one, then the other:
//! sequential.
//! expect: as long as the slowest

pub async fn two(api: &Api, extra: u32) -> u32 {
    extra
}
",
            Catalogue::Wrong,
        )
        .unwrap();
        assert_eq!(wrong.what, "awaits one, then the other: sequential.");
        assert_eq!(wrong.expect.as_deref(), Some("as long as the slowest"));

        let spliced = wrong.splice_into(SOLUTION).unwrap();
        let expected = SOLUTION.replace(
            "pub async fn two(
    api: &Api,
    extra: u32,
) -> u32 {
    let x = api.two().await;
    x + extra
}",
            "pub async fn two(api: &Api, extra: u32) -> u32 {
    extra
}",
        );
        assert_ne!(expected, SOLUTION);
        assert_eq!(spliced, expected);
    }

    #[test]
    fn an_unknown_name_is_an_error() {
        let wrong = Answer::parse(
            "//! Wrong: x\n//! expect: y\n\npub fn three() -> u32 {\n    3\n}\n",
            Catalogue::Wrong,
        )
        .unwrap();
        let error = wrong.splice_into(SOLUTION).unwrap_err().to_string();
        assert!(error.contains("no `pub fn three`"), "{error}");
    }

    #[test]
    fn a_header_without_expect_is_an_error() {
        let error = Answer::parse("//! Wrong: x\n\npub fn one() {\n}\n", Catalogue::Wrong)
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("//! expect:"), "{error}");
    }

    #[test]
    fn anything_but_functions_is_an_error() {
        let source = "//! Wrong: x\n//! expect: y\nuse std::fmt;\n\npub fn one() {\n}\n";
        let error = Answer::parse(source, Catalogue::Wrong)
            .err()
            .unwrap()
            .to_string();
        assert!(
            error.contains("line 3") && error.contains("use std::fmt;"),
            "{error}"
        );
    }

    #[test]
    fn a_right_answer_has_its_own_header_and_no_expect() {
        let source = "//! Right: spawns the two calls
//! instead of joining them.

pub async fn one(api: &Api) -> u32 {
    tokio::spawn(api.one()).await.unwrap()
}
";
        let right = Answer::parse(source, Catalogue::Right).unwrap();
        assert_eq!(right.what, "spawns the two calls instead of joining them.");
        assert_eq!(right.expect, None);
        assert!(
            right
                .splice_into(SOLUTION)
                .unwrap()
                .contains("tokio::spawn")
        );

        // Each catalogue asks for its own header.
        let error = Answer::parse(source, Catalogue::Wrong)
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("no `//! Wrong: ...` line"), "{error}");
        let wrong = "//! Wrong: x\n//! expect: y\n\npub fn one() {\n}\n";
        let error = Answer::parse(wrong, Catalogue::Right)
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("no `//! Right: ...` line"), "{error}");
        let with_expect = "//! Right: x\n//! expect: y\n\npub fn one() {\n}\n";
        let error = Answer::parse(with_expect, Catalogue::Right)
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("every test must pass"), "{error}");
    }

    #[test]
    fn an_unclosed_function_is_an_error() {
        let error = items("pub fn one() {\n    1 }\n")
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("no closing line"), "{error}");
    }
}
