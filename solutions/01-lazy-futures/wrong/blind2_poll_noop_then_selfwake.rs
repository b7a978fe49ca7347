//! Wrong: polls with a no-op waker, then wakes its own task once by hand "so
//! that it is woken". A spurious wake at once: the future registered the
//! no-op waker, so when its timer fires nobody is told.
//! expect: a wake by hand (`cx.waker().wake_by_ref()`) is not the future's own

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    std::future::poll_fn(|cx| {
        let mut noop = std::task::Context::from_waker(std::task::Waker::noop());
        let answer = std::pin::Pin::new(&mut *fut).poll(&mut noop);
        cx.waker().wake_by_ref();
        Poll::Ready(answer)
    })
    .await
}
