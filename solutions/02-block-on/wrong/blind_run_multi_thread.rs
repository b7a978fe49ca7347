//! Wrong: `asyncio.run` as `Builder::new_multi_thread()`: that is the
//! runtime of `#[tokio::main]`, not one loop on the caller's thread.
//! expect: run built a MultiThread runtime

pub fn run<F: Future>(main: F) -> F::Output {
    Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(main)
}
