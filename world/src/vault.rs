//! Accounts behind async locks, for the kata on deadlocks.
//!
//! A [`Vault`] is an account kept like a row in a remote database: to touch
//! its balance you take its lock, and the lock answers after a round trip of
//! 10 ms (the request joins the lock's queue at once, first come first
//! served, and the grant takes 10 ms to come back). Through the
//! [`VaultGuard`] a withdrawal or a deposit takes 50 ms; dropping the guard
//! gives the lock back at once.
//!
//! What is drawn, so that a deadlock reads off the picture:
//!
//! - on the **caller's row** (the actor of [`World::track`], else `caller`):
//!   `lock A` from the call of [`Vault::lock`] to the grant, so a wait for a
//!   lock someone else holds is a long bar, and one still open (`>`) at the
//!   end is a wait that never ended; `withdraw 10` and `deposit 10` (`w`);
//!   `statement A` for [`Vault::send_statement`];
//! - on the **vault's row** (`A`): one bar per holding of its lock,
//!   labelled with its holder, from the grant to the guard's drop.
//!
//! [`waits`] reads a trace back into who holds which lock and who waits for
//! which (open spans: a wait never granted, a holding never given back), and
//! [`describe_waits`] says it in words: what a test prints when
//! its deadline passes with tasks stuck on these locks.
//!
//! An [`Auditor`] checks transfers one at a time, 50 ms each, drawn on the
//! row `checker`: the far end of the kata's channels.
//!
//! A [`CountedMutex`] is a `std::sync::Mutex` that counts, per thread, how
//! many times it is locked ([`locks_taken`]): the table of fees of the
//! kata's step 3, whose tests check that each call locks it once.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::sync::{Mutex, OwnedMutexGuard};
use tokio::time::sleep;

use crate::trace::{Ending, Fill, Trace};
use crate::world::{Span, World};

/// How long a lock's grant takes to come back.
pub const ROUND_TRIP: Duration = Duration::from_millis(10);

/// How long a withdrawal or a deposit takes.
pub const MOVE_TIME: Duration = Duration::from_millis(50);

/// How long a statement takes to send, once the balance is read.
pub const STATEMENT_TIME: Duration = Duration::from_millis(100);

/// How long the auditor takes to check one transfer.
pub const CHECK_TIME: Duration = Duration::from_millis(50);

/// The label of a caller's span that waits for the lock of `vault`.
const LOCK_PREFIX: &str = "lock ";

/// An account whose balance sits behind an async lock (a
/// `tokio::sync::Mutex`, fair: first come, first served). Clones share the
/// account.
#[derive(Clone)]
pub struct Vault {
    world: World,
    inner: Arc<Inner>,
}

struct Inner {
    name: String,
    id: u64,
    lock: Arc<Mutex<()>>,
    balance: AtomicU64,
}

impl Vault {
    /// An account named `name` (its row) holding `balance`.
    pub fn new(world: &World, name: &str, balance: u64) -> Vault {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Vault {
            world: world.clone(),
            inner: Arc::new(Inner {
                name: name.to_owned(),
                id: NEXT.fetch_add(1, Ordering::Relaxed),
                lock: Arc::new(Mutex::new(())),
                balance: AtomicU64::new(balance),
            }),
        }
    }

    /// The account's name, as drawn.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// A number no other vault has: vaults made one after another get
    /// increasing ids. An order every caller can agree on.
    pub fn id(&self) -> u64 {
        self.inner.id
    }

    /// Takes the account's lock: joins its queue at once, and answers 10 ms
    /// after the lock is granted. Waits as long as someone else holds it.
    /// Dropping this future before it answers leaves the queue (and gives
    /// back the lock if it had been granted).
    pub async fn lock(&self) -> VaultGuard {
        let caller = caller();
        let wait = self.world.span(
            &caller,
            &format!("{LOCK_PREFIX}{}", self.name()),
            Fill::Work,
        );
        let guard = Arc::clone(&self.inner.lock).lock_owned().await;
        let guard = self.hold(guard, &caller);
        sleep(ROUND_TRIP).await;
        wait.end(None::<String>);
        guard
    }

    /// Takes the account's lock if nobody holds it or waits for it, at once
    /// and without a round trip; `None` if it is busy (a note on the
    /// caller's row says so).
    pub fn try_lock(&self) -> Option<VaultGuard> {
        let caller = caller();
        match Arc::clone(&self.inner.lock).try_lock_owned() {
            Ok(guard) => Some(self.hold(guard, &caller)),
            Err(_) => {
                self.world
                    .note(&caller, format!("try_lock {}: busy", self.name()));
                None
            }
        }
    }

