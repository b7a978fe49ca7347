//! Wrong: pages waits for the first ask, but each time it yields a page it spawns the fetch of the next one, so page 2 is fetched at 200 ms while the consumer works on page 1.
//! The cause: the stream is not lazy: it prefetches one page ahead (page 2 starts at 200 ms, not when asked at 500 ms)
//! expect: fetches the next page only when asked

pub fn pages(catalog: Catalog) -> impl Stream<Item = Page> {
    // state: the page being fetched (a task), started at the first ask
    stream::unfold(
        (catalog, None::<tokio::task::JoinHandle<Page>>, true),
        |(catalog, ahead, first)| async move {
            let page = match ahead {
                Some(h) => h.await.unwrap(),
                None if first => catalog.fetch_page(catalog.first_page()).await,
                None => return None,
            };
            let ahead = page.next.map(|n| {
                let c = catalog.clone();
                tokio::spawn(async move { c.fetch_page(n).await })
            });
            Some((page, (catalog, ahead, false)))
        },
    )
}
