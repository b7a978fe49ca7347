//! Wrong: each lookup a spawned task, the JoinHandles buffered(n) in order: values and timing right until the answer, but dropping the stream detaches lookup(5), which runs on to 500 ms.
//! The cause: a detached task: dropping a stream does not cancel a task it spawned; lookup(5) must be cancelled at 450 ms
//! expect: which returning detaches, not cancels

pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    let c = catalog.clone();
    let mut s = std::pin::pin!(
        pages(catalog)
            .flat_map(|page| stream::iter(page.items))
            .map(move |id| {
                let c = c.clone();
                let h = tokio::spawn(async move { c.lookup(id).await });
                async move { h.await.unwrap() }
            })
            .buffered(n)
    );
    while let Some(d) = s.next().await {
        if d.stars == 5 {
            return Some(d);
        }
    }
    None
}