    /// Sends the account's statement: takes the account's lock (as
    /// [`Vault::lock`] does), reads the balance, gives the lock back, then
    /// takes 100 ms to send it. Answers the balance sent. It needs the lock:
    /// called while its caller holds it, it waits for ever.
    pub async fn send_statement(&self) -> u64 {
        let guard = self.lock().await;
        let balance = guard.balance();
        drop(guard);
        let span = self
            .world
            .span(&caller(), &format!("statement {}", self.name()), Fill::Work);
        sleep(STATEMENT_TIME).await;
        span.end(Some(balance));
        balance
    }

    /// The balance right now, for tests: takes no time, no lock, and
    /// records nothing.
    pub fn peek(&self) -> u64 {
        self.inner.balance.load(Ordering::SeqCst)
    }

    fn hold(&self, guard: OwnedMutexGuard<()>, holder: &str) -> VaultGuard {
        let span = self.world.span(self.name(), holder, Fill::Work);
        VaultGuard {
            world: self.world.clone(),
            vault: Arc::clone(&self.inner),
            _guard: guard,
            holder: holder.to_owned(),
            held: Some(span),
        }
    }
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vault")
            .field("name", &self.inner.name)
            .field("id", &self.inner.id)
            .finish()
    }
}

/// The account's lock, held: the balance can be read and moved. Dropping
/// it gives the lock back at once.
pub struct VaultGuard {
    world: World,
    vault: Arc<Inner>,
    _guard: OwnedMutexGuard<()>,
    holder: String,
    held: Option<Span>,
}

impl VaultGuard {
    /// The account's name.
    pub fn name(&self) -> &str {
        &self.vault.name
    }

    /// The balance: at once, the lock is held.
    pub fn balance(&self) -> u64 {
        self.vault.balance.load(Ordering::SeqCst)
    }

    /// Takes `amount` out of the account: 50 ms, drawn `withdraw N` on the
    /// caller's row; answers the new balance. Panics if the account holds
    /// less than `amount` (the kata's tests never ask it).
    pub async fn withdraw(&mut self, amount: u64) -> u64 {
        let span = self
            .world
            .span(&caller(), &format!("withdraw {amount}"), Fill::Write);
        sleep(MOVE_TIME).await;
        let balance = self.balance();
        assert!(
            balance >= amount,
            "withdraw {amount} from {}: only {balance} in it",
            self.vault.name
        );
        let left = balance - amount;
        self.vault.balance.store(left, Ordering::SeqCst);
        span.end(Some(left));
        left
    }

    /// Adds `amount` to the account: 50 ms, drawn `deposit N` on the
    /// caller's row; answers the new balance.
    pub async fn deposit(&mut self, amount: u64) -> u64 {
        let span = self
            .world
            .span(&caller(), &format!("deposit {amount}"), Fill::Write);
        sleep(MOVE_TIME).await;
        let balance = self.balance() + amount;
        self.vault.balance.store(balance, Ordering::SeqCst);
        span.end(Some(balance));
        balance
    }
}

impl Drop for VaultGuard {
    fn drop(&mut self) {
        if let Some(span) = self.held.take() {
            span.end(None::<String>);
        }
    }
}

impl fmt::Debug for VaultGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VaultGuard")
            .field("name", &self.vault.name)
            .field("holder", &self.holder)
            .field("balance", &self.balance())
            .finish()
    }
}

/// The row a caller's spans go on.
fn caller() -> String {
    World::current_actor().unwrap_or_else(|| "caller".to_owned())
}

/// Checks transfers one at a time: the far end of a channel.
#[derive(Clone)]
pub struct Auditor {
    world: World,
}

impl Auditor {
    pub fn new(world: &World) -> Auditor {
        Auditor {
            world: world.clone(),
        }
    }

    /// Checks transfer `id`: 50 ms, drawn `check N` on the row `checker`;
    /// answers `id`, cleared.
    pub async fn check(&self, id: u64) -> u64 {
        let span = self
            .world
            .span("checker", &format!("check {id}"), Fill::Work);
        sleep(CHECK_TIME).await;
        span.end(None::<String>);
        id
    }
}

/// Who held or waited for a vault's lock when a trace was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wait {
    /// The caller's row.
    pub caller: String,
    /// The vault it waits for.
    pub waits_for: String,
    /// Who holds that vault's lock, if anyone: the caller itself, when it
    /// waits for a lock it holds.
    pub held_by: Option<String>,
    /// The vaults the caller holds meanwhile.
    pub holding: Vec<String>,
}

