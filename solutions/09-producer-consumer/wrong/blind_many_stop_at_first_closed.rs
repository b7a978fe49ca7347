//! Wrong: Blind examination: step 4 gives each producer its own channel and
//! selects over the receivers, stopping at the first None ("a producer is
//! done, so we are done"): producer B's items after A finished are lost.
//! (`biased;`, so that the verdict does not depend on select!'s random pick.)
//! expect: it stops only when the last producer is done

pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let mut sources = sources.into_iter();
    let (a, b) = (sources.next().unwrap(), sources.next().unwrap());
    let (txa, mut rxa) = mpsc::channel(capacity);
    let (txb, mut rxb) = mpsc::channel(capacity);
    let pa = tokio::spawn(produce(a, txa));
    let pb = tokio::spawn(produce(b, txb));
    let mut ids = Vec::new();
    loop {
        let next = tokio::select! {
            biased;
            item = rxa.recv() => item,
            item = rxb.recv() => item,
        };
        let Some(item) = next else { break };
        ids.push(consumer.consume(item).await);
    }
    drop((pa, pb));
    ids
}
