//! Wrong: a home-made `block_on` (poll, then park the thread until woken),
//! written as a helper inside the handler. tokio cannot see it, so it does
//! not panic: it parks the runtime's only thread, which alone could fire the
//! timer it waits for. A deadlock, stopped by the watchdog.
//! expect: never came back to the scheduler

pub async fn handler(api: &Api) -> User {
    fn park_block_on<F: Future>(fut: F) -> F::Output {
        use std::sync::Arc;
        use std::task::{Context, Poll, Wake};
        struct Unpark(std::thread::Thread);
        impl Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Arc::new(Unpark(std::thread::current())).into();
        let mut cx = Context::from_waker(&waker);
        let mut fut = std::pin::pin!(fut);
        loop {
            match fut.as_mut().poll(&mut cx) {
                Poll::Ready(out) => return out,
                Poll::Pending => std::thread::park(),
            }
        }
    }
    park_block_on(api.fetch_user(1))
}
