//! Wrong: Blind examination: the consumer loop hands each consume() to a task
//! of its own so that recv() "keeps up": the queue is emptied at once, the
//! producer never waits, and items are worked on at the same time. Consuming
//! must finish before the next recv() for the bound to push back.
//! expect: each consume() was handed to a task of its own

pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(produce(source, tx));
    let consumer = Arc::new(consumer);
    let mut handles = Vec::new();
    while let Some(item) = rx.recv().await {
        let consumer = Arc::clone(&consumer);
        handles.push(tokio::spawn(async move { consumer.consume(item).await }));
    }
    let mut ids = Vec::new();
    for h in handles {
        ids.push(h.await.expect("consume panicked"));
    }
    producer.await.expect("producer panicked");
    ids
}
