//! Wrong: Blind examination (round 2): an AtomicBool checked between items
//! only: worker B, parked in queue.next(), never sees it and sleeps until item
//! 4 arrives at 2000 ms.
//! expect: its worker was asleep in queue.next() when the signal came

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let stop = Arc::new(AtomicBool::new(false));
    let mut workers = Vec::new();
    for mut queue in queues {
        let stop = Arc::clone(&stop);
        workers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            while !stop.load(Ordering::SeqCst) {
                let Some(item) = queue.next().await else {
                    break;
                };
                item.process().await;
                done.push(item.id());
            }
            done
        }));
    }
    shutdown.await;
    stop.store(true, Ordering::SeqCst);
    let _ = watch::channel(0);
    let mut all = Vec::new();
    for w in workers {
        all.push(w.await.expect("worker panicked"));
    }
    all
}
