//! Wrong: no task and no channel: one loop takes an item from the source then consumes it; the producer never runs ahead (done at 1500 ms).
//! The cause: producer and consumer must run at the same time: a single pull loop serialises them, nothing runs ahead
//! expect: a producer polled only when the consumer asks

pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    let _ = room;
    let mut ids = Vec::new();
    while let Some(item) = source.next().await {
        ids.push(consumer.consume(item).await);
    }
    ids
}
