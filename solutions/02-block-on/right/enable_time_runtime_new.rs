//! Right: turns on only the driver the seed needs, `enable_time()`, for
//! `asyncio.run`; and writes `#[tokio::main]`'s runtime as `Runtime::new()`,
//! which is the multi-thread runtime with every driver on.

pub fn run<F: Future>(main: F) -> F::Output {
    let runtime = Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("cannot build the runtime");
    runtime.block_on(main)
}

pub fn tokio_main<F: Future>(main: F) -> F::Output {
    let runtime = Runtime::new().expect("Failed building the Runtime");
    runtime.block_on(main)
}
