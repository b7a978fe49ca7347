//! Right: the consumer is spawned, and the producers run here, joined with
//! `join_all`, each with a clone of the sender. The original sender is
//! moved into the block that clones it and dropped at its end, so once
//! both producers are done no sender is left.

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let consumer = tokio::spawn(async move {
        let mut consumed = Vec::new();
        while let Some(item) = rx.recv().await {
            consumed.push(consumer.consume(item).await);
        }
        consumed
    });
    {
        let tx = tx;
        let producers = sources
            .into_iter()
            .map(|source| produce(source, tx.clone()));
        futures::future::join_all(producers).await;
    }
    consumer.await.expect("the consumer panicked")
}
