//! Wrong: Blind examination (round 2): the producer uses try_send and drops the
//! item when the queue is full ("the bound protects memory"): load shedding,
//! not backpressure; items 2 and 3 are lost.
//! expect: try_send answers Err(Full) at once

pub async fn bounded(mut source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            let _ = tx.try_send(item);
        }
    });
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.unwrap();
    ids
}
