//! # Kata 21: local tasks (the reference answer)
//!
//! > Your state is `Rc<RefCell<..>>`. How do you run it on tokio?
//!
//! On one thread: spawn with `spawn_local` on a `LocalSet`, and drive the
//! set (`run_until`, or awaiting it), since its tasks run only while it is
//! polled. Borrow the `RefCell` only between two `.await`s: a borrow alive
//! across one is still alive when the next task asks, which panics. On
//! every core: either the `Send` version (`Arc<Mutex<..>>` and
//! `tokio::spawn`, tasks on any worker), or thread per core (a thread per
//! shard, each with its current-thread runtime and its local tasks, owning
//! its part of the state, fed by a channel).

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::thread;

use tokio::runtime::Builder;
use tokio::sync::{mpsc, oneshot};
use tokio::task::LocalSet;
use world::{Api, Place, Post, User};

/// The state of steps 1 and 2: users by id, shared by the tasks of one
/// thread. Neither `Send` nor `Sync`.
pub type Cache = Rc<RefCell<HashMap<u32, User>>>;

/// Step 1: warms `cache` with the users of `warm`, a local task per id,
/// while it fetches post `serve`; returns the post once every warming task
/// is done. Every fetch starts at once.
///
/// Everything happens inside `run_until`: while its future is polled, so
/// are the set's tasks. Spawned there, they start at the first `.await`
/// of the block (the post's fetch), at 0 ms.
pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    local
        .run_until(async move {
            let tasks: Vec<_> = warm
                .into_iter()
                .map(|id| {
                    let (api, cache) = (api.clone(), cache.clone());
                    tokio::task::spawn_local(async move {
                        let user = api.fetch_user(id).await;
                        cache.borrow_mut().insert(id, user);
                    })
                })
                .collect();
            let post = api.fetch_post(serve).await;
            for task in tasks {
                task.await.expect("a warming task panicked");
            }
            post
        })
        .await
}

/// Step 2: user `id` from `cache`, else fetched and inserted. Called by
/// several local tasks at once: no borrow of the `RefCell` is alive across
/// an `.await`.
///
/// Each borrow is a temporary of one statement, which ends before the
/// fetch's `.await`: the `Ref` of the lookup, the `RefMut` of the insert.
pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    let hit = cache.borrow().get(&id).cloned();
    if let Some(user) = hit {
        return user;
    }
    let user = api.fetch_user(id).await;
    cache.borrow_mut().insert(id, user.clone());
    user
}

/// The state of step 3: the same users, shareable between threads.
pub type SharedCache = Arc<Mutex<HashMap<u32, User>>>;

/// Step 3: step 1 again, with `tokio::spawn` and a `SharedCache`: a future
/// that any runtime can spawn, the multi-thread one included.
///
/// The guard of `lock()` lives for one statement, after the fetch: never
/// across an `.await`, so the future stays `Send`.
pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    let tasks: Vec<_> = warm
        .into_iter()
        .map(|id| {
            let (api, cache) = (api.clone(), cache.clone());
            tokio::spawn(async move {
                let user = api.fetch_user(id).await;
                cache
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(id, user);
            })
        })
        .collect();
    let post = api.fetch_post(serve).await;
    for task in tasks {
        task.await.expect("a warming task panicked");
    }
    post
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

/// What the handle sends a shard: add `amount` to `key`, answer on `reply`.
pub(crate) struct Add {
    key: u64,
    amount: u64,
    reply: oneshot::Sender<Hit>,
}

/// Step 4: `n` shards, each a thread of its own named `shard-{i}` that runs
/// a current-thread runtime and owns its part of the state (an
/// `Rc<RefCell<HashMap<u64, u64>>>`), fed by a channel.
pub struct Shards {
    /// The sending half of each shard's channel, by shard number.
    senders: Vec<mpsc::UnboundedSender<Add>>,
    /// Each shard's thread, which ends with the shard's final totals.
    threads: Vec<thread::JoinHandle<HashMap<u64, u64>>>,
}

impl Shards {
    /// Step 4: starts the `n` shard threads, and returns at once.
    pub fn start(n: usize) -> Shards {
        let (senders, threads) = (0..n)
            .map(|i| {
                let (tx, rx) = mpsc::unbounded_channel();
                let thread = thread::Builder::new()
                    .name(format!("shard-{i}"))
                    .spawn(move || shard(i, rx))
                    .expect("cannot start a shard thread");
                (tx, thread)
            })
            .unzip();
        Shards { senders, threads }
    }

    /// Step 4: adds `amount` to `key`'s total, on shard `key % n`, and
    /// answers what the shard says.
    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let n = self.senders.len() as u64;
        let shard = usize::try_from(key % n).expect("a shard number fits in usize");
        let (reply, answer) = oneshot::channel();
        self.senders[shard]
            .send(Add { key, amount, reply })
            .unwrap_or_else(|_| panic!("shard {shard} has stopped"));
        answer
            .await
            .unwrap_or_else(|_| panic!("shard {shard} dropped the add unanswered"))
    }

    /// Step 4: closes every shard's channel, waits for every thread to end,
    /// and returns each shard's final totals, in shard order.
    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        drop(self.senders);
        self.threads
            .into_iter()
            .map(|thread| thread.join().expect("a shard thread panicked"))
            .collect()
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

/// One shard's thread: a current-thread runtime, a `LocalSet` whose first
/// task reads the channel and spawns a local task per add, and the
/// shard's totals, made here and never leaving this thread. Ends, with
/// the totals, once the channel is closed and every task is done.
pub(crate) fn shard(i: usize, mut rx: mpsc::UnboundedReceiver<Add>) -> HashMap<u64, u64> {
    let runtime = Builder::new_current_thread()
        .build()
        .expect("cannot build a shard's runtime");
    let totals: Rc<RefCell<HashMap<u64, u64>>> = Rc::default();
    let local = LocalSet::new();
    let state = Rc::clone(&totals);
    local.spawn_local(async move {
        while let Some(Add { key, amount, reply }) = rx.recv().await {
            let state = Rc::clone(&state);
            tokio::task::spawn_local(async move {
                let total = {
                    let mut totals = state.borrow_mut();
                    let entry = totals.entry(key).or_insert(0);
                    *entry += amount;
                    *entry
                };
                let _ = reply.send(Hit {
                    total,
                    shard: i,
                    place: Place::here(),
                });
            });
        }
    });
    // Awaiting the set ends when every task on it has ended: the loop (its
    // channel closed) and every add it spawned.
    runtime.block_on(local);
    totals.take()
}

/// What `tokio::spawn` asks of step 3's future (`Send + 'static`), checked
/// here, beside your code, where rustc explains a failure best. The tests
/// check it again. Leave this function as it is; it is never called.
#[allow(dead_code)]
fn spawnable(api: Api, cache: SharedCache) {
    fn check<F: Future + Send + 'static>(_: F) {}
    check(warm_and_serve_shared(api, cache, vec![1], 1));
}
