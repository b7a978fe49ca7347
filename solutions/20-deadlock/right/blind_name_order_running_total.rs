//! Right: orders the locks by `name()` instead of `id()` (names are distinct in
//! the tests: any total order every caller agrees on breaks circular wait);
//! step 2 hands the guard to a helper that consumes it; step 3 keeps a running
//! total inside the one mutex; step 4 uses let-else and computes the wait as
//! backoff * 2^(n-1); step 5 spawns the sending half and reads the results
//! before awaiting its handle. (Blind round 1.)

/// Step 1: one global order: by name, then by id if two names are equal.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    let key = |v: &Vault| (v.name().to_owned(), v.id());
    if key(from) <= key(to) {
        let mut src = from.lock().await;
        let mut dst = to.lock().await;
        src.withdraw(amount).await;
        dst.deposit(amount).await;
    } else {
        let mut dst = to.lock().await;
        let mut src = from.lock().await;
        src.withdraw(amount).await;
        dst.deposit(amount).await;
    }
}

/// Step 2.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    /// Takes the guard by value: it is dropped when this returns.
    async fn withdraw_with(mut guard: VaultGuard, amount: u64) -> u64 {
        guard.withdraw(amount).await
    }
    withdraw_with(vault.lock().await, amount).await;
    vault.send_statement().await
}

/// Step 3: the per-account fees and their running total, behind one lock.
pub struct Fees {
    /// Each account's fees, and their running total.
    table: CountedMutex<(HashMap<String, u64>, u64)>,
}

impl Fees {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Fees {
        Fees {
            table: CountedMutex::new((HashMap::new(), 0)),
        }
    }

    pub fn charged(&self, account: &str) -> u64 {
        let t = self.table.lock().unwrap();
        t.0.get(account).copied().unwrap_or_default()
    }

    pub fn total(&self) -> u64 {
        self.table.lock().unwrap().1
    }

    pub fn charge(&self, account: &str, amount: u64) -> u64 {
        let mut t = self.table.lock().unwrap();
        *t.0.entry(account.to_owned()).or_insert(0) += amount;
        t.1 += amount;
        t.1
    }
}

/// Step 4.
pub async fn transfer_backing_off(from: &Vault, to: &Vault, amount: u64, backoff: Duration) -> u32 {
    let mut attempts: u32 = 0;
    loop {
        attempts += 1;
        let mut src = from.lock().await;
        let Some(mut dst) = to.try_lock() else {
            drop(src);
            tokio::time::sleep(backoff * 2u32.pow(attempts - 1)).await;
            continue;
        };
        src.withdraw(amount).await;
        dst.deposit(amount).await;
        return attempts;
    }
}

/// Step 5: the sending half is a task of its own; read first, then join it.
pub async fn check_all(auditor: &Auditor, ids: Vec<u64>, capacity: usize) -> Vec<u64> {
    let (id_tx, mut id_rx) = mpsc::channel(capacity);
    let (res_tx, mut res_rx) = mpsc::channel(capacity);
    let auditor = auditor.clone();
    tokio::spawn(async move {
        while let Some(id) = id_rx.recv().await {
            let checked = auditor.check(id).await;
            let _ = res_tx.send(checked).await;
        }
    });
    let sender = tokio::spawn(async move {
        for id in ids {
            if id_tx.send(id).await.is_err() {
                break;
            }
        }
        // id_tx dropped here: the checker's loop ends, then res_tx is dropped.
    });
    let mut out = Vec::new();
    while let Some(id) = res_rx.recv().await {
        out.push(id);
    }
    sender.await.expect("sender panicked");
    out
}
