//! Wrong: `Runtime::new()` for `asyncio.run`. That is the multi-thread
//! runtime of `#[tokio::main]`, one worker per core, not one loop on the
//! caller's thread; and its clock cannot be paused.
//! expect: Builder::new_current_thread().enable_all().build()

pub fn run<F: Future>(main: F) -> F::Output {
    Runtime::new()
        .expect("cannot build the runtime")
        .block_on(main)
}
