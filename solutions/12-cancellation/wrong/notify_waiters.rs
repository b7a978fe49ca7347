//! Wrong: signals with `Notify::notify_waiters`, which wakes only the tasks
//! waiting at that instant and stores nothing. Worker B, waiting, stops at
//! 300 ms; worker A is busy with item 1 then, misses the signal, and goes
//! on to take item 3 at 600 ms.
//! expect: after the shutdown (300 ms) no worker takes a new item

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use std::sync::Arc;
    use tokio::sync::Notify;

    let stop = Arc::new(Notify::new());
    let workers: Vec<JoinHandle<Vec<u32>>> = queues
        .into_iter()
        .map(|mut queue| {
            let stop = Arc::clone(&stop);
            tokio::spawn(async move {
                let mut done = Vec::new();
                loop {
                    let next = tokio::select! {
                        biased;
                        _ = stop.notified() => break,
                        next = queue.next() => next,
                    };
                    let Some(item) = next else { break };
                    item.process().await;
                    done.push(item.id());
                }
                done
            })
        })
        .collect();
    shutdown.await;
    stop.notify_waiters();
    let mut done = Vec::new();
    for worker in workers {
        done.push(worker.await.expect("a worker panicked"));
    }
    done
}
