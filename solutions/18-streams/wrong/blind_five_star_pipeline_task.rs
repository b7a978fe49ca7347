//! Wrong: the whole pipeline runs in a spawned task that sends details into a channel(1); the function returns at the first five-star but the task keeps fetching and looking up until its send fails: it must first wait for item 5 (lookup(5) runs on to 500 ms) before a send can fail.
//! The cause: a detached task: returning drops the receiver, not the task; lookups and page 3 go on after the answer
//! expect: a whole pipeline's

pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
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
            if tx.send(d).await.is_err() {
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
