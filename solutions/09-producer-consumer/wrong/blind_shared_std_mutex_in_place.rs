//! Wrong: Blind examination: the consumers share the Receiver behind a
//! std::sync::Mutex and run joined in place (join_all, so it compiles); the
//! guard is a temporary held across recv().await, so the second consumer
//! blocks the runtime thread on lock().
//! expect: guard held across an `.await`

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(produce(source, tx));
    let rx = std::sync::Mutex::new(rx);
    let rx = &rx;
    let all = futures::future::join_all(consumers.into_iter().map(|consumer| async move {
        let mut ids = Vec::new();
        loop {
            #[allow(clippy::await_holding_lock)]
            let item = rx.lock().unwrap().recv().await;
            let Some(item) = item else { break };
            ids.push(consumer.consume(item).await);
        }
        ids
    }))
    .await;
    producer.await.expect("producer panicked");
    let _ = (Mutex::new(()), tokio::task::JoinSet::<()>::new());
    all.into_iter().flatten().collect()
}
