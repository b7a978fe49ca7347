//! Right: races only the cancel-safe half of the read. `recv_frame` is
//! `mpsc::Receiver::recv`, which takes nothing unless it returns, so it can
//! be recreated every turn; the frame is decoded in the branch's handler,
//! which select! never cancels. The price: while a frame is decoded the
//! heartbeat waits, so the beats due at 300 and 600 ms come at 350 and
//! 650 ms (`interval` catches up, none is skipped).

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut heartbeat = tokio::time::interval(every);
    let mut beats = 0;
    let mut messages = Vec::new();
    loop {
        tokio::select! {
            biased;
            frame = feed.recv_frame() => match frame {
                Some(frame) => messages.push(frame.decode().await),
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
