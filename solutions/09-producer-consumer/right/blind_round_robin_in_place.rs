//! Right: Blind examination: an unbounded channel for the seed (the seed's
//! Queue() is unbounded); step 2's producer joined in place with join!;
//! step 3 gives each consumer a channel of its own and the producer deals
//! items round robin; step 4's producers joined in place.

pub async fn seed(mut source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            let _ = tx.send(item);
        }
    });
    let mut ids = Vec::new();
    while let Some(item) = rx.recv().await {
        ids.push(consumer.consume(item).await);
    }
    let _ = producer.await;
    ids
}

pub async fn bounded(mut source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producer = async move {
        while let Some(item) = source.next().await {
            tx.send(item).await.expect("consumer gone");
        }
    };
    let consumer = async {
        let mut ids = Vec::new();
        while let Some(item) = rx.recv().await {
            ids.push(consumer.consume(item).await);
        }
        ids
    };
    let ((), ids) = tokio::join!(producer, consumer);
    ids
}

pub async fn shared(mut source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let mut senders = Vec::new();
    let mut workers = Vec::new();
    for consumer in consumers {
        let (tx, mut rx) = mpsc::channel(capacity);
        senders.push(tx);
        workers.push(async move {
            let mut ids = Vec::new();
            while let Some(item) = rx.recv().await {
                ids.push(consumer.consume(item).await);
            }
            ids
        });
    }
    let producer = tokio::spawn(async move {
        let mut n = 0;
        while let Some(item) = source.next().await {
            senders[n % senders.len()]
                .send(item)
                .await
                .expect("consumer gone");
            n += 1;
        }
    });
    let ids: Vec<u32> = futures::future::join_all(workers)
        .await
        .into_iter()
        .flatten()
        .collect();
    producer.await.expect("producer panicked");
    ids
}

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producers = futures::future::join_all(sources.into_iter().map(|mut source| {
        let tx = tx.clone();
        async move {
            while let Some(item) = source.next().await {
                tx.send(item).await.expect("consumer gone");
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
