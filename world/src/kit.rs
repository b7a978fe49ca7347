//! What the kata test files share, so that each stays short and reads on
//! its own: a millisecond, and the questions several tests ask of a trace.
//! A helper joins this kit when two test files would otherwise write it
//! twice; one that words a failure for its own kata stays in its file.

use std::time::Duration;

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
