//! Wrong: step 1 takes `from`'s lock, then `to`'s (the natural first answer):
//! A->B and B->A each hold one and wait for the other. Real cause: circular
//! wait: the two locks are not taken in one global order. (Blind round 1.)
//! expect: in a ring (circular wait)

/// Step 1 (wrong): from's lock, then to's.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    let mut src = from.lock().await;
    let mut dst = to.lock().await;
    src.withdraw(amount).await;
    dst.deposit(amount).await;
}
