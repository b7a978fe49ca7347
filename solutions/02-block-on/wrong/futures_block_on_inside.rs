//! Wrong: dodges tokio's check with a home-made `block_on` (a loop that
//! polls and parks the thread, as `futures::executor::block_on` does). It
//! does not panic: it parks the runtime's only thread, waiting for a timer
//! that only that thread could fire. A deadlock, stopped by the watchdog.
//! expect: never came back to the scheduler

pub async fn handler(api: &Api) -> User {
    struct Unpark(std::thread::Thread);
    impl std::task::Wake for Unpark {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = std::task::Waker::from(std::sync::Arc::new(Unpark(std::thread::current())));
    let mut cx = std::task::Context::from_waker(&waker);
    let mut call = std::pin::pin!(api.fetch_user(1));
    loop {
        if let std::task::Poll::Ready(user) = call.as_mut().poll(&mut cx) {
            return user;
        }
        std::thread::park();
    }
}
