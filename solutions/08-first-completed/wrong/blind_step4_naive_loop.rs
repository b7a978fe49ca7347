//! Wrong: step 4 the obvious select! loop with feed.next_message() inside the macro: the heartbeat cancels it mid-decode.
//! Real cause: next_message is not cancel-safe: dropped mid-decode it loses its frame (m2, m4)
//! expect: next_message is not cancel-safe

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut heartbeat = tokio::time::interval(every);
    let mut messages = Vec::new();
    let mut beats = 0;
    loop {
        tokio::select! {
            message = feed.next_message() => match message {
                Some(m) => messages.push(m),
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
