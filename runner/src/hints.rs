//! A kata's hints: the folded blocks of its README, one per hint, in order.
//!
//! ```markdown
//! <details><summary>Step 2: Nudge</summary>
//!
//! You need something that awaits two futures at once...
//! </details>
//! ```
//!
//! A step's hints are numbered in the order they appear (1 is the nudge);
//! what follows "Step N:" is the hint's title. `cargo kata hint` shows them,
//! and `cargo kata verify` checks that every step has some: one reader for
//! both, so they never disagree about what a hint is.

use std::collections::BTreeMap;

/// One `<details>` block of a README.
#[derive(Debug, PartialEq, Eq)]
pub struct Hint {
    pub step: u32,
    /// What follows "Step N:": "Nudge", "Closer", "Nearly the answer".
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

/// Every `<details><summary>Step N: TITLE</summary> BODY </details>` block,
/// in order. Tags and case are matched loosely (`<details open>`, `<b>`
/// inside the summary, `Step 2 - Closer`); a block whose summary names no
/// step is not a hint, and is left out.
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
        let summary = strip_tags(&block[summary_start..close]);
        if let Some((step, title)) = step_and_title(&summary) {
            hints.push(Hint {
                step,
                title,
                body: block[close + "</summary>".len()..].trim().to_string(),
            });
        }
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

/// `Step 2: Nearly the answer` -> (2, "Nearly the answer").
fn step_and_title(summary: &str) -> Option<(u32, String)> {
    let summary = summary.trim();
    let rest = summary
        .get(..4)?
        .eq_ignore_ascii_case("step")
        .then(|| &summary[4..])?;
    let rest = rest.trim_start();
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let step = rest[..digits].parse().ok()?;
    let title = rest[digits..]
        .trim_start_matches(|c: char| c.is_whitespace() || ":.-–—".contains(c))
        .trim();
    let title = if title.is_empty() { "Hint" } else { title };
    Some((step, title.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_hint_block_in_order() {
        let readme = "
## Hints

<details><summary>Step 1: Nudge</summary>

Two `.await`s.
</details>

<details>
<summary><b>Step 2</b> - Closer</summary>
Use **join**.

</details>
<DETAILS open><summary>step 10: Nearly the answer</summary>

```rust
let x = 1;
```
</DETAILS>

<details><summary>Solution</summary>not a hint</details>
";
        let hints = parse(readme);
        let titles: Vec<(u32, &str)> = hints.iter().map(|h| (h.step, h.title.as_str())).collect();
        assert_eq!(
            titles,
            [(1, "Nudge"), (2, "Closer"), (10, "Nearly the answer")]
        );
        assert_eq!(hints[0].body, "Two `.await`s.");
        assert_eq!(hints[1].body, "Use **join**.");
        assert!(hints[2].body.starts_with("```rust\nlet x = 1;"));
        let steps: Vec<u32> = by_step(readme).into_keys().collect();
        assert_eq!(steps, [1, 2, 10]);
    }
}
