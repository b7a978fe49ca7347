//! Wrong: Blind examination: bounded uses channel(capacity + 1) ("a slot for
//! the item being handed over"): the queue holds one item more than asked, so
//! backpressure starts one item late.
//! expect: a bound larger than asked

pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity + 1);
    let producer = tokio::spawn(produce(source, tx));
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.expect("producer panicked");
    ids
}
