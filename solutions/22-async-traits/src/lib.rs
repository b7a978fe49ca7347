//! # Kata 22: async traits
//!
//! > async fn in a trait: what works now, and what is the catch?
//!
//! The reference solution. Two services answer one trait: [`Users`] (a
//! user's name, 500 ms) and [`Posts`] (a post's title, 300 ms). Step 1 uses
//! them generically (no allocation, static dispatch), step 2 behind `dyn`
//! (a boxed future per call, written by hand as `async-trait` writes it),
//! step 3 spawns their calls (which needs the trait to promise `Send`: the
//! one declaration the learner changes), step 4 writes the boxing once for
//! any [`Source`].

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use futures::future::join_all;
use world::Api;

/// A service that answers a name for an id: the trait of this kata.
///
/// Step 3's declaration: what `async fn fetch(&self, id: u32) -> String`
/// means, plus the promise that the future is `Send`, which a generic
/// caller that spawns the call needs and cannot ask for itself (return
/// type notation is unstable). Every implementation must keep the promise;
/// each may still write `async fn`. `trait-variant` writes this form for
/// you, beside the one without `Send`.
pub trait Source {
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send;
}

/// The users service: `fetch(id)` is user `id`'s name (`"User1"`), from
/// `Api::fetch_user`, 500 ms.
pub struct Users {
    api: Api,
}

impl Users {
    pub fn new(api: &Api) -> Users {
        Users { api: api.clone() }
    }
}

/// The posts service: `fetch(id)` is post `id`'s title (`"Post1"`), from
/// `Api::fetch_post`, 300 ms.
pub struct Posts {
    api: Api,
}

impl Posts {
    pub fn new(api: &Api) -> Posts {
        Posts { api: api.clone() }
    }
}

/// Step 1: the users service answers through the trait.
impl Source for Users {
    async fn fetch(&self, id: u32) -> String {
        self.api.fetch_user(id).await.name
    }
}

/// Step 1: the posts service answers through the trait.
impl Source for Posts {
    async fn fetch(&self, id: u32) -> String {
        self.api.fetch_post(id).await.title
    }
}

/// Step 1: what `source` answers for each of `ids`, fetched concurrently,
/// in the order of `ids`. Generic: one copy of this function per service.
pub async fn fetch_all<S: Source>(source: &S, ids: &[u32]) -> Vec<String> {
    join_all(ids.iter().map(|&id| source.fetch(id))).await
}

/// A boxed future that can be sent to another thread, borrowing for `'a`:
/// what the `async-trait` crate makes of every `async fn` it rewrites.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Step 2: [`Source`] as a trait that `dyn` accepts: the method returns
/// one known type, a boxed future, instead of a type each service chooses.
pub trait DynSource {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String>;
}

/// Step 2: the users service behind `dyn`.
impl DynSource for Users {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(self.fetch(id))
    }
}

/// Step 2: the posts service behind `dyn`.
impl DynSource for Posts {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(self.fetch(id))
    }
}

/// Step 2: what each of `sources` answers for `id`, fetched concurrently,
/// in the order of `sources`. One copy of this function for every service.
pub async fn fetch_from_each(sources: &[&dyn DynSource], id: u32) -> Vec<String> {
    join_all(sources.iter().map(|source| source.fetch_boxed(id))).await
}

/// Step 3: what `source` answers for each of `ids`, each call in a task of
/// its own (`tokio::spawn`), in the order of `ids`. Generic over any
/// service; its own future can be spawned too.
pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    let tasks: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let source = Arc::clone(&source);
            tokio::spawn(async move { source.fetch(id).await })
        })
        .collect();
    let mut answers = Vec::with_capacity(tasks.len());
    for task in tasks {
        answers.push(task.await.expect("a fetch task panicked"));
    }
    answers
}

/// Step 4: any [`Source`] as a [`DynSource`], written once for every
/// service, as the `async-trait` crate's boxing would be.
pub struct Boxed<S>(pub S);

/// Step 4: a boxed call of the wrapped service.
impl<S: Source + Sync> DynSource for Boxed<S> {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(self.0.fetch(id))
    }
}
