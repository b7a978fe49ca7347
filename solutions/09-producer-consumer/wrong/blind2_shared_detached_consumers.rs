//! Wrong: Blind examination (round 2): shared spawns the consumers and drops
//! their handles, collecting ids in an Arc<Mutex<Vec>>, and returns when the
//! producer is done, while the consumers still work on the last items.
//! expect: await each consumer task

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
    let all = Arc::new(std::sync::Mutex::new(Vec::new()));
    for h in handles {
        let all = Arc::clone(&all);
        tokio::spawn(async move {
            let ids = h.await.unwrap();
            all.lock().unwrap().extend(ids);
        });
    }
    producer.await.unwrap();
    tokio::task::yield_now().await;
    let v = all.lock().unwrap().clone();
    v
}
