//! Wrong: Blind examination: each consumer loops with `while let Some(item) =
//! rx.lock().await.recv().await`, which keeps the Mutex guard for the whole
//! loop body: the consumers take turns instead of working at once.
//! expect: a `while let` keeps its lock guard for the whole loop body

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(produce(source, tx));
    let rx = Arc::new(Mutex::new(rx));
    let mut set = tokio::task::JoinSet::new();
    for consumer in consumers {
        let rx = Arc::clone(&rx);
        set.spawn(async move {
            let mut ids = Vec::new();
            while let Some(item) = rx.lock().await.recv().await {
                ids.push(consumer.consume(item).await);
            }
            ids
        });
    }
    let mut all = Vec::new();
    while let Some(ids) = set.join_next().await {
        all.extend(ids.expect("consumer panicked"));
    }
    producer.await.expect("producer panicked");
    all
}
