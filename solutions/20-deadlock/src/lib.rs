//! # Kata 20: deadlock (the reference answer)
//!
//! > How do deadlocks happen in async code, and how do you prevent them?
//!
//! A deadlock needs four things at once: mutual exclusion, hold and wait,
//! no preemption and a circular wait. Each step breaks one. `transfer`
//! takes its two locks in one global order (by `id()`), so no cycle can
//! close; `withdraw_and_notify` gives its lock back before it awaits the
//! statement, which needs that lock; `Fees` locks its std Mutex once per
//! call and does the work in a helper that takes the locked table;
//! `transfer_backing_off` gives up its first lock when the second is busy
//! and waits longer each time; `check_all` sends and receives at once, so
//! the two bounded channels of the cycle never both fill.

use std::collections::HashMap;
use std::time::Duration;

use tokio::sync::mpsc;
use world::{Auditor, CountedMutex, Vault, VaultGuard};

/// Step 1: moves `amount` from `from` to `to`, holding both accounts' locks
/// while the money moves, taken in one order every caller agrees on.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    // The smaller id first, whatever the direction: whoever waits for the
    // second lock already holds the first, so no ring of waits can close.
    let from_first = from.id() < to.id();
    let (first, second) = if from_first { (from, to) } else { (to, from) };
    let first_guard = first.lock().await;
    let second_guard = second.lock().await;
    let (mut source, mut target) = if from_first {
        (first_guard, second_guard)
    } else {
        (second_guard, first_guard)
    };
    source.withdraw(amount).await;
    target.deposit(amount).await;
}

/// Step 2: withdraws `amount` from `vault`, then sends the account's
/// statement; answers the balance the statement sent.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    {
        let mut guard = vault.lock().await;
        guard.withdraw(amount).await;
    } // the lock goes back here: the statement needs it
    vault.send_statement().await
}

/// Step 3: the fees charged to each account, kept behind one
/// `std::sync::Mutex` (a `world::CountedMutex`: std's, counted).
pub struct Fees {
    table: CountedMutex<HashMap<String, u64>>,
}

/// The total of a table already locked: what both `total` and `charge`
/// need, so that neither locks twice.
fn sum(table: &HashMap<String, u64>) -> u64 {
    table.values().sum()
}

impl Fees {
    /// Step 3: no fees charged yet.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Fees {
        Fees {
            table: CountedMutex::new(HashMap::new()),
        }
    }

    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<String, u64>> {
        self.table.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Step 3: the total charged to `account` so far.
    pub fn charged(&self, account: &str) -> u64 {
        self.table().get(account).copied().unwrap_or(0)
    }

    /// Step 3: the total of every fee charged so far.
    pub fn total(&self) -> u64 {
        sum(&self.table())
    }

    /// Step 3: charges `account` a fee of `amount`; answers the total of
    /// every fee charged so far, this one included (what `total` answers).
    pub fn charge(&self, account: &str, amount: u64) -> u64 {
        let mut table = self.table();
        *table.entry(account.to_owned()).or_default() += amount;
        sum(&table)
    }
}

/// Step 4: moves `amount` from `from` to `to` without a global order: take
/// `from`'s lock, then `to`'s only if it is free (`try_lock`); if it is
/// not, give `from`'s back, wait `backoff`, and start again, waiting twice
/// as long after each failure. Answers the number of attempts.
pub async fn transfer_backing_off(from: &Vault, to: &Vault, amount: u64, backoff: Duration) -> u32 {
    let mut wait = backoff;
    let mut attempts = 0;
    loop {
        attempts += 1;
        let mut source = from.lock().await;
        if let Some(mut target) = to.try_lock() {
            source.withdraw(amount).await;
            target.deposit(amount).await;
            return attempts;
        }
        // Give back what we hold before waiting: holding it while backing
        // off is the deadlock again.
        release(source);
        tokio::time::sleep(wait).await;
        wait *= 2;
    }
}

fn release(guard: VaultGuard) {
    drop(guard);
}

/// Step 5: sends every id to a checker task over a channel of `capacity`,
/// which checks it (`auditor.check(id)`) and sends it back over a second
/// channel of `capacity`; answers the ids in the order sent.
pub async fn check_all(auditor: &Auditor, ids: Vec<u64>, capacity: usize) -> Vec<u64> {
    let (to_checker, mut checker_in) = mpsc::channel::<u64>(capacity);
    let (checker_out, mut results) = mpsc::channel::<u64>(capacity);
    let auditor = auditor.clone();
    tokio::spawn(async move {
        while let Some(id) = checker_in.recv().await {
            let checked = auditor.check(id).await;
            if checker_out.send(checked).await.is_err() {
                break;
            }
        }
    });
    let count = ids.len();
    let send = async move {
        for id in ids {
            if to_checker.send(id).await.is_err() {
                break;
            }
        }
        // `to_checker` dropped here: the checker's loop ends once drained.
    };
    let receive = async {
        let mut checked = Vec::with_capacity(count);
        while checked.len() < count {
            match results.recv().await {
                Some(id) => checked.push(id),
                None => break,
            }
        }
        checked
    };
    let ((), checked) = tokio::join!(send, receive);
    checked
}
