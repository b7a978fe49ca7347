//! Right: one channel per consumer, and the producer deals items round
//! robin. No lock to share a receiver; each consumer owns its own. With
//! consumers that take the same time per item this spreads the work as
//! well as a shared queue (with uneven items a shared queue, or
//! `async-channel`'s multi-consumer channel, balances better).

pub async fn shared(mut source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let mut senders = Vec::new();
    let mut workers = tokio::task::JoinSet::new();
    for consumer in consumers {
        let (tx, mut rx) = mpsc::channel(capacity);
        senders.push(tx);
        workers.spawn(async move {
            let mut consumed = Vec::new();
            while let Some(item) = rx.recv().await {
                consumed.push(consumer.consume(item).await);
            }
            consumed
        });
    }
    let producer = tokio::spawn(async move {
        let mut turn = 0;
        while let Some(item) = source.next().await {
            if senders[turn % senders.len()].send(item).await.is_err() {
                break;
            }
            turn += 1;
        }
        // `senders` is dropped here: every consumer's channel closes.
    });
    let mut consumed = Vec::new();
    while let Some(done) = workers.join_next().await {
        consumed.extend(done.expect("a consumer panicked"));
    }
    producer.await.expect("the producer panicked");
    consumed
}
