//! Right: `futures::channel::mpsc::channel(room)` with `SinkExt::send().await`: its capacity
//! is room plus one slot per sender, but `send` flushes, and the flush waits while the
//! sender is parked, so the producer runs ahead by room, as with tokio's channel. (The
//! examiner wrote it as wrong from an older hint; with `feed` it is wrong: see
//! wrong/blind_run_ahead_futures_channel_feed.rs.)

pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    use futures::SinkExt;
    let (mut tx, rx) = futures::channel::mpsc::channel(room);
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            if tx.send(item).await.is_err() {
                break;
            }
        }
    });
    let ids = rx.then(|item| consumer.consume(item)).collect().await;
    producer.await.unwrap();
    ids
}
