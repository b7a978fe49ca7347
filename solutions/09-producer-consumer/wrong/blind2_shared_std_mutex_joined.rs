//! Wrong: Blind examination (round 2): the receiver behind a std::sync::Mutex,
//! consumers joined in place (join_all, so no Send error): the guard is held
//! across recv().await and the second consumer's lock() blocks the only thread.
//! expect: guard held across an `.await`

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let rx = std::sync::Mutex::new(rx);
    let producer = tokio::spawn(produce(source, tx));
    let rx = &rx;
    let work = consumers.iter().map(|consumer| async move {
        let mut ids = Vec::new();
        loop {
            #[allow(clippy::await_holding_lock)]
            let item = rx.lock().unwrap().recv().await;
            let Some(item) = item else { break };
            ids.push(consumer.consume(item).await);
        }
        ids
    });
    let all: Vec<u32> = futures::future::join_all(work)
        .await
        .into_iter()
        .flatten()
        .collect();
    let _ = Arc::new(Mutex::new(()));
    producer.await.unwrap();
    all
}
