//! Wrong: a spawned task fetches every page and sends it on a channel(1); the stream is the receiver. It fetches page 1 at 0 ms, before anyone asks, and runs ahead.
//! The cause: the stream is not lazy: a task fetches ahead of the consumer (page 1 before the first ask)
//! expect: it fetches nothing until it is polled

pub fn pages(catalog: Catalog) -> impl Stream<Item = Page> {
    let (tx, rx) = tokio::sync::mpsc::channel(1);
    tokio::spawn(async move {
        let mut next = Some(catalog.first_page());
        while let Some(n) = next {
            let page = catalog.fetch_page(n).await;
            next = page.next;
            if tx.send(page).await.is_err() {
                break;
            }
        }
    });
    stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|p| (p, rx)) })
}
