//! `cargo kata hint NAME [--level N] [--step S]`: graded hints, from a
//! nudge to nearly the answer, one at a time.
//!
//! Hints live with the kata, folded in its README (see `hints.rs`), where a
//! reader of the page finds them too. Which step: `--step`, else the first
//! step whose test (`stepN_...`) failed at the last check, else the first
//! step with hints. How far: `.kata-progress` remembers how many hints of
//! each step were shown, so each call shows one more.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anstream::println;
use anyhow::{Result, bail};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::hints;
use crate::kata::Kata;
use crate::messages::{self, Hint, Lang, text, tr};
use crate::progress::Progress;
use crate::steps::step_of;
use crate::style::{self, paint};
use crate::workspace::Workspace;

/// Shows the next hint for `kata`, as `cargo kata hint NAME` does; what
/// `watch`'s hint key calls.
pub fn show_next(workspace: &Workspace, kata: &Kata) -> Result<()> {
    show(workspace, kata, None, None).map(|_| ())
}

/// `cargo kata hint`: exit 0 with a hint shown, 1 when the kata has none
/// (nothing wrong with the request; there is just nothing to show), 2 for a
/// step or level that does not exist.
pub fn run(
    workspace: &Workspace,
    kata: &Kata,
    level: Option<u32>,
    step: Option<u32>,
) -> Result<ExitCode> {
    let shown = show(workspace, kata, level, step)?;
    Ok(if shown {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Whether there was a hint to show.
fn show(workspace: &Workspace, kata: &Kata, level: Option<u32>, step: Option<u32>) -> Result<bool> {
    let path = readme_path(workspace, kata);
    let readme = std::fs::read_to_string(workspace.root().join(&path));
    let steps = hints::by_step(readme.as_deref().unwrap_or_default());
    if steps.is_empty() {
        let why = text(match readme {
            Ok(_) => Hint::ReadmeHoldsNone,
            Err(_) => Hint::NoReadme,
        });
        let values: [(&str, &dyn std::fmt::Display); 3] = [
            ("label", &kata.label()),
            ("why", &why),
            ("readme", &path.display()),
        ];
        println!("{}", tr(Hint::NoHints, &values));
        return Ok(false);
    }

    let progress = Progress::load(&workspace.progress_file());
    let (step, why) = which_step(kata, &steps, &progress, step)?;
    let hints = &steps[&step];
    let count = hints.len() as u32;
    let shown = match level {
        Some(level) if (1..=count).contains(&level) => level,
        Some(level) => {
            let list = hints
                .iter()
                .zip(1..)
                .map(|(hint, n)| format!("{n} ({})", hint.title))
                .collect::<Vec<_>>()
                .join(", ");
            let values: [(&str, &dyn std::fmt::Display); 4] = [
                ("step", &step),
                ("name", &kata.name),
                ("level", &level),
                ("list", &list),
            ];
            bail!("{}", tr(Hint::NoSuchLevel, &values))
        }
        None => progress
            .hints_shown(kata, step)
            .saturating_add(1)
            .min(count),
    };
    let hint = &hints[shown as usize - 1];

    let heading = tr(
        Hint::Heading,
        &[("label", &kata.label()), ("step", &step), ("why", &why)],
    );
    let title = tr(
        Hint::Title,
        &[("shown", &shown), ("count", &count), ("title", &hint.title)],
    );
    println!("{heading}\n{}\n", paint(style::TITLE, title));
    for line in render(&hint.body).lines() {
        println!("  {line}");
    }
    println!();
    let values: [(&str, &dyn std::fmt::Display); 4] = [
        ("shown", &shown),
        ("count", &count),
        ("step", &step),
        ("name", &kata.name),
    ];
    if level.is_some() {
        // Asked for by number: what is remembered stays as it was.
        println!("{}", tr(Hint::Shown, &values));
    } else {
        Progress::record(&workspace.progress_file(), |progress| {
            progress.record_hints_shown(kata, step, shown);
        });
        if shown < count {
            println!("{}", tr(Hint::RunAgain, &values));
        } else {
            println!("{}", tr(Hint::Last, &values));
        }
    }
    Ok(true)
}

/// The step whose hints to show, and why that one: the step asked for,
/// else the first that failed at the last check, else the first.
fn which_step(
    kata: &Kata,
    steps: &BTreeMap<u32, Vec<hints::Hint>>,
    progress: &Progress,
    step: Option<u32>,
) -> Result<(u32, &'static str)> {
    Ok(match step {
        Some(step) if steps.contains_key(&step) => (step, ""),
        Some(step) => {
            let values: [(&str, &dyn std::fmt::Display); 3] = [
                ("name", &kata.name),
                ("step", &step),
                ("list", &list(steps.keys())),
            ];
            bail!("{}", tr(Hint::NoHintsForStep, &values))
        }
        None => {
            let failing = progress
                .failing(kata)
                .iter()
                .filter_map(|test| step_of(test))
                .find(|step| steps.contains_key(step));
            match failing {
                Some(step) => (step, text(Hint::FirstFailed)),
                None => (*steps.keys().next().expect("not empty"), ""),
            }
        }
    })
}

/// The README whose hints to show: in Korean, `README.ko.md` (its hints
/// in the same `data-step` blocks), or the English when the kata has no
/// Korean one.
fn readme_path(workspace: &Workspace, kata: &Kata) -> std::path::PathBuf {
    let korean = kata.readme_ko();
    match messages::lang() {
        Lang::Ko if workspace.root().join(&korean).is_file() => korean,
        _ => kata.readme(),
    }
}

fn list<'a>(numbers: impl Iterator<Item = &'a u32>) -> String {
    let numbers: Vec<String> = numbers.map(u32::to_string).collect();
    numbers.join(", ")
}

/// A hint's markdown as plain text: inline code keeps its backticks (as the
/// compiler's messages do), emphasis loses its stars, links show their
/// address, code blocks are kept line for line, indented.
fn render(markdown: &str) -> String {
    let mut out = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut links: Vec<String> = Vec::new();
    let mut in_code_block = false;
    let mut strong = 0;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                block_break(&mut out);
                in_code_block = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                block_break(&mut out);
            }
            Event::Text(text) if in_code_block => {
                for line in text.lines() {
                    out.push_str(&format!("    {}\n", paint(style::CODE, line)));
                }
            }
            Event::Text(text) if strong > 0 => out.push_str(&paint(style::TITLE, text)),
            Event::Text(text) => out.push_str(&text),
            Event::Code(code) => out.push_str(&paint(style::CODE, format!("`{code}`"))),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong -= 1,
            Event::Start(Tag::List(first)) => {
                block_break(&mut out);
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                block_break(&mut out);
            }
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                let indent = "  ".repeat(lists.len().saturating_sub(1));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{indent}{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str(&format!("{indent}- ")),
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = links.pop() {
                    out.push_str(&format!(" ({url})"));
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_)) => {
                block_break(&mut out);
            }
            Event::Rule => {
                block_break(&mut out);
                out.push_str("---\n\n");
            }
            // Emphasis, headings, quotes: their text is enough. HTML tags
            // (a stray `<b>`) are dropped.
            _ => {}
        }
    }
    out.trim_end().to_string()
}

/// Ends the block being written: one blank line before the next.
fn block_break(out: &mut String) {
    if out.is_empty() {
        return;
    }
    while !out.ends_with("\n\n") {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown_as_plain_text() {
        let markdown = "Two `.await`s, *one* after\nthe **other**: see [tokio](https://tokio.rs).\n\n\
                        ```rust\nlet a = 1;\n    let b = 2;\n```\n\n- one\n- two\n";
        // Styles are escape codes; anstream strips them as `cargo kata`
        // prints when stdout is not a terminal.
        let text = anstream::adapter::strip_str(&render(markdown)).to_string();
        assert_eq!(
            text,
            "Two `.await`s, one after\nthe other: see tokio (https://tokio.rs).\n\n\
             \x20   let a = 1;\n        let b = 2;\n\n- one\n- two"
        );
    }
}
