//! A kata's interview cards: `solutions/NN-name/cards.toml`, the questions
//! an interviewer asks about the kata, answered in English and in Korean.
//!
//! ```toml
//! [[card]]
//! id = "join-is-not-parallel"      # unique within the kata
//! kind = "explain"                 # explain | predict
//! step = 2                         # the kata step (test) that proves the answer
//! # predict cards only: code = """...""" and snapshot = "step2_gather"
//! [card.en]
//! question = "..."
//! answer = "..."
//! points = ["..."]
//! python = "..."
//! [card.ko]
//! question = "..."
//! # ...the same fields
//! ```
//!
//! `verify` reads the file with [`check`]; `new` writes an outline of it
//! whose fields are empty, which `check` rejects until they are written.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result};
use kata_protocol::kata::snapshot_body;

use crate::kata::Kata;
use crate::steps::step_of;

/// The languages every card is written in.
pub const LANGUAGES: [&str; 2] = ["en", "ko"];

/// The fields of a card in each language: all strings but `points`, a
/// list of strings.
const FIELDS: [&str; 4] = ["question", "answer", "points", "python"];

/// How many cards of each kind every kata has, at least: `verify` checks
/// it, and `interview` counts on it.
pub const MIN_EXPLAIN: usize = 4;
pub const MIN_PREDICT: usize = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A question answered in words: the model answer, its key points.
    Explain,
    /// A snippet, and "when does each call finish, and what is returned?":
    /// the reveal is the timeline of the step's reference snapshot.
    Predict,
}

/// One card's words in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub question: String,
    pub answer: String,
    pub points: Vec<String>,
    /// The asyncio angle: what a Python candidate would say, and the
    /// difference worth saying.
    pub python: String,
}

/// A card as the file writes it. Its step must have a test, and a predict
/// card's snapshot must exist: [`check_kata`] checks both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub id: String,
    pub kind: Kind,
    pub step: u32,
    /// A predict card's snapshot name, `step2_gather`.
    pub snapshot: Option<String>,
    /// A predict card's snippet.
    pub code: Option<String>,
    pub en: Text,
    pub ko: Text,
}

impl Card {
    /// Whether it can be asked: every field written in every language, a
    /// step, and for a predict card its snippet and snapshot name.
    pub fn is_complete(&self) -> bool {
        let written = |text: &Text| {
            [&text.question, &text.answer, &text.python]
                .iter()
                .all(|field| !field.trim().is_empty())
                && !text.points.is_empty()
                && text.points.iter().all(|point| !point.trim().is_empty())
        };
        let predict_parts = match self.kind {
            Kind::Explain => true,
            Kind::Predict => [&self.code, &self.snapshot]
                .iter()
                .all(|part| part.as_deref().is_some_and(|p| !p.trim().is_empty())),
        };
        self.step > 0 && written(&self.en) && written(&self.ko) && predict_parts
    }

    /// Its words in `language` (`"ko"`, else English).
    pub fn text(&self, language: &str) -> &Text {
        if language == "ko" { &self.ko } else { &self.en }
    }
}

/// The cards of a card file, and what is wrong with it, one line each:
/// nothing when every card is complete in every language.
pub fn check(text: &str) -> (Vec<Card>, Vec<String>) {
    let table: toml::Table = match text.parse() {
        Ok(table) => table,
        Err(error) => {
            let message = error.to_string().replace('\n', " ");
            return (Vec::new(), vec![format!("not valid TOML: {message}")]);
        }
    };
    let Some(entries) = table.get("card").and_then(|c| c.as_array()) else {
        return (Vec::new(), vec!["no [[card]] in it".to_string()]);
    };
    let mut cards = Vec::new();
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for (n, entry) in entries.iter().enumerate() {
        let Some(entry) = entry.as_table() else {
            problems.push(format!("card {}: not a table", n + 1));
            continue;
        };
        cards.push(card(n, entry, &mut ids, &mut problems));
    }
    (cards, problems)
}

