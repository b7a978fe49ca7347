//! Wrong: polls once by hand with a Waker that does nothing
//! (`Waker::noop()`). The answer is the same, but the future registers a
//! waker nobody listens to: when its sleep is over, the task that polled is
//! never told, and no executor would poll it again. (This file was a right
//! answer until a blind examination asked what the Waker is for.)
//! expect: poll_once must poll with the caller's own Waker

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    std::pin::Pin::new(fut).poll(&mut context)
}
