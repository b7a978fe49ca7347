//! Wrong: `events.ready_chunks(size)`: batches whatever is ready now, with no timer.
//! The cause: no time window: ready_chunks gives each event alone as it arrives, not a batch by size or 200 ms after its first event
//! expect: not with whatever is ready now (ready_chunks)

pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    let _ = wait;
    events.ready_chunks(size)
}
