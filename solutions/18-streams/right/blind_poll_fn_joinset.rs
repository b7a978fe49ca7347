//! Right: `stream::poll_fn` for pages and for step 2 (over a FuturesOrdered), a `JoinSet` (aborts its tasks on drop) for step 3, a hand-written `Stream` with a `Pin<Box<Sleep>>` for batches, the receiver read through `poll_fn(poll_recv)`, and `try_for_each` short-circuiting for step 6.

pub fn pages(catalog: Catalog) -> impl Stream<Item = Page> {
    use futures::FutureExt;
    use futures::future::BoxFuture;
    use futures::stream::TryStreamExt;
    use std::task::Poll;
    let mut next = Some(catalog.first_page());
    let mut fetching: Option<BoxFuture<'static, Page>> = None;
    stream::poll_fn(move |cx| {
        if fetching.is_none() {
            let Some(n) = next else {
                return Poll::Ready(None);
            };
            let c = catalog.clone();
            fetching = Some(async move { c.fetch_page(n).await }.boxed());
        }
        match fetching.as_mut().unwrap().poll_unpin(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(page) => {
                fetching = None;
                next = page.next;
                Poll::Ready(Some(page))
            }
        }
    })
}

pub fn lookups_in_order(catalog: Catalog, ids: Vec<u32>, n: usize) -> impl Stream<Item = Detail> {
    use futures::FutureExt;
    use futures::future::BoxFuture;
    use futures::stream::FuturesOrdered;
    use futures::stream::TryStreamExt;
    let mut ids = ids.into_iter();
    let mut held: FuturesOrdered<BoxFuture<'static, Detail>> = FuturesOrdered::new();
    stream::poll_fn(move |cx| {
        while held.len() < n {
            let Some(id) = ids.next() else { break };
            let c = catalog.clone();
            held.push_back(async move { c.lookup(id).await }.boxed());
        }
        held.poll_next_unpin(cx)
    })
}

pub fn lookups_as_they_finish(
    catalog: Catalog,
    ids: Vec<u32>,
    n: usize,
) -> impl Stream<Item = Detail> {
    use futures::FutureExt;
    use futures::stream::TryStreamExt;
    let set: tokio::task::JoinSet<Detail> = tokio::task::JoinSet::new();
    stream::unfold(
        (ids.into_iter(), set, catalog),
        move |(mut ids, mut set, catalog)| async move {
            while set.len() < n {
                let Some(id) = ids.next() else { break };
                let c = catalog.clone();
                set.spawn(async move { c.lookup(id).await });
            }
            let d = set.join_next().await?.expect("lookup task panicked");
            Some((d, (ids, set, catalog)))
        },
    )
}

pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    use futures::FutureExt;
    use futures::stream::TryStreamExt;
    use std::pin::Pin;
    use std::task::Poll;
    struct Batches {
        events: Option<BoxStream<'static, u32>>,
        size: usize,
        wait: Duration,
        batch: Vec<u32>,
        timer: Option<Pin<Box<tokio::time::Sleep>>>,
    }
    impl Stream for Batches {
        type Item = Vec<u32>;
        fn poll_next(
            mut self: Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
        ) -> Poll<Option<Vec<u32>>> {
            let this = &mut *self;
            loop {
                let Some(events) = this.events.as_mut() else {
                    return Poll::Ready(None);
                };
                match events.poll_next_unpin(cx) {
                    Poll::Ready(Some(e)) => {
                        if this.batch.is_empty() {
                            this.timer = Some(Box::pin(tokio::time::sleep(this.wait)));
                        }
                        this.batch.push(e);
                        if this.batch.len() >= this.size {
                            this.timer = None;
                            return Poll::Ready(Some(std::mem::take(&mut this.batch)));
                        }
                    }
                    Poll::Ready(None) => {
                        this.events = None;
                        this.timer = None;
                        if this.batch.is_empty() {
                            return Poll::Ready(None);
                        }
                        return Poll::Ready(Some(std::mem::take(&mut this.batch)));
                    }
                    Poll::Pending => {
                        if let Some(timer) = this.timer.as_mut() {
                            if timer.as_mut().poll(cx).is_ready() {
                                this.timer = None;
                                return Poll::Ready(Some(std::mem::take(&mut this.batch)));
                            }
                        }
                        return Poll::Pending;
                    }
                }
            }
        }
    }
    Batches {
        events: Some(events),
        size,
        wait,
        batch: Vec::new(),
        timer: None,
    }
}

pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    use futures::FutureExt;
    use futures::stream::TryStreamExt;
    let (tx, mut rx) = tokio::sync::mpsc::channel(room);
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            let Ok(permit) = tx.reserve().await else {
                break;
            };
            permit.send(item);
        }
    });
    let ids: Vec<u32> = stream::poll_fn(|cx| rx.poll_recv(cx))
        .then(|item| consumer.consume(item))
        .collect()
        .await;
    producer.await.expect("producer panicked");
    ids
}

pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    use futures::FutureExt;
    use futures::stream::TryStreamExt;
    let c = catalog.clone();
    pages(catalog)
        .flat_map(|page| stream::iter(page.items))
        .map(move |id| {
            let c = c.clone();
            async move { c.lookup(id).await }
        })
        .buffered(n)
        .map(Ok::<Detail, Detail>)
        .try_for_each(|d| futures::future::ready(if d.stars == 5 { Err(d) } else { Ok(()) }))
        .await
        .err()
}
