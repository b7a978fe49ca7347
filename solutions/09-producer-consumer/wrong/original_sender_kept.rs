//! Wrong: clones the sender for each producer and forgets the original.
//! Both producers finish and drop their clones, but `tx` itself lives until
//! this function returns, which it never does: the consumer waits in
//! `recv()` for ever. `drop(tx)` after the spawns is the whole fix.
//! expect: a sender is still alive

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producers: Vec<_> = sources
        .into_iter()
        .map(|source| tokio::spawn(produce(source, tx.clone())))
        .collect();
    let consumed = consume(&consumer, &mut rx).await;
    for producer in producers {
        producer.await.expect("a producer panicked");
    }
    consumed
}
