//! Wrong: the deadline is fixed when the previous batch went (the top of the unfold), before the first event arrives: [4] goes at 220 ms not 230, and [5] at 500 ms alone.
//! The cause: the timer started at the wrong moment: it must start at the batch's first event, not when the last batch went
//! expect: its timer started when the last batch went

pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    stream::unfold(Some(events), move |state| async move {
        let mut events = state?;
        let deadline = tokio::time::Instant::now() + wait;
        let first = events.next().await?;
        let mut batch = vec![first];
        while batch.len() < size {
            match tokio::time::timeout_at(deadline, events.next()).await {
                Ok(Some(e)) => batch.push(e),
                Ok(None) => return Some((batch, None)),
                Err(_) => break,
            }
        }
        Some((batch, Some(events)))
    })
}
