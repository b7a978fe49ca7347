//! # Kata 17: send bounds
//!
//! > `tokio::spawn` rejects my future: why, and what do you do?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p send-bounds` checks them, and draws what ran when.
//!
//! The tests check at compile time what `tokio::spawn` needs: that the
//! futures of steps 1 and 2 are `Send + 'static`, that a `Call` of step 3
//! can be spawned, that step 4's task owns what it uses. An answer that
//! breaks one does not compile, and `cargo kata check` shows rustc's
//! explanation as the reason every step fails: read it, it is the lesson.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use tokio::task::JoinHandle;
use world::{Api, User};

/// Step 1: every user's name, fetched concurrently, in the order of `ids`.
/// Its future must be spawnable: `Send + 'static`.
pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    todo!("step 1: fetch every user at once, names in the order of ids; see README step 1")
}

/// The cache of step 2, shared by every caller: a `std::sync::Mutex`.
pub type Cache = Arc<Mutex<HashMap<u32, User>>>;

/// Step 2: the user `id` from the cache, else fetched and cached. Callers
/// for different ids fetch at once: the lock is never held across the fetch.
pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    todo!("step 2: look in the cache, else fetch and insert; see README step 2")
}

/// Step 3: a call of any kind, boxed: a future that tokio can spawn.
pub type Call = Pin<Box<dyn Future<Output = String> + Send + 'static>>;

/// Step 3: three different calls as one list: user `id`'s name, post
/// `id`'s title, and data `id`, each a `Call` that owns what it needs.
pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    todo!("step 3: box three different calls into one Vec<Call>; see README step 3")
}

/// Step 4: spawns one task that fetches the names of `ids` concurrently,
/// and returns its handle at once; the caller's `api` and `ids` are only
/// borrowed.
pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    todo!("step 4: spawn a task that owns what it uses; see README step 4")
}

/// Step 5: a task per id, each pushing its user's name into `log`, which
/// is an `Rc<RefCell<_>>`: state that stays on this thread. Returns when
/// every task is done.
pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    todo!("step 5: a task per id that shares the Rc; see README step 5")
}

/// What `tokio::spawn` asks of this kata's futures (`Send + 'static`),
/// checked here, beside your code, where rustc explains a failure best: it
/// names the value held across the `.await`, and the `.await`. The tests
/// check it again. Leave this function as it is; it is never called.
#[allow(dead_code)]
fn spawnable(api: Api, cache: Cache) {
    fn check<F: Future + Send + 'static>(_: F) {}
    check(names(api.clone(), vec![1]));
    check(cached_user(api.clone(), cache, 1));
    for call in calls(&api, 1) {
        check(call);
    }
}
