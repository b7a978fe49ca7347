//! # Kata 17: send bounds (the reference answer)
//!
//! > `tokio::spawn` rejects my future: why, and what do you do?
//!
//! `tokio::spawn` takes a future that is `Send + 'static`: the task may be
//! moved to another worker thread between two polls, and it may outlive
//! the caller. An `async` block is `Send` only if everything it holds
//! across an `.await` is `Send`, and `'static` only if it borrows nothing
//! from its caller. So: no `Rc` across an `.await` (share with `Arc`, or
//! share nothing and let `join_all` collect); no `std::sync::MutexGuard`
//! across one (a scope that ends before the `.await`); `+ Send` written
//! into every boxed `dyn Future`; `move` and owned clones into a spawned
//! task; and state that is truly local (an `Rc` the caller hands you) goes
//! in a `LocalSet` with `spawn_local`, which needs neither bound.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use futures::future::join_all;
use tokio::task::{JoinHandle, LocalSet};
use world::{Api, User};

/// Step 1: every user's name, fetched concurrently, in the order of `ids`.
/// Its future must be spawnable: `Send + 'static`.
pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    // Nothing shared at all: each call returns its name and `join_all`
    // keeps them in the order of `ids`. (An `Arc<Mutex<Vec<_>>>` is the
    // other fix; an `Rc<RefCell<_>>` is what spawn rejects.)
    let calls = ids.into_iter().map(|id| {
        let api = api.clone();
        async move { api.fetch_user(id).await.name }
    });
    join_all(calls).await
}

/// The cache of step 2, shared by every caller: a `std::sync::Mutex`.
pub type Cache = Arc<Mutex<HashMap<u32, User>>>;

/// Step 2: the user `id` from the cache, else fetched and cached. Callers
/// for different ids fetch at once: the lock is never held across the fetch.
pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    // The guard lives in this statement only: it is dropped before the
    // `.await`, so the future holds no `MutexGuard` across it.
    let hit = cache.lock().unwrap().get(&id).cloned();
    if let Some(user) = hit {
        return user;
    }
    let user = api.fetch_user(id).await;
    cache.lock().unwrap().insert(id, user.clone());
    user
}

/// Step 3: a call of any kind, boxed: a future that tokio can spawn.
pub type Call = Pin<Box<dyn Future<Output = String> + Send + 'static>>;

/// Step 3: three different calls as one list: user `id`'s name, post
/// `id`'s title, and data `id`, each a `Call` that owns what it needs.
pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    let (a, b, c) = (api.clone(), api.clone(), api.clone());
    vec![
        Box::pin(async move { a.fetch_user(id).await.name }),
        Box::pin(async move { b.fetch_post(id).await.title }),
        Box::pin(async move { c.fetch_data(id).await }),
    ]
}

/// Step 4: spawns one task that fetches the names of `ids` concurrently,
/// and returns its handle at once; the caller's `api` and `ids` are only
/// borrowed.
pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    // Owned copies, moved in: the task may outlive this call's borrows.
    let api = api.clone();
    let ids = ids.to_vec();
    tokio::spawn(async move {
        join_all(ids.into_iter().map(|id| {
            let api = api.clone();
            async move { api.fetch_user(id).await.name }
        }))
        .await
    })
}

/// Step 5: a task per id, each pushing its user's name into `log`, which
/// is an `Rc<RefCell<_>>`: state that stays on this thread. Returns when
/// every task is done.
pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    let local = LocalSet::new();
    local
        .run_until(async move {
            let tasks: Vec<_> = ids
                .into_iter()
                .map(|id| {
                    let (api, log) = (api.clone(), log.clone());
                    tokio::task::spawn_local(async move {
                        let user = api.fetch_user(id).await;
                        log.borrow_mut().push(user.name);
                    })
                })
                .collect();
            for task in tasks {
                task.await.unwrap();
            }
        })
        .await;
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
