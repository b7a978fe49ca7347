//! Wrong: the textbook `select!` loop, with `feed.next_message()` written
//! inside it. Each turn creates a new future, and each time the heartbeat
//! wins the old one is dropped. `next_message` is not cancel-safe: at
//! 300 ms it had already taken m2 off the channel and was decoding it, so
//! m2 is lost with it, and m4 the same way at 600 ms.
//! expect: was lost: the message was taken off the channel

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut heartbeat = tokio::time::interval(every);
    let mut beats = 0;
    let mut messages = Vec::new();
    loop {
        tokio::select! {
            biased;
            message = feed.next_message() => match message {
                Some(message) => messages.push(message),
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
