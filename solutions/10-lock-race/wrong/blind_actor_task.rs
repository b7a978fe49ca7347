//! Wrong: Blind examination: no lock; one actor task owns the counter and
//! does the increments one at a time, from requests on an mpsc channel each
//! answered on a oneshot. It counts to 10 in 1000 ms, but the increments no
//! longer read and write the counter themselves: step 2 asks each increment to
//! take turns through a lock held from its read to its write (README step 2;
//! the actor is a follow-up question there).
//! expect: never read the counter itself: the reads were made on the row `counter`

pub struct Shared {
    requests: tokio::sync::mpsc::UnboundedSender<tokio::sync::oneshot::Sender<()>>,
}

pub fn share(counter: SlowCounter) -> Shared {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<tokio::sync::oneshot::Sender<()>>();
    tokio::spawn(async move {
        while let Some(done) = rx.recv().await {
            increment(&counter).await;
            let _ = done.send(());
        }
    });
    Shared { requests: tx }
}

pub async fn increment_shared(shared: &Shared) {
    let (done, wait) = tokio::sync::oneshot::channel();
    shared.requests.send(done).expect("actor gone");
    wait.await.expect("actor gone");
}
