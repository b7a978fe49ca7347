//! Wrong: each lookup a spawned task behind a Semaphore(n), the JoinHandles awaited in order; the permit is freed when the lookup finishes, not when its detail is delivered, so lookup 3 starts at 100 ms with two finished-but-undelivered details held.
//! The cause: the bound must count a lookup until its detail is delivered (head-of-line): three held at once with n = 2 (lookup 3 at 100 ms, not 300 ms)
//! expect: Start the next lookup when one is delivered, not when one finishes

pub fn lookups_in_order(catalog: Catalog, ids: Vec<u32>, n: usize) -> impl Stream<Item = Detail> {
    let sem = std::sync::Arc::new(tokio::sync::Semaphore::new(n));
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let catalog = catalog.clone();
            let sem = sem.clone();
            tokio::spawn(async move {
                let _permit = sem.acquire_owned().await.unwrap();
                catalog.lookup(id).await
            })
        })
        .collect();
    stream::iter(handles).then(|h| async move { h.await.unwrap() })
}
