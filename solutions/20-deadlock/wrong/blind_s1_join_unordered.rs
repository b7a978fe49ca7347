//! Wrong: step 1 asks for both locks "at once" with `tokio::join!(from.lock(),
//! to.lock())`, in no agreed order. On one thread each task queues for both in
//! one poll, so it happens to work; on a multi-thread runtime two callers can
//! each queue first on one lock and deadlock. Real cause: circular wait: join!
//! is not "all or nothing" and not an order; the locks must be taken in one
//! global order. (Blind round 1.)
//! expect: asked for both locks at the same instant

/// Step 1 (wrong): both locks at once, unordered.
pub async fn transfer(from: &Vault, to: &Vault, amount: u64) {
    let (mut src, mut dst) = tokio::join!(from.lock(), to.lock());
    src.withdraw(amount).await;
    dst.deposit(amount).await;
}
