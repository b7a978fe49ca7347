//! Wrong: polls the Sleep at the first poll only, then compares the clock: the timer keeps the first poll's waker, so a Deadline moved to another task is never woken at its deadline.
//! expect: its timer still held the first task's Waker

pub struct Deadline<F> {
    fut: Pin<Box<F>>,
    sleep: Pin<Box<Sleep>>,
    deadline: Instant,
    registered: bool,
}

pub fn with_deadline<F: Future>(fut: F, deadline: Instant) -> Deadline<F> {
    Deadline {
        fut: Box::pin(fut),
        sleep: Box::pin(tokio::time::sleep_until(deadline)),
        deadline,
        registered: false,
    }
}

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, DeadlinePassed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        if let Poll::Ready(out) = this.fut.as_mut().poll(cx) {
            return Poll::Ready(Ok(out));
        }
        if Instant::now() >= this.deadline {
            return Poll::Ready(Err(DeadlinePassed));
        }
        if !this.registered {
            this.registered = true;
            let _ = this.sleep.as_mut().poll(cx);
        }
        Poll::Pending
    }
}
