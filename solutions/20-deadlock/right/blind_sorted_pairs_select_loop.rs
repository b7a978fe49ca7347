//! Right: step 1 sorts the two (vault, role) pairs by id and locks in a loop;
//! step 2 drops the guard with a temporary that ends at the statement's `;` (no
//! named guard at all); step 3 recovers a poisoned lock and locks once per
//! call; step 4 doubles with saturating_mul and counts attempts with a for-loop
//! over 1..; step 5 is one task that interleaves sending and receiving with
//! `tokio::select!` (no join!, no second task besides the checker). (Blind
//! round 1; made `biased;` by the house rule, and the Sender dropped after the
//! `select!` rather than in its branch, which `biased;` no longer compiles.)

/// Step 1: sort by id, lock in that order.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    let mut order = [(from, true), (to, false)];
    order.sort_by_key(|(v, _)| v.id());
    let mut guards = Vec::with_capacity(2);
    for (vault, is_source) in order {
        guards.push((vault.lock().await, is_source));
    }
    for (guard, is_source) in guards.iter_mut() {
        if *is_source {
            guard.withdraw(amount).await;
        }
    }
    for (guard, is_source) in guards.iter_mut() {
        if !*is_source {
            guard.deposit(amount).await;
        }
    }
    drop(guards);
}

/// Step 2: the guard is a temporary of one statement, dropped at its `;`.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    vault.lock().await.withdraw(amount).await;
    vault.send_statement().await
}

/// Step 3.
pub struct Fees {
    inner: CountedMutex<HashMap<String, u64>>,
}

impl Fees {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Fees {
        Fees {
            inner: CountedMutex::new(HashMap::new()),
        }
    }

    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<String, u64>> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn add_up(table: &HashMap<String, u64>) -> u64 {
        table.values().copied().sum()
    }

    pub fn charged(&self, account: &str) -> u64 {
        *self.table().get(account).unwrap_or(&0)
    }

    pub fn total(&self) -> u64 {
        Self::add_up(&self.table())
    }

    pub fn charge(&self, account: &str, amount: u64) -> u64 {
        let mut table = self.table();
        table
            .entry(account.to_owned())
            .and_modify(|fee| *fee += amount)
            .or_insert(amount);
        Self::add_up(&table)
    }
}

/// Step 4.
pub async fn transfer_backing_off(from: &Vault, to: &Vault, amount: u64, backoff: Duration) -> u32 {
    let mut wait = backoff;
    for attempt in 1u32.. {
        let mut first = from.lock().await;
        if let Some(mut second) = to.try_lock() {
            first.withdraw(amount).await;
            second.deposit(amount).await;
            return attempt;
        }
        drop(first);
        tokio::time::sleep(wait).await;
        wait = wait.saturating_mul(2);
    }
    unreachable!("u32 attempts ran out")
}

/// Step 5: one loop that sends when there is room and receives when a result is in.
pub async fn check_all(auditor: &Auditor, ids: Vec<u64>, capacity: usize) -> Vec<u64> {
    let (id_tx, mut id_rx) = mpsc::channel::<u64>(capacity);
    let (res_tx, mut res_rx) = mpsc::channel::<u64>(capacity);
    let checker_auditor = auditor.clone();
    let checker = tokio::spawn(async move {
        while let Some(id) = id_rx.recv().await {
            if res_tx.send(checker_auditor.check(id).await).await.is_err() {
                return;
            }
        }
    });
    let n = ids.len();
    let mut pending = ids.into_iter();
    let mut next = pending.next();
    let mut id_tx = Some(id_tx);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        tokio::select! {
            // biased: the house rule (no verdict on select!'s random pick).
            biased;
            permit = async { id_tx.as_ref().unwrap().reserve().await }, if next.is_some() => {
                permit.expect("checker gone").send(next.take().unwrap());
                next = pending.next();
            }
            got = res_rx.recv() => match got {
                Some(id) => out.push(id),
                None => break,
            },
        }
        // Out of the select!, which borrows it: the last id sent, the
        // checker's loop may end.
        if next.is_none() {
            id_tx = None;
        }
    }
    drop(id_tx);
    let _ = checker.await;
    out
}
