//! Right: Blind examination (round 2): the obvious design, written
//! independently: bounded channel, spawned producer, Arc<tokio Mutex<Receiver>>
//! shared by spawned consumers, tx.clone() per producer then drop(tx).

pub async fn seed(source: Source, consumer: Consumer) -> Vec<u32> {
    bounded(source, consumer, 16).await
}

pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(produce(source, tx));
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.unwrap();
    ids
}

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let rx = Arc::new(Mutex::new(rx));
    let producer = tokio::spawn(produce(source, tx));
    let mut handles = Vec::new();
    for consumer in consumers {
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

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let mut producers = Vec::new();
    for source in sources {
        producers.push(tokio::spawn(produce(source, tx.clone())));
    }
    drop(tx);
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    for p in producers {
        p.await.unwrap();
    }
    ids
}
