//! Wrong: a shutdown flag checked between items. A busy worker sees it when
//! its item is done, but a worker asleep in `queue.next()` is never woken:
//! worker B sleeps through the shutdown until its next item arrives at
//! 2000 ms, and only then stops.
//! expect: a worker waiting for its next item must wake at the shutdown

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let stopping = Arc::new(AtomicBool::new(false));
    let workers: Vec<JoinHandle<Vec<u32>>> = queues
        .into_iter()
        .map(|mut queue| {
            let stopping = Arc::clone(&stopping);
            tokio::spawn(async move {
                let mut done = Vec::new();
                while let Some(item) = queue.next().await {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    item.process().await;
                    done.push(item.id());
                }
                done
            })
        })
        .collect();
    shutdown.await;
    stopping.store(true, Ordering::SeqCst);
    let mut done = Vec::new();
    for worker in workers {
        done.push(worker.await.expect("a worker panicked"));
    }
    done
}
