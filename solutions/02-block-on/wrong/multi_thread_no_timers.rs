//! Wrong: the multi-thread runtime, but without `enable_all()`: no timer
//! driver, so any `sleep` or `timeout` in main panics. The macro writes
//! `enable_all()`; a runtime built by hand must too.
//! expect: timers are disabled

pub fn tokio_main<F: Future>(main: F) -> F::Output {
    Builder::new_multi_thread()
        .build()
        .expect("Failed building the Runtime")
        .block_on(main)
}
