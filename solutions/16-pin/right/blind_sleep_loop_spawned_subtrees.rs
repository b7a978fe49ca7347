//! Right: polls the boxed future, then the boxed timer, through `self.fut`/`self.sleep` on a `mut self: Pin<&mut Self>`, and runs each subtree as a spawned task awaited in order. (Its heartbeat, a fresh sleep(every) per turn, is wrong/blind_sleep_per_turn_drifts.rs: a late turn pushes every later beat.)

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
