//! Wrong: a `broadcast` channel, one receiver per consumer. Broadcast is
//! fan-out: every consumer gets every item (and a slow one lags and loses
//! some), so items are done twice. A work queue hands each item to one
//! consumer.
//! expect: each item is consumed exactly once

pub async fn shared(mut source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, _) = tokio::sync::broadcast::channel(capacity);
    let workers: Vec<_> = consumers
        .into_iter()
        .map(|consumer| {
            let mut rx = tx.subscribe();
            tokio::spawn(async move {
                let mut consumed = Vec::new();
                loop {
                    match rx.recv().await {
                        Ok(item) => consumed.push(consumer.consume(item).await),
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
                    }
                }
                consumed
            })
        })
        .collect();
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            let _ = tx.send(item);
        }
    });
    let mut consumed = Vec::new();
    for worker in workers {
        consumed.extend(worker.await.expect("a consumer panicked"));
    }
    producer.await.expect("the producer panicked");
    consumed
}
