//! Wrong: spawns the producer, then awaits its JoinHandle before reading the channel: the producer fills the channel and waits for room forever (deadlock).
//! The cause: deadlock: the producer waits for room that only the consumer (not yet running) can make; await the producer after consuming
//! expect: deadlock

pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(room);
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            if tx.send(item).await.is_err() {
                break;
            }
        }
    });
    producer.await.unwrap();
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    ids
}
