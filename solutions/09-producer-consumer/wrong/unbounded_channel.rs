//! Wrong: an unbounded channel where backpressure was asked. `send` never
//! waits, so the producer makes an item every 50 ms whatever the consumer
//! does: it is done at 300 ms with four items queued, and a producer that
//! runs for ever fills memory. The timeline of the consumer is the same;
//! the producer's bars give it away.
//! expect: backpressure: with room for 1 item

pub async fn bounded(mut source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            if tx.send(item).is_err() {
                break;
            }
        }
    });
    let mut consumed = Vec::new();
    while let Some(item) = rx.recv().await {
        consumed.push(consumer.consume(item).await);
    }
    producer.await.expect("the producer panicked");
    consumed
}
