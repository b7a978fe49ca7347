//! Right: beats with a fresh sleep(every) per turn instead of an interval (printing first), keeps the call as Box::pin, and runs each subtree as a spawned task awaited in order.

pub fn with_deadline<F: Future>(fut: F, deadline: Instant) -> Deadline<F> {
    let sleep = Box::pin(tokio::time::sleep_until(deadline));
    Deadline {
        fut: Box::pin(fut),
        sleep,
    }
}

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, DeadlinePassed>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.fut.as_mut().poll(cx) {
            Poll::Ready(v) => return Poll::Ready(Ok(v)),
            Poll::Pending => {}
        }
        if self.sleep.as_mut().poll(cx).is_ready() {
            Poll::Ready(Err(DeadlinePassed))
        } else {
            Poll::Pending
        }
    }
}

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut call = Box::pin(api.fetch_data(1));
    loop {
        console.print("waiting");
        tokio::select! {
            biased;
            data = call.as_mut() => return data,
            _ = tokio::time::sleep(every) => {}
        }
    }
}

pub async fn run_tree(node: &Node) -> Vec<String> {
    fn spawn_tree(node: Node) -> tokio::task::JoinHandle<Vec<String>> {
        tokio::spawn(async move {
            let mut reports = vec![node.job.run().await];
            let handles: Vec<_> = node.children.iter().cloned().map(spawn_tree).collect();
            for h in handles {
                reports.extend(h.await.expect("subtree panicked"));
            }
            reports
        })
    }
    let mut reports = vec![node.job.run().await];
    let handles: Vec<_> = node.children.iter().cloned().map(spawn_tree).collect();
    for h in handles {
        reports.extend(h.await.expect("subtree panicked"));
    }
    reports
}
