//! # Kata 02: block on
//!
//! > What do `asyncio.run` and `#[tokio::main]` do? Can you `block_on`
//! > inside a runtime?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p block-on` checks them, and draws what ran when.
//!
//! The console (`world::Console`) records what is printed and when; the
//! simulated API's calls take virtual time: `fetch_user` 500 ms,
//! `fetch_data` 1 s.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::future::Future;

use tokio::runtime::Runtime;
use world::{Api, Console, User};

/// Step 1: the seed's `async def main()`: print hello, sleep 1 s, print
/// goodbye.
pub async fn hello_goodbye(console: &Console) {
    todo!("step 1: print hello, sleep 1 s, print goodbye; see README step 1")
}

/// Step 2: `asyncio.run(main)`: one event loop on this thread, driven until
/// `main` is done.
pub fn run<F: Future>(main: F) -> F::Output {
    todo!("step 2: build a current_thread runtime and block on main; see README step 2")
}

/// Step 3: what `#[tokio::main]` on `async fn main() { body }` expands to.
pub fn tokio_main<F: Future>(main: F) -> F::Output {
    todo!("step 3: build the runtime #[tokio::main] builds and block on main; see README step 3")
}

/// Step 4: inside async code (a handler running on a runtime), get user 1.
pub async fn handler(api: &Api) -> User {
    todo!("step 4: get fetch_user(1) without blocking the runtime; see README step 4")
}

/// Step 5: a sync program that owns `runtime`: start the background job
/// `fetch_data(1)` (1 s), fetch user 1 (500 ms), and return the user, but
/// only once the job is done.
pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    todo!("step 5: spawn the job, block on the user, then on the job; see README step 5")
}
