//! Wrong: step 4 races recv_frame against the heartbeat and decodes each frame in a detached task that pushes into a shared Vec: returns when the feed closes, before the last decode is done (m5 missing), and order depends on decode timing.
//! Real cause: work handed to a detached task is not waited for; the decode must finish before consume returns
//! expect: a decode spawned into a task of its own and never awaited is detached

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let messages = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut beats = 0;
    let mut heartbeat = tokio::time::interval(every);
    loop {
        tokio::select! {
            biased;
            frame = feed.recv_frame() => match frame {
                Some(frame) => {
                    let messages = messages.clone();
                    tokio::spawn(async move {
                        let m = frame.decode().await;
                        messages.lock().unwrap().push(m);
                    });
                }
                None => {
                    let got = messages.lock().unwrap().clone();
                    return (got, beats);
                }
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