/// The `n`th card of the file (from 0), as far as it is written, noting in
/// `problems` what is wrong with it and its id in `ids`.
fn card(
    n: usize,
    entry: &toml::Table,
    ids: &mut BTreeSet<String>,
    problems: &mut Vec<String>,
) -> Card {
    let written_id = entry
        .get("id")
        .and_then(|i| i.as_str())
        .map(str::trim)
        .filter(|i| !i.is_empty());
    // A card without an id is named by its place in the file.
    let id = written_id.map_or_else(|| (n + 1).to_string(), str::to_string);
    let mut problem = |what: String| problems.push(format!("card {id}: {what}"));
    match written_id {
        None => problem("no `id`".to_string()),
        Some(_) if !ids.insert(id.clone()) => problem("its id is used twice".to_string()),
        Some(_) => {}
    }
    let kind = match entry.get("kind").and_then(|k| k.as_str()) {
        Some("explain") => Some(Kind::Explain),
        Some("predict") => Some(Kind::Predict),
        _ => {
            problem("`kind` must be \"explain\" or \"predict\"".to_string());
            None
        }
    };
    let step = entry
        .get("step")
        .and_then(|s| s.as_integer())
        .and_then(|s| u32::try_from(s).ok())
        .filter(|s| *s > 0);
    if step.is_none() {
        problem("`step` must be the number of a kata step".to_string());
    }
    let (mut snapshot, mut code) = (None, None);
    if kind == Some(Kind::Predict) {
        for field in ["code", "snapshot"] {
            if !is_written(entry.get(field)) {
                problem(format!("a predict card needs `{field}`"));
            }
        }
        snapshot = string(entry.get("snapshot"));
        code = string(entry.get("code"));
    }
    let mut texts = [Text::default(), Text::default()];
    for (language, words) in LANGUAGES.into_iter().zip(&mut texts) {
        let Some(text) = entry.get(language).and_then(|l| l.as_table()) else {
            problem(format!("no [card.{language}]"));
            continue;
        };
        let empty: Vec<&str> = FIELDS
            .into_iter()
            .filter(|field| !is_written(text.get(*field)))
            .collect();
        if !empty.is_empty() {
            problem(format!("{language}: {} not written", empty.join(", ")));
        }
        *words = Text {
            question: string(text.get("question")).unwrap_or_default(),
            answer: string(text.get("answer")).unwrap_or_default(),
            points: text
                .get("points")
                .and_then(|p| p.as_array())
                .map(|points| points.iter().filter_map(|p| string(Some(p))).collect())
                .unwrap_or_default(),
            python: string(text.get("python")).unwrap_or_default(),
        };
    }
    let [en, ko] = texts;
    Card {
        id,
        kind: kind.unwrap_or(Kind::Explain),
        step: step.unwrap_or(0),
        snapshot,
        code,
        en,
        ko,
    }
}

/// The cards of `kata` in the workspace at `root`, and what is wrong with
/// them, one line each: what [`check`] finds in the file, a step with no
/// test, a predict card's missing snapshot, and fewer cards of a kind than
/// [`MIN_EXPLAIN`] and [`MIN_PREDICT`]. The one rule `verify` applies and
/// `interview` trusts. An error only when the file cannot be read.
pub fn check_kata(root: &Path, kata: &Kata) -> Result<(Vec<Card>, Vec<String>)> {
    let path = kata.cards();
    let text = std::fs::read_to_string(root.join(&path))
        .with_context(|| format!("cannot read {}", path.display()))?;
    let (cards, mut problems) = check(&text);
    let steps: BTreeSet<u32> = kata
        .test_names(root)
        .iter()
        .filter_map(|test| step_of(test))
        .collect();
    for card in &cards {
        if card.step > 0 && !steps.contains(&card.step) {
            problems.push(format!("card {}: step {} has no test", card.id, card.step));
        }
        if let Some(snapshot) = &card.snapshot {
            let file = kata.snapshot_file(snapshot);
            if !snapshot.is_empty() && !root.join(&file).is_file() {
                problems.push(format!("card {}: no snapshot {}", card.id, file.display()));
            }
        }
    }
    let count = |kind: Kind| cards.iter().filter(|card| card.kind == kind).count();
    for (kind, name, least) in [
        (Kind::Explain, "explain", MIN_EXPLAIN),
        (Kind::Predict, "predict", MIN_PREDICT),
    ] {
        let have = count(kind);
        if have < least {
            problems.push(format!(
                "{have} {name} card{}: at least {least} wanted",
                if have == 1 { "" } else { "s" }
            ));
        }
    }
    Ok((cards, problems))
}

