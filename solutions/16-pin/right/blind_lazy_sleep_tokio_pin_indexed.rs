//! Right: makes the Sleep lazily at the first poll, pins the call with tokio::pin! and guards its branch with `, if`, boxes with BoxFuture/.boxed(), and runs the checks in FuturesUnordered with their indices, put back in the order of the list.

pub struct Deadline<F> {
    fut: Pin<Box<F>>,
    deadline: Instant,
    sleep: Option<Pin<Box<Sleep>>>,
}

pub fn with_deadline<F: Future>(fut: F, deadline: Instant) -> Deadline<F> {
    Deadline {
        fut: Box::pin(fut),
        deadline,
        sleep: None,
    }
}

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, DeadlinePassed>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Poll::Ready(out) = self.fut.as_mut().poll(cx) {
            return Poll::Ready(Ok(out));
        }
        let deadline = self.deadline;
        let sleep = self
            .sleep
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
        match sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(DeadlinePassed)),
            Poll::Pending => Poll::Pending,
        }
    }
}

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let call = api.fetch_data(1);
    tokio::pin!(call);
    let mut beat = tokio::time::interval(every);
    let mut answer = None;
    while answer.is_none() {
        tokio::select! {
            biased;
            data = &mut call, if answer.is_none() => { answer = Some(data); }
            _ = beat.tick() => { console.print("waiting"); }
        }
    }
    answer.unwrap()
}

pub async fn run_tree(node: &Node) -> Vec<String> {
    use futures::FutureExt;
    fn go(node: &Node) -> futures::future::BoxFuture<'_, Vec<String>> {
        async move {
            let mut reports = vec![node.job.run().await];
            let subs: Vec<_> = node.children.iter().map(go).collect();
            for s in futures::future::join_all(subs).await {
                reports.extend(s);
            }
            reports
        }
        .boxed()
    }
    go(node).await
}

pub fn checks(api: &Api) -> Vec<Check> {
    let (u, p, d) = (api.clone(), api.clone(), api.clone());
    let user: Check = Box::pin(async move { u.fetch_user(1).await.name });
    let post: Check = Box::pin(async move { p.fetch_post(1).await.title });
    let data: Check = Box::pin(async move { d.fetch_data(1).await });
    vec![user, post, data]
}

pub async fn run_checks(
    checks: Vec<Check>,
    deadline: Instant,
) -> Vec<Result<String, DeadlinePassed>> {
    use futures::StreamExt;
    let n = checks.len();
    let mut running: futures::stream::FuturesUnordered<_> = checks
        .into_iter()
        .enumerate()
        .map(|(i, c)| async move { (i, with_deadline(c, deadline).await) })
        .collect();
    let mut out: Vec<Option<Result<String, DeadlinePassed>>> = vec![None; n];
    while let Some((i, r)) = running.next().await {
        out[i] = Some(r);
    }
    out.into_iter().map(|r| r.unwrap()).collect()
}
