//! # Kata 19: actors
//!
//! > Share state without a lock: build an actor. How does it stop, and what
//! > happens when its mailbox is full?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p actors` checks them, and draws what ran when.
//!
//! The balance lives in a `SlowCounter` (the store of kata 10): a read
//! answers after 50 ms, a write lands after 50 ms. The actor owns it; no
//! one else touches it.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use world::SlowCounter;

/// Why a request got no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorError {
    /// The actor has stopped (or is stopping): its mailbox is closed.
    Stopped,
    /// The mailbox is full; only `try_deposit` says so.
    Full,
}

/// Step 1: a handle on the account actor. Cloning it gives another handle
/// on the same actor. Give it the fields it needs (the sending half of the
/// actor's mailbox); your message type is yours to define beside it.
#[derive(Clone)]
pub struct Account {}

/// Step 1: starts the actor, which owns `store`, with a mailbox that holds
/// `mailbox` messages, and returns the first handle on it.
pub fn spawn_account(store: SlowCounter, mailbox: usize) -> Account {
    todo!("step 1: spawn the actor's task with the store and a mailbox; see README step 1")
}

impl Account {
    /// Step 1: adds `amount`; answers the new balance.
    pub async fn deposit(&self, amount: u64) -> Result<u64, ActorError> {
        todo!("step 1: send a deposit with a oneshot for the reply; see README step 1")
    }

    /// Step 1: takes `amount` away; answers the new balance.
    pub async fn withdraw(&self, amount: u64) -> Result<u64, ActorError> {
        todo!("step 1: send a withdrawal with a oneshot for the reply; see README step 1")
    }

    /// Step 1: the balance, read by the actor.
    pub async fn balance(&self) -> Result<u64, ActorError> {
        todo!("step 1: ask the actor to read the balance; see README step 1")
    }

    /// Step 2: stops the actor and answers the balance it stopped with;
    /// step 5: only after it has handled every request already in its
    /// mailbox.
    pub async fn shutdown(&self) -> Result<u64, ActorError> {
        todo!("step 2: stop the actor, answer its final balance; see README step 2")
    }

    /// Step 3: queues a deposit of `amount` without waiting for it to be
    /// done: returns once the mailbox has taken it.
    pub async fn send_deposit(&self, amount: u64) -> Result<(), ActorError> {
        todo!("step 3: queue a deposit, waiting only for room; see README step 3")
    }

    /// Step 3: queues a deposit if the mailbox has room; refuses it at once
    /// with `Err(ActorError::Full)` if not.
    pub fn try_deposit(&self, amount: u64) -> Result<(), ActorError> {
        todo!("step 3: queue a deposit or refuse it at once; see README step 3")
    }

    /// Step 4: moves `amount` from this account to `to`.
    pub async fn transfer(&self, to: &Account, amount: u64) -> Result<(), ActorError> {
        todo!("step 4: move the amount without one actor awaiting another; see README step 4")
    }
}
