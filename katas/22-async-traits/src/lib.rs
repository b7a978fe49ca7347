//! # Kata 22: async traits
//!
//! > async fn in a trait: what works now, and what is the catch?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p async-traits` checks them, and draws what ran when.
//!
//! Two services answer one trait: [`Users`] (a user's name, 500 ms) and
//! [`Posts`] (a post's title, 300 ms). Step 1 uses them generically, step
//! 2 behind `dyn`, step 3 spawns their calls, step 4 puts any [`Source`]
//! behind `dyn`. Step 3 asks you to change a declaration given here, the
//! trait [`Source`]: the one place in this file where you edit more than
//! a body. The tests check at compile time what `tokio::spawn` needs, so
//! an answer that does not compile is a wrong answer: `cargo kata check`
//! shows rustc's explanation as the reason every step fails. Read it, it
//! is the lesson.

// The starting bodies are `todo!()`, which leaves the parameters (and the
// services' `api` fields) unused. Delete this line once every step is written.
#![allow(unused_variables, dead_code)]

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use world::Api;

/// A service that answers a name for an id: the trait of this kata.
///
/// Declared as step 1 declares it, with `async fn`. rustc warns about this
/// declaration in a public trait (the `allow` below silences it); step 3
/// says why, and asks you to change it.
pub trait Source {
    #[allow(async_fn_in_trait)]
    async fn fetch(&self, id: u32) -> String;
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
        todo!("step 1: user id's name, from the API; see README step 1")
    }
}

/// Step 1: the posts service answers through the trait.
impl Source for Posts {
    async fn fetch(&self, id: u32) -> String {
        todo!("step 1: post id's title, from the API; see README step 1")
    }
}

/// Step 1: what `source` answers for each of `ids`, fetched concurrently,
/// in the order of `ids`. Generic: one copy of this function per service.
pub async fn fetch_all<S: Source>(source: &S, ids: &[u32]) -> Vec<String> {
    todo!("step 1: fetch every id at once, answers in the order of ids; see README step 1")
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
        todo!("step 2: box the users service's future; see README step 2")
    }
}

/// Step 2: the posts service behind `dyn`.
impl DynSource for Posts {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        todo!("step 2: box the posts service's future; see README step 2")
    }
}

/// Step 2: what each of `sources` answers for `id`, fetched concurrently,
/// in the order of `sources`. One copy of this function for every service.
pub async fn fetch_from_each(sources: &[&dyn DynSource], id: u32) -> Vec<String> {
    todo!("step 2: call every source at once, answers in the order of sources; see README step 2")
}

/// Step 3: what `source` answers for each of `ids`, each call in a task of
/// its own (`tokio::spawn`), in the order of `ids`. Generic over any
/// service; its own future can be spawned too.
pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    todo!("step 3: a task per id; see README step 3")
}

/// Step 4: any [`Source`] as a [`DynSource`], written once for every
/// service, as the `async-trait` crate's boxing would be.
pub struct Boxed<S>(pub S);

/// Step 4: a boxed call of the wrapped service.
impl<S: Source + Sync> DynSource for Boxed<S> {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        todo!("step 4: box the wrapped service's future; see README step 4")
    }
}
