//! Right: Blind examination (round 2): consumers in a JoinSet sharing an
//! Arc<Mutex<Receiver>> (results in finishing order); many_producers gives each
//! producer a channel of its own and the consumer selects over them until both
//! are closed, the producers' handles kept in a JoinSet.

pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    fn spawn_producer(
        mut source: Source,
        tx: mpsc::Sender<Product>,
    ) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            while let Some(item) = source.next().await {
                if tx.send(item).await.is_err() {
                    return;
                }
            }
        })
    }
    let (tx, rx) = mpsc::channel(capacity);
    let rx = Arc::new(Mutex::new(rx));
    let h = spawn_producer(source, tx);
    let mut set = tokio::task::JoinSet::new();
    for consumer in consumers {
        let rx = rx.clone();
        set.spawn(async move {
            let mut ids = vec![];
            loop {
                let next = {
                    let mut guard = rx.lock().await;
                    guard.recv().await
                };
                match next {
                    Some(p) => ids.push(consumer.consume(p).await),
                    None => return ids,
                }
            }
        });
    }
    let mut all = vec![];
    while let Some(r) = set.join_next().await {
        all.extend(r.unwrap());
    }
    h.await.unwrap();
    all
}

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    fn spawn_producer(
        mut source: Source,
        tx: mpsc::Sender<Product>,
    ) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            while let Some(item) = source.next().await {
                if tx.send(item).await.is_err() {
                    return;
                }
            }
        })
    }
    let mut set = tokio::task::JoinSet::new();
    let mut rxs = vec![];
    for source in sources {
        let (tx, rx) = mpsc::channel(capacity);
        rxs.push(rx);
        let h = spawn_producer(source, tx);
        set.spawn(async move { h.await.unwrap() });
    }
    let mut b = rxs.pop().unwrap();
    let mut a = rxs.pop().unwrap();
    let (mut a_open, mut b_open) = (true, true);
    let mut ids = vec![];
    while a_open || b_open {
        tokio::select! {
            r = a.recv(), if a_open => match r {
                Some(p) => ids.push(consumer.consume(p).await),
                None => a_open = false,
            },
            r = b.recv(), if b_open => match r {
                Some(p) => ids.push(consumer.consume(p).await),
                None => b_open = false,
            },
        }
    }
    while let Some(r) = set.join_next().await {
        r.unwrap();
    }
    ids
}
