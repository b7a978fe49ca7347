//! Wrong: Blind examination: the watch value used as a plain flag checked
//! between items (`*stop.borrow()`), never raced against the wait: worker B
//! sleeps in queue.next() until item 4 arrives at 2000 ms.
//! expect: A flag checked between items is never seen by a worker asleep in queue.next()

pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    let (tx, rx) = watch::channel(false);
    let n = queues.len();
    let mut set = tokio::task::JoinSet::new();
    for (i, mut queue) in queues.into_iter().enumerate() {
        let mut stop = rx.clone();
        set.spawn(async move {
            let mut done = Vec::new();
            loop {
                if *stop.borrow() {
                    break;
                }
                let Some(item) = queue.next().await else {
                    break;
                };
                if *stop.borrow_and_update() {
                    break;
                }
                item.process().await;
                done.push(item.id());
            }
            (i, done)
        });
    }
    shutdown.await;
    tx.send_replace(true);
    let mut out = vec![Vec::new(); n];
    while let Some(res) = set.join_next().await {
        let (i, done) = res.expect("worker panicked");
        out[i] = done;
    }
    out
}
