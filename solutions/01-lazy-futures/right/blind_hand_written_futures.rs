//! Right: step 1 sleeps until an instant computed in the body; step 2 is a
//! hand-written `Future` whose state machine makes the fetch only at its
//! first poll; step 3 is a one-shot `PollOnce` future that polls the inner
//! future with the task's own Context.

pub async fn fetch_data(console: &Console) -> String {
    console.print("fetching");
    tokio::time::sleep_until(tokio::time::Instant::now() + Duration::from_secs(1)).await;
    String::from("data")
}

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    use std::pin::Pin;
    use std::task::Context;

    enum Later {
        NotStarted(Console),
        Running(Pin<Box<dyn Future<Output = String> + Send>>),
        Done,
    }

    impl Future for Later {
        type Output = String;

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
            loop {
                match std::mem::replace(&mut *self, Later::Done) {
                    Later::NotStarted(console) => {
                        *self = Later::Running(Box::pin(async move { fetch_data(&console).await }));
                    }
                    Later::Running(mut fut) => {
                        let answer = fut.as_mut().poll(cx);
                        if answer.is_pending() {
                            *self = Later::Running(fut);
                        }
                        return answer;
                    }
                    Later::Done => panic!("Later polled after it returned"),
                }
            }
        }
    }

    Later::NotStarted(console.clone())
}

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    struct PollOnce<'a, F>(&'a mut F);

    impl<F: Future + Unpin> Future for PollOnce<'_, F> {
        type Output = Poll<F::Output>;

        fn poll(
            mut self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
        ) -> Poll<Self::Output> {
            Poll::Ready(std::pin::Pin::new(&mut *self.0).poll(cx))
        }
    }

    PollOnce(fut).await
}
