//! Failure messages written in one language only.
//!
//! A test's failure message is written in English and Korean side by side,
//! `world::say!(en: "...", ko: "...")` (see `world/src/say.rs`). This finds
//! the ones that are not, for `verify`: an assertion whose message is a
//! plain string literal, and a `format!` of a sentence (four words or more)
//! outside `say!`, which is how a helper function builds a message.
//!
//! It reads tokens, not Rust: string and char literals, comments and
//! parentheses are enough to find a macro call's arguments.

use kata_protocol::lang::has_hangul;

/// The assertion macros whose message arguments come after this many
/// others.
const ASSERTIONS: [(&str, usize); 6] = [
    ("assert!(", 1),
    ("assert_eq!(", 2),
    ("assert_ne!(", 2),
    ("panic!(", 0),
    ("assert_pending!(", 1),
    ("assert_ready!(", 1),
];

/// Each message in `source` written in one language only: its line and
/// its first words. A message that only places another (`"{}", why(n)`)
/// is that other's business, and is found where it is made.
pub fn one_language(source: &str) -> Vec<(usize, String)> {
    let code = blank_comments(source);
    let mut found = Vec::new();
    for (at, _) in code.match_indices('!') {
        let Some((name, skip)) = macro_at(&code, at) else {
            continue;
        };
        let open = at + 1;
        let Some(args) = arguments(&code[open..]) else {
            continue;
        };
        if name == "format!(" {
            if let Some(first) = args.first()
                && is_sentence(first)
                && !inside_say(&code, at)
            {
                found.push((line_of(source, at), words(first)));
            }
            continue;
        }
        if inside_say(&code, at) {
            continue;
        }
        let message = &args[skip.min(args.len())..];
        if let Some(first) = message.first()
            && is_literal(first)
            && first.chars().any(char::is_alphabetic)
            && !message.iter().any(|arg| arg.contains("say!("))
        {
            found.push((line_of(source, at), words(first)));
        }
    }
    found
}

/// The Korean of every `say!` in `source`: each `ko: "..."` literal, its
/// `\` line continuations joined, for the glossary's check.
pub fn korean_messages(source: &str) -> Vec<String> {
    source
        .match_indices("ko: \"")
        .map(|(at, _)| literal_at(source, at + "ko: ".len()))
        .collect()
}

/// Every string literal of `source` with Hangul in it: the Korean a tool's
/// source code holds, however it is laid out (`say!`, a `match` of texts).
pub fn hangul_literals(source: &str) -> Vec<String> {
    // A quote as a char literal opens no string.
    let code = blank_comments(source)
        .replace("'\\\"'", "    ")
        .replace("'\"'", "   ");
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(open) = code[at..].find('"').map(|i| at + i) {
        let text = literal_at(source, open);
        at = closing_quote(source, open) + 1;
        if has_hangul(&text) {
            found.push(text);
        }
    }
    found
}

/// Where the string literal opened at `open` closes.
fn closing_quote(source: &str, open: usize) -> usize {
    let mut escaped = false;
    for (i, c) in source[open + 1..].char_indices() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => return open + 1 + i,
            _ => {}
        }
    }
    source.len()
}

/// The text of the string literal whose `"` is at `open`, its `\` line
/// continuations joined.
fn literal_at(source: &str, open: usize) -> String {
    let mut text = String::new();
    let mut chars = source[open + 1..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('\n') => {
                    text.push(' ');
                    while chars.as_str().starts_with(char::is_whitespace) {
                        chars.next();
                    }
                }
                Some(other) => text.push(other),
                None => break,
            },
            c => text.push(c),
        }
    }
    text
}

/// The assertion (or `format!`) whose `!` is at `at`, and how many
/// arguments come before its message.
fn macro_at(code: &str, at: usize) -> Option<(&'static str, usize)> {
    let start = code[..at]
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let name = &code[start..];
    ASSERTIONS
        .iter()
        .chain(&[("format!(", 0)])
        .find(|(macro_name, _)| name.starts_with(macro_name))
        .map(|&(name, skip)| (name, skip))
}

/// The top-level, comma-separated arguments of the call whose `(` starts
/// `call`, trimmed; `None` if it never closes.
fn arguments(call: &str) -> Option<Vec<String>> {
    let mut args = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    let mut chars = call.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                current.push(c);
                while let Some(s) = chars.next() {
                    current.push(s);
                    if s == '\\' {
                        current.extend(chars.next());
                    } else if s == '"' {
                        break;
                    }
                }
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    args.push(current.trim().to_owned());
                    return Some(args.into_iter().filter(|a| !a.is_empty()).collect());
                }
            }
            ',' if depth == 1 => {
                args.push(current.trim().to_owned());
                current.clear();
                continue;
            }
            _ => {}
        }
        if depth >= 1 && !(depth == 1 && c == '(' && current.is_empty()) {
            current.push(c);
        }
    }
    None
}

/// Whether the `!` at `at` sits inside the arguments of a `say!(...)`.
fn inside_say(code: &str, at: usize) -> bool {
    code[..at]
        .rmatch_indices("say!(")
        .any(|(open, _)| closes_after(code, open + "say!".len(), at))
}

/// Whether the parenthesis opened at `open` closes after `at`.
fn closes_after(code: &str, open: usize, at: usize) -> bool {
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in code[open..].char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return open + i > at;
                }
            }
            _ => {}
        }
    }
    true
}

fn is_literal(arg: &str) -> bool {
    arg.starts_with('"') || arg.starts_with("r\"") || arg.starts_with("r#")
}

/// A string literal of four words or more: a sentence for a reader.
fn is_sentence(arg: &str) -> bool {
    is_literal(arg) && arg.split_whitespace().count() >= 4
}

/// The first words of a literal, for the report.
fn words(literal: &str) -> String {
    let text: String = literal.chars().take(60).collect();
    text.replace('\n', " ")
}

fn line_of(source: &str, at: usize) -> usize {
    source[..at].matches('\n').count() + 1
}

/// `source` with every comment replaced by spaces (string literals kept),
/// so that positions stay where they were.
fn blank_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'/') {
            out.push(' ');
            for rest in chars.by_ref() {
                if rest == '\n' {
                    out.push('\n');
                    break;
                }
                out.push_str(&" ".repeat(rest.len_utf8()));
            }
            continue;
        }
        if c == '"' {
            in_string = true;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_messages_in_one_language_and_only_those() {
        let source = r#"
fn why(n: u32) -> String {
    format!("the call returned at {n} ms while consumers were still at work")
}

fn ok(n: u32) -> String {
    world::say!(
        en: "the call returned at {n} ms while consumers worked",
        ko: "소비자가 일하는 동안 {n} ms에 반환했습니다",
    )
}

#[world::step]
async fn step1_x() {
    // assert!(false, "a comment is not code");
    assert_eq!(a, b, "gathered calls run concurrently: both start at 0 ms");
    assert_eq!(a, b);
    assert!(c, "{}", world::say!(en: "in {n}, English", ko: "한국어 {n}", n = 1));
    assert!(c, "{}", why(3));
    panic!("fetch_data answered on its first poll");
    let label = format!("item {i}");
    assert_timeline!("step1_x", world);
}
"#;
        let found: Vec<usize> = one_language(source).iter().map(|(line, _)| *line).collect();
        assert_eq!(found, [3, 16, 20], "{:?}", one_language(source));
        assert_eq!(
            korean_messages(source),
            ["소비자가 일하는 동안 {n} ms에 반환했습니다", "한국어 {n}"]
        );
        assert_eq!(hangul_literals(source), korean_messages(source));
    }
}
