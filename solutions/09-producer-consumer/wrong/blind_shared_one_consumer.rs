//! Wrong: Blind examination: step 3 hands the whole queue to the first
//! consumer only (the others are ignored): every item consumed once, but one
//! at a time.
//! expect: consumer 2 consumed nothing

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let consumer = consumers.into_iter().next().expect("a consumer");
    if true {
        return bounded(source, consumer, capacity).await;
    }
    let consumers: Vec<Consumer> = Vec::new();
    let (tx, rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(produce(source, tx));
    let rx = Arc::new(Mutex::new(rx));
    let mut set = tokio::task::JoinSet::new();
    for consumer in consumers {
        let rx = Arc::clone(&rx);
        set.spawn(async move {
            let mut ids = Vec::new();
            loop {
                let item = rx.lock().await.recv().await;
                let Some(item) = item else { break };
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
