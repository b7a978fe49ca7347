//! Right: Blind examination: step 3's consumers share the Receiver with an
//! explicit guard scope and run as FuturesUnordered in place; step 4 gives
//! every producer a channel of its own and merges the receivers with
//! futures' select_all over poll_fn streams.

pub async fn seed(source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(1);
    let handle = tokio::spawn(produce(source, tx));
    let mut ids = Vec::new();
    loop {
        match rx.recv().await {
            Some(item) => ids.push(consumer.consume(item).await),
            None => break,
        }
    }
    handle.await.unwrap();
    ids
}

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    use futures::StreamExt;
    let (tx, rx) = mpsc::channel(capacity);
    let handle = tokio::spawn(produce(source, tx));
    let rx = Arc::new(Mutex::new(rx));
    let mut running: futures::stream::FuturesUnordered<_> = consumers
        .into_iter()
        .map(|consumer| {
            let rx = Arc::clone(&rx);
            async move {
                let mut ids = Vec::new();
                loop {
                    let next = {
                        let mut guard = rx.lock().await;
                        guard.recv().await
                    };
                    match next {
                        Some(item) => ids.push(consumer.consume(item).await),
                        None => return ids,
                    }
                }
            }
        })
        .collect();
    let mut all = Vec::new();
    while let Some(ids) = running.next().await {
        all.extend(ids);
    }
    handle.await.unwrap();
    all
}

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    use futures::StreamExt;
    let mut streams = Vec::new();
    let mut handles = Vec::new();
    for source in sources {
        let (tx, mut rx) = mpsc::channel::<Product>(capacity);
        handles.push(tokio::spawn(produce(source, tx)));
        streams.push(futures::stream::poll_fn(move |cx| rx.poll_recv(cx)).boxed());
    }
    let mut merged = futures::stream::select_all(streams);
    let mut ids = Vec::new();
    while let Some(item) = merged.next().await {
        ids.push(consumer.consume(item).await);
    }
    for h in handles {
        h.await.unwrap();
    }
    ids
}
