//! Wrong: step 4 writes feed.next_message() inside the select! loop: when the heartbeat wins mid-decode, the message is dropped and lost (m2, m4).
//! Real cause: next_message is not cancel-safe; a select! loop drops losing futures every turn
//! expect: next_message is not cancel-safe

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut messages = Vec::new();
    let mut beats = 0;
    let mut heartbeat = tokio::time::interval(every);
    loop {
        tokio::select! {
            message = feed.next_message() => match message {
                Some(message) => messages.push(message),
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
