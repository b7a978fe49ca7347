//! Wrong: step 4 keeps one next_message future alive (cancel-safe), but builds the heartbeat with interval_at(now + every): no tick at once.
//! Real cause: the interval first tick completes immediately; heartbeats must be counted from 0 ms (3, not 2)
//! expect: at 0, 300 and 600 ms

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut heartbeat = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    let mut messages = Vec::new();
    let mut beats = 0;
    let mut next = std::pin::pin!(feed.next_message());
    loop {
        tokio::select! {
            biased;
            message = &mut next => match message {
                Some(message) => { messages.push(message); next.set(feed.next_message()); }
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
