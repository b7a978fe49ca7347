//! Right: a reader task owns the non-cancel-safe loop, where nothing ever
//! cancels it, and forwards each decoded message on an `mpsc` channel. The
//! `select!` loop races that channel's `recv`, which is cancel-safe, with
//! the heartbeat. The channel closes when the reader ends, after the feed
//! has closed.

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let (tx, mut rx) = tokio::sync::mpsc::channel(8);
    let reader = feed.clone();
    tokio::spawn(async move {
        while let Some(message) = reader.next_message().await {
            if tx.send(message).await.is_err() {
                break;
            }
        }
    });
    let mut heartbeat = tokio::time::interval(every);
    let mut beats = 0;
    let mut messages = Vec::new();
    loop {
        tokio::select! {
            biased;
            message = rx.recv() => match message {
                Some(message) => messages.push(message),
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
