//! Wrong: one loop with an optional deadline; when the events end it hands over whatever batch it has, even an empty one (if the events end right after a batch went, an empty batch goes).
//! The cause: an empty batch must never go: the end of the events with nothing pending must end the stream
//! expect: an empty batch never goes

pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    stream::unfold(Some(events), move |state| async move {
        let mut events = state?;
        let mut batch = Vec::new();
        let mut deadline: Option<tokio::time::Instant> = None;
        loop {
            let next = match deadline {
                None => Ok(events.next().await),
                Some(d) => tokio::time::timeout_at(d, events.next()).await,
            };
            match next {
                Ok(Some(e)) => {
                    if deadline.is_none() {
                        deadline = Some(tokio::time::Instant::now() + wait);
                    }
                    batch.push(e);
                    if batch.len() >= size {
                        return Some((batch, Some(events)));
                    }
                }
                Ok(None) => return Some((batch, None)),
                Err(_) => return Some((batch, Some(events))),
            }
        }
    })
}
