//! Wrong: the batch loop runs `while batch.len() <= size`, so a full batch holds size + 1 events ([1, 2, 3, 4] at 30 ms).
//! The cause: batches of at most `size`: the bound is off by one
//! expect: a batch holds at most 3 events

pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    stream::unfold(Some(events), move |state| async move {
        let mut events = state?;
        let first = events.next().await?;
        let deadline = tokio::time::Instant::now() + wait;
        let mut batch = vec![first];
        while batch.len() <= size {
            match tokio::time::timeout_at(deadline, events.next()).await {
                Ok(Some(e)) => batch.push(e),
                Ok(None) => return Some((batch, None)),
                Err(_) => break,
            }
        }
        Some((batch, Some(events)))
    })
}
