//! Right: step 2 returns a boxed, pinned async block; step 3 polls once with
//! a `biased` `select!` whose second branch is always ready (the first
//! branch is polled once, with the task's own Context); step 4 joins two
//! clones of one `Shared` fetch.

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    let console = console.clone();
    let fut: std::pin::Pin<Box<dyn Future<Output = String> + Send>> =
        Box::pin(async move { fetch_data(&console).await });
    fut
}

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    tokio::select! {
        biased;
        out = fut => Poll::Ready(out),
        _ = std::future::ready(()) => Poll::Pending,
    }
}

pub async fn data_twice(console: &Console) -> (String, String) {
    use futures::FutureExt;
    let once = fetch_data(console).shared();
    futures::join!(once.clone(), once)
}
