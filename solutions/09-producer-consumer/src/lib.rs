//! # Kata 09: producer consumer (the reference answer)
//!
//! > Design a producer-consumer queue. How do consumers stop? Backpressure?
//!
//! The queue is a `tokio::sync::mpsc` channel. Consumers need no sentinel:
//! `recv()` answers `None` once the queue is drained *and* every `Sender`
//! is dropped, so the producer signals the end by dropping its sender, and
//! a sender kept alive anywhere keeps every consumer waiting. Backpressure
//! is the channel's bound: `send` waits while the channel holds `capacity`
//! items, so a fast producer slows to the consumers' pace. Several
//! consumers share one receiver behind a `tokio::sync::Mutex`, taken only
//! for the `recv`, never for the work.

use std::sync::Arc;

use tokio::sync::{Mutex, mpsc};
use world::{Consumer, Product, Source};

/// The producer: every item of `source` into the channel, then drop the
/// sender, which is what tells the consumers that no more will come.
async fn produce(mut source: Source, tx: mpsc::Sender<Product>) {
    while let Some(item) = source.next().await {
        // `send` waits while the channel is full: backpressure. It fails
        // only when every receiver is gone; then nobody wants the rest.
        if tx.send(item).await.is_err() {
            break;
        }
    }
    // `tx` is dropped here.
}

/// A consumer: take items until the channel is closed and drained.
async fn consume(consumer: &Consumer, rx: &mut mpsc::Receiver<Product>) -> Vec<u32> {
    let mut consumed = Vec::new();
    while let Some(item) = rx.recv().await {
        consumed.push(consumer.consume(item).await);
    }
    consumed
}

/// Step 1: the seed: one producer task, one consumer, a channel between
/// them; the ids consumed, in order.
pub async fn seed(source: Source, consumer: Consumer) -> Vec<u32> {
    // Python's `asyncio.Queue()` is unbounded; so could this be. The seed's
    // producer is the slow side, so the bound never bites here.
    let (tx, mut rx) = mpsc::channel(16);
    let producer = tokio::spawn(produce(source, tx));
    let consumed = consume(&consumer, &mut rx).await;
    producer.await.expect("the producer panicked");
    consumed
}

/// Step 2: the same, with room for only `capacity` items between them.
pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(produce(source, tx));
    let consumed = consume(&consumer, &mut rx).await;
    producer.await.expect("the producer panicked");
    consumed
}

/// Step 3: several consumers share the items of one producer; every id
/// consumed, in any order.
pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(capacity);
    let rx = Arc::new(Mutex::new(rx));
    let producer = tokio::spawn(produce(source, tx));
    let workers: Vec<_> = consumers
        .into_iter()
        .map(|consumer| {
            let rx = Arc::clone(&rx);
            tokio::spawn(async move {
                let mut consumed = Vec::new();
                loop {
                    // The guard is a temporary of this statement: the lock
                    // is held while waiting for an item, released before
                    // the work, so the others can take the next one.
                    let item = rx.lock().await.recv().await;
                    let Some(item) = item else { break };
                    consumed.push(consumer.consume(item).await);
                }
                consumed
            })
        })
        .collect();
    let mut consumed = Vec::new();
    for worker in workers {
        consumed.extend(worker.await.expect("a consumer panicked"));
    }
    producer.await.expect("the producer panicked");
    consumed
}

/// Step 4: several producers, one consumer; it stops when the last
/// producer is done. Every id consumed, in any order.
pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    let (tx, mut rx) = mpsc::channel(capacity);
    let producers: Vec<_> = sources
        .into_iter()
        .map(|source| tokio::spawn(produce(source, tx.clone())))
        .collect();
    // The original sender would keep the channel open for ever: each
    // producer has its own clone, so this one goes.
    drop(tx);
    let consumed = consume(&consumer, &mut rx).await;
    for producer in producers {
        producer.await.expect("a producer panicked");
    }
    consumed
}
