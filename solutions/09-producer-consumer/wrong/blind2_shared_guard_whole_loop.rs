//! Wrong: Blind examination (round 2): `while let Some(item) =
//! rx.lock().await.recv().await`: the guard lives for the loop body, so the
//! consumers take turns.
//! expect: Lock for the recv() only

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let rx = Arc::new(Mutex::new(rx));
    let producer = tokio::spawn(produce(source, tx));
    let mut handles = Vec::new();
    for consumer in consumers {
        let rx = Arc::clone(&rx);
        handles.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            while let Some(item) = rx.lock().await.recv().await {
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
