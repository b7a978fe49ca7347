//! Right: Deadline keeps its future as Option<Pin<Box<F>>> and drops it once answered; the heartbeat keeps the call as Box::pin and leaves the loop by a done flag; run_tree is a plain fn returning a BoxFuture (.boxed()), so the recursion is boxed by its type; checks made with FutureExt::boxed; run_checks in an indexed FuturesUnordered, put back in the order of the list.

pub struct Deadline<F> {
    fut: Option<Pin<Box<F>>>,
    sleep: Pin<Box<Sleep>>,
}

pub fn with_deadline<F: Future>(fut: F, deadline: Instant) -> Deadline<F> {
    Deadline {
        fut: Some(Box::pin(fut)),
        sleep: Box::pin(tokio::time::sleep_until(deadline)),
    }
}

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, DeadlinePassed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let fut = this.fut.as_mut().expect("Deadline polled after completion");
        match fut.as_mut().poll(cx) {
            Poll::Ready(out) => {
                this.fut = None;
                Poll::Ready(Ok(out))
            }
            Poll::Pending => match this.sleep.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    this.fut = None;
                    Poll::Ready(Err(DeadlinePassed))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut beat = tokio::time::interval(every);
    let mut call = Box::pin(api.fetch_data(1));
    let mut done: Option<String> = None;
    while done.is_none() {
        tokio::select! {
            biased;
            data = call.as_mut() => done = Some(data),
            _ = beat.tick() => console.print("waiting"),
        }
    }
    done.unwrap()
}

pub fn run_tree(node: &Node) -> futures::future::BoxFuture<'_, Vec<String>> {
    use futures::FutureExt;
    async move {
        let mut reports = vec![node.job.run().await];
        let subs = futures::future::join_all(node.children.iter().map(run_tree)).await;
        for s in subs {
            reports.extend(s);
        }
        reports
    }
    .boxed()
}

pub fn checks(api: &Api) -> Vec<Check> {
    use futures::FutureExt;
    let (a, b, c) = (api.clone(), api.clone(), api.clone());
    vec![
        async move { a.fetch_user(1).await.name }.boxed(),
        async move { b.fetch_post(1).await.title }.boxed(),
        async move { c.fetch_data(1).await }.boxed(),
    ]
}

pub async fn run_checks(
    checks: Vec<Check>,
    deadline: Instant,
) -> Vec<Result<String, DeadlinePassed>> {
    use futures::StreamExt;
    let mut set: futures::stream::FuturesUnordered<_> = checks
        .into_iter()
        .enumerate()
        .map(|(i, c)| async move { (i, with_deadline(c, deadline).await) })
        .collect();
    let mut out: Vec<Option<Result<String, DeadlinePassed>>> = Vec::new();
    while let Some((i, res)) = set.next().await {
        if out.len() <= i {
            out.resize(i + 1, None);
        }
        out[i] = Some(res);
    }
    out.into_iter().map(Option::unwrap).collect()
}
