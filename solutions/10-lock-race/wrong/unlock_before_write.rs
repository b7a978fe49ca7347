//! Wrong: locks only the read: releases the lock once the read is done, "to
//! keep the critical section short", and writes unlocked. The next increment
//! reads while this write is still in flight; the total comes out right only
//! by luck of timing (the write lands in the same instant as the next read).
//! expect: the lock must cover the whole read..write window

pub async fn increment_shared(shared: &Shared) {
    let guard = shared.counter.lock().await;
    let value = guard.read().await;
    let handle = guard.clone();
    drop(guard);
    handle.write(value + 1).await;
}
