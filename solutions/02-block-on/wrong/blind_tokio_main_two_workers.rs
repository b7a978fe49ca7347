//! Wrong: writes `worker_threads(2)` into what `#[tokio::main]` expands to.
//! The macro leaves the count unset, so tokio's default decides
//! (`TOKIO_WORKER_THREADS`, else one per core); 2 equals it on a 2-core
//! machine only.
//! expect: tokio_main sets the worker count by hand

pub fn tokio_main<F: Future>(main: F) -> F::Output {
    Builder::new_multi_thread()
        .enable_all()
        .worker_threads(2)
        .build()
        .expect("Failed building the Runtime")
        .block_on(main)
}
