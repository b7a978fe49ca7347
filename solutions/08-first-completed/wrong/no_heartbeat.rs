//! Wrong: avoids the cancel-safety problem by dropping the timer: a plain
//! `while let` over `next_message`. Nothing is lost, but the heartbeat
//! never ticks while the loop waits or decodes: the peer on the other end
//! would think this consumer dead.
//! expect: the heartbeat keeps ticking

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let _ = every;
    let mut messages = Vec::new();
    while let Some(message) = feed.next_message().await {
        messages.push(message);
    }
    (messages, 0)
}
