//! Wrong: step 4 keeps one pinned next_message future but creates the interval inside the loop: each new interval ticks at once, so the heartbeat branch is always ready and the loop spins without letting time move.
//! Real cause: an interval (or any timer) must live across the loop's turns; a fresh interval's first tick is immediate
//! expect: Likely a loop that keeps waking itself

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut messages = Vec::new();
    let mut beats = 0;
    let mut next = std::pin::pin!(feed.next_message());
    loop {
        let mut heartbeat = tokio::time::interval(every);
        tokio::select! {
            biased;
            message = &mut next => match message {
                Some(message) => {
                    messages.push(message);
                    next.set(feed.next_message());
                }
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
