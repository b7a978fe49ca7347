//! Wrong: tokio channel(room - 1), reasoning that the producer already holds one item in hand; the producer runs only one item ahead.
//! The cause: the bound counted differently: the channel must have room for `room` items; this one holds room - 1
//! expect: or a channel of 1

pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(room.saturating_sub(1).max(1));
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            if tx.send(item).await.is_err() {
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
