//! Wrong: when the events end mid-batch the unfold returns None, so the last partial batch [7, 8] is lost.
//! The cause: what is left when the events end must go at once; events 7 and 8 are lost
//! expect: an event is never lost

pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    stream::unfold(events, move |mut events| async move {
        let first = events.next().await?;
        let deadline = tokio::time::Instant::now() + wait;
        let mut batch = vec![first];
        while batch.len() < size {
            match tokio::time::timeout_at(deadline, events.next()).await {
                Ok(Some(e)) => batch.push(e),
                Ok(None) => return None,
                Err(_) => break,
            }
        }
        Some((batch, events))
    })
}
