//! Wrong: builds the multi-thread runtime with `worker_threads(1)`.
//! `#[tokio::main]` leaves the count at its default, one worker per core.
//! expect: #[tokio::main] starts one worker per CPU core

pub fn tokio_main<F: Future>(main: F) -> F::Output {
    Builder::new_multi_thread()
        .enable_all()
        .worker_threads(1)
        .build()
        .expect("Failed building the Runtime")
        .block_on(main)
}
