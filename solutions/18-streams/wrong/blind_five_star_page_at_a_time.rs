//! Wrong: one page at a time: fetch a page, look all its items up together (join_all), check them, then fetch the next page. No bound of n across pages, and page 2 waits for page 1's lookups.
//! The cause: lookups not pipelined across pages with a bound of n: the page is a wave, page 2 fetched after page 1's lookups
//! expect: 3 in flight at all times, across the pages

pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    let _ = n;
    let mut s = std::pin::pin!(pages(catalog.clone()));
    while let Some(page) = s.next().await {
        let details = futures::future::join_all(page.items.iter().map(|&id| {
            let c = catalog.clone();
            async move { c.lookup(id).await }
        }))
        .await;
        if let Some(d) = details.into_iter().find(|d| d.stars == 5) {
            return Some(d);
        }
    }
    None
}
