//! Wrong: the whole pipeline in a spawned task sending details on an unbounded channel; returning drops the receiver but the task's sends never wait, so it goes on looking up (and fetching page 3) until a send fails.
//! The cause: a detached task: dropping the receiver does not cancel the task; lookups and page 3 go on after the answer
//! expect: a whole pipeline's

pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let c = catalog.clone();
    tokio::spawn(async move {
        let mut s = std::pin::pin!(
            pages(catalog)
                .flat_map(|page| stream::iter(page.items))
                .map(move |id| {
                    let c = c.clone();
                    async move { c.lookup(id).await }
                })
                .buffered(n)
        );
        while let Some(d) = s.next().await {
            if tx.send(d).is_err() {
                break;
            }
        }
    });
    while let Some(d) = rx.recv().await {
        if d.stars == 5 {
            return Some(d);
        }
    }
    None
}
