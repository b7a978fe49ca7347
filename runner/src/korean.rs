//! The Korean texts' two rules, which `verify` applies: one vocabulary, and
//! no stale translation.
//!
//! **One vocabulary.** `docs/glossary.ko.md` gives one Korean form per
//! concept, and in its tables the forms that are *not* written (`task`,
//! `쓰레드`, `마감` ...). A learner who meets three words for one idea
//! wonders whether they are three ideas, so a ruled-out form in Korean
//! prose is an error. Prose is what a reader reads as words: code spans,
//! fenced code, HTML comments and tags, and code names written bare (a word
//! with `::`, `_`, `()`, or a capital inside it, as the cards' points write
//! them) are not prose.
//!
//! **No stale translation.** A Korean file records which version of its
//! English source it translates, by git blob id, in its first line:
//!
//! ```text
//! <!-- @kata translation source=README.md blob=0123abcd... -->
//! ```
//!
//! (a protocol marker inside an HTML comment, so no reader sees it). When the
//! English changes, its blob id does, and the Korean is named stale until
//! someone brings it up to date and writes the new id: `git diff OLD NEW`
//! shows what changed.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::blob::blob_id;

/// Where the glossary lives, from the workspace root.
pub const GLOSSARY: &str = "docs/glossary.ko.md";

/// A form the glossary rules out, and the form to write instead.
#[derive(Debug, PartialEq, Eq)]
pub struct RuledOut {
    pub form: String,
    pub instead: String,
}

/// The glossary's ruled-out forms.
pub struct Glossary {
    ruled_out: Vec<RuledOut>,
}

impl Glossary {
    pub fn load(root: &Path) -> Result<Glossary> {
        let text = std::fs::read_to_string(root.join(GLOSSARY))
            .with_context(|| format!("cannot read {GLOSSARY}"))?;
        Ok(Glossary::parse(&text))
    }

    /// Every row of a table headed `| 개념 | 한국어 | 쓰지 않는 형태 |`: the
    /// third cell's forms, comma-separated, each ruled out in favour of the
    /// second cell's first form. A form with a condition in parentheses
    /// (`작업(태스크의 뜻일 때)`) needs a reader's judgement and is left out.
    pub fn parse(text: &str) -> Glossary {
        let mut ruled_out = Vec::new();
        let mut in_rules = false;
        for line in text.lines() {
            let cells: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
            if !line.trim_start().starts_with('|') || cells.len() != 3 {
                in_rules = false;
                continue;
            }
            if cells[2].contains("쓰지 않는") {
                in_rules = true;
                continue;
            }
            if !in_rules || cells[0].trim_start().starts_with("---") {
                continue;
            }
            for form in cells[2].split(',').map(str::trim) {
                if form.is_empty() || form == "—" || form.contains('(') || form.contains('`') {
                    continue;
                }
                ruled_out.push(RuledOut {
                    form: form.to_owned(),
                    instead: instead_of(form, cells[0], cells[1]),
                });
            }
        }
        Glossary { ruled_out }
    }

    /// The ruled-out forms used in the prose of `text`, each once, in the
    /// glossary's order.
    pub fn violations(&self, text: &str) -> Vec<&RuledOut> {
        let prose = prose(text);
        self.ruled_out
            .iter()
            .filter(|rule| contains_form(&prose, &rule.form))
            .collect()
    }
}

/// What to write instead of `form`, from a row that may pair several
/// concepts with as many forms (`legend / detach | 범례 / 분리하다`): the
/// form of the concept `form` names, else the row's first form.
fn instead_of(form: &str, concepts: &str, forms: &str) -> String {
    let concepts: Vec<String> = concepts
        .split('/')
        .map(|c| c.trim().to_lowercase())
        .collect();
    let forms: Vec<&str> = forms.split('/').collect();
    let form = form.to_lowercase();
    let matching = concepts
        .iter()
        .position(|concept| concept.contains(&form) || form.contains(concept.as_str()));
    match matching {
        Some(i) if forms.len() == concepts.len() => first_form(forms[i]),
        _ => first_form(forms[0]),
    }
}

/// The first form of a glossary cell: `락, 락을 잡다` -> `락`.
fn first_form(cell: &str) -> String {
    let cell = cell.trim();
    let end = cell.find([',', '(', '/']).unwrap_or(cell.len());
    cell[..end].trim().to_owned()
}

/// Whether `prose` uses `form`: as a whole word when it is Latin (`task`
/// in `task를`, not in `tasks` or `multitask`), anywhere when it is Hangul
/// (`쓰레드를`).
fn contains_form(prose: &str, form: &str) -> bool {
    if !form.is_ascii() {
        return prose.contains(form);
    }
    let lower = prose.to_lowercase();
    let form = form.to_lowercase();
    lower.match_indices(&form).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + form.len()..].chars().next();
        !before.is_some_and(is_latin_word_char) && !after.is_some_and(is_latin_word_char)
    })
}

