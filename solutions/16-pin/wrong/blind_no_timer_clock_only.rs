//! Wrong: keeps only the deadline Instant and compares the clock in poll: with no timer polled, nothing wakes the task at the deadline, and the answer comes when the future ends.
//! expect: nothing woke the task at the deadline

pub struct Deadline<F> {
    fut: Pin<Box<F>>,
    deadline: Instant,
}

pub fn with_deadline<F: Future>(fut: F, deadline: Instant) -> Deadline<F> {
    Deadline {
        fut: Box::pin(fut),
        deadline,
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
        Poll::Pending
    }
}
