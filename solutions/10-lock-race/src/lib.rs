//! # Kata 10: lock race (the reference answer)
//!
//! > Can a race happen in single-threaded async code?
//!
//! Yes. Every `.await` is a point where the task may stop and let others
//! run. An increment that reads, awaits, then writes what it read lets the
//! others read the same old value in between: a lost update. No two threads
//! ever touch memory at once, so this is no data race and Rust compiles it;
//! it is a logic race. The fix is a lock held from the read to the write.

use tokio::sync::Mutex;
use world::SlowCounter;

/// Step 1: the seed's increment without its lock: read the counter, then
/// write what you read plus one.
pub async fn increment(counter: &SlowCounter) {
    // While this read is in flight, the other nine increments run and read
    // the same value: every one of them writes 0 + 1.
    let value = counter.read().await;
    counter.write(value + 1).await;
}

/// Step 2: what the ten increments share: the counter, behind the lock that
/// makes them take turns.
pub struct Shared {
    // The lock owns the counter: the only way to reach it is through
    // `lock()`, so no increment can forget to take the lock.
    counter: Mutex<SlowCounter>,
}

/// Step 2: wraps the counter for sharing; called once, before the ten
/// increments start.
pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter: Mutex::new(counter),
    }
}

/// Step 2: the same increment, made safe: ten of them at once count to 10.
pub async fn increment_shared(shared: &Shared) {
    // A tokio Mutex, because the guard is held across `.await`: waiting for
    // it suspends this increment, not the thread. The guard lives until the
    // end of the function, so the read, the await and the write form one
    // critical section; the next increment reads only after this write.
    let counter = shared.counter.lock().await;
    let value = counter.read().await;
    counter.write(value + 1).await;
}
