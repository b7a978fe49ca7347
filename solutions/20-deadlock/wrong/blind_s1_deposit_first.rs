//! Wrong: step 1 takes both locks in id order but moves the money the other way
//! round: deposit into `to` first, then withdraw from `from` (the README says
//! withdraw, then deposit); for 100 ms money exists twice. Real cause: the
//! order of the moves: withdraw, then deposit (never credit money not yet taken
//! out). (Blind round 1.)
//! expect: deposited before it withdrew

/// Step 1 (wrong): deposit before withdraw.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    let from_first = from.id() < to.id();
    let (first, second) = if from_first { (from, to) } else { (to, from) };
    let g1 = first.lock().await;
    let g2 = second.lock().await;
    let (mut src, mut dst) = if from_first { (g1, g2) } else { (g2, g1) };
    dst.deposit(amount).await;
    src.withdraw(amount).await;
}
