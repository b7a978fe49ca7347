//! Wrong: futures::channel::mpsc::channel(room) fed with `feed` (no flush): start_send enqueues even when the sender is parked, so the producer hands over room + 1 items before it waits.
//! The cause: the bound counted differently: futures' mpsc holds buffer + 1 per sender; the producer runs room + 1 ahead
//! expect: one more than the channel's room

pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    use futures::SinkExt;
    let (mut tx, rx) = futures::channel::mpsc::channel(room);
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            if tx.feed(item).await.is_err() {
                break;
            }
        }
    });
    let ids = rx.then(|item| consumer.consume(item)).collect().await;
    producer.await.unwrap();
    ids
}
