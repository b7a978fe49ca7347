//! Wrong: the consumer side reads the channel with `.map(consume).buffered(room)`, so two items are consumed at once; the ids come out in order but the consumer is not "one at a time" and is done early.
//! The cause: the consumer must work on one item at a time; buffered on the consumer side runs room consumes concurrently
//! expect: one item at a time

pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    let (tx, rx) = tokio::sync::mpsc::channel(room);
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            if tx.send(item).await.is_err() {
                break;
            }
        }
    });
    let ids = stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|i| (i, rx)) })
        .map(|item| consumer.consume(item))
        .buffered(room)
        .collect()
        .await;
    producer.await.unwrap();
    ids
}