/// The timeline a predict card reveals: its snapshot as recorded, less
/// insta's header, read now, so the reveal is what the reference does.
pub fn timeline(root: &Path, kata: &Kata, card: &Card) -> Result<String> {
    let snapshot = card.snapshot.as_deref().unwrap_or_default();
    let path = kata.snapshot_file(snapshot);
    let text = std::fs::read_to_string(root.join(&path))
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(snapshot_body(&text).trim_matches('\n').to_string())
}

/// A string's text, without the blank lines around it.
fn string(value: Option<&toml::Value>) -> Option<String> {
    value
        .and_then(|v| v.as_str())
        .map(|text| text.trim_matches('\n').to_string())
}

/// A non-blank string, or a non-empty list of them.
fn is_written(value: Option<&toml::Value>) -> bool {
    match value {
        Some(toml::Value::String(text)) => !text.trim().is_empty(),
        Some(toml::Value::Array(items)) => {
            !items.is_empty() && items.iter().all(|item| is_written(Some(item)))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARD: &str = r#"
[[card]]
id = "join-is-not-parallel"
kind = "explain"
step = 2
[card.en]
question = "Does join! run its futures in parallel?"
answer = "No: concurrently, in the current task."
points = ["one task", "one thread at a time"]
python = "gather wraps each coroutine in a task"
[card.ko]
question = "join!은 병렬로 실행하나요?"
answer = "아니요: 현재 태스크 안에서 동시에 실행합니다."
points = ["하나의 태스크", "한 번에 한 스레드"]
python = "gather는 각 코루틴을 태스크로 감쌉니다"
"#;

    #[test]
    fn a_complete_card_passes() {
        let (cards, problems) = check(CARD);
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(cards.len(), 1);
        let card = &cards[0];
        assert_eq!(
            (card.id.as_str(), card.kind, card.step, &card.snapshot),
            ("join-is-not-parallel", Kind::Explain, 2, &None)
        );
        assert_eq!(card.en.points, ["one task", "one thread at a time"]);
        assert_eq!(card.text("ko").question, "join!은 병렬로 실행하나요?");
        assert_eq!(
            card.text("en").python,
            "gather wraps each coroutine in a task"
        );
    }

    #[test]
    fn every_gap_is_named() {
        let text = r#"
[[card]]
id = "a"
kind = "predict"
step = 2
[card.en]
question = "?"
answer = ""
points = []
python = "x"

[[card]]
id = "a"
kind = "guess"
step = 0
[card.en]
question = "?"
answer = "!"
points = [""]
python = "x"
[card.ko]
question = "?"
answer = "!"
points = ["."]
python = "x"
"#;
        let (_, problems) = check(text);
        assert_eq!(
            problems,
            [
                "card a: a predict card needs `code`",
                "card a: a predict card needs `snapshot`",
                "card a: en: answer, points not written",
                "card a: no [card.ko]",
                "card a: its id is used twice",
                "card a: `kind` must be \"explain\" or \"predict\"",
                "card a: `step` must be the number of a kata step",
                "card a: en: points not written",
            ]
        );
        assert!(check("[[card]\n").1[0].starts_with("not valid TOML"));
        assert_eq!(check("").1, ["no [[card]] in it"]);
    }
}