/// The waits still open in `trace`: every caller whose `lock X` span never
/// ended, what it holds, and who holds `X`. Rows of vaults are those with a
/// span labelled after a holder; a caller's wait is a span labelled
/// `lock X`.
pub fn waits(trace: &Trace) -> Vec<Wait> {
    let spans = trace.spans();
    let open_holds: Vec<(String, String)> = spans
        .iter()
        .filter(|s| s.ending == Ending::Open && s.fill == Fill::Work)
        .filter(|s| {
            spans
                .iter()
                .any(|w| w.label == format!("{LOCK_PREFIX}{}", s.actor))
        })
        .map(|s| (s.actor.clone(), s.label.clone()))
        .collect();
    spans
        .iter()
        .filter(|s| s.ending == Ending::Open)
        .filter_map(|s| {
            let vault = s.label.strip_prefix(LOCK_PREFIX)?;
            let held_by = open_holds
                .iter()
                .find(|(v, _)| v == vault)
                .map(|(_, holder)| holder.clone());
            let holding = open_holds
                .iter()
                .filter(|(_, holder)| holder == &s.actor)
                .map(|(v, _)| v.clone())
                .collect();
            Some(Wait {
                caller: s.actor.clone(),
                waits_for: vault.to_owned(),
                held_by,
                holding,
            })
        })
        .collect()
}

/// [`waits`] in words, one line a wait: "`A->B` holds A and waits for B,
/// held by `B->A`". Empty when nobody waits.
pub fn describe_waits(trace: &Trace) -> String {
    let mut lines = String::new();
    for wait in waits(trace) {
        let holding = if wait.holding.is_empty() {
            crate::say!(en: "holds nothing", ko: "아무 락도 잡지 않은 채")
        } else {
            let held = wait.holding.join(", ");
            crate::say!(en: "holds {held}", ko: "{held}의 락을 잡은 채")
        };
        let by = match &wait.held_by {
            Some(holder) if *holder == wait.caller => {
                crate::say!(en: ", which it holds itself", ko: "(잡고 있는 쪽: 자기 자신)")
            }
            Some(holder) => {
                crate::say!(en: ", held by `{holder}`", ko: "(잡고 있는 쪽: `{holder}`)")
            }
            None => String::new(),
        };
        let (caller, vault) = (&wait.caller, &wait.waits_for);
        lines.push_str(&crate::say!(
            en: "  `{caller}` {holding} and waits for {vault}{by}\n",
            ko: "  `{caller}` 호출자는 {holding} {vault}의 락을 기다립니다{by}\n",
        ));
    }
    lines
}

thread_local! {
    /// How many times this thread has locked a [`CountedMutex`].
    static LOCKS_TAKEN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A `std::sync::Mutex` that counts its locks: the same lock, the same
/// `lock()` (it blocks the thread, and a thread that holds it and asks
/// again never returns), plus a count, per thread, of every `lock()` and
/// `try_lock()` asked of any `CountedMutex`, which [`locks_taken`] reads.
/// Kata 20's table of fees is one, so that its tests can see how many
/// times one call locks it.
#[derive(Debug, Default)]
pub struct CountedMutex<T> {
    inner: std::sync::Mutex<T>,
}

impl<T> CountedMutex<T> {
    pub const fn new(value: T) -> CountedMutex<T> {
        CountedMutex {
            inner: std::sync::Mutex::new(value),
        }
    }

    /// `std::sync::Mutex::lock`, counted.
    pub fn lock(&self) -> std::sync::LockResult<std::sync::MutexGuard<'_, T>> {
        LOCKS_TAKEN.with(|n| n.set(n.get() + 1));
        self.inner.lock()
    }

    /// `std::sync::Mutex::try_lock`, counted.
    pub fn try_lock(&self) -> std::sync::TryLockResult<std::sync::MutexGuard<'_, T>> {
        LOCKS_TAKEN.with(|n| n.set(n.get() + 1));
        self.inner.try_lock()
    }

    /// `std::sync::Mutex::into_inner`.
    pub fn into_inner(self) -> std::sync::LockResult<T> {
        self.inner.into_inner()
    }
}

/// How many times this thread has asked any [`CountedMutex`] for its lock
/// so far: read it before and after a call to count the call's locks.
pub fn locks_taken() -> u64 {
    LOCKS_TAKEN.with(std::cell::Cell::get)
}
