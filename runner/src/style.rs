//! How `cargo kata` sets out what it prints: the few colours it uses, in
//! one place, and paragraphs wrapped to a width.
//!
//! Everything is printed through `anstream`, which drops these styles when
//! stdout is not a terminal or `NO_COLOR` is set, so every line must read
//! as well without them: colour only repeats what the words say.

use std::fmt::Display;
use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};

/// A solved kata, a passing test, the filled part of the progress bar.
pub const GOOD: Style = AnsiColor::Green.on_default();
/// A kata in progress.
pub const UNDERWAY: Style = AnsiColor::Yellow.on_default();
/// A failing test.
pub const BAD: Style = AnsiColor::Red.on_default().bold();
/// Headings: a kata's label, a hint's title.
pub const TITLE: Style = Style::new().bold();
/// What matters less: the empty part of the progress bar, a hint's level.
pub const QUIET: Style = Style::new().dimmed();
/// Code inside hints.
pub const CODE: Style = AnsiColor::Cyan.on_default();
/// A diff's lines: yours (removed), the reference's (added), hunk headers.
pub const REMOVED: Style = AnsiColor::Red.on_default();
pub const ADDED: Style = AnsiColor::Green.on_default();
pub const HUNK: Style = AnsiColor::Cyan.on_default();

/// `text` in `style`. Pad before painting (`format!("{:<8}")` first), as
/// the escape codes would count towards the width.
pub fn paint(style: Style, text: impl Display) -> String {
    format!("{style}{text}{style:#}")
}

/// The width of the terminal `cargo kata` prints to; 80 when it prints to
/// something else, a pipe or a file.
pub fn columns() -> usize {
    let terminal = std::io::stdout().is_terminal();
    match crossterm::terminal::size() {
        Ok((width, _)) if terminal && width > 0 => usize::from(width),
        _ => 80,
    }
}

/// How many columns `text` takes in a terminal: Hangul and the CJK
/// ideographs take two each, as terminals draw them.
pub fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => 2,
            0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// `text` in lines of at most `width` columns, broken between words.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if width(line) + 1 + width(word) <= columns => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{width, wrap};

    #[test]
    fn wraps_between_words() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert!(wrap("", 9).is_empty());
        // Hangul takes two columns a syllable.
        assert_eq!(width("질문 2/5"), 8);
        assert_eq!(wrap("소리 내어 답한 뒤", 9), ["소리 내어", "답한 뒤"]);
    }
}
