//! Wrong: awaits the producer to the end, then consumes. With room for one
//! item, the producer's second `send` waits for a consumer that will only
//! start once the producer is done: a deadlock. (With an unbounded queue
//! it would "work" by holding every item in memory.)
//! expect: is still handing item 1 over

pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    produce(source, tx).await;
    consume(&consumer, &mut rx).await
}
