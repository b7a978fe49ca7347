//! Right: no task at all. The producer and the consumer are two futures
//! joined in this one, and the queue is unbounded, like the seed's
//! `asyncio.Queue()`. The producer is the slow side, so nothing piles up;
//! the producer's future owns the sender and drops it when it ends, which
//! ends the consumer's loop.

pub async fn seed(mut source: Source, consumer: Consumer) -> Vec<u32> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let producer = async move {
        while let Some(item) = source.next().await {
            if tx.send(item).is_err() {
                break;
            }
        }
    };
    let consumer = async {
        let mut consumed = Vec::new();
        while let Some(item) = rx.recv().await {
            consumed.push(consumer.consume(item).await);
        }
        consumed
    };
    let ((), consumed) = tokio::join!(producer, consumer);
    consumed
}
