//! Wrong: at the first ask, fetches every page one after the other into a Vec, then yields them; page 2 is fetched at 200 ms, page 3 at 300 ms, page 1 handed over only at 400 ms.
//! The cause: not lazy: every page fetched at the first ask instead of one page per ask
//! expect: not all pages at the first ask

pub fn pages(catalog: Catalog) -> impl Stream<Item = Page> {
    stream::once(async move {
        let mut all = Vec::new();
        let mut next = Some(catalog.first_page());
        while let Some(n) = next {
            let page = catalog.fetch_page(n).await;
            next = page.next;
            all.push(page);
        }
        stream::iter(all)
    })
    .flatten()
}
