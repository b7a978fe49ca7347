//! Right: Blind examination (round 2): abort_after waits with timeout on &mut
//! handle, then aborts and awaits; outcome via try_into_panic; item 2 cut off
//! with timeout_at; serve signals with a broadcast channel (receivers
//! subscribed before spawning) and join_all on the handles.

pub async fn abort_after(mut handle: JoinHandle<String>, after: Duration) {
    if tokio::time::timeout(after, &mut handle).await.is_ok() {
        return;
    }
    handle.abort();
    let _ = (&mut handle).await;
}

pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    match handle.await {
        Ok(report) => Outcome::Done(report),
        Err(e) => match e.try_into_panic() {
            Ok(_payload) => Outcome::Panicked,
            Err(_) => Outcome::Cancelled,
        },
    }
}

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    let handle = tokio::spawn(async move { first.process().await });
    std::mem::drop(handle);
    let deadline = tokio::time::Instant::now() + after;
    let work = second.process();
    let _ = tokio::time::timeout_at(deadline, work).await;
}

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use tokio::sync::broadcast;
    let (tx, _) = broadcast::channel::<()>(1);
    let mut handles = Vec::new();
    for mut queue in queues {
        let mut stop = tx.subscribe();
        handles.push(tokio::spawn(async move {
            let mut done = Vec::new();
            loop {
                if !matches!(stop.try_recv(), Err(broadcast::error::TryRecvError::Empty)) {
                    break;
                }
                let next = tokio::select! {
                    biased;
                    _ = stop.recv() => break,
                    next = queue.next() => next,
                };
                let Some(item) = next else { break };
                item.process().await;
                done.push(item.id());
            }
            done
        }));
    }
    shutdown.await;
    let _ = tx.send(());
    futures::future::join_all(handles)
        .await
        .into_iter()
        .map(|r| r.expect("worker panicked"))
        .collect()
}
