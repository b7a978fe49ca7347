//! Wrong: "any executor will do": runs main on a home-made `block_on`, a
//! loop that polls and parks the thread until woken, which is what
//! `futures::executor::block_on` does. It polls futures, but it is no tokio
//! runtime: there is no timer driver, and tokio's `sleep` cannot even be
//! created there.
//! expect: outside any tokio runtime

pub fn run<F: Future>(main: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl std::task::Wake for Unpark {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = std::task::Waker::from(std::sync::Arc::new(Unpark(std::thread::current())));
    let mut cx = std::task::Context::from_waker(&waker);
    let mut main = std::pin::pin!(main);
    loop {
        if let std::task::Poll::Ready(output) = main.as_mut().poll(&mut cx) {
            return output;
        }
        std::thread::park();
    }
}
