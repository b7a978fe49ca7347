//! Right: fetch_later is a hand-written `Future` that prints and makes its
//! `Sleep` at its first poll; poll_once polls through `FutureExt::poll_unpin`
//! inside `poll_fn`; data_twice joins two clones of one `Shared` fetch.

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    use std::pin::Pin;
    use std::task::Context;

    struct Later {
        console: Console,
        nap: Option<Pin<Box<tokio::time::Sleep>>>,
    }

    impl Future for Later {
        type Output = String;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
            if self.nap.is_none() {
                self.console.print("fetching");
                self.nap = Some(Box::pin(tokio::time::sleep(Duration::from_secs(1))));
            }
            match self.nap.as_mut().expect("set above").as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready("data".to_owned()),
                Poll::Pending => Poll::Pending,
            }
        }
    }

    Later {
        console: console.clone(),
        nap: None,
    }
}

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    use futures::FutureExt;
    let mut once = Some(fut);
    std::future::poll_fn(move |cx| {
        let f = once.take().expect("polled once");
        Poll::Ready(f.poll_unpin(cx))
    })
    .await
}

pub async fn data_twice(console: &Console) -> (String, String) {
    use futures::FutureExt;
    let shared = fetch_later(console).shared();
    let other = shared.clone();
    tokio::join!(shared, other)
}
