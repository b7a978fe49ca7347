//! A kata's hints: the folded blocks of its README, one per hint, in order.
//!
//! ```markdown
//! <details data-step="2"><summary>Step 2: Nudge</summary>
//!
//! You need something that awaits two futures at once...
//! </details>
//! ```
//!
//! The step is the `data-step` attribute, which a reader never sees: the
//! summary is words for the learner, in English or Korean (`2단계: 실마리`),
//! and no tool reads a word of it. A step's hints are numbered in the order
//! they appear (1 is the nudge); the hint's title is what follows the
//! summary's first colon. `cargo kata hint` shows them, and `cargo kata
//! verify` checks that every step has some: one reader for both, so they
//! never disagree about what a hint is.

use std::collections::BTreeMap;

/// One `<details>` block of a README.
#[derive(Debug, PartialEq, Eq)]
pub struct Hint {
    pub step: u32,
    /// What follows the summary's first colon: "Nudge", "Closer",
    /// "Nearly the answer" (the whole summary if it has no colon).
    pub title: String,
    /// Markdown.
    pub body: String,
}

/// The hints of `readme`, step by step, each step's in order.
pub fn by_step(readme: &str) -> BTreeMap<u32, Vec<Hint>> {
    let mut steps: BTreeMap<u32, Vec<Hint>> = BTreeMap::new();
    for hint in parse(readme) {
        steps.entry(hint.step).or_default().push(hint);
    }
    steps
}

/// Every `<details data-step="N"><summary>...: TITLE</summary> BODY
/// </details>` block, in order. Tags and case are matched loosely
/// (`<DETAILS open data-step=2>`, `<b>` inside the summary); a block without
/// a step is not a hint, and is left out.
pub fn parse(readme: &str) -> Vec<Hint> {
    // ASCII lowercase keeps every byte where it was: positions found in
    // `lower` are positions in `readme`.
    let lower = readme.to_ascii_lowercase();
    let mut hints = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<details").map(|i| at + i) {
        let Some(end) = lower[start..].find("</details>").map(|i| start + i) else {
            break;
        };
        at = end + "</details>".len();
        let block = &readme[start..end];
        let block_lower = &lower[start..end];
        let (Some(open), Some(close)) =
            (block_lower.find("<summary"), block_lower.find("</summary>"))
        else {
            continue;
        };
        let Some(summary_start) = block[open..].find('>').map(|i| open + i + 1) else {
            continue;
        };
        if summary_start > close {
            continue;
        }
        let Some(step) = data_step(&block_lower[..open]) else {
            continue;
        };
        hints.push(Hint {
            step,
            title: title(&strip_tags(&block[summary_start..close])),
            body: block[close + "</summary>".len()..].trim().to_string(),
        });
    }
    hints
}

fn strip_tags(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// The `data-step` attribute of a `<details ...>` tag (lowercased):
/// `data-step="2"`, `data-step='2'` or `data-step=2`.
fn data_step(tag: &str) -> Option<u32> {
    let value = &tag[tag.find("data-step=")? + "data-step=".len()..];
    let value = value.trim_start_matches(['"', '\'']);
    let digits = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    value[..digits].parse().ok()
}

/// `Step 2: Nearly the answer` -> "Nearly the answer"; `2단계: 거의 정답` ->
/// "거의 정답"; a summary without a colon is the title whole.
fn title(summary: &str) -> String {
    let summary = summary.trim();
    let title = summary.split_once(':').map_or(summary, |(_, t)| t.trim());
    if title.is_empty() { "Hint" } else { title }.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_hint_block_in_order() {
        let readme = r#"
## Hints

<details data-step="1"><summary>Step 1: Nudge</summary>

Two `.await`s.
</details>

<details data-step='2'>
<summary><b>Step 2</b>: Closer</summary>
Use **join**.

</details>
<DETAILS open data-step=10><summary>10단계: 거의 정답</summary>

```rust
let x = 1;
```
</DETAILS>

<details><summary>Step 3: no data-step, so no hint</summary>not a hint</details>
"#;
        let hints = parse(readme);
        let titles: Vec<(u32, &str)> = hints.iter().map(|h| (h.step, h.title.as_str())).collect();
        assert_eq!(titles, [(1, "Nudge"), (2, "Closer"), (10, "거의 정답")]);
        assert_eq!(hints[0].body, "Two `.await`s.");
        assert_eq!(hints[1].body, "Use **join**.");
        assert!(hints[2].body.starts_with("```rust\nlet x = 1;"));
        let steps: Vec<u32> = by_step(readme).into_keys().collect();
        assert_eq!(steps, [1, 2, 10]);
    }
}
