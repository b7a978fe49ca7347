//! Wrong: Blind examination (round 2): many_producers clones the sender into
//! each producer but never drops the original: recv() never answers None.
//! expect: the tx kept after cloning it for the producer

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let mut producers = Vec::new();
    for source in sources {
        producers.push(tokio::spawn(produce(source, tx.clone())));
    }
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    for p in producers {
        p.await.unwrap();
    }
    ids
}
