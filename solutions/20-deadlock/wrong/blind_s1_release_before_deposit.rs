//! Wrong: step 1 takes both locks in id order but gives `from`'s lock back as
//! soon as the withdrawal is done, before the deposit: someone taking both
//! locks can see the money in neither account. Real cause: both locks must be
//! held while the money moves (withdraw AND deposit): the transfer is not
//! atomic. (Blind round 1.)
//! expect: without holding A's lock: the money was in flight

/// Step 1 (wrong): ordered, but releases the source before the deposit.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    let from_first = from.id() < to.id();
    let (first, second) = if from_first { (from, to) } else { (to, from) };
    let g1 = first.lock().await;
    let g2 = second.lock().await;
    let (mut src, mut dst) = if from_first { (g1, g2) } else { (g2, g1) };
    src.withdraw(amount).await;
    drop(src); // "done with the source"
    dst.deposit(amount).await;
}
