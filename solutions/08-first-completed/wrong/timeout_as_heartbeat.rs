//! Wrong: the heartbeat as a `timeout` around each read: a beat whenever no
//! message came for `every`. Same loss in disguise: when the timeout fires,
//! it drops the `next_message` future, mid-decode if a frame was taken,
//! and that message is gone. A timeout is a select! with a timer.
//! expect: was lost: the message was taken off the channel

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut beats = 1;
    let mut messages = Vec::new();
    let mut due = tokio::time::Instant::now() + every;
    loop {
        match tokio::time::timeout_at(due, feed.next_message()).await {
            Ok(Some(message)) => messages.push(message),
            Ok(None) => return (messages, beats),
            Err(_elapsed) => {
                beats += 1;
                due += every;
            }
        }
    }
}
