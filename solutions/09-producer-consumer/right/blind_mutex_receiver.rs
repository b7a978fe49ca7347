//! Right: Blind examination: the seed is `bounded` with room for 8; step 3
//! shares one Receiver behind an Arc<tokio Mutex> locked only for recv(),
//! the consumers spawned into a JoinSet and joined as they finish.

pub async fn seed(source: Source, consumer: Consumer) -> Vec<u32> {
    bounded(source, consumer, 8).await
}

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
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
