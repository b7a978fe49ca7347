//! Wrong: boxes tokio::time::timeout_at and maps its error: it answers exactly like the reference, but step 1 asks for poll written by hand over a future and a timer, without tokio's timeout.
//! expect: Deadline wraps tokio's timeout

pub struct Deadline<F> {
    inner: Pin<Box<tokio::time::Timeout<F>>>,
}

pub fn with_deadline<F: Future>(fut: F, deadline: Instant) -> Deadline<F> {
    Deadline {
        inner: Box::pin(tokio::time::timeout_at(deadline, fut)),
    }
}

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, DeadlinePassed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.get_mut()
            .inner
            .as_mut()
            .poll(cx)
            .map(|r| r.map_err(|_| DeadlinePassed))
    }
}
