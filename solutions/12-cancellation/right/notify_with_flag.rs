//! Right: the signal is a `Notify` plus a flag, the pieces tokio_util's
//! CancellationToken is made of. Each turn registers interest first
//! (`enable`), then checks the flag, then waits: a worker busy when
//! `notify_waiters` fired sees the flag, one waiting is woken. A JoinSet
//! owns the workers; each reports its queue's index so the results come
//! back in order.

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use tokio::sync::Notify;

    struct Signal {
        stopping: AtomicBool,
        notify: Notify,
    }

    let signal = Arc::new(Signal {
        stopping: AtomicBool::new(false),
        notify: Notify::new(),
    });
    let count = queues.len();
    let mut workers = tokio::task::JoinSet::new();
    for (index, mut queue) in queues.into_iter().enumerate() {
        let signal = Arc::clone(&signal);
        workers.spawn(async move {
            let mut done = Vec::new();
            loop {
                let notified = signal.notify.notified();
                tokio::pin!(notified);
                notified.as_mut().enable();
                if signal.stopping.load(Ordering::SeqCst) {
                    break;
                }
                let next = tokio::select! {
                    biased;
                    _ = &mut notified => break,
                    next = queue.next() => next,
                };
                let Some(item) = next else { break };
                item.process().await;
                done.push(item.id());
            }
            (index, done)
        });
    }
    shutdown.await;
    signal.stopping.store(true, Ordering::SeqCst);
    signal.notify.notify_waiters();
    let mut done = vec![Vec::new(); count];
    while let Some(joined) = workers.join_next().await {
        let (index, items) = joined.expect("a worker panicked");
        done[index] = items;
    }
    done
}
