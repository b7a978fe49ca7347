//! Wrong: collects every page first (pages(...).collect()), then looks the items up in order 3 at a time; page 3 is fetched though the answer is on page 2.
//! The cause: not lazy: reading all pages before looking up; page 3 must never be fetched
//! expect: read the pages lazily

pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    let all: Vec<Page> = pages(catalog.clone()).collect().await;
    let ids: Vec<u32> = all.into_iter().flat_map(|p| p.items).collect();
    let mut s = std::pin::pin!(lookups_in_order(catalog, ids, n));
    while let Some(d) = s.next().await {
        if d.stars == 5 {
            return Some(d);
        }
    }
    None
}
