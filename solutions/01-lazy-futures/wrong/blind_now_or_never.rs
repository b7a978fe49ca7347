//! Wrong: `FutureExt::now_or_never` polls once, the library way, but with a
//! no-op waker of its own, not the caller's: nothing wakes the caller when
//! the future's timer fires.
//! expect: poll_once must poll with the caller's own Waker

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    use futures::FutureExt;
    match (&mut *fut).now_or_never() {
        Some(output) => Poll::Ready(output),
        None => Poll::Pending,
    }
}
