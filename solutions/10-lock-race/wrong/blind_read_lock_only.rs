//! Wrong: Blind examination: locks only the read (the guard lives in a block
//! that ends after the read) and writes after releasing it: the reads are
//! serialised, but each next read runs before the previous write lands.
//! expect: no two increments may have read and not yet written at the same time

pub async fn increment_shared(shared: &Shared) {
    let (handle, value) = {
        let counter = shared.counter.lock().await;
        let value = counter.read().await;
        (counter.clone(), value)
    };
    handle.write(value + 1).await;
}
