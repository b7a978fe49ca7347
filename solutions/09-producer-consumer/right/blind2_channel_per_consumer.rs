//! Right: Blind examination (round 2): a channel per consumer, items dealt
//! round-robin by the producer; consumers and producers joined in place
//! (join_all), not spawned; seed uses an unbounded channel, like
//! asyncio.Queue().

pub async fn seed(mut source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::unbounded_channel::<Product>();
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            if tx.send(item).is_err() {
                break;
            }
        }
    });
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    producer.await.expect("producer panicked");
    ids
}

pub async fn shared(mut source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let mut txs = Vec::new();
    let mut rxs = Vec::new();
    for _ in &consumers {
        let (tx, rx) = mpsc::channel::<Product>(capacity);
        txs.push(tx);
        rxs.push(rx);
    }
    let producer = tokio::spawn(async move {
        let mut next = 0;
        while let Some(item) = source.next().await {
            if txs[next % txs.len()].send(item).await.is_err() {
                break;
            }
            next += 1;
        }
    });
    let work = consumers
        .iter()
        .zip(rxs)
        .map(|(consumer, mut rx)| async move {
            let mut ids = Vec::new();
            while let Some(item) = rx.recv().await {
                ids.push(consumer.consume(item).await);
            }
            ids
        });
    let ids: Vec<u32> = futures::future::join_all(work)
        .await
        .into_iter()
        .flatten()
        .collect();
    producer.await.expect("producer panicked");
    ids
}

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel::<Product>(capacity);
    let producers = futures::future::join_all(sources.into_iter().map(|mut source| {
        let tx = tx.clone();
        async move {
            while let Some(item) = source.next().await {
                if tx.send(item).await.is_err() {
                    break;
                }
            }
        }
    }));
    drop(tx);
    let consume = async {
        let mut ids = Vec::new();
        while let Some(item) = rx.recv().await {
            ids.push(consumer.consume(item).await);
        }
        ids
    };
    let (_, ids) = tokio::join!(producers, consume);
    ids
}
