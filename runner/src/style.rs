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

/// The width `cargo kata` prints in: `COLUMNS` when it is set (as a
/// shell sets it, or a learner who wants another width), else the
/// terminal's; 80 when it prints to something else, a pipe or a file.
pub fn columns() -> usize {
    let set = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok());
    if let Some(columns) = set.filter(|c: &usize| *c > 0) {
        return columns;
    }
    let terminal = std::io::stdout().is_terminal();
    match crossterm::terminal::size() {
        Ok((width, _)) if terminal && width > 0 => usize::from(width),
        _ => 80,
    }
}

/// How many columns `text` takes in a terminal: Hangul and the CJK
/// ideographs take two each, as terminals draw them, combining marks none.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` followed by spaces up to `columns` columns of display width (a
/// Hangul syllable takes two), as `format!("{:<columns$}")` pads ASCII:
/// a column of Korean words lines up. Text wider than that is left whole.
pub fn pad(text: &str, columns: usize) -> String {
    let fill = columns.saturating_sub(width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// `text` in lines of at most `width` columns, broken between words, but
/// not inside `code in backticks` while it fits on a line: a command cut
/// in two reads as two.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in tokens(text, columns) {
        match lines.last_mut() {
            Some(line) if width(line) + 1 + width(&word) <= columns => {
                line.push(' ');
                line.push_str(&word);
            }
            _ => lines.push(word),
        }
    }
    lines
}

/// The words of `text`, those of a span in backticks joined into one when
/// it fits in `columns`.
fn tokens(text: &str, columns: usize) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut span: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        span.push(word);
        // Inside a span while its backticks are odd in number.
        let ticks: usize = span.iter().map(|w| w.matches('`').count()).sum();
        if ticks % 2 == 0 {
            let joined = span.join(" ");
            if width(&joined) <= columns {
                tokens.push(joined);
            } else {
                tokens.extend(span.iter().map(|w| w.to_string()));
            }
            span.clear();
        }
    }
    tokens.extend(span.iter().map(|w| w.to_string()));
    tokens
}

#[cfg(test)]
mod tests {
    use super::{pad, width, wrap};

    #[test]
    fn pads_to_the_display_width() {
        assert_eq!(pad("ok", 7), format!("{:<7}", "ok"));
        assert_eq!(pad("통과", 7), "통과   ");
        assert_eq!(width(&pad("진행 중", 11)), 11);
        assert_eq!(pad("not started", 4), "not started");
    }

    #[test]
    fn wraps_between_words() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert!(wrap("", 9).is_empty());
        // Hangul takes two columns a syllable.
        assert_eq!(width("질문 2/5"), 8);
        assert_eq!(wrap("소리 내어 답한 뒤", 9), ["소리 내어", "답한 뒤"]);
        // Code in backticks stays whole while it fits a line.
        assert_eq!(
            wrap("stuck? `cargo kata hint lazy-futures` then", 34),
            ["stuck?", "`cargo kata hint lazy-futures`", "then"]
        );
        assert_eq!(wrap("`a b c`", 3), ["`a", "b", "c`"]);
    }
}
