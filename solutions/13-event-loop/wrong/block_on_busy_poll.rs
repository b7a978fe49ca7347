//! Wrong: `block_on` polls the future again after every turn of the
//! reactor, woken or not. It finishes, with the right output at the right
//! time, but every event that fires, even one that wakes some other future
//! (here a callback), costs a poll that can only answer Pending:
//! busy-polling. The waker is what says a poll can make progress.
//! expect: polled without a wake

pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let waker = Waker::from(Arc::new(Signal::default()));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = fut.as_mut().poll(&mut cx) {
            return output;
        }
        reactor.turn();
    }
}
