//! Wrong: step 4 races recv_frame (cancel-safe) but uses a fresh sleep(every) as the heartbeat inside the loop: every message resets it.
//! Real cause: a timer created inside select! in a loop restarts each turn; use one interval that keeps its schedule
//! expect: at 0, 300 and 600 ms

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut messages = Vec::new();
    let mut beats = 1; // the first beat, at once
    loop {
        tokio::select! {
            biased;
            frame = feed.recv_frame() => match frame {
                Some(frame) => messages.push(frame.decode().await),
                None => return (messages, beats),
            },
            () = tokio::time::sleep(every) => beats += 1,
        }
    }
}
