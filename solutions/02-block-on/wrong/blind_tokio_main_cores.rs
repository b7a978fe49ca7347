//! Wrong: sets `worker_threads(available_parallelism)`, the default's value
//! on this machine, by hand. The macro leaves the count unset, and tokio's
//! default also honours `TOKIO_WORKER_THREADS`, which a number written in
//! ignores. (From the blind round's right answer `join_handle_in_block_on`,
//! whose other parts are in `right/blind_join_handle_in_block_on.rs`.)
//! expect: tokio_main sets the worker count by hand

pub fn tokio_main<F: Future>(main: F) -> F::Output {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    Builder::new_multi_thread()
        .enable_all()
        .worker_threads(workers)
        .build()
        .expect("Failed building the Runtime")
        .block_on(main)
}
