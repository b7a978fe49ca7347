//! Wrong: Blind examination: step 4 runs the producers one after another in a
//! single task (for each source, send all its items): producer B only starts
//! when A is done. Producers run at the same time, each with a Sender of its own.
//! expect: the producers ran one after another

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producers = vec![tokio::spawn(async move {
        for mut source in sources {
            while let Some(item) = source.next().await {
                tx.send(item).await.expect("consumer gone");
            }
        }
    })];
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    for p in producers {
        p.await.expect("producer panicked");
    }
    ids
}
