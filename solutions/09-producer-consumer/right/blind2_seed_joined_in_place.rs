//! Right: Blind examination (round 2): seed joins the producer future with the
//! consumer's loop (tokio::join!) instead of spawning it: the channel closes
//! when the producer's future drops its sender, the same timeline.

pub async fn seed(source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(16);
    let consume = async {
        let mut ids = Vec::new();
        while let Some(item) = rx.recv().await {
            ids.push(consumer.consume(item).await);
        }
        ids
    };
    let ((), ids) = tokio::join!(produce(source, tx), consume);
    ids
}
