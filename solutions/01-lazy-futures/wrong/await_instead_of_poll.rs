//! Wrong: "polls" by awaiting. `.await` polls again and again, each time it
//! is woken, until the future is Ready: it returns after the whole second,
//! never Pending.
//! expect: it polled 2 times (an `.await`

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    Poll::Ready(fut.await)
}
