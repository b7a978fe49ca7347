//! Wrong: Blind examination (round 2): shared hands every item to the first
//! consumer (the other gets a closed channel): each item consumed once, never
//! two at once.
//! expect: consumer 2 consumed nothing

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let rx = Arc::new(Mutex::new(rx));
    let producer = tokio::spawn(produce(source, tx));
    let mut handles = Vec::new();
    for consumer in consumers.into_iter().take(1) {
        let rx = Arc::clone(&rx);
        handles.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            loop {
                let item = rx.lock().await.recv().await;
                let Some(item) = item else { break };
                ids.push(consumer.consume(item).await);
            }
            ids
        }));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.await.unwrap());
    }
    producer.await.unwrap();
    all
}
