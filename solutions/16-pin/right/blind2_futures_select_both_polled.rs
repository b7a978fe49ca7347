//! Right: poll polls the future and the timer in one match (the timer is polled even when the future is ready: harmless, the future still wins); the heartbeat selects with futures::future::select (the pinned call on the left, so the data wins a tie) over a fresh tick() of one interval, with no tokio::select!; checks pushed one by one.

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, DeadlinePassed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        match (this.fut.as_mut().poll(cx), this.sleep.as_mut().poll(cx)) {
            (Poll::Ready(out), _) => Poll::Ready(Ok(out)),
            (Poll::Pending, Poll::Ready(())) => Poll::Ready(Err(DeadlinePassed)),
            (Poll::Pending, Poll::Pending) => Poll::Pending,
        }
    }
}

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut beat = tokio::time::interval(every);
    let call = api.fetch_data(1);
    futures::pin_mut!(call);
    loop {
        let tick = std::pin::pin!(beat.tick());
        match futures::future::select(call.as_mut(), tick).await {
            futures::future::Either::Left((data, _)) => return data,
            futures::future::Either::Right(_) => console.print("waiting"),
        }
    }
}

pub fn checks(api: &Api) -> Vec<Check> {
    let mut v: Vec<Check> = Vec::with_capacity(3);
    let a = api.clone();
    v.push(Box::pin(async move { a.fetch_user(1).await.name }));
    let b = api.clone();
    v.push(Box::pin(async move { b.fetch_post(1).await.title }));
    let c = api.clone();
    v.push(Box::pin(async move { c.fetch_data(1).await }));
    v
}
