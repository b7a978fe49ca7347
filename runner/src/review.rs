//! When an interview card comes back: FSRS, the spaced-repetition
//! scheduler Anki uses, from the `rs-fsrs` crate (the open-spaced-repetition
//! project's scheduler alone, without the optimiser and its ML stack).
//!
//! A card's state is kept in `.kata-progress` (see `progress.rs`) as the
//! fields of [`rs_fsrs::Card`], dates in RFC 3339:
//!
//! ```toml
//! [spawn-vs-join.cards.join-is-not-parallel]
//! due = "2026-11-30T09:12:00Z"
//! last_review = "2026-11-27T09:12:00Z"
//! stability = 3.17
//! difficulty = 5.28
//! elapsed_days = 0
//! scheduled_days = 3
//! reps = 1
//! lapses = 0
//! state = "review"          # new | learning | review | relearning
//! ```
//!
//! An entry that does not read back (a field missing or of the wrong type)
//! is taken for a card never graded, and written anew at its next grade.
//!
//! Times come from a [`Clock`]: the system's, or for tests a fixed instant,
//! which `KATA_NOW` (RFC 3339) sets for the whole command.

use chrono::{DateTime, TimeDelta, Utc};
use rs_fsrs::{Card, FSRS, Rating, State};

/// The candidate's own grade of an answer, as Anki asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// Where "now" comes from.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// The system clock, unless `KATA_NOW` names an instant (for tests).
    pub fn from_env() -> Clock {
        std::env::var("KATA_NOW")
            .ok()
            .and_then(|now| DateTime::parse_from_rfc3339(&now).ok())
            .map_or(Clock::System, |now| Clock::Fixed(now.with_timezone(&Utc)))
    }

    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(now) => now,
        }
    }
}

/// A card's state after `grade` at `now`; `before` is none for a card
/// never graded.
pub fn grade(before: Option<&Card>, now: DateTime<Utc>, grade: Grade) -> Card {
    let card = before.cloned().unwrap_or_else(|| Card {
        due: now,
        last_review: now,
        ..Card::default()
    });
    FSRS::default().next(card, now, grade.rating()).card
}

/// Whether a card graded before is due again at `now`.
pub fn is_due(card: &Card, now: DateTime<Utc>) -> bool {
    card.due <= now
}

/// The card as `.kata-progress` keeps it.
pub fn to_table(card: &Card) -> toml::Table {
    let mut table = toml::Table::new();
    let date = |d: DateTime<Utc>| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    table.insert("due".into(), date(card.due).into());
    table.insert("last_review".into(), date(card.last_review).into());
    table.insert("stability".into(), card.stability.into());
    table.insert("difficulty".into(), card.difficulty.into());
    table.insert("elapsed_days".into(), card.elapsed_days.into());
    table.insert("scheduled_days".into(), card.scheduled_days.into());
    table.insert("reps".into(), i64::from(card.reps).into());
    table.insert("lapses".into(), i64::from(card.lapses).into());
    let state = match card.state {
        State::New => "new",
        State::Learning => "learning",
        State::Review => "review",
        State::Relearning => "relearning",
    };
    table.insert("state".into(), state.into());
    table
}

/// The card `.kata-progress` kept; none if any field does not read back.
pub fn from_table(table: &toml::Table) -> Option<Card> {
    let date = |key: &str| {
        table
            .get(key)?
            .as_str()
            .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
            .map(|d| d.with_timezone(&Utc))
    };
    let float = |key: &str| {
        let value = table.get(key)?;
        value
            .as_float()
            .or_else(|| value.as_integer().map(|i| i as f64))
    };
    let int = |key: &str| table.get(key)?.as_integer();
    let state = match table.get("state")?.as_str()? {
        "new" => State::New,
        "learning" => State::Learning,
        "review" => State::Review,
        "relearning" => State::Relearning,
        _ => return None,
    };
    Some(Card {
        due: date("due")?,
        last_review: date("last_review")?,
        stability: float("stability")?,
        difficulty: float("difficulty")?,
        elapsed_days: int("elapsed_days")?,
        scheduled_days: int("scheduled_days")?,
        reps: i32::try_from(int("reps")?).ok()?,
        lapses: i32::try_from(int("lapses")?).ok()?,
        state,
    })
}

/// How long until `due`, from `now`: at least zero.
pub fn wait(now: DateTime<Utc>, due: DateTime<Utc>) -> TimeDelta {
    (due - now).max(TimeDelta::zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn again_comes_back_within_minutes_and_easy_waits_days() {
        let now = at("2026-11-27T09:00:00Z");
        let again = grade(None, now, Grade::Again);
        assert!(wait(now, again.due) <= TimeDelta::minutes(10), "{again:?}");
        let easy = grade(None, now, Grade::Easy);
        assert!(wait(now, easy.due) >= TimeDelta::days(2), "{easy:?}");
        let good = grade(None, now, Grade::Good);
        assert!(!is_due(&good, now) && is_due(&good, good.due));

        // Good again when due: it waits longer than it did.
        let later = grade(Some(&easy), easy.due, Grade::Good);
        assert!(wait(easy.due, later.due) > wait(now, easy.due), "{later:?}");
        assert_eq!(later.reps, 2);
    }

    #[test]
    fn a_card_reads_back_as_it_was_written() {
        let now = at("2026-11-27T09:00:00Z");
        let card = grade(None, now, Grade::Good);
        let back = from_table(&to_table(&card)).unwrap();
        assert_eq!(back.due, card.due);
        assert_eq!((back.reps, back.state), (card.reps, card.state));
        assert!((back.stability - card.stability).abs() < 1e-9);

        let mut damaged = to_table(&card);
        damaged.insert("due".into(), "yesterday".into());
        assert!(from_table(&damaged).is_none());
        damaged.remove("due");
        assert!(from_table(&damaged).is_none());
    }

    #[test]
    fn a_fixed_clock_is_what_kata_now_says() {
        let clock = Clock::Fixed(at("2026-11-27T09:00:00Z"));
        assert_eq!(clock.now(), at("2026-11-27T09:00:00Z"));
    }
}
