//! Wrong: a hand-written FuturesUnordered refilled `while set.len() <= n`: one more than n in flight (three at once with n = 2).
//! The cause: the bound is off by one: at most n in flight, this runs n + 1
//! expect: an off-by-one bound

pub fn lookups_as_they_finish(
    catalog: Catalog,
    ids: Vec<u32>,
    n: usize,
) -> impl Stream<Item = Detail> {
    let set = futures::stream::FuturesUnordered::new();
    stream::unfold(
        (ids.into_iter(), set, catalog),
        move |(mut ids, mut set, catalog)| async move {
            while set.len() <= n {
                match ids.next() {
                    Some(id) => {
                        let c = catalog.clone();
                        set.push(async move { c.lookup(id).await });
                    }
                    None => break,
                }
            }
            let d = set.next().await?;
            Some((d, (ids, set, catalog)))
        },
    )
}
