//! Wrong: builds the runtime without `enable_all()`. It runs futures, but
//! has no timer driver, so the first `sleep` panics.
//! expect: timers are disabled

pub fn run<F: Future>(main: F) -> F::Output {
    Builder::new_current_thread()
        .build()
        .expect("cannot build the runtime")
        .block_on(main)
}
