//! Right: step 3 polls by hand with a Waker that does nothing
//! (`Waker::noop()`). It passes because the caller decides when to poll
//! again; an executor could not drive such a future, as nobody would tell
//! it when the sleep is over. Step 4 makes the one future `Shared`: it runs
//! once, and every clone of it, awaited, gets a clone of the answer.

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    std::pin::Pin::new(fut).poll(&mut context)
}

pub async fn data_twice(console: &Console) -> (String, String) {
    use futures::FutureExt;
    let fetch = fetch_data(console).shared();
    let first = fetch.clone().await;
    (first, fetch.await)
}
