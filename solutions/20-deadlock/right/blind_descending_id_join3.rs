//! Right: step 1 takes the larger id first (descending is as global an order as
//! ascending); step 2 reads the withdrawal inside a block expression and sends
//! after it; step 3 writes through a helper that takes `&mut HashMap` and
//! answers the sum; step 4 keeps the wait as a Duration and doubles it by
//! addition (wait += wait); step 5 runs the checker as a third future in
//! `futures::join!` instead of a spawned task. (Blind round 1.)

/// Step 1: the larger id first.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    let (mut src, mut dst);
    if from.id() > to.id() {
        src = from.lock().await;
        dst = to.lock().await;
    } else {
        dst = to.lock().await;
        src = from.lock().await;
    }
    src.withdraw(amount).await;
    dst.deposit(amount).await;
    drop((src, dst));
}

/// Step 2.
pub async fn withdraw_and_notify(vault: &Vault, amount: u64) -> u64 {
    let _left = {
        let mut guard = vault.lock().await;
        guard.withdraw(amount).await
    };
    vault.send_statement().await
}

/// Step 3.
pub struct Fees {
    fees: CountedMutex<HashMap<String, u64>>,
}

impl Fees {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Fees {
        Fees {
            fees: CountedMutex::default(),
        }
    }

    pub fn charged(&self, account: &str) -> u64 {
        let fees = self.fees.lock().expect("poisoned");
        fees.get(account).map_or(0, |f| *f)
    }

    pub fn total(&self) -> u64 {
        let fees = self.fees.lock().expect("poisoned");
        fees.values().fold(0, |a, f| a + f)
    }

    pub fn charge(&self, account: &str, amount: u64) -> u64 {
        fn record(fees: &mut HashMap<String, u64>, account: &str, amount: u64) -> u64 {
            match fees.get_mut(account) {
                Some(fee) => *fee += amount,
                None => {
                    fees.insert(account.to_owned(), amount);
                }
            }
            fees.values().sum()
        }
        record(&mut self.fees.lock().expect("poisoned"), account, amount)
    }
}

/// Step 4.
pub async fn transfer_backing_off(from: &Vault, to: &Vault, amount: u64, backoff: Duration) -> u32 {
    let mut attempts = 1;
    let mut wait = backoff;
    loop {
        let mut src = from.lock().await;
        if let Some(mut dst) = to.try_lock() {
            src.withdraw(amount).await;
            dst.deposit(amount).await;
            break attempts;
        }
        std::mem::drop(src);
        tokio::time::sleep(wait).await;
        wait += wait;
        attempts += 1;
    }
}

/// Step 5: sender, checker and receiver as three futures of one join.
pub async fn check_all(auditor: &Auditor, ids: Vec<u64>, capacity: usize) -> Vec<u64> {
    let (id_tx, mut id_rx) = mpsc::channel::<u64>(capacity);
    let (res_tx, mut res_rx) = mpsc::channel::<u64>(capacity);
    let n = ids.len();
    let sending = async move {
        for id in ids {
            id_tx.send(id).await.expect("checker gone");
        }
    };
    let checking = async move {
        while let Some(id) = id_rx.recv().await {
            let checked = auditor.check(id).await;
            if res_tx.send(checked).await.is_err() {
                break;
            }
        }
    };
    let receiving = async {
        let mut out = Vec::with_capacity(n);
        while let Some(id) = res_rx.recv().await {
            out.push(id);
        }
        out
    };
    let ((), (), out) = futures::join!(sending, checking, receiving);
    out
}
