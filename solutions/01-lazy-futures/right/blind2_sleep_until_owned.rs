//! Right: the sleep is `sleep_until(Instant::now() + 1 s)`, its instant read
//! in the body, at the first poll; fetch_later writes the body out in an
//! `async move` block over an owned Console; poll_once awaits a hand-written
//! one-shot future that polls the inner one with the task's own Context.

pub async fn fetch_data(console: &Console) -> String {
    console.print("fetching");
    tokio::time::sleep_until(tokio::time::Instant::now() + Duration::from_secs(1)).await;
    "data".into()
}

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    let owned: Console = Console::clone(console);
    async move {
        owned.print("fetching");
        tokio::time::sleep_until(tokio::time::Instant::now() + Duration::from_secs(1)).await;
        "data".to_string()
    }
}

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    use std::pin::Pin;
    use std::task::Context;

    struct Once<'a, F>(&'a mut F);

    impl<F: Future + Unpin> Future for Once<'_, F> {
        type Output = Poll<F::Output>;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            Poll::Ready(Pin::new(&mut *self.0).poll(cx))
        }
    }

    Once(fut).await
}

pub async fn data_twice(console: &Console) -> (String, String) {
    let data = fetch_later(console).await;
    (data.to_owned(), data)
}
