//! Wrong: Blind examination (round 2): many_producers runs the producers one
//! after another in a single spawned task (one sender): B starts only when A is
//! done.
//! expect: the producers ran one after another

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let mut producers = Vec::new();
    producers.push(tokio::spawn(async move {
        for source in sources {
            produce(source, tx.clone()).await;
        }
    }));
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    for p in producers {
        p.await.unwrap();
    }
    ids
}
