//! Wrong: step 4 keeps one pinned next_message future (cancel-safe enough) but writes the heartbeat as tokio::time::sleep(every) inside the select!: the timer restarts every turn, so beats are lost whenever a message comes first.
//! Real cause: a sleep inside a select! loop is recreated each turn; use one interval (or a pinned sleep) that lives across turns
//! expect: likely a sleep(every) written inside the select! loop

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut messages = Vec::new();
    let mut beats = 1; // the first tick is at once
    let mut next = std::pin::pin!(feed.next_message());
    loop {
        tokio::select! {
            biased;
            message = &mut next => match message {
                Some(message) => {
                    messages.push(message);
                    next.set(feed.next_message());
                }
                None => return (messages, beats),
            },
            () = tokio::time::sleep(every) => beats += 1,
        }
    }
}
