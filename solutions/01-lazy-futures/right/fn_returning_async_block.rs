//! Right: step 1 as a plain fn whose whole body is one `async move` block:
//! nothing stands before the block, so nothing runs on the call, exactly as
//! with an `async fn`. Step 2 writes the work out inside its own block, and
//! step 3 asks `now_or_never`, which polls once with a no-op Waker.

pub fn fetch_data(console: &Console) -> impl Future<Output = String> + '_ {
    async move {
        console.print("fetching");
        tokio::time::sleep(Duration::from_secs(1)).await;
        "data".to_owned()
    }
}

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    let console = console.clone();
    async move {
        console.print("fetching");
        tokio::time::sleep(Duration::from_secs(1)).await;
        String::from("data")
    }
}

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    use futures::FutureExt;
    match fut.now_or_never() {
        Some(output) => Poll::Ready(output),
        None => Poll::Pending,
    }
}
