//! Wrong: an unbounded channel: the producer never waits, it is done at 300 ms, four items ahead.
//! The cause: no backpressure: the channel must be bounded by room (2)
//! expect: a buffer without a bound

pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    let _ = room;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            if tx.send(item).is_err() {
                break;
            }
        }
    });
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.unwrap();
    ids
}
