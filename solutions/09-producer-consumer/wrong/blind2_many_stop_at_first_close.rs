//! Wrong: Blind examination (round 2): a channel per producer and a select!
//! over them that stops at the first None: the consumer stops when A is done
//! and loses B's later items. (Written unbiased, the answer lost different
//! items from run to run, and one run in many lost none: `biased;` here keeps
//! its verdict the same on every run.)
//! expect: it stops only when the last producer is done

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let mut producers = Vec::new();
    let mut rxs = Vec::new();
    for source in sources {
        let (tx, rx) = mpsc::channel(capacity);
        rxs.push(rx);
        producers.push(tokio::spawn(produce(source, tx)));
    }
    let mut ids = Vec::new();
    let mut b = rxs.pop().unwrap();
    let mut a = rxs.pop().unwrap();
    loop {
        let item = tokio::select! {
            biased;
            i = a.recv() => i,
            i = b.recv() => i,
        };
        let Some(item) = item else { break };
        ids.push(consumer.consume(item).await);
    }
    drop(a);
    drop(b);
    for p in producers {
        p.await.unwrap();
    }
    ids
}
