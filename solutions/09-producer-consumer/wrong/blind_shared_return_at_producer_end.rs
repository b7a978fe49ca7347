//! Wrong: Blind examination: step 3 spawns the consumers (detached), collects
//! their ids through a shared Vec, and returns as soon as the producer is
//! done, without waiting for the consumers to stop: the last items are lost.
//! expect: while consumers were still at work

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(produce(source, tx));
    let rx = Arc::new(Mutex::new(rx));
    let done = Arc::new(std::sync::Mutex::new(Vec::new()));
    for consumer in consumers {
        let rx = Arc::clone(&rx);
        let done = Arc::clone(&done);
        tokio::spawn(async move {
            loop {
                let item = rx.lock().await.recv().await;
                let Some(item) = item else { break };
                let id = consumer.consume(item).await;
                done.lock().unwrap().push(id);
            }
        });
    }
    producer.await.expect("producer panicked");
    let _ = tokio::task::JoinSet::<()>::new();
    let all = done.lock().unwrap().clone();
    all
}
