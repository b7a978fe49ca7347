//! Wrong: the consumer loops on `try_recv` and stops at the first `Err`.
//! At 0 ms the producer has not sent anything yet: the queue is empty, not
//! closed (`TryRecvError::Empty`, not `Disconnected`), and the consumer
//! gives up before the first item. Python's `get_nowait` until `QueueEmpty`
//! has the same bug.
//! expect: every item is consumed, in order

pub async fn seed(source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(16);
    let producer = tokio::spawn(produce(source, tx));
    let mut consumed = Vec::new();
    while let Ok(item) = rx.try_recv() {
        consumed.push(consumer.consume(item).await);
    }
    producer.await.expect("the producer panicked");
    consumed
}
