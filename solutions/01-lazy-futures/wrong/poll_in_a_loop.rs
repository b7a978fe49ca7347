//! Wrong: polls in a loop until the future is Ready. Between two polls
//! nothing yields to the runtime, so on its one thread the timer can never
//! fire and the loop spins for ever (on many threads it burns a core). The
//! Waker exists so that nobody has to ask again before it is worth it.
//! (Against a future that is ready on its second poll, the loop ends: the
//! count of polls catches it first.)
//! expect: it polled 2 times (an `.await`, a loop

pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    loop {
        if let Poll::Ready(output) = futures::poll!(&mut *fut) {
            return Poll::Ready(output);
        }
    }
}
