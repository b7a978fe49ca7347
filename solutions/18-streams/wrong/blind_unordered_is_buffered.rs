//! Wrong: step 3 uses buffered(n) like step 2: the details come in input order 1,2,3,4,5 and lookup 3 waits for lookup 1.
//! The cause: buffered keeps input order (head-of-line blocking); as-they-finish needs buffer_unordered
//! expect: not buffered's input order

pub fn lookups_as_they_finish(
    catalog: Catalog,
    ids: Vec<u32>,
    n: usize,
) -> impl Stream<Item = Detail> {
    stream::iter(ids)
        .map(move |id| {
            let catalog = catalog.clone();
            async move { catalog.lookup(id).await }
        })
        .buffered(n)
}
