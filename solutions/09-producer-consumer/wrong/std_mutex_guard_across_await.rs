//! Wrong: shares the receiver behind a `std::sync::Mutex` and awaits
//! `recv()` with its guard held. In a spawned task this does not even
//! compile (the guard is not `Send`); joined in one task it compiles, and
//! the first consumer parks in `recv()` holding the lock: the second one's
//! `lock()` blocks the runtime's only thread for good.
//! expect: guard held across an `.await`

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let rx = std::sync::Mutex::new(rx);
    let producer = tokio::spawn(produce(source, tx));
    let rx = &rx;
    let work = consumers.iter().map(|consumer| async move {
        let mut consumed = Vec::new();
        while let Some(item) = rx.lock().unwrap().recv().await {
            consumed.push(consumer.consume(item).await);
        }
        consumed
    });
    let consumed = futures::future::join_all(work).await.concat();
    producer.await.expect("the producer panicked");
    consumed
}
