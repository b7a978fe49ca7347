//! `cargo kata new NN name [--question "..."]`: the skeleton of a new kata,
//! so that every author starts from the same set of files, laid out as kata
//! 03's:
//!
//! ```text
//! katas/NN-name/       Cargo.toml, README.md, README.ko.md (its Korean),
//!                      src/lib.rs (a todo!() per step)
//! solutions/NN-name/   Cargo.toml, src/lib.rs, wrong/, right/, cards.toml
//! tests/name.rs        the one test file of both
//! README.md            a row in the table of katas
//! docs/python-originals.md  a row: the asyncio program the kata mirrors
//! Cargo.toml           the kata's incremental builds (see `profile.rs`)
//! ```
//!
//! Where each file goes is the kata contract's to say (`kata-protocol`'s
//! `Layout::new_files`), and `verify` scans every one of them for
//! [`PLACEHOLDER`]. The question is written once, in the kata manifest,
//! and copied from there into every place that shows it, which `verify`
//! then checks equal. The skeleton's one test is ignored until the author
//! writes the step, so that the root `cargo test` stays green meanwhile.
//!
//! The workspace takes `katas/*` and `solutions/*` as members, so the root
//! manifest gains only that one line. Whatever the author must write is
//! marked [`PLACEHOLDER`], and `verify` fails until none is left, the
//! solution passes, the snapshots are recorded and the catalogues of
//! answers are full. Nothing is written unless everything can be, and
//! nothing is ever written over; should a write fail halfway, what was
//! written before it is undone.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use kata_protocol::kata::{Layout, PYTHON_ORIGINALS, QUESTION_KEY, WORKSPACE_README};

use crate::atomic;
use crate::profile;
use crate::table::{self, PLACEHOLDER};
use crate::workspace::Workspace;

/// Packages of the workspace that are not katas: a kata may not take
/// their names.
const TAKEN: [&str; 4] = ["world", "kata-protocol", "kata-runner", "unify"];

pub fn run(
    workspace: &Workspace,
    number: &str,
    name: &str,
    question: Option<&str>,
) -> Result<ExitCode> {
    let kata = Skeleton::new(number, name, question)?;
    let root = workspace.root();
    let files = kata.files();
    refuse_taken(workspace, &kata, &files)?;
    let rows = Rows::of(root, &kata)?;

    let mut written = Written::default();
    if let Err(error) = write(root, &kata, &files, &rows, &mut written) {
        return Err(match written.undo(root) {
            Ok(()) => error
                .context("`new` stopped halfway, and removed what it had written: nothing changed"),
            Err(left) => error.context(format!(
                "`new` stopped halfway, and removing what it had written failed too ({left:#}): \
                 remove it by hand"
            )),
        });
    }
    print_made(&kata, &files);
    Ok(ExitCode::SUCCESS)
}

/// Refuses a number, a name, a file, a folder or a README row that is
/// taken: `new` never writes over anything.
fn refuse_taken(workspace: &Workspace, kata: &Skeleton, files: &[(PathBuf, String)]) -> Result<()> {
    let root = workspace.root();
    let number = kata.layout.number();
    for existing in workspace.katas()? {
        if existing.number == number {
            bail!(
                "kata {number:02} exists already: {}. Nothing was written.",
                existing.label()
            );
        }
        if existing.name == kata.layout.package() {
            bail!(
                "a kata named {} exists already: {}. Nothing was written.",
                kata.layout.package(),
                existing.label()
            );
        }
    }
    for (path, _) in files {
        if root.join(path).exists() {
            bail!("{} exists already. Nothing was written.", path.display());
        }
    }
    for dir in ["katas", "solutions"] {
        if let Some(taken) = numbered_folder(&root.join(dir), number) {
            bail!("{dir}/{taken} already has the number {number:02}. Nothing was written.");
        }
    }
    Ok(())
}

