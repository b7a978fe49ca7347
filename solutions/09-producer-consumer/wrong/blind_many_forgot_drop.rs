//! Wrong: Blind examination: step 4 clones the Sender for each producer but
//! keeps the original alive in this function: the channel never closes and
//! the consumer never sees None.
//! expect: a sender is still alive

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producers: Vec<_> = sources
        .into_iter()
        .map(|s| tokio::spawn(produce(s, tx.clone())))
        .collect();
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    for p in producers {
        p.await.expect("producer panicked");
    }
    ids
}
