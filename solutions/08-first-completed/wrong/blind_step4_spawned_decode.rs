//! Wrong: step 4 races recv_frame and spawns each decode as a task pushing into a shared Vec, returning without waiting for the last decodes.
//! Real cause: detached tasks: the caller returns at close before the in-flight decode (m5) has finished
//! expect: a decode spawned into a task of its own and never awaited is detached

pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut heartbeat = tokio::time::interval(every);
    let messages = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut beats = 0;
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
                None => break,
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
    let out = messages.lock().unwrap().clone();
    (out, beats)
}