/// The files `new` adds a row to, as they will be: README.md's table of
/// katas, `docs/python-originals.md`'s table, the root manifest's profile.
struct Rows {
    /// Each file's path from the root, and its new content.
    files: Vec<(&'static str, String)>,
}

impl Rows {
    fn of(root: &Path, kata: &Skeleton) -> Result<Rows> {
        let read = |name: &str| {
            std::fs::read_to_string(root.join(name)).with_context(|| format!("cannot read {name}"))
        };
        let readme = read(WORKSPACE_README)?;
        let dir = kata.layout.dir();
        if table::row(&readme, &dir).is_some() {
            bail!("README.md's table of katas has a row for {dir} already. Nothing was written.");
        }
        let number = kata.layout.number();
        let readme = table::with_row(&readme, number, &kata.table_row())?;
        let originals = read(PYTHON_ORIGINALS)?;
        let start = kata.layout.python_row_start();
        if originals.lines().any(|line| line.starts_with(&start)) {
            bail!("{PYTHON_ORIGINALS} has a row for {dir} already. Nothing was written.");
        }
        let originals = table::with_row_in(&originals, number, &kata.python_row())
            .with_context(|| format!("in {PYTHON_ORIGINALS}"))?;
        let manifest = profile::with_kata(&read("Cargo.toml")?, kata.layout.package());
        Ok(Rows {
            files: vec![
                (WORKSPACE_README, readme),
                (PYTHON_ORIGINALS, originals),
                ("Cargo.toml", manifest),
            ],
        })
    }
}

/// What was made, and what to do next.
fn print_made(kata: &Skeleton, files: &[(PathBuf, String)]) {
    let name = kata.layout.package();
    println!("New kata {:02} {name}:", kata.layout.number());
    for (path, _) in files {
        println!("  {}", path.display());
    }
    println!("  solutions/{}/wrong/, right/  (empty)", kata.layout.dir());
    println!("  README.md                      a row in the table of katas");
    println!("  {PYTHON_ORIGINALS}       a row: the Python original");
    println!("  Cargo.toml                     {}", profile::line(name));
    println!(
        "\nNext: replace every {PLACEHOLDER}, write the solution and record its \
         snapshots\n(`cargo record -p {name}-solution`), add wrong and right answers, \
         then run\n`cargo kata verify {name}` until it passes. CONTRIBUTING.md has the steps."
    );
}

/// The folder of `dir` named `NN-...` for `number`, if there is one.
fn numbered_folder(dir: &Path, number: u32) -> Option<String> {
    let prefix = format!("{number:02}-");
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with(&prefix))
}

/// Writes the kata's files, its catalogue folders, the rows of README.md
/// and `docs/python-originals.md` and the root manifest's line, noting
/// each in `written` as it goes.
fn write(
    root: &Path,
    kata: &Skeleton,
    files: &[(PathBuf, String)],
    rows: &Rows,
    written: &mut Written,
) -> Result<()> {
    for (path, content) in files {
        create(root, path, content, written)?;
    }
    for dir in [kata.layout.wrong_dir(), kata.layout.right_dir()] {
        create_dirs(root, &dir, written)?;
    }
    for (name, content) in &rows.files {
        let path = root.join(name);
        let before = std::fs::read(&path).with_context(|| format!("cannot read {name}"))?;
        atomic::replace(&path, content.as_bytes())
            .with_context(|| format!("cannot write {name}"))?;
        written.replaced.push((path, before));
    }
    Ok(())
}

/// What `new` has written so far, to be undone should a later write fail:
/// a half-written kata would show in the list, and make a second try
/// refuse ("exists already").
#[derive(Default)]
struct Written {
    files: Vec<PathBuf>,
    /// Folders made, each after its parent.
    dirs: Vec<PathBuf>,
    /// Files replaced, with what they held before.
    replaced: Vec<(PathBuf, Vec<u8>)>,
}

impl Written {
    /// Puts back what was replaced, removes what was made (folders only
    /// when empty, last made first). The first thing that could not be
    /// undone, if any; the rest is undone still.
    fn undo(self, root: &Path) -> Result<()> {
        let mut first: Option<anyhow::Error> = None;
        let mut note = |result: std::io::Result<()>, path: &Path| {
            if let Err(error) = result {
                let shown = path
                    .strip_prefix(root)
                    .unwrap_or(path)
                    .display()
                    .to_string();
                first.get_or_insert(anyhow::Error::new(error).context(shown));
            }
        };
        for (path, before) in self.replaced.iter().rev() {
            note(atomic::replace(path, before), path);
        }
        for path in self.files.iter().rev() {
            note(std::fs::remove_file(path), path);
        }
        for dir in self.dirs.iter().rev() {
            note(std::fs::remove_dir(dir), dir);
        }
        first.map_or(Ok(()), Err)
    }
}

