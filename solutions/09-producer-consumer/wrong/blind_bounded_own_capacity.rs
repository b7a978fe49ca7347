//! Wrong: Blind examination: bounded ignores the capacity it is given and uses
//! channel(16), which holds every item: the producer never waits.
//! expect: a bound larger than asked

pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let _ = capacity;
    let (tx, mut rx) = mpsc::channel(16);
    let producer = tokio::spawn(produce(source, tx));
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.expect("producer panicked");
    ids
}
