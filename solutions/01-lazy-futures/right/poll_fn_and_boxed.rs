//! Right: step 2 returns a boxed future (`Pin<Box<dyn Future + Send>>`, the
//! shape a trait method or a collection of different futures needs) made
//! from an `async move` block, and step 3 polls through
//! `std::future::poll_fn` with this task's own Context, no macro.

pub fn fetch_later(console: &Console) -> std::pin::Pin<Box<dyn Future<Output = String> + Send>> {
    let console = console.clone();
    Box::pin(async move { fetch_data(&console).await })
}

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    std::future::poll_fn(|cx| Poll::Ready(std::pin::Pin::new(&mut *fut).poll(cx))).await
}
