//! Wrong: a bounded channel, but with a bound of its own (16) instead of
//! the `capacity` asked for. Five items fit, so the producer never waits:
//! a bound larger than the burst is no backpressure at all.
//! expect: a bound larger than asked

pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(16);
    let producer = tokio::spawn(produce(source, tx));
    let consumed = consume(&consumer, &mut rx).await;
    producer.await.expect("the producer panicked");
    consumed
}
