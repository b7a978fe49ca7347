//! Wrong: Blind examination (round 2): the increments are handed to an actor
//! task (mpsc + oneshot) that owns the counter: 10 at 1000 ms, but the
//! increments never read the counter themselves, which is not this step's
//! lesson (the lock).
//! expect: never read the counter itself

pub struct Shared {
    tx: tokio::sync::mpsc::Sender<tokio::sync::oneshot::Sender<()>>,
}

pub fn share(counter: SlowCounter) -> Shared {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<tokio::sync::oneshot::Sender<()>>(16);
    tokio::spawn(async move {
        while let Some(reply) = rx.recv().await {
            let v = counter.read().await;
            counter.write(v + 1).await;
            let _ = reply.send(());
        }
    });
    Shared { tx }
}

pub async fn increment_shared(shared: &Shared) {
    let (reply, done) = tokio::sync::oneshot::channel();
    shared.tx.send(reply).await.expect("actor alive");
    done.await.expect("actor answered");
}
