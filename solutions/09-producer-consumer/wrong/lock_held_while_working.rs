//! Wrong: `while let Some(item) = rx.lock().await.recv().await` keeps the
//! lock guard, a temporary of the `while let`'s scrutinee, alive for the
//! whole loop body. A consumer holds the receiver while it works, so the
//! other waits for the lock: they take turns (tokio's `Mutex` is fair), one
//! item at a time, never both at once, and the producer waits on them.
//! expect: both consumers work at the same time

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let rx = Arc::new(Mutex::new(rx));
    let producer = tokio::spawn(produce(source, tx));
    let workers: Vec<_> = consumers
        .into_iter()
        .map(|consumer| {
            let rx = Arc::clone(&rx);
            tokio::spawn(async move {
                let mut consumed = Vec::new();
                while let Some(item) = rx.lock().await.recv().await {
                    consumed.push(consumer.consume(item).await);
                }
                consumed
            })
        })
        .collect();
    let mut consumed = Vec::new();
    for worker in workers {
        consumed.extend(worker.await.expect("a consumer panicked"));
    }
    producer.await.expect("the producer panicked");
    consumed
}
