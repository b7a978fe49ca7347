//! Wrong: uses `page.next?` to move to the next page, so the last page (next = None) is fetched but never yielded: the stream ends one page early.
//! The cause: off-by-one at the end: the last page (page 3) is fetched and then lost; the stream must yield it and end after it
//! expect: the last page is lost

pub fn pages(catalog: Catalog) -> impl Stream<Item = Page> {
    stream::unfold(Some(catalog.first_page()), move |next| {
        let catalog = catalog.clone();
        async move {
            let page = catalog.fetch_page(next?).await;
            let after = page.next?;
            Some((page, Some(after)))
        }
    })
}
