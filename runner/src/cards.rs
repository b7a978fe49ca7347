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

/// The languages every card is written in.
pub const LANGUAGES: [&str; 2] = ["en", "ko"];

/// The fields of a card in each language: all strings but `points`, a
/// list of strings.
const FIELDS: [&str; 4] = ["question", "answer", "points", "python"];

/// What a card must agree with outside the file: its step must have a
/// test, and a predict card's snapshot must exist.
#[derive(Debug, PartialEq, Eq)]
pub struct Card {
    pub id: String,
    pub step: u32,
    /// A predict card's snapshot name, `step2_gather`.
    pub snapshot: Option<String>,
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
        let kind = entry.get("kind").and_then(|k| k.as_str());
        if !matches!(kind, Some("explain" | "predict")) {
            problem("`kind` must be \"explain\" or \"predict\"".to_string());
        }
        let step = entry
            .get("step")
            .and_then(|s| s.as_integer())
            .and_then(|s| u32::try_from(s).ok())
            .filter(|s| *s > 0);
        if step.is_none() {
            problem("`step` must be the number of a kata step".to_string());
        }
        let mut snapshot = None;
        if kind == Some("predict") {
            for field in ["code", "snapshot"] {
                if !is_written(entry.get(field)) {
                    problem(format!("a predict card needs `{field}`"));
                }
            }
            snapshot = entry
                .get("snapshot")
                .and_then(|s| s.as_str())
                .map(str::to_string);
        }
        for language in LANGUAGES {
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
        }
        cards.push(Card {
            id,
            step: step.unwrap_or(0),
            snapshot,
        });
    }
    (cards, problems)
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
        assert_eq!(
            cards,
            [Card {
                id: "join-is-not-parallel".into(),
                step: 2,
                snapshot: None
            }]
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
