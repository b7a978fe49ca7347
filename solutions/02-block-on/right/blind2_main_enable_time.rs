//! Right: builds `#[tokio::main]`'s runtime with `enable_time()`
//! instead of `enable_all()`. The macro writes `enable_all()`, which also
//! turns on the I/O driver where tokio has its `net` feature; this
//! workspace's tokio has none, so both calls build the same runtime, and no
//! test can tell them apart (the README says so in step 3).

pub fn tokio_main<F: Future>(main: F) -> F::Output {
    Builder::new_multi_thread()
        .enable_time()
        .build()
        .expect("Failed building the Runtime")
        .block_on(main)
}
