//! Wrong: the deadline is restarted at every event (a debounce): events 5, 6, 7 arriving 150 ms apart keep the batch open, so [5, 6, 7] goes full at 750 ms instead of [5, 6] at 700 ms.
//! The cause: the timer must run from the batch's first event, not from the last event
//! expect: a timer restarted at every event

pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    stream::unfold(Some(events), move |state| async move {
        let mut events = state?;
        let first = events.next().await?;
        let mut batch = vec![first];
        while batch.len() < size {
            match tokio::time::timeout(wait, events.next()).await {
                Ok(Some(e)) => batch.push(e),
                Ok(None) => return Some((batch, None)),
                Err(_) => break,
            }
        }
        Some((batch, Some(events)))
    })
}
