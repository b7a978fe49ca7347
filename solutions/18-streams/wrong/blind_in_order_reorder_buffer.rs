//! Wrong: buffer_unordered(n) over (index, lookup) plus a reorder buffer that releases details in input order; the order is right but a finished detail frees its slot at once, so lookup 3 starts at 100 ms.
//! The cause: the bound counts lookups in flight only, not details held for reordering: more than n held (3 at 100 ms)
//! expect: Start the next lookup when one is delivered, not when one finishes

pub fn lookups_in_order(catalog: Catalog, ids: Vec<u32>, n: usize) -> impl Stream<Item = Detail> {
    let inner = stream::iter(ids.into_iter().enumerate())
        .map(move |(i, id)| {
            let catalog = catalog.clone();
            async move { (i, catalog.lookup(id).await) }
        })
        .buffer_unordered(n)
        .boxed();
    stream::unfold(
        (inner, std::collections::BTreeMap::new(), 0usize),
        |(mut inner, mut held, mut want)| async move {
            loop {
                if let Some(d) = held.remove(&want) {
                    want += 1;
                    return Some((d, (inner, held, want)));
                }
                let (i, d) = inner.next().await?;
                held.insert(i, d);
            }
        },
    )
}
