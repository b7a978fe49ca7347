//! Wrong: hands the producer a clone of the sender and keeps the original.
//! The producer drops its clone when it is done, but `tx` lives on in this
//! function, so the channel never closes: `recv()` waits for ever after
//! the last item, and the consumer never stops.
//! expect: a sender is still alive

pub async fn seed(source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(16);
    let producer = tokio::spawn(produce(source, tx.clone()));
    let consumed = consume(&consumer, &mut rx).await;
    producer.await.expect("the producer panicked");
    consumed
}
