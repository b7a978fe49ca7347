//! What the kata test files share, so that each stays short and reads on
//! its own: a millisecond, and the questions several tests ask of a trace.
//! A helper joins this kit when two test files would otherwise write it
//! twice; one that words a failure for its own kata stays in its file.

use std::collections::HashSet;
use std::time::Duration;

use tokio::task::JoinError;

use crate::say;
use crate::trace::{Fill, SpanRecord};
use crate::world::World;

/// `ms(500)`: the kata's numbers are milliseconds of virtual time.
pub fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Every span drawn `#`: a call that held the runtime's thread.
pub fn blocking_spans(world: &World) -> Vec<SpanRecord> {
    world
        .trace()
        .spans()
        .into_iter()
        .filter(|span| span.fill == Fill::Blocked)
        .collect()
}

/// The first call drawn on `row`: when it started, in which task. A row
/// never called fails the test, saying so in the learner's language: the
/// kata's own checks then read its times without a case for "never".
pub fn first_call(world: &World, row: &str) -> SpanRecord {
    let spans = world.trace().spans_of(row);
    spans.first().cloned().unwrap_or_else(|| {
        panic!(
            "{}",
            say!(
                en: "{row} was never called (never polled)",
                ko: "`{row}` 호출이 한 번도 없었습니다(한 번도 poll되지 않았습니다)",
            )
        )
    })
}

/// How many distinct tokio tasks the first calls on `rows` ran in; a call
/// polled by the test's own body, in no task, counts as none.
pub fn tasks_of(world: &World, rows: &[&str]) -> usize {
    let tasks: HashSet<_> = rows
        .iter()
        .filter_map(|row| world.trace().spans_of(row).first().and_then(|s| s.task))
        .collect();
    tasks.len()
}

/// A spawned task's output; a task that panicked panics here with its own
/// message (a `todo!`, a `spawn_local` outside a `LocalSet`), not with a
/// `JoinError` around it.
pub fn joined<T>(result: Result<T, JoinError>) -> T {
    match result {
        Ok(output) => output,
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        Err(_) => panic!(
            "{}",
            say!(
                en: "a task the test awaits was cancelled (aborted, or its runtime or LocalSet dropped)",
                ko: "테스트가 await하는 태스크가 취소되었습니다(abort되었거나 런타임이나 `LocalSet`이 drop되었습니다)",
            )
        ),
    }
}
