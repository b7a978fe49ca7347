//! Wrong: buffer_unordered(n): the first five-star to *finish* is lookup(7), not item 4, the first in catalogue order.
//! The cause: catalogue order lost: as-they-finish returns the first to finish (7), not the first in order (4)
//! expect: keep input order (buffered)

pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    let c = catalog.clone();
    let mut s = std::pin::pin!(
        pages(catalog)
            .flat_map(|page| stream::iter(page.items))
            .map(move |id| {
                let c = c.clone();
                async move { c.lookup(id).await }
            })
            .buffer_unordered(n)
    );
    while let Some(d) = s.next().await {
        if d.stars == 5 {
            return Some(d);
        }
    }
    None
}
