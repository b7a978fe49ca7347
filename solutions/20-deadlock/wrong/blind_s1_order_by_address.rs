//! Wrong: step 1 orders the two locks by the address of the `&Vault` handles
//! (the C idiom). A `Vault` is a cloneable handle: each caller's clones live at
//! its own addresses, so the order is not one every caller agrees on. Real
//! cause: circular wait: the order must be a property of the account (its id),
//! not of the caller's handle. (Blind round 1.)
//! expect: in a ring (circular wait)

/// Step 1 (wrong): order by the handles' addresses.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    let from_first = (from as *const Vault as usize) < (to as *const Vault as usize);
    let (first, second) = if from_first { (from, to) } else { (to, from) };
    let g1 = first.lock().await;
    let g2 = second.lock().await;
    let (mut src, mut dst) = if from_first { (g1, g2) } else { (g2, g1) };
    src.withdraw(amount).await;
    dst.deposit(amount).await;
}
