//! Wrong: carries Python's sentinel over: each producer sends `None` when
//! it is done, and the consumer stops at the first `None` it sees. That is
//! producer A's, at 300 ms, and producer B's last item is never consumed.
//! In Rust no sentinel is needed: `recv()` answers `None` once every
//! sender is dropped.
//! expect: it stops only when the last producer is done

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel::<Option<Product>>(capacity);
    let producers: Vec<_> = sources
        .into_iter()
        .map(|mut source| {
            let tx = tx.clone();
            tokio::spawn(async move {
                while let Some(item) = source.next().await {
                    let _ = tx.send(Some(item)).await;
                }
                let _ = tx.send(None).await;
            })
        })
        .collect();
    drop(tx);
    let mut consumed = Vec::new();
    while let Some(Some(item)) = rx.recv().await {
        consumed.push(consumer.consume(item).await);
    }
    drop(rx);
    for producer in producers {
        producer.await.expect("a producer panicked");
    }
    consumed
}
