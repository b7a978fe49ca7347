//! Wrong: believes `#[tokio::main]` builds the single-threaded runtime, as
//! `asyncio.run` does. Without arguments it builds the multi-thread one;
//! `flavor = "current_thread"` asks for the other.
//! expect: #[tokio::main] without arguments builds a multi-thread runtime

pub fn tokio_main<F: Future>(main: F) -> F::Output {
    Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("Failed building the Runtime")
        .block_on(main)
}
