//! Wrong: sends the signal and returns without waiting for the workers.
//! Worker A is still finishing item 1 when serve returns at 300 ms: a
//! caller that now exits the process kills it mid-item. Await the handles.
//! expect: serve returns once every worker has stopped

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (stop, stopped) = watch::channel(false);
    for mut queue in queues {
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            loop {
                let next = tokio::select! {
                    biased;
                    _ = stopped.wait_for(|&stop| stop) => break,
                    next = queue.next() => next,
                };
                let Some(item) = next else { break };
                item.process().await;
            }
        });
    }
    shutdown.await;
    stop.send_replace(true);
    Vec::new()
}