fn is_latin_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// `text` without what is not prose: fenced code blocks, the title,
/// code spans, HTML comments and tags (each may run over several lines),
/// and bare code names.
pub fn prose(text: &str) -> String {
    let mut outside_fences = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        // The title (`# 07 timeout`) is the kata's name, not prose.
        if !fenced && !line.starts_with("# ") {
            outside_fences.push_str(line);
            outside_fences.push('\n');
        }
    }
    strip_inline(&outside_fences)
}

/// `text` without code spans (single or double backticks), HTML comments
/// or tags, format placeholders, and bare code names.
fn strip_inline(text: &str) -> String {
    let mut kept = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(['`', '<', '{']) {
        kept.push_str(&rest[..open]);
        let (closer, skip) = if rest[open..].starts_with("``") {
            ("``", 2)
        } else if rest[open..].starts_with('`') {
            ("`", 1)
        } else if rest[open..].starts_with("<!--") {
            ("-->", 4)
        } else if rest[open..].starts_with('{') {
            // A format placeholder: `{row}` is filled in with a name.
            ("}", 1)
        } else {
            (">", 1)
        };
        match rest[open + skip..].find(closer) {
            Some(close) => rest = &rest[open + skip + close + closer.len()..],
            None => {
                rest = "";
                break;
            }
        }
        kept.push(' ');
    }
    kept.push_str(rest);
    let kept = without_glosses(&kept);
    kept.split_whitespace()
        .filter(|word| !is_code_name(word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` without the English glosses that follow a Korean term in
/// parentheses: `헤지 요청(hedged request)` is the glossary's form, with the
/// English a reader may know it by.
fn without_glosses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let after_hangul = rest[..open]
            .chars()
            .next_back()
            .is_some_and(kata_protocol::lang::is_hangul);
        let close = rest[open..].find(')').map(|i| open + i);
        match close {
            Some(close)
                if after_hangul
                    && rest[open + 1..close]
                        .chars()
                        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-') =>
            {
                out.push_str(&rest[..open]);
                rest = &rest[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `std::thread::sleep`, `spawn_blocking`, `abort()`, `JoinHandle`,
/// `is_cancelled`, `handle.spawn`, `Mutex`: a name from code, written
/// without backticks (a capital first is a type's name: the concept the
/// glossary rules on is the word in lower case).
fn is_code_name(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '_' && c != ':');
    word.contains("::")
        || word.contains('_')
        || word.contains("()")
        || word.chars().skip(1).any(|c| c.is_ascii_uppercase())
        || word.starts_with(|c: char| c.is_ascii_uppercase())
        || is_method_call(word)
}

/// `handle.spawn`, `fut.await`: a name, a dot, a name (a Korean particle
/// may follow: `handle.spawn은`).
fn is_method_call(word: &str) -> bool {
    let is_name_char = |c: char| c.is_ascii_alphanumeric() || c == '_';
    word.split_once('.').is_some_and(|(receiver, method)| {
        !receiver.is_empty()
            && receiver.chars().all(is_name_char)
            && method.starts_with(is_name_char)
    })
}

/// The blob id a translation records in its first line, if it has one.
pub fn recorded_source(translation: &str) -> Option<&str> {
    let first = translation.lines().next()?.trim();
    let marker = first.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    let mut words = marker.split_whitespace();
    (words.next()? == "@kata" && words.next()? == "translation").then_some(())?;
    words.find_map(|w| w.strip_prefix("blob="))
}

/// Checks that `korean` exists and translates `english` as it is now.
pub fn up_to_date(root: &Path, english: &Path, korean: &Path) -> Result<String> {
    let translation = std::fs::read_to_string(root.join(korean))
        .with_context(|| format!("no {}: translate {}", korean.display(), english.display()))?;
    let source = std::fs::read(root.join(english))
        .with_context(|| format!("cannot read {}", english.display()))?;
    let Some(recorded) = recorded_source(&translation) else {
        bail!(
            "{} does not say which {} it translates: its first line must be \
             `<!-- @kata translation source={} blob=ID -->`, ID being `git hash-object {}`",
            korean.display(),
            english.display(),
            file_name(english),
            english.display()
        );
    };
    let now = blob_id(&source);
    if recorded != now {
        bail!(
            "{} translates {} as it was at {recorded}; it has changed since \
             (`git diff {recorded} {now}` shows how): bring the Korean up to date, \
             then record blob={now}",
            korean.display(),
            english.display()
        );
    }
    Ok(String::new())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The glossary's verdict on Korean `texts` (what, text): each ruled-out
/// form found, with where and what to write instead.
pub fn follows_glossary(glossary: &Glossary, texts: &[(String, String)]) -> Result<String> {
    let mut problems = Vec::new();
    for (what, text) in texts {
        for rule in glossary.violations(text) {
            problems.push(format!(
                "{what}: `{}` is ruled out in Korean prose: write `{}` ({GLOSSARY})",
                rule.form, rule.instead
            ));
        }
    }
    if problems.is_empty() {
        Ok(String::new())
    } else {
        bail!("{}", problems.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOSSARY_TEXT: &str = "
| 개념 (English) | 한국어 | 쓰지 않는 형태 |
|---|---|---|
| task | 태스크 | task, 타스크, 작업(태스크의 뜻일 때) |
| thread | 스레드 | thread, 쓰레드 |
| lock | 락, 락을 잡다 | lock, 잠금 |
| future | future (타입은 `Future`) | — |
| legend / detach | 범례 / 분리하다 | legend, detach |
";

    #[test]
    fn reads_the_ruled_out_forms_and_what_to_write_instead() {
        let glossary = Glossary::parse(GLOSSARY_TEXT);
        let forms: Vec<(&str, &str)> = glossary
            .ruled_out
            .iter()
            .map(|r| (r.form.as_str(), r.instead.as_str()))
            .collect();
        assert_eq!(
            forms,
            [
                ("task", "태스크"),
                ("타스크", "태스크"),
                ("thread", "스레드"),
                ("쓰레드", "스레드"),
                ("lock", "락"),
                ("잠금", "락"),
                ("legend", "범례"),
                ("detach", "분리하다"),
            ]
        );
    }

    #[test]
    fn flags_forms_in_prose_only() {
        let glossary = Glossary::parse(GLOSSARY_TEXT);
        let found = |text: &str| -> Vec<String> {
            glossary
                .violations(text)
                .iter()
                .map(|r| r.form.clone())
                .collect()
        };
        assert_eq!(
            found("task를 spawn하면 쓰레드가 늘지 않습니다."),
            ["task", "쓰레드"]
        );
        // Code is not prose: spans, fences, tags, comments, bare code names.
        assert!(found("`task` 대신 `std::thread::sleep`을 씁니다.").is_empty());
        assert!(found("```rust\nlet task = lock();\n```\n태스크입니다.").is_empty());
        assert!(found("<!-- task --> <details data-step=\"1\">").is_empty());
        assert!(found("std::thread::sleep와 spawn_blocking, JoinHandle, lock()은").is_empty());
        assert!(found("handle.spawn으로 보냅니다, handle.spawn은 됩니다").is_empty());
        // A type's name, and a gloss after its Korean form, are not prose.
        assert!(found("Mutex나 Task를 씁니다. 스레드(thread)입니다").is_empty());
        assert_eq!(found("스레드 (thread)와 thread"), ["thread"]);
        // A sentence's full stop is no method call.
        assert_eq!(found("task. 다음"), ["task"]);
        // A Latin form is a whole word: `tasks`, `deadlock` are other words.
        assert!(found("tasks와 deadlock은 다릅니다").is_empty());
        // A code span may run over two lines.
        assert!(found("`let queue =\n task.run()`를 씁니다").is_empty());
        assert!(found("# 07 timeout\n\n타임아웃입니다").is_empty());
        assert!(found("{row} 행이 ``unused `task` here``라고 합니다").is_empty());
    }

    #[test]
    fn a_translation_names_its_source_blob() {
        let text = "<!-- @kata translation source=README.md blob=abc123 -->\n# 제목\n";
        assert_eq!(recorded_source(text), Some("abc123"));
        assert_eq!(recorded_source("# 제목\n"), None);
        assert_eq!(recorded_source("<!-- a comment -->\n"), None);
    }

    #[test]
    fn a_stale_translation_is_named_with_the_diff_to_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("README.md"), "# Title\n").unwrap();
        let id = blob_id(b"# Title\n");
        let korean = format!("<!-- @kata translation source=README.md blob={id} -->\n# 제목\n");
        std::fs::write(root.join("README.ko.md"), korean).unwrap();
        let (en, ko) = (Path::new("README.md"), Path::new("README.ko.md"));
        assert!(up_to_date(root, en, ko).is_ok());

        std::fs::write(root.join("README.md"), "# Title, changed\n").unwrap();
        let error = up_to_date(root, en, ko).unwrap_err().to_string();
        assert!(error.contains(&format!("as it was at {id}")), "{error}");
        assert!(error.contains("git diff"), "{error}");

        std::fs::remove_file(root.join("README.ko.md")).unwrap();
        let error = up_to_date(root, en, ko).unwrap_err().to_string();
        assert!(error.contains("no README.ko.md"), "{error}");
    }
}
