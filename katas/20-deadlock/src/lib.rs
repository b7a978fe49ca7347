//! # Kata 20: deadlock
//!
//! > How do deadlocks happen in async code, and how do you prevent them?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p deadlock` checks them, and draws what ran when.
//!
//! The accounts are `world::Vault`s: `vault.lock().await` takes an
//! account's lock (first come, first served; the grant answers after a
//! 10 ms round trip), `vault.try_lock()` takes it only if it is free, at
//! once, and through the guard `withdraw` and `deposit` take 50 ms each.
//! Dropping the guard gives the lock back. `vault.send_statement().await`
//! takes the account's lock itself to read the balance.

// The starting bodies are `todo!()`, which leaves the parameters (and the
// table of step 3) unused. Delete this line once every step is written.
#![allow(unused_variables, dead_code)]

use std::collections::HashMap;
use std::time::Duration;

use world::{Auditor, CountedMutex, Vault};

/// Step 1: moves `amount` from `from` to `to`, holding both accounts' locks
/// while the money moves, taken in one order every caller agrees on.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    todo!("step 1: take both locks in one global order, then move the money; see README step 1")
}

/// Step 2: withdraws `amount` from `vault`, then sends the account's
/// statement; answers the balance the statement sent.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    todo!("step 2: withdraw, give the lock back, then send the statement; see README step 2")
}

/// Step 3: the fees charged to each account, kept behind one
/// `std::sync::Mutex`. The table is a `world::CountedMutex`: std's
/// `Mutex`, with the same `lock()`, that counts how often it is locked (the
/// tests check that each call locks it once). Add fields if you need them.
pub struct Fees {
    table: CountedMutex<HashMap<String, u64>>,
}

impl Fees {
    /// Step 3: no fees charged yet.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Fees {
        todo!("step 3: an empty table of fees behind a std Mutex; see README step 3")
    }

    /// Step 3: the total charged to `account` so far.
    pub fn charged(&self, account: &str) -> u64 {
        todo!("step 3: read one account's total; see README step 3")
    }

    /// Step 3: the total of every fee charged so far.
    pub fn total(&self) -> u64 {
        todo!("step 3: add up every account's fees; see README step 3")
    }

    /// Step 3: charges `account` a fee of `amount`; answers the total of
    /// every fee charged so far, this one included (what `total` answers).
    pub fn charge(&self, account: &str, amount: u64) -> u64 {
        todo!("step 3: record the fee and answer the total, locking once; see README step 3")
    }
}

/// Step 4: moves `amount` from `from` to `to` without a global order: take
/// `from`'s lock, then `to`'s only if it is free (`try_lock`); if it is
/// not, give `from`'s back, wait `backoff`, and start again, waiting twice
/// as long after each failure. Answers the number of attempts.
pub async fn transfer_backing_off(from: &Vault, to: &Vault, amount: u64, backoff: Duration) -> u32 {
    todo!("step 4: try the second lock, back off without holding the first; see README step 4")
}

/// Step 5: sends every id to a checker task over a channel of `capacity`,
/// which checks it (`auditor.check(id)`) and sends it back over a second
/// channel of `capacity`; answers the ids in the order sent.
pub async fn check_all(auditor: &Auditor, ids: Vec<u64>, capacity: usize) -> Vec<u64> {
    todo!(
        "step 5: send and receive at once, so the cycle of channels never fills; see README step 5"
    )
}
