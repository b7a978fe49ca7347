//! Wrong: polls, yields once, and polls again if the first answer was
//! Pending: two polls, not one, and the future runs further than asked.
//! expect: poll_once polls exactly once, whatever the answer

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    let first = futures::poll!(&mut *fut);
    if first.is_ready() {
        return first;
    }
    tokio::task::yield_now().await;
    futures::poll!(&mut *fut)
}
