//! What the kata test files share, so that each stays short and reads on
//! its own: a millisecond, and the questions several tests ask of a trace.
//! A helper joins this kit when two test files would otherwise write it
//! twice; one that words a failure for its own kata stays in its file.

use std::time::Duration;

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