/// Makes `dir` (relative to `root`) and the folders above it that are
/// missing, noting each.
fn create_dirs(root: &Path, dir: &Path, written: &mut Written) -> Result<()> {
    let mut missing: Vec<PathBuf> = root
        .join(dir)
        .ancestors()
        .take_while(|path| *path != root && std::fs::symlink_metadata(path).is_err())
        .map(Path::to_path_buf)
        .collect();
    missing.reverse();
    for path in missing {
        std::fs::create_dir(&path).with_context(|| format!("cannot create {}", dir.display()))?;
        written.dirs.push(path);
    }
    Ok(())
}

/// Writes a new file, never over an old one, nor through a link at its
/// name (`create_new` refuses both).
fn create(root: &Path, path: &Path, content: &str, written: &mut Written) -> Result<()> {
    use std::io::Write;
    if let Some(parent) = path.parent() {
        create_dirs(root, parent, written)?;
    }
    let full = root.join(path);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&full)
        .with_context(|| format!("cannot create {}", path.display()))?;
    written.files.push(full);
    file.write_all(content.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// What a new kata is called, checked, and the files made from it.
struct Skeleton {
    /// Its number, names and paths.
    layout: Layout,
    question: Option<String>,
}

impl Skeleton {
    fn new(number: &str, name: &str, question: Option<&str>) -> Result<Skeleton> {
        let number = match number.parse::<u32>() {
            Ok(n @ 1..=99) if number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit()) => n,
            _ => bail!("the number must be 1 to 99, as in `07` or `7`; got `{number}`"),
        };
        if !is_kebab(name) {
            bail!(
                "the name must be lowercase words joined by hyphens, as in `join-errors`; \
                 got `{name}`"
            );
        }
        if TAKEN.contains(&name) || name.ends_with("-solution") {
            bail!("`{name}` is the name of another package of the workspace, or looks like one");
        }
        let question = match question.map(str::trim) {
            None => None,
            Some("") => bail!("the question is empty; leave out --question to write it later"),
            Some(q) if q.contains('\n') => bail!("the question must be one line"),
            Some(q) => Some(q.to_string()),
        };
        Ok(Skeleton {
            layout: Layout::new(number, name),
            question,
        })
    }

    /// The question, or the placeholder for it.
    fn question(&self) -> String {
        self.question
            .clone()
            .unwrap_or_else(|| format!("{PLACEHOLDER}: the interview question"))
    }

    /// Every file, by its path from the root (the kata contract's
    /// `new_files`, in its order), with its content.
    fn files(&self) -> Vec<(PathBuf, String)> {
        let contents = [
            self.kata_manifest(),
            self.readme(),
            self.readme_ko(),
            self.kata_lib(),
            self.solution_manifest(),
            self.solution_lib(),
            self.cards(),
            self.tests(),
        ];
        let paths = self.layout.new_files().into_iter().map(|file| file.path);
        assert_eq!(paths.len(), contents.len(), "a content for every new file");
        paths.zip(contents).collect()
    }

    /// The manifest of either crate; `extra` goes before `[[test]]`.
    fn manifest(&self, package: &str, lib: &str, extra: &str) -> String {
        let (name, description) = (self.layout.package(), toml_string(&self.question()));
        format!(
            r#"[package]
name = "{package}"
version = "0.1.0"
description = {description}
edition.workspace = true
rust-version.workspace = true
publish.workspace = true
license.workspace = true

[lib]
name = "{lib}"
path = "src/lib.rs"
test = false
doctest = false

[dependencies]
futures.workspace = true
tokio.workspace = true
world.workspace = true

[dev-dependencies]
tokio.workspace = true
{extra}
[[test]]
name = "{name}"
path = "../../tests/{name}.rs"

[lints]
workspace = true
"#
        )
    }

    fn kata_manifest(&self) -> String {
        format!(
            "{}\n[package.metadata.kata]\nnumber = {}\n{QUESTION_KEY} = {}\n",
            self.manifest(self.layout.package(), &self.layout.lib_name(), ""),
            self.layout.number(),
            toml_string(&self.question())
        )
    }

    fn solution_manifest(&self) -> String {
        let features = r#"
# The one test file serves both crates; this feature tells it that it is
# judging the reference (`use ..._solution as kata`).
[features]
default = ["reference"]
reference = []
"#;
        self.manifest(
            &self.layout.solution_package(),
            &self.layout.solution_lib_name(),
            features,
        )
    }

    /// `lock race`, as a title.
    fn title(&self) -> String {
        self.layout.package().replace('-', " ")
    }

    fn kata_lib(&self) -> String {
        let (number, title, name, question) = (
            self.layout.number(),
            self.title(),
            self.layout.package(),
            self.question(),
        );
        format!(
            r#"//! # Kata {number:02}: {title}
//!
//! > {question}
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p {name}` checks them, and draws what ran when.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use world::Api;

/// Step 1: {PLACEHOLDER}: what this step asks for, in one line.
pub async fn step_one(api: &Api) -> String {{
    todo!("step 1: {PLACEHOLDER}: what to do; see README step 1")
}}
"#
        )
    }

    fn solution_lib(&self) -> String {
        let (number, title, question) = (self.layout.number(), self.title(), self.question());
        format!(
            r#"//! # Kata {number:02}: {title} (the reference answer)
//!
//! > {question}
//!
//! {PLACEHOLDER}: the answer in a paragraph: what the reference does, and
//! why it is right.

// {PLACEHOLDER}: delete this line once the reference is written.
#![allow(unused_variables)]

use world::Api;

/// Step 1: {PLACEHOLDER}: what this step asks for, in one line.
pub async fn step_one(api: &Api) -> String {{
    todo!("{PLACEHOLDER}: the reference answer to step 1")
}}
"#
        )
    }

    fn tests(&self) -> String {
        let (number, title, lib) = (self.layout.number(), self.title(), self.layout.lib_name());
        format!(
            r#"//! Kata {number:02}, {title}: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

#[cfg(not(feature = "reference"))]
use {lib} as kata;
#[cfg(feature = "reference")]
use {lib}_solution as kata;
use world::{{Api, World, assert_timeline, within}};

#[world::step]
#[ignore = "{PLACEHOLDER}: delete this line once the step and its reference are written"]
async fn step1_step_one() {{
    let world = World::start();
    let api = Api::new(&world);

    let answer = within(10, kata::step_one(&api)).await;

    assert_eq!(
        answer, "{PLACEHOLDER}",
        "{PLACEHOLDER}: the fact this step proves, in words that name the concept"
    );
    assert_timeline!("step1_step_one", world);
}}
"#
        )
    }

    fn readme(&self) -> String {
        let (number, name, question) =
            (self.layout.number(), self.layout.package(), self.question());
        let todo = PLACEHOLDER;
        format!(
            r#"# {number:02} {name}

English · [한국어](README.ko.md)

> "{question}"

{todo}: the answer in a paragraph, as you would give it in the interview.

## The Python original

{todo}: the article's program and what it prints, with the times (see
`docs/python-originals.md`).

```python
# {todo}
```

## The tokio counterpart

| asyncio | tokio | worth saying |
|---|---|---|
| {todo} | | |

Where Rust differs:

- {todo}

## Steps

{todo}: the simulated services this kata uses and the virtual time each
takes. Run one step with `cargo test -p {name} step1`.

1. **`step_one`**: {todo}: what it must do, and what its timeline shows.

## Hints

<details data-step="1"><summary>Step 1: Nudge</summary>

{todo}: a nudge.
</details>

<details data-step="1"><summary>Step 1: Closer</summary>

{todo}: closer.
</details>

<details data-step="1"><summary>Step 1: Nearly the answer</summary>

{todo}: nearly the answer.
</details>

## Follow-up questions an interviewer asks

- {todo}

## Run

```sh
cargo test -p {name}           # all steps
cargo test -p {name} step1     # one step
```

When every step passes, read the reference in
`solutions/{number:02}-{name}/src/lib.rs`, and the answers beside it in
`solutions/{number:02}-{name}/right/` and `wrong/`.
"#
        )
    }

    /// The README in Korean, its sections and hint blocks as the English
    /// has them; its first line records which English it translates (the
    /// skeleton's blob id), as `verify` reads it.
    fn readme_ko(&self) -> String {
        let (number, name) = (self.layout.number(), self.layout.package());
        let source = crate::blob::blob_id(self.readme().as_bytes());
        let todo = PLACEHOLDER;
        format!(
            r#"<!-- @kata translation source=README.md blob={source} -->
# {number:02} {name}

[English](README.md) · 한국어

> "{todo}: 인터뷰 질문"

{todo}: 인터뷰에서 답하듯이 한 문단으로 쓴 답.

## Python 원본

{todo}: 원문의 프로그램과 그 출력, 시간과 함께 (`docs/python-originals.md` 참고).

```python
# {todo}
```

## tokio에서는

| asyncio | tokio | 짚어 둘 점 |
|---|---|---|
| {todo} | | |

Rust가 다른 점:

- {todo}

## 단계

{todo}: 이 kata가 쓰는 시뮬레이션 서비스와 각각이 걸리는 가상 시간. 한 단계만
실행하려면 `cargo test -p {name} step1`을 쓰십시오.

1. **`step_one`**: {todo}: 해야 할 일과 그 타임라인이 보여 주는 것.

## 힌트

<details data-step="1"><summary>1단계: 실마리</summary>

{todo}: 실마리.
</details>

<details data-step="1"><summary>1단계: 더 구체적으로</summary>

{todo}: 더 구체적인 힌트.
</details>

<details data-step="1"><summary>1단계: 거의 정답</summary>

{todo}: 거의 정답.
</details>

## 면접관이 이어서 묻는 질문

- {todo}

## 실행

```sh
cargo test -p {name}           # all steps
cargo test -p {name} step1     # one step
```

모든 단계를 통과하면 `solutions/{number:02}-{name}/src/lib.rs`에서 레퍼런스를 읽고,
그 옆 `solutions/{number:02}-{name}/right/`와 `wrong/`의 답도 읽어 보십시오.
"#
        )
    }

    /// The outline of the card file: one card, every field empty.
    fn cards(&self) -> String {
        let (number, name) = (self.layout.number(), self.layout.package());
        format!(
            r#"# Interview cards for kata {number:02} {name}: what an interviewer asks about it,
# answered in English (en) and Korean (ko). `cargo kata verify` checks that
# every card is written in both languages; runner/src/cards.rs has the format.

[[card]]
id = ""                          # unique within the kata: "join-is-not-parallel"
kind = "explain"                 # explain | predict
step = 1                         # the kata step (test) that proves the answer
# predict cards only: code = """...""" and snapshot = "step1_step_one"
[card.en]
question = ""
answer = ""
points = [""]
python = ""
[card.ko]
question = ""
answer = ""
points = [""]
python = ""
"#
        )
    }

    /// Its row in README.md's table of katas.
    fn table_row(&self) -> String {
        let question = self.question().replace('|', "\\|");
        format!(
            "| {:02} | [{}]({}) | {question} | {PLACEHOLDER}: the Python original \
             | {PLACEHOLDER}: the tokio answer |",
            self.layout.number(),
            self.layout.package(),
            table::link(&self.layout.dir())
                .trim_start_matches('(')
                .trim_end_matches(')')
        )
    }

    /// Its row in `docs/python-originals.md`.
    fn python_row(&self) -> String {
        format!(
            "{} {PLACEHOLDER}: the asyncio program, with its numbers \
             | {PLACEHOLDER}: what it prints, and when |",
            self.layout.python_row_start()
        )
    }
}

/// `join-errors`: lowercase ASCII words of letters and digits, joined by
/// single hyphens, starting with a letter.
fn is_kebab(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `text` as a TOML string, quotes and backslashes escaped.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names_are_checked() {
        for number in ["7", "07", "99"] {
            assert!(
                Skeleton::new(number, "join-errors", None).is_ok(),
                "{number}"
            );
        }
        for number in ["0", "100", "007", "-1", "x", "", "+7"] {
            let error = Skeleton::new(number, "join-errors", None).err().unwrap();
            assert!(error.to_string().contains("1 to 99"), "{number}: {error}");
        }
        for name in ["join-errors", "a", "block-on2", "x1-y"] {
            assert!(Skeleton::new("7", name, None).is_ok(), "{name}");
        }
        for name in [
            "Join-errors",
            "join_errors",
            "-join",
            "join-",
            "join--errors",
            "2x",
            "",
            "jöin",
        ] {
            let error = Skeleton::new("7", name, None).err().unwrap();
            assert!(
                error.to_string().contains("lowercase words"),
                "{name}: {error}"
            );
        }
        assert!(Skeleton::new("7", "world", None).is_err());
        assert!(Skeleton::new("7", "x", Some("two\nlines")).is_err());
    }

    #[test]
    fn the_skeleton_follows_kata_03() {
        let kata = Skeleton::new("7", "join-errors", Some(r#"What if "one" fails?"#)).unwrap();
        assert_eq!(kata.layout.dir(), "07-join-errors");
        assert_eq!(
            kata.python_row(),
            "| 07 join-errors | TODO(author): the asyncio program, with its numbers \
             | TODO(author): what it prints, and when |"
        );
        let manifest: toml::Table = kata.kata_manifest().parse().unwrap();
        assert_eq!(manifest["package"]["name"].as_str(), Some("join-errors"));
        assert_eq!(manifest["lib"]["name"].as_str(), Some("join_errors"));
        let meta = &manifest["package"]["metadata"]["kata"];
        assert_eq!(meta["number"].as_integer(), Some(7));
        assert_eq!(meta["question"].as_str(), Some(r#"What if "one" fails?"#));
        assert_eq!(
            manifest["test"][0]["path"].as_str(),
            Some("../../tests/join-errors.rs")
        );

        let solution: toml::Table = kata.solution_manifest().parse().unwrap();
        assert_eq!(
            solution["package"]["name"].as_str(),
            Some("join-errors-solution")
        );
        assert_eq!(
            solution["lib"]["name"].as_str(),
            Some("join_errors_solution")
        );
        assert_eq!(
            solution["features"]["default"][0].as_str(),
            Some("reference")
        );
        assert!(solution["package"].get("metadata").is_none());

        let tests = kata.tests();
        assert!(tests.contains(
            "#[cfg(not(feature = \"reference\"))]\nuse join_errors as kata;\n\
             #[cfg(feature = \"reference\")]\nuse join_errors_solution as kata;\n"
        ));
        assert!(kata.table_row().starts_with(
            "| 07 | [join-errors](katas/07-join-errors/README.md) | What if \"one\" fails? |"
        ));
    }

    #[test]
    fn the_readme_and_the_card_outline_are_read_as_verify_reads_them() {
        let kata = Skeleton::new("7", "join-errors", None).unwrap();
        let hints = crate::hints::by_step(&kata.readme());
        assert_eq!(hints.keys().copied().collect::<Vec<_>>(), [1]);
        // The Korean: the same hint blocks, and the English it translates.
        let korean = kata.readme_ko();
        let hints_ko = crate::hints::by_step(&korean);
        assert_eq!(hints_ko[&1].len(), hints[&1].len());
        assert_eq!(hints_ko[&1][0].title, "실마리");
        let blob = crate::blob::blob_id(kata.readme().as_bytes());
        assert_eq!(crate::korean::recorded_source(&korean), Some(blob.as_str()));
        assert!(
            kata.readme()
                .contains("\nEnglish · [한국어](README.ko.md)\n")
        );
        assert!(korean.contains("\n[English](README.md) · 한국어\n"));
        assert_eq!(crate::steps::tests_in(&kata.tests()), ["step1_step_one"]);
        let (cards, problems) = crate::cards::check(&kata.cards());
        assert_eq!(cards.len(), 1);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("en: question, answer, points, python not written")),
            "{problems:?}"
        );
    }
}
