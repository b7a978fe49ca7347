//! Right: hand-written pieces: a `Stream` impl for pages, FuturesOrdered / FuturesUnordered refilled by hand in `unfold`, `select!` with `biased;` and a pinned `Sleep` for batches, producer and consumer joined with `tokio::join!` (no spawned task), `filter` + `next` for step 6.

pub fn pages(catalog: Catalog) -> impl Stream<Item = Page> {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::Context;
    use std::task::Poll;
    struct Pages {
        catalog: Catalog,
        next: Option<usize>,
        fetching: Option<Pin<Box<dyn Future<Output = Page> + Send>>>,
    }
    impl Stream for Pages {
        type Item = Page;
        fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Page>> {
            if self.fetching.is_none() {
                let Some(n) = self.next else {
                    return Poll::Ready(None);
                };
                let catalog = self.catalog.clone();
                self.fetching = Some(Box::pin(async move { catalog.fetch_page(n).await }));
            }
            let page = futures::ready!(self.fetching.as_mut().unwrap().as_mut().poll(cx));
            self.fetching = None;
            self.next = page.next;
            Poll::Ready(Some(page))
        }
    }
    let first = catalog.first_page();
    Pages {
        catalog,
        next: Some(first),
        fetching: None,
    }
}

pub fn lookups_in_order(catalog: Catalog, ids: Vec<u32>, n: usize) -> impl Stream<Item = Detail> {
    use futures::stream::FuturesOrdered;
    let held = FuturesOrdered::new();
    stream::unfold(
        (ids.into_iter(), held, catalog),
        move |(mut ids, mut held, catalog)| async move {
            // `held` counts running lookups and finished, undelivered details alike
            while held.len() < n {
                let Some(id) = ids.next() else { break };
                let c = catalog.clone();
                held.push_back(async move { c.lookup(id).await });
            }
            let d = held.next().await?;
            Some((d, (ids, held, catalog)))
        },
    )
}

pub fn lookups_as_they_finish(
    catalog: Catalog,
    ids: Vec<u32>,
    n: usize,
) -> impl Stream<Item = Detail> {
    use futures::stream::FuturesUnordered;
    let running = FuturesUnordered::new();
    stream::unfold(
        (ids.into_iter(), running, catalog),
        move |(mut ids, mut running, catalog)| async move {
            while running.len() < n {
                let Some(id) = ids.next() else { break };
                let c = catalog.clone();
                running.push(async move { c.lookup(id).await });
            }
            let d = running.next().await?;
            Some((d, (ids, running, catalog)))
        },
    )
}

pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    stream::unfold(Some(events), move |state| async move {
        let mut events = state?;
        let first = events.next().await?;
        let mut batch = vec![first];
        let timer = tokio::time::sleep(wait);
        tokio::pin!(timer);
        let mut ended = false;
        while batch.len() < size {
            tokio::select! {
                biased;
                e = events.next() => match e {
                    Some(e) => batch.push(e),
                    None => { ended = true; break; }
                },
                _ = &mut timer => break,
            }
        }
        Some((batch, if ended { None } else { Some(events) }))
    })
}

pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(room);
    let producer = async move {
        while let Some(item) = source.next().await {
            if tx.send(item).await.is_err() {
                break;
            }
        }
        // tx dropped here: the consumer's recv() answers None
    };
    let consuming = async {
        let mut ids = Vec::new();
        while let Some(item) = rx.recv().await {
            ids.push(consumer.consume(item).await);
        }
        ids
    };
    let ((), ids) = tokio::join!(producer, consuming);
    ids
}

pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    let c = catalog.clone();
    let found = pages(catalog)
        .flat_map(|page| stream::iter(page.items))
        .map(move |id| {
            let c = c.clone();
            async move { c.lookup(id).await }
        })
        .buffered(n)
        .filter(|d| futures::future::ready(d.stars == 5));
    Box::pin(found).next().await
}
