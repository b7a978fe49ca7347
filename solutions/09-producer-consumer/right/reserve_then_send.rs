//! Right: the consumer is the spawned task and the producer runs here,
//! reserving a slot before it asks for the next item's send: `reserve()`
//! waits for room just as `send` does, and the permit it gives cannot
//! fail to send. The bound is the same backpressure.

pub async fn bounded(mut source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let consumer = tokio::spawn(async move {
        let mut consumed = Vec::new();
        while let Some(item) = rx.recv().await {
            consumed.push(consumer.consume(item).await);
        }
        consumed
    });
    while let Some(item) = source.next().await {
        match tx.reserve().await {
            Ok(permit) => permit.send(item),
            Err(_) => break,
        }
    }
    drop(tx);
    consumer.await.expect("the consumer panicked")
}
