//! The table of katas in the workspace's README.md, under `## The katas`:
//! one row per kata, in number order, its second cell a link to the kata's
//! README.
//!
//! ```markdown
//! | NN | kata | the interview question | Python original | the tokio answer |
//! |---|---|---|---|---|
//! | 03 | [spawn-vs-join](katas/03-spawn-vs-join/README.md) | ... | ... | ... |
//! ```
//!
//! `new` adds a row whose cells the author fills in, marked with
//! [`PLACEHOLDER`]; `verify` checks that the row is there and filled in.
//! `docs/python-originals.md` has a table of the same kind, its rows
//! starting `| 03 spawn-vs-join |`, which `new` adds to in the same way
//! ([`with_row_in`]).

use anyhow::{Result, bail};
pub use kata_protocol::kata::PLACEHOLDER;

const HEADING: &str = "## The katas";

/// The row of the kata in `katas/<dir>/`, if the table has one.
pub fn row<'a>(readme: &'a str, dir: &str) -> Option<&'a str> {
    let link = link(dir);
    rows(readme)?.1.into_iter().find(|row| row.contains(&link))
}

/// `readme` with `row` added to the table, among the other rows in number
/// order.
pub fn with_row(readme: &str, number: u32, row: &str) -> Result<String> {
    let Some((header_end, rows)) = rows(readme) else {
        bail!("README.md has no table under `{HEADING}` to add the kata's row to");
    };
    insert(readme, header_end, &rows, number, row)
}

/// `text` with `row` added to its first table (`docs/python-originals.md`'s),
/// in number order.
pub fn with_row_in(text: &str, number: u32, row: &str) -> Result<String> {
    let Some((header_end, rows)) = table_at(text, 0) else {
        bail!("no table to add the kata's row to");
    };
    insert(text, header_end, &rows, number, row)
}

fn insert(
    readme: &str,
    header_end: usize,
    rows: &[&str],
    number: u32,
    row: &str,
) -> Result<String> {
    let lines: Vec<&str> = readme.lines().collect();
    // The row goes before the first with a higher number, else after the last.
    let before = rows
        .iter()
        .position(|r| first_number(r).is_some_and(|n| n > number));
    let at = header_end + before.unwrap_or(rows.len());
    let mut out: Vec<&str> = lines[..at].to_vec();
    out.push(row);
    out.extend(&lines[at..]);
    Ok(out.join("\n") + "\n")
}

/// The Markdown link to the kata's README, as the table spells it.
pub fn link(dir: &str) -> String {
    format!("(katas/{dir}/README.md)")
}

/// The line index just after the table's header and separator, and the
/// rows that follow them.
fn rows(readme: &str) -> Option<(usize, Vec<&str>)> {
    let lines: Vec<&str> = readme.lines().collect();
    let heading = lines.iter().position(|l| l.trim_end() == HEADING)?;
    table_at(readme, heading + 1)
}

/// The first table from line `from` on: the line index after its header
/// and separator, and its rows.
fn table_at(readme: &str, from: usize) -> Option<(usize, Vec<&str>)> {
    let lines: Vec<&str> = readme.lines().collect();
    let table = from + lines.get(from..)?.iter().position(|l| l.starts_with('|'))?;
    let header_end = table + 2;
    if !lines.get(table + 1)?.starts_with("|-") && !lines[table + 1].starts_with("| -") {
        return None;
    }
    let rows = lines[header_end..]
        .iter()
        .take_while(|l| l.starts_with('|'))
        .copied()
        .collect();
    Some((header_end, rows))
}

/// `| 03 | ...` and `| 03 spawn-vs-join | ...` -> 3.
fn first_number(row: &str) -> Option<u32> {
    let cell = row.trim_start_matches('|').split('|').next()?.trim();
    cell.split(' ').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str = "# async-katas

## The katas

| NN | kata | question |
|---|---|---|
| 03 | [spawn-vs-join](katas/03-spawn-vs-join/README.md) | gather? |
| 10 | [lock-race](katas/10-lock-race/README.md) | a race? |

Planned: more.
";

    #[test]
    fn finds_a_katas_row_by_its_link() {
        assert_eq!(
            row(README, "10-lock-race"),
            Some("| 10 | [lock-race](katas/10-lock-race/README.md) | a race? |")
        );
        assert_eq!(row(README, "04-join-errors"), None);
    }

    #[test]
    fn a_new_row_goes_in_number_order() {
        let row = "| 05 | [x](katas/05-x/README.md) | TODO(author) |";
        let added = with_row(README, 5, row).unwrap();
        let lines: Vec<&str> = added.lines().collect();
        assert_eq!(
            lines[6],
            "| 03 | [spawn-vs-join](katas/03-spawn-vs-join/README.md) | gather? |"
        );
        assert_eq!(lines[7], row);
        assert!(lines[8].starts_with("| 10 |"));

        let last = with_row(README, 12, "| 12 | last |").unwrap();
        assert_eq!(last.lines().nth(8), Some("| 12 | last |"));
        assert!(last.ends_with("\n\nPlanned: more.\n"));
        let first = with_row(README, 1, "| 01 | first |").unwrap();
        assert_eq!(first.lines().nth(6), Some("| 01 | first |"));

        let originals = "# Originals\n\n| kata | x |\n|---|---|\n| 03 spawn-vs-join | a |\n\
                         | 10 lock-race | b |\n";
        let added = with_row_in(originals, 5, "| 05 x | TODO(author) |").unwrap();
        assert_eq!(added.lines().nth(5), Some("| 05 x | TODO(author) |"));
        assert!(added.lines().nth(6).unwrap().starts_with("| 10 lock-race"));

        let error = with_row("# no table\n", 5, row).unwrap_err().to_string();
        assert!(error.contains("no table under `## The katas`"), "{error}");
    }
}
