//! Wrong: Blind examination (round 2): the workers race watch `changed()` and
//! call `mark_unchanged()` after each item (to "reset" the signal): worker A,
//! busy when the value flipped at 300 ms, marks it seen, then waits for item 3
//! and processes it. Read the stop as a state (wait_for, borrow).
//! expect: a watch's changed() after borrow_and_update

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let mut workers = Vec::new();
    for mut queue in queues {
        let mut stop = rx.clone();
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            stop.mark_unchanged();
            loop {
                let next = tokio::select! {
                    biased;
                    _ = stop.changed() => break,
                    next = queue.next() => next,
                };
                let Some(item) = next else { break };
                item.process().await;
                stop.mark_unchanged();
                done.push(item.id());
            }
            done
        }));
    }
    shutdown.await;
    tx.send_replace(true);
    let mut all = Vec::new();
    for w in workers {
        all.push(w.await.expect("worker panicked"));
    }
    all
}
