//! # Kata 02: block on (the reference answer)
//!
//! > What do `asyncio.run` and `#[tokio::main]` do? Can you `block_on`
//! > inside a runtime?
//!
//! A future does nothing until something polls it, and `async fn main` is
//! no exception: some plain, synchronous code has to build a runtime (an
//! event loop, a timer driver, for many threads a pool of workers) and
//! block the thread it runs on until the main future is done. That is
//! `asyncio.run(main())` in Python and `Runtime::block_on` in tokio;
//! `#[tokio::main]` writes it for you. Blocking is the one thing a thread
//! that drives tasks must never do, so `block_on` inside a runtime panics:
//! inside async code you `.await`.

use std::future::Future;

use tokio::runtime::{Builder, Runtime};
use world::{Api, Console, User};

/// Step 1: the seed's `async def main()`: print hello, sleep 1 s, print
/// goodbye.
pub async fn hello_goodbye(console: &Console) {
    console.print("hello");
    // tokio's sleep, not std's: it gives the thread back to the runtime
    // for the second it waits.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    console.print("goodbye");
}

/// Step 2: `asyncio.run(main)`: one event loop on this thread, driven until
/// `main` is done.
pub fn run<F: Future>(main: F) -> F::Output {
    // One thread, the caller's: like asyncio's loop. `enable_all` turns on
    // the drivers (timers, and I/O where tokio's features include it);
    // without it the first `sleep` panics: "timers are disabled".
    let runtime = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("cannot build the runtime");
    // Polls `main` on this thread, running the runtime's tasks and timers
    // whenever `main` waits, and returns its output. The runtime is dropped
    // on return, and with it every task still running.
    runtime.block_on(main)
}

/// Step 3: what `#[tokio::main]` on `async fn main() { body }` expands to:
/// a multi-thread runtime, one worker per core, blocking on the body.
pub fn tokio_main<F: Future>(main: F) -> F::Output {
    // The macro writes exactly this, with "Failed building the Runtime".
    Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("Failed building the Runtime")
        .block_on(main)
}

/// Step 4: inside async code (a handler running on a runtime), get user 1.
pub async fn handler(api: &Api) -> User {
    // Not `run(api.fetch_user(1))`, not `Handle::current().block_on(..)`:
    // this thread is driving the runtime, and blocking it to wait would
    // stop the very runtime that has to make the call progress. tokio
    // refuses with a panic. Inside async code, wait with `.await`.
    api.fetch_user(1).await
}

/// Step 5: a sync program that owns `runtime`: start the background job
/// `fetch_data(1)` (1 s), fetch user 1 (500 ms), and return the user, but
/// only once the job is done.
pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    // Spawning from sync code needs no runtime context: the runtime (or a
    // `Handle` on it) takes the task. On a current_thread runtime it runs
    // only while some `block_on` drives the runtime.
    let job = runtime.spawn({
        let api = api.clone();
        async move { api.fetch_data(1).await }
    });
    let user = runtime.block_on(api.fetch_user(1));
    // Dropping the runtime now would drop the job at its `.await`, half
    // done. Wait for it: the JoinHandle is a future like any other.
    runtime.block_on(job).expect("the background job panicked");
    user
}
