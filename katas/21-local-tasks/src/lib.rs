//! # Kata 21: local tasks
//!
//! > Your state is `Rc<RefCell<..>>`. How do you run it on tokio?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p local-tasks` checks them, and draws what ran when.
//!
//! `fetch_user` takes 500 ms and `fetch_post` 300 ms, as in the other
//! katas. The tests check at compile time that step 3's future can be
//! spawned with `tokio::spawn` (`Send + 'static`): an answer that breaks it
//! does not compile, and `cargo kata check` shows rustc's reason.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use world::{Api, Place, Post, User};

/// The state of steps 1 and 2: users by id, shared by the tasks of one
/// thread. Neither `Send` nor `Sync`.
pub type Cache = Rc<RefCell<HashMap<u32, User>>>;

/// Step 1: warms `cache` with the users of `warm`, a local task per id,
/// while it fetches post `serve`; returns the post once every warming task
/// is done. Every fetch starts at once.
pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    todo!("step 1: spawn_local a task per id on a LocalSet, and drive the set; see README step 1")
}

/// Step 2: user `id` from `cache`, else fetched and inserted. Called by
/// several local tasks at once: no borrow of the `RefCell` is alive across
/// an `.await`.
pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    todo!("step 2: look, fetch with no borrow alive, insert; see README step 2")
}

/// The state of step 3: the same users, shareable between threads.
pub type SharedCache = Arc<Mutex<HashMap<u32, User>>>;

/// Step 3: step 1 again, with `tokio::spawn` and a `SharedCache`: a future
/// that any runtime can spawn, the multi-thread one included.
pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    todo!("step 3: tokio::spawn a task per id, lock only between awaits; see README step 3")
}

/// Step 4: what a shard answers to `add`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The key's total on its shard, this add included.
    pub total: u64,
    /// The shard that served it: `key % n`.
    pub shard: usize,
    /// Where the add was served: `Place::here()`, called by the code that
    /// updates the shard's state.
    pub place: Place,
}

/// Step 4: `n` shards, each a thread of its own named `shard-{i}` that runs
/// a current-thread runtime and owns its part of the state (an
/// `Rc<RefCell<HashMap<u64, u64>>>`), fed by a channel. Give it the fields
/// it needs.
pub struct Shards {}

impl Shards {
    /// Step 4: starts the `n` shard threads, and returns at once.
    pub fn start(n: usize) -> Shards {
        todo!("step 4: a thread per shard, each with its runtime and a channel; see README step 4")
    }

    /// Step 4: adds `amount` to `key`'s total, on shard `key % n`, and
    /// answers what the shard says.
    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        todo!("step 4: send the add to the key's shard, await its answer; see README step 4")
    }

    /// Step 4: closes every shard's channel, waits for every thread to end,
    /// and returns each shard's final totals, in shard order.
    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        todo!("step 4: drop the senders, join the threads; see README step 4")
    }
}

/// What the test asks of `Shards`: `Send + Sync`, a handle that tasks on
/// any runtime can share (`add` takes `&self`). Checked here, beside your
/// code, where rustc explains a failure best: it names the field that is
/// not `Sync` (a `std::sync::mpsc::Receiver`, a `Cell`, an `Rc`) within
/// `Shards`. The tests check it again. Leave this function as it is; it is
/// never called.
#[allow(dead_code)]
fn shareable(shards: &Shards) {
    fn check<T: Send + Sync>(_: &T) {}
    check(shards);
}

/// What `tokio::spawn` asks of step 3's future (`Send + 'static`), checked
/// here, beside your code, where rustc explains a failure best. The tests
/// check it again. Leave this function as it is; it is never called.
#[allow(dead_code)]
fn spawnable(api: Api, cache: SharedCache) {
    fn check<F: Future + Send + 'static>(_: F) {}
    check(warm_and_serve_shared(api, cache, vec![1], 1));
}
