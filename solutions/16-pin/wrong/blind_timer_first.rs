//! Wrong: polls the timer before the future, so a future that is done in the instant its deadline is due is answered Err: the future must be polled first.
//! expect: poll the future first, then the timer

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, DeadlinePassed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        if this.sleep.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Err(DeadlinePassed));
        }
        this.fut.as_mut().poll(cx).map(Ok)
    }
}
